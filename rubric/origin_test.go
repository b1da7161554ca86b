package rubric

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A valid set does not keep the node trees of its files: they are parsed
// again only when a diagnostic needs a position.
func TestSetKeepsNoNodeTrees(t *testing.T) {
	t.Parallel()
	base, err := Parse("base.yaml", []byte(`apiVersion: vigie/v1
kind: Rubric
id: base
version: 1.0.0
title: Base
sections:
  - id: s
    title: S
    criteria:
      - {id: a, question: Q, type: bool}
`))
	require.NoError(t, err)
	ext, err := Parse("ext.yaml", []byte(`apiVersion: vigie/v1
kind: Rubric
id: ext
version: 1.0.0
title: Ext
extends: base
sections:
  - id: t
    title: T
    criteria:
      - {id: b, question: Q, type: bool}
`))
	require.NoError(t, err)
	_, err = NewSet([]*Rubric{base, ext})
	require.NoError(t, err)
	for _, r := range []*Rubric{base, ext} {
		assert.Nil(t, r.src.file.doc, "%s keeps its node tree", r.ID)
	}
}
