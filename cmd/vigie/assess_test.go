package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xeipuuv/gojsonschema"

	"github.com/vigie-ai/vigie/schemas"
)

// The example rubric and the example declaration answered against it.
const (
	maturity = "../../examples/rubrics/child-rights-maturity.yaml"
	triIP    = "../../examples/declarations/tri-informations-preoccupantes.yaml"
)

// TestAssessGolden checks the JSON result of the example declaration
// against its golden file, in both languages.
func TestAssessGolden(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := vigie(t, "assess", "--rubric", maturity, "--as-of", "2026-11-22", "--lang", lang, triIP)
			require.Equal(t, exitOK, code, errOut)
			golden(t, "assess-tri-ip."+lang+".json", out)
		})
	}
}

// TestAssessResultMatchesSchema validates results against the published
// report schema.
func TestAssessResultMatchesSchema(t *testing.T) {
	t.Parallel()
	sl := gojsonschema.NewSchemaLoader()
	sl.Draft = gojsonschema.Draft7
	sl.Validate = true
	schema, err := sl.Compile(gojsonschema.NewBytesLoader(schemas.Report()))
	require.NoError(t, err)
	for _, asOf := range []string{"2025-06-01", "2026-11-22", "2028-01-01"} {
		code, out, errOut := vigie(t, "assess", "--rubric", maturity, "--as-of", asOf, triIP)
		require.Contains(t, []int{exitOK, exitPolicy}, code, errOut)
		res, err := schema.Validate(gojsonschema.NewStringLoader(out))
		require.NoError(t, err)
		assert.True(t, res.Valid(), "%s: %v", asOf, res.Errors())
	}
}

func TestAssessExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("apiVersion: vigie/v1\nkind: Declaration\nproject: {id: x, name: X}\nfacts:\n  colour: blue\n"), 0o644))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"pass", []string{"--as-of", "2026-11-22", triIP}, exitOK, ""},
		{"below threshold", []string{"--as-of", "2026-11-22", "--fail-below", "50", triIP}, exitPolicy, "overall score 28% is below 50%"},
		{"tier threshold", []string{"--as-of", "2028-01-01", "--fail-on-tier", "high", triIP}, exitPolicy, "risk tier High risk (high) applies"},
		{"tier not reached", []string{"--as-of", "2026-11-22", "--fail-on-tier", "high", triIP}, exitOK, ""},
		{"unknown tier", []string{"--fail-on-tier", "severe", triIP}, exitInvalid, `no rubric has the tier "severe"`},
		{"severity threshold", []string{"--as-of", "2026-11-22", "--fail-on-severity", "medium", triIP}, exitPolicy, "of severity medium or more"},
		{"severity not reached", []string{"--as-of", "2026-11-22", "--fail-on-severity", "critical", triIP}, exitOK, ""},
		{"unknown severity", []string{"--fail-on-severity", "severe", triIP}, exitInvalid, `"severe" is not a severity`},
		{"unknown format", []string{"--format", "pdf", triIP}, exitInvalid, `unknown format "pdf" (json, `},
		{"bad date", []string{"--as-of", "22/11/2026", triIP}, exitInvalid, "is not a date"},
		{"declaration that does not fit", []string{bad}, exitInvalid, "unread-fact"},
		{"no rubric", []string{"--rubric", "", triIP}, exitInvalid, "cannot read file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"assess", "--rubric", maturity}, tt.args...)
			code, out, errOut := vigie(t, args...)
			assert.Equal(t, tt.code, code, errOut)
			containsOrEmpty(t, errOut, tt.stderr)
			if code == exitOK || code == exitPolicy {
				var v map[string]any
				assert.NoError(t, json.Unmarshal([]byte(out), &v))
			}
		})
	}
}

func TestAssessWritesFile(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "result.json")
	code, stdout, errOut := vigie(t, "assess", "--rubric", maturity, "--as-of", "2026-11-22", "-o", out, triIP)
	require.Equal(t, exitOK, code, errOut)
	assert.Empty(t, stdout)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"format": "vigie.result/v1"`)
}

// TestAssessIntoFolder: with several declarations and -o a folder, one
// report per project; to one file, one combined document.
func TestAssessIntoFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	decls := []string{triIP, variant(t, triIP, "second.yaml", "id: tri-informations-preoccupantes", "id: second-project")}
	args := append([]string{"assess", "--rubric", maturity, "--as-of", "2026-11-22", "--format", "html", "-o", dir}, decls...)
	code, _, errOut := vigie(t, args...)
	require.Equal(t, exitOK, code, errOut)
	for _, id := range []string{"tri-informations-preoccupantes", "second-project"} {
		_, err := os.Stat(filepath.Join(dir, id+".html"))
		assert.NoError(t, err, id)
	}
	code, out, errOut := vigie(t, append([]string{"assess", "--rubric", maturity, "--as-of", "2026-11-22", "--format", "sarif"}, decls...)...)
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, 2, strings.Count(out, `"automationDetails"`), "one SARIF log with a run per project")
}

// TestAssessIntoFolderRefusesSharedIDs: two declarations of the same
// project would overwrite each other's report in a folder; to one file, they
// are two runs of one document.
func TestAssessIntoFolderRefusesSharedIDs(t *testing.T) {
	t.Parallel()
	copied := filepath.Join(t.TempDir(), "copie.yaml")
	data, err := os.ReadFile(triIP)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(copied, data, 0o644))
	for _, lang := range []string{"en", "fr"} {
		dir := t.TempDir()
		code, _, errOut := vigie(t, "assess", "--lang", lang, "--rubric", maturity, "--as-of", "2026-11-22", "--format", "html", "-o", dir, triIP, copied)
		require.Equal(t, exitInvalid, code)
		assert.Contains(t, errOut, `"tri-informations-preoccupantes"`)
		assert.Contains(t, errOut, copied)
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		assert.Empty(t, entries, "nothing written")
	}
	code, _, errOut := vigie(t, "assess", "--rubric", maturity, "--as-of", "2026-11-22", "--html", t.TempDir(), "--format", "json", triIP, copied)
	require.Equal(t, exitInvalid, code, "--html into a folder too")
	assert.Contains(t, errOut, "overwrite")
	code, _, errOut = vigie(t, "assess", "--rubric", maturity, "--as-of", "2026-11-22", "--format", "sarif", triIP, copied)
	require.Equal(t, exitOK, code, errOut)
}

// TestAssessTextAndHTML is the README's first command: a French summary on
// the terminal and the HTML report in a file, against the embedded catalog.
func TestAssessTextAndHTML(t *testing.T) {
	t.Parallel()
	page := filepath.Join(t.TempDir(), "rapport.html")
	code, out, errOut := vigie(t, "assess", "--lang", "fr", "--format", "text", "--html", page, "--as-of", "2026-11-22",
		"../../examples/declarations/catalog/ligne-ecoute.yaml")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "Statut\u00a0: CONFORME")
	assert.Contains(t, out, "Niveau de risque\u00a0: Obligations de transparence")
	data, err := os.ReadFile(page)
	require.NoError(t, err)
	assert.Contains(t, string(data), `<html lang="fr">`)
	assert.Contains(t, string(data), `<svg role="img"`)
}

// TestAssessFailingTier: a tier marked fail (a prohibited practice) fails
// the assessment though every critère impératif is met, and says so.
func TestAssessFailingTier(t *testing.T) {
	t.Parallel()
	file := variant(t, "../../examples/declarations/catalog/ligne-ecoute.yaml", "ligne-ecoute.yaml",
		"capabilities: [conversational, generates_text]", "capabilities: [conversational, generates_text, manipulative_techniques]")
	for lang, want := range map[string][]string{
		"en": {"the risk tier Prohibited practice fails the assessment", "risk tier Prohibited practice (prohibited) fails the assessment"},
		"fr": {"le niveau de risque Pratique interdite rend l'évaluation non conforme", "le niveau de risque Pratique interdite (prohibited) rend l'évaluation non conforme"},
	} {
		code, out, errOut := vigie(t, "assess", "--lang", lang, "--format", "text", "--as-of", "2026-11-22", file)
		assert.Equal(t, exitPolicy, code, errOut)
		assert.Contains(t, out, want[0])
		assert.Contains(t, errOut, want[1])
		assert.NotContains(t, errOut, "0 crit", "no count of failed critères impératifs when none failed")
	}
}

// TestAssessPolicyWording: why a result fails the policy is said as the
// reports say it, in French with French severities and spacing.
func TestAssessPolicyWording(t *testing.T) {
	t.Parallel()
	file := variant(t, triIP, "triIP.yaml",
		"child-rights-maturity/human-decides:\n    value: true", "child-rights-maturity/human-decides:\n    value: false")
	for lang, want := range map[string][]string{
		"en": {file + ": 1 critère impératif not met\n", " of severity medium or more\n", "overall score 23% is below 50.5%\n"},
		"fr": {file + "\u00a0: 1 critère impératif non atteint\n", " de gravité moyenne ou plus\n", "score global 23\u00a0% sous 50,5\u00a0%\n"},
	} {
		code, _, errOut := vigie(t, "assess", "--lang", lang, "--rubric", maturity, "--as-of", "2026-11-22",
			"--fail-on-severity", "medium", "--fail-below", "50.5", file)
		assert.Equal(t, exitPolicy, code, errOut)
		for _, w := range want {
			assert.Contains(t, errOut, w)
		}
		assert.NotContains(t, errOut, "failed")
	}
}

// TestAssessToStandardOutput: -o - writes to the standard output, as no -o does.
func TestAssessToStandardOutput(t *testing.T) {
	t.Parallel()
	code, want, errOut := vigie(t, "assess", "--rubric", maturity, "--as-of", "2026-11-22", triIP)
	require.Equal(t, exitOK, code, errOut)
	code, got, errOut := vigie(t, "assess", "--rubric", maturity, "--as-of", "2026-11-22", "-o", "-", triIP)
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, want, got)
}

// variant writes a copy of the declaration src, named name in a temporary
// folder, with the first from replaced by to, and returns its path.
func variant(t *testing.T, src, name, from, to string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	changed := strings.Replace(string(data), from, to, 1)
	require.NotEqual(t, string(data), changed, "%s holds %q", src, from)
	file := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(file, []byte(changed), 0o644))
	return file
}
