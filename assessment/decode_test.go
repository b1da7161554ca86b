package assessment_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
)

// parseDiagnostics parses a declaration that must be refused and returns its diagnostics.
func parseDiagnostics(t *testing.T, src string) diag.Diagnostics {
	t.Helper()
	_, err := assessment.ParseDeclaration("d.yaml", []byte(src))
	require.ErrorIs(t, err, assessment.ErrInvalid)
	var ds diag.Diagnostics
	require.True(t, errors.As(err, &ds))
	return ds
}

// TestBadProjectIDHint: the hint of a malformed project id reads in each
// language, the catalogue's {3} in English and {4} in French.
func TestBadProjectIDHint(t *testing.T) {
	t.Parallel()
	ds := parseDiagnostics(t, "apiVersion: vigie/v1\nkind: Declaration\nproject: {id: Mon_Projet, name: P}\n")
	require.Len(t, ds, 1)
	dg := ds[0]
	assert.Equal(t, diag.CodePattern, dg.Code)
	assert.Equal(t, "project.id", dg.Path.String())
	en, fr := dg.Hint("en"), dg.Hint("fr")
	assert.NotEmpty(t, en)
	assert.NotEmpty(t, fr)
	assert.NotEqual(t, en, fr, "the French hint is French")
	for _, lang := range []string{"en", "fr"} {
		assert.NotContains(t, dg.Hint(lang), "{", lang)
		assert.NotContains(t, dg.Message(lang), "{", lang)
		assert.NotContains(t, dg.Hint(lang), "\x00", lang)
	}
}
