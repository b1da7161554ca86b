package diag_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/diag"
)

func TestPathString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path diag.Path
		want string
	}{
		{diag.Root(), ""},
		{diag.NewPath("sections"), "sections"},
		{diag.NewPath("sections").Index(2).Child("criteria").Index(0).Child("weight"), "sections[2].criteria[0].weight"},
		{diag.NewPath("answers").Child("children-rights/bi-impact"), `answers["children-rights/bi-impact"]`},
		{diag.NewPath("a.b"), `["a.b"]`},
		{diag.Root().Index(3), "[3]"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.path.String())
	}
}

func TestPathIsImmutable(t *testing.T) {
	t.Parallel()
	base := diag.NewPath("sections").Index(1)
	a, b := base.Child("id"), base.Child("title")
	assert.Equal(t, "sections[1].id", a.String())
	assert.Equal(t, "sections[1].title", b.String())
	assert.Equal(t, "sections[1]", base.String())
}

func TestPathAppend(t *testing.T) {
	t.Parallel()
	p := diag.NewPath("sections").Index(1).Child("criteria").Index(0)
	assert.Equal(t, p, diag.Root().Append(p.Segments()...), "a path is its segments")
	segs := p.Segments()
	assert.Equal(t, "sections[1].criteria", diag.Root().Append(segs[:3]...).String())
	assert.Equal(t, "facts.sections[1]", diag.NewPath("facts").Append(segs[:2]...).String())
	assert.Equal(t, diag.Root(), diag.Root().Append())
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	keys := []string{"weight", "gate", "guidance", "question", "references", "applies_when"}
	tests := []struct{ word, want string }{
		{"wieght", "weight"},
		{"weigth", "weight"},
		{"Weight", "weight"},
		{"refrences", "references"},
		{"applieswhen", "applies_when"},
		{"gates", "gate"},
		{"colour", ""},
		{"weight", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, diag.Suggest(tt.word, keys), "Suggest(%q)", tt.word)
	}
}

func TestEveryCodeSpeaksBothLanguages(t *testing.T) {
	t.Parallel()
	require.NotEmpty(t, diag.Codes())
	for _, c := range diag.Codes() {
		d := diag.New(c, diag.Range{}, diag.Root(), "a1", "a2", "a3", "a4", "a5")
		en, fr := d.Message("en"), d.Message("fr")
		assert.NotEmpty(t, en, "%s", c)
		assert.NotEmpty(t, fr, "%s", c)
		assert.NotContains(t, en, "{", "%s: every placeholder is filled", c)
		assert.NotContains(t, fr, "{", "%s: every placeholder is filled", c)
		assert.Equal(t, d.Hint("en") == "", d.Hint("fr") == "", "%s: a hint exists in both languages or neither", c)
	}
}

func TestDiagnosticsSortAndDedupe(t *testing.T) {
	t.Parallel()
	at := func(file string, line, col int) diag.Range {
		return diag.Range{File: file, Start: diag.Pos{Line: line, Column: col}}
	}
	ds := diag.Diagnostics{
		diag.New(diag.CodeUnknownKey, at("b.yaml", 1, 1), diag.NewPath("x"), `"x"`, ""),
		diag.New(diag.CodeBandGap, at("a.yaml", 9, 3), diag.NewPath("s").Index(1), "a", "b", "1"),
		diag.New(diag.CodeBandGap, at("a.yaml", 9, 3), diag.NewPath("s").Index(0), "a", "b", "1"), // same problem through an alias
		diag.New(diag.CodeRequired, at("a.yaml", 2, 5), diag.NewPath("id"), "id"),
	}
	ds.Sort()
	require.Len(t, ds, 3)
	assert.Equal(t, []string{"a.yaml:2:5", "a.yaml:9:3", "b.yaml:1:1"}, []string{ds[0].Range.String(), ds[1].Range.String(), ds[2].Range.String()})
}

func TestDiagnosticsAsError(t *testing.T) {
	t.Parallel()
	w := diag.New(diag.CodeMissingLanguage, diag.Range{File: "r.yaml", Start: diag.Pos{Line: 3, Column: 8}}, diag.NewPath("title"), "en")
	w.Severity = diag.Warning
	ds := diag.Diagnostics{w}
	assert.False(t, ds.HasErrors())
	assert.NoError(t, ds.Err())

	e := diag.New(diag.CodeUnknownKey, diag.Range{File: "r.yaml", Start: diag.Pos{Line: 7, Column: 3}}, diag.NewPath("wieght"), `"wieght"`, "weight")
	e.Suggestion = "weight"
	ds = append(ds, e)
	err := fmt.Errorf("load rubric: %w", ds.Err())
	var got diag.Diagnostics
	require.True(t, errors.As(err, &got))
	assert.Equal(t, 1, got.Count(diag.Error))
	assert.Equal(t, 1, got.Count(diag.Warning))
	assert.Contains(t, err.Error(), `r.yaml:7:3: error[unknown-key]: unknown key "wieght"`)
}

func TestWrite(t *testing.T) {
	t.Parallel()
	d := diag.New(diag.CodeUnknownKey, diag.Range{File: "r.yaml", Start: diag.Pos{Line: 7, Column: 3}}, diag.NewPath("wieght"), `"wieght"`, "gate, weight")
	d.Suggestion = "weight"
	var en, fr bytes.Buffer
	require.NoError(t, diag.Diagnostics{d}.Write(&en, "en"))
	require.NoError(t, diag.Diagnostics{d}.Write(&fr, "fr"))
	assert.Equal(t, "r.yaml:7:3: error[unknown-key]: unknown key \"wieght\"\n    hint: did you mean \"weight\"? allowed here: gate, weight\n", en.String())
	assert.Equal(t, "r.yaml:7:3: erreur[unknown-key]: clé inconnue \"wieght\"\n    conseil : vouliez-vous dire \"weight\"\u00a0? clés possibles ici\u00a0: gate, weight\n", fr.String())
}

func TestMarshalJSON(t *testing.T) {
	t.Parallel()
	d := diag.New(diag.CodeRequired, diag.Range{File: "r.yaml", Start: diag.Pos{Line: 1, Column: 1}}, diag.NewPath("sections").Index(0), "id")
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"severity":"error","code":"required","file":"r.yaml","line":1,"column":1,"path":"sections[0]",
		"message":"missing required key id","hint":"add `+"`id:`"+` here","message_fr":"clé obligatoire id manquante","hint_fr":"ajoutez `+"`id:`"+` ici"}`, string(b))
}
