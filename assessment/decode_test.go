package assessment_test

import (
	"errors"
	"fmt"
	"strings"
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

// TestTaggedBooleans: a value tagged !!bool is read as YAML reads it; one
// YAML cannot read as true or false is a type error, not a silent false.
func TestTaggedBooleans(t *testing.T) {
	t.Parallel()
	const head = "apiVersion: vigie/v1\nkind: Declaration\nproject: {id: p, name: P}\nfacts:\n"
	d, err := assessment.ParseDeclaration("d.yaml", []byte(head+"  a: !!bool true\n  b: !!bool False\n  c: TRUE\n  d: [!!bool True]\n"))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"a": true, "b": false, "c": true, "d": []any{true}}, d.Facts)

	ds := parseDiagnostics(t, head+"  a: !!bool yes\n  b: [!!bool off]\n")
	var got []string
	for _, dg := range ds {
		got = append(got, string(dg.Code)+" "+dg.Path.String()+" "+dg.Range.String())
	}
	assert.Equal(t, []string{"type facts.a d.yaml:5:6", "type facts.b[0] d.yaml:6:7"}, got)
}

// TestRequiredKeysOfUnreadMappings: a mapping too long to read is refused
// for its length alone; the keys it holds are not said to be missing.
func TestRequiredKeysOfUnreadMappings(t *testing.T) {
	t.Parallel()
	const head = "apiVersion: vigie/v1\nkind: Declaration\nproject: {id: p, name: P}\nanswers:\n"
	long := func(first string) string {
		var b strings.Builder
		b.WriteString(first)
		for i := range 30 { // more than four times the keys any of these mappings allows
			fmt.Fprintf(&b, ", x%d: 1", i)
		}
		return b.String()
	}
	for name, src := range map[string]string{
		"answer":   head + "  r/c: {" + long("value: true") + "}\n",
		"evidence": head + "  r/c: {value: true, evidence: [{" + long("title: T") + "}]}\n",
		"project":  "apiVersion: vigie/v1\nkind: Declaration\nproject: {" + long("id: p, name: P") + "}\n",
	} {
		var codes []diag.Code
		for _, dg := range parseDiagnostics(t, src) {
			codes = append(codes, dg.Code)
		}
		assert.Equal(t, []diag.Code{diag.CodeMappingTooLong}, codes, name)
	}
	// A mapping that can be read still names what it lacks.
	ds := parseDiagnostics(t, head+"  r/c: {comment: C, evidence: [{ref: R}]}\n")
	require.Len(t, ds, 2)
	assert.Equal(t, diag.CodeRequired, ds[0].Code)
	assert.Equal(t, diag.CodeRequired, ds[1].Code)
}
