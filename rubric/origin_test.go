package rubric_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/rubric"
)

// A valid set does not keep the node trees of its files: they are parsed
// again only when a diagnostic needs a position.
func TestSetKeepsNoNodeTrees(t *testing.T) {
	t.Parallel()
	base := mustParse(t, "base", `sections:
  - id: s
    title: S
    criteria:
      - {id: a, question: Q, type: bool}
`)
	ext := mustParse(t, "ext", `extends: base
sections:
  - id: t
    title: T
    criteria:
      - {id: b, question: Q, type: bool}
`)
	_, err := rubric.NewSet([]*rubric.Rubric{base, ext})
	require.NoError(t, err)
	for _, r := range []*rubric.Rubric{base, ext} {
		assert.False(t, rubric.KeepsNodeTree(r), "%s keeps its node tree", r.ID)
	}
}
