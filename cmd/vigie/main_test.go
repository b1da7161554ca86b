package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xeipuuv/gojsonschema"

	"github.com/vigie-ai/vigie/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// vigie runs the command line with args and a fixed English environment.
func vigie(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb, func(k string) string {
		if k == "LANG" {
			return "en_GB.UTF-8"
		}
		return ""
	})
	return code, out.String(), errb.String()
}

// golden compares got with testdata/golden/name.
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenFile(t, filepath.Join("testdata", "golden", name), got)
}

// goldenFile compares got with the file at path, which -update rewrites.
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./cmd/vigie -update to create it")
	assert.Equal(t, string(want), got)
}

func TestValidateExamples(t *testing.T) {
	t.Parallel()
	code, out, errOut := vigie(t, "validate", "--strict", "../../examples/rubrics/")
	assert.Equal(t, exitOK, code, out+errOut)
	assert.Contains(t, out, "0 errors, 0 warnings")
}

// TestValidateNamesEveryProblem is the must-show case: one run names a
// misspelt key, an unknown reference, a wrong type, a duplicate key and an
// answer cycle, each with file:line:col and a hint.
func TestValidateNamesEveryProblem(t *testing.T) {
	t.Parallel()
	file := "../../rubric/testdata/invalid/five-problems.yaml"
	code, out, _ := vigie(t, "validate", file)
	assert.Equal(t, exitInvalid, code)
	for _, want := range []string{
		file + ":31:9: error[unknown-key]: unknown key \"wieght\"\n    hint: did you mean \"weight\"?",
		file + ":35:22: error[unknown-reference]: reference \"uncrc:art-12\"",
		file + ":40:17: error[type]: wrong type: expected number, found string\n    hint: write a number without quotes",
		file + ":42:9: error[duplicate-key]: key \"gate\" appears twice in the same mapping (first at 41:9)\n    hint:",
		file + ":46:24: error[answer-cycle]: conditions depend on each other in a cycle",
	} {
		assert.Contains(t, out, want)
	}
}

func TestValidateFormats(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "json", "github"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			code, out, _ := vigie(t, "validate", "--format", format, "testdata/mixed")
			assert.Equal(t, exitInvalid, code)
			golden(t, "validate-mixed."+format, out)
		})
	}
	t.Run("french", func(t *testing.T) {
		t.Parallel()
		code, out, _ := vigie(t, "validate", "testdata/mixed", "--lang", "fr")
		assert.Equal(t, exitInvalid, code)
		golden(t, "validate-mixed.fr.text", out)
	})
}

func TestValidateJSONIsParseable(t *testing.T) {
	t.Parallel()
	_, out, _ := vigie(t, "validate", "--format", "json", "testdata/mixed")
	var v struct {
		Valid bool `json:"valid"`
		Files []struct {
			File        string           `json:"file"`
			Valid       bool             `json:"valid"`
			Diagnostics []map[string]any `json:"diagnostics"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	assert.False(t, v.Valid)
	require.NotEmpty(t, v.Files)
}

func TestUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, exitInvalid, "Usage: vigie COMMAND", ""},
		{"help", []string{"--help"}, exitOK, "validate", ""},
		{"unknown command", []string{"frobnicate"}, exitInvalid, "", `unknown command "frobnicate"`},
		{"validate help", []string{"validate", "--help"}, exitOK, "Examples:", ""},
		{"validate without files", []string{"validate"}, exitInvalid, "", "give at least one file"},
		{"validate unknown format", []string{"validate", "--format", "xml", "testdata"}, exitInvalid, "", `unknown format "xml"`},
		{"validate unknown flag", []string{"validate", "--frmat", "json", "testdata"}, exitInvalid, "", "flag provided but not defined"},
		{"validate missing file", []string{"validate", "no-such-file.yaml"}, exitInvalid, "", "no-such-file.yaml"},
		{"bad language", []string{"validate", "--lang", "de", "testdata"}, exitInvalid, "", "--lang must be fr or en"},
		{"schema without name", []string{"schema"}, exitInvalid, "", "Usage:"},
		{"unknown schema", []string{"schema", "policy"}, exitInvalid, "", `unknown schema "policy"`},
		{"version", []string{"version"}, exitOK, "vigie ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := vigie(t, tt.args...)
			assert.Equal(t, tt.code, code, out+errOut)
			containsOrEmpty(t, out, tt.stdout)
			containsOrEmpty(t, errOut, tt.stderr)
		})
	}
}

// containsOrEmpty asserts that got holds want, or is empty when want is.
func containsOrEmpty(t *testing.T, got, want string) {
	t.Helper()
	if want == "" {
		assert.Empty(t, got)
		return
	}
	assert.Contains(t, got, want)
}

func TestValidateUnknownKind(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "policy.yaml")
	require.NoError(t, os.WriteFile(file, []byte("# a policy\napiVersion: vigie/v1\nkind: Policy\nid: x\n"), 0o644))
	code, out, _ := vigie(t, "validate", file)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, file+":3:7: error[unknown-kind]: unknown document: apiVersion vigie/v1, kind Policy")
	assert.NotContains(t, out, "[required]", "not checked as a rubric")
}

func TestFrenchFromLocale(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	code := run([]string{"validate", "../../rubric/testdata/invalid/five-problems.yaml"}, &out, &out, func(k string) string {
		return map[string]string{"LANG": "fr_FR.UTF-8"}[k]
	})
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out.String(), "erreur[unknown-key]: clé inconnue \"wieght\"")
	assert.Contains(t, out.String(), "1 fichier vérifié\u00a0: 0 valide, 1 invalide")
}

// TestSchemaCommand checks that the printed schema accepts the example
// rubrics and rejects the invalid ones whose problems are of shape.
func TestSchemaCommand(t *testing.T) {
	t.Parallel()
	code, out, _ := vigie(t, "schema", "rubric")
	require.Equal(t, exitOK, code)
	sl := gojsonschema.NewSchemaLoader()
	sl.Draft = gojsonschema.Draft7
	sl.Validate = true
	schema, err := sl.Compile(gojsonschema.NewStringLoader(out))
	require.NoError(t, err)

	validate := func(file string) *gojsonschema.Result {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		doc, ds := source.Parse(file, data, source.DefaultLimits())
		require.NotNil(t, doc, "%s", ds)
		res, err := schema.Validate(gojsonschema.NewRawLoader(doc.Value))
		require.NoError(t, err)
		return res
	}
	examples, _ := filepath.Glob("../../examples/rubrics/*.yaml")
	require.NotEmpty(t, examples)
	for _, f := range examples {
		res := validate(f)
		assert.True(t, res.Valid(), "%s: %v", f, res.Errors())
	}
	shapeCodes := []string{"unknown-key", "type", "enum", "pattern", "text", "out-of-range", "required "}
	invalid, _ := filepath.Glob("../../rubric/testdata/invalid/*.yaml")
	rejected := 0
	for _, f := range invalid {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		wants := wantCodes(string(data))
		if !hasAny(wants, shapeCodes) || strings.Contains(wants, "duplicate-key") || strings.Contains(wants, " syntax") {
			continue
		}
		if doc, _ := source.Parse(f, data, source.DefaultLimits()); doc == nil {
			continue
		}
		assert.False(t, validate(f).Valid(), "%s has shape problems the schema must reject", f)
		rejected++
	}
	assert.Positive(t, rejected)
}

func wantCodes(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if rest, ok := strings.CutPrefix(l, "# want:"); ok {
			b.WriteString(rest + " \n")
		}
	}
	return b.String()
}

func hasAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, " "+x) {
			return true
		}
	}
	return false
}

// TestValidateHostileFiles runs the command on hostile files: each is
// refused with its diagnostic and exit code 2, never a crash.
func TestValidateHostileFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]struct {
		data []byte
		code string
	}{
		"bomb.yaml":    {[]byte("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"), "too-many-nodes"},
		"big.yaml":     {bytes.Repeat([]byte("# padding\n"), 5<<20), "too-large"},
		"binary.yaml":  {[]byte{0x7f, 'E', 'L', 'F', 0, 1, 2, 0xff, 0xfe}, "binary"},
		"two.yaml":     {[]byte("kind: Rubric\n---\nkind: Rubric\n"), "multiple-documents"},
		"empty.yaml":   {nil, "empty"},
		"deep.json":    {[]byte(strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)), "too-deep"},
		"keys.yaml":    {[]byte(strings.Repeat("k: v\n", 100_000)), "too-many-lines"},
		"garbage.json": {[]byte("{\"kind\": \"Rubric\", oops}"), "syntax"},
	}
	for name, f := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), f.data, 0o644))
	}
	code, out, errOut := vigie(t, "validate", "--format", "json", dir)
	require.Equal(t, exitInvalid, code, errOut)
	var v struct {
		Files []struct {
			File        string `json:"file"`
			Diagnostics []struct {
				Code string `json:"code"`
				Line int    `json:"line"`
			} `json:"diagnostics"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	require.Len(t, v.Files, len(files))
	for _, f := range v.Files {
		want := files[filepath.Base(f.File)].code
		require.NotEmpty(t, f.Diagnostics, f.File)
		assert.Equal(t, want, f.Diagnostics[0].Code, f.File)
		assert.Positive(t, f.Diagnostics[0].Line, f.File)
	}
}

// TestValidateDeclarations checks declarations against the rubrics given
// with them, each problem at its place.
func TestValidateDeclarations(t *testing.T) {
	t.Parallel()
	code, out, errOut := vigie(t, "validate", "--rubric", maturity, triIP)
	assert.Equal(t, exitOK, code, out+errOut)
	code, out, errOut = vigie(t, "validate", "../../examples/declarations/catalog/") // against the embedded catalog
	assert.Equal(t, exitOK, code, out+errOut)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("apiVersion: vigie/v1\nkind: Declaration\nproject: {id: x, name: X}\nfacts:\n  use_cas: referral_triage\nanswers:\n  child-rights-maturity/cria: fully\n"), 0o644))
	code, out, _ = vigie(t, "validate", "--rubric", maturity, bad)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, bad+":5:12: error[unread-fact]: no rubric reads the fact \"use_cas\"\n    hint: did you mean \"use_case\"?")
	assert.Contains(t, out, bad+":7:31: error[unknown-value]: value \"fully\" is not one of the values of answer to child-rights-maturity/cria\n    hint: did you mean \"full\"?")
}

// TestInitTemplateValidates: the template vigie init writes is a valid
// declaration as it is, in both languages, and names every criterion.
func TestInitTemplateValidates(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "fr"} {
		code, out, errOut := vigie(t, "init", "--lang", lang, "--rubric", maturity)
		require.Equal(t, exitOK, code, errOut)
		assert.Contains(t, out, "# yaml-language-server: $schema=")
		assert.Contains(t, out, "# child-rights-maturity/human-decides:")
		file := filepath.Join(t.TempDir(), "template.yaml")
		require.NoError(t, os.WriteFile(file, []byte(out), 0o644))
		code, out, errOut = vigie(t, "validate", "--rubric", maturity, file)
		assert.Equal(t, exitOK, code, out+errOut)
	}
	code, _, _ := vigie(t, "init", "extra")
	assert.Equal(t, exitInvalid, code)
}

// TestDoubleDashEndsOptions: after "--", arguments that look like options
// are files; "--" given as a flag's value is that value.
func TestDoubleDashEndsOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		stderr []string
	}{
		{"first", []string{"validate", "--", "a.yaml", "--x.yaml"}, []string{"a.yaml: error[unreadable]", "--x.yaml: error[unreadable]"}},
		{"after a boolean flag", []string{"validate", "--strict", "--", "--x.yaml"}, []string{"--x.yaml: error[unreadable]"}},
		{"after an argument", []string{"validate", "a.yaml", "--", "--strict"}, []string{"a.yaml: error[unreadable]", "--strict: error[unreadable]"}},
		{"a flag's value", []string{"validate", "--format", "--", "a.yaml"}, []string{`unknown format "--"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := vigie(t, tt.args...)
			assert.Equal(t, exitInvalid, code, out+errOut)
			assert.NotContains(t, errOut, "flag provided but not defined")
			for _, want := range tt.stderr {
				assert.Contains(t, errOut, want)
			}
		})
	}
}

// TestHelpLanguage: --help describes the options in the language --lang
// names, wherever --lang stands among the arguments.
func TestHelpLanguage(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			code, en, errOut := vigie(t, c.name, "--help", "--lang", "en")
			require.Equal(t, exitOK, code, errOut)
			code, before, errOut := vigie(t, c.name, "--lang", "fr", "--help")
			require.Equal(t, exitOK, code, errOut)
			code, after, errOut := vigie(t, c.name, "--help", "--lang", "fr")
			require.Equal(t, exitOK, code, errOut)
			assert.Equal(t, before, after, "the order of --lang and --help does not matter")
			assert.Contains(t, after, "langue des messages")
			assert.NotContains(t, after, " :", "French puts a non-breaking space before a colon")
			assert.NotContains(t, after, " ;", "French puts a non-breaking space before a semicolon")
			enLines, frLines := strings.Split(en, "\n"), strings.Split(after, "\n")
			require.Len(t, frLines, len(enLines))
			for i, l := range enLines {
				if strings.HasPrefix(l, "      ") { // an option's description
					assert.NotEqual(t, l, frLines[i], "%s is not translated", strings.TrimSpace(l))
				}
			}
		})
	}
}

// TestValidateGitHubCleansControls: a control character in a file name
// reaches the Actions log as a space, escaped like the report's annotations.
func TestValidateGitHubCleansControls(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "a\x1b[31m,b.yaml")
	require.NoError(t, os.WriteFile(file, []byte("kind: Rubric\n"), 0o644))
	code, out, errOut := vigie(t, "validate", "--format", "github", file)
	assert.Equal(t, exitInvalid, code, errOut)
	assert.NotContains(t, out, "\x1b")
	assert.Contains(t, out, "a [31m%2Cb.yaml,line=")
}

// TestREADMECommands: the README's table of commands names every command.
func TestREADMECommands(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	for _, c := range commands() {
		assert.Contains(t, string(readme), "| `vigie "+c.name, "the README's command table lacks %s", c.name)
	}
}

// brokenWriter fails every write, as a closed pipe does.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestOutputFailureIsReported: a standard output that cannot be written is
// an internal error, and said so on the standard error.
func TestOutputFailureIsReported(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"rubrics"}, {"rubrics", "ai-act"}, {"init", "--rubric", maturity}, {"schema", "rubric"}, {"version"}, {"completion", "bash"},
		{"assess", "--rubric", maturity, "--as-of", "2026-11-22", triIP},
		{"validate", "testdata/mixed/valid.yaml"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			var errb bytes.Buffer
			code := run(args, brokenWriter{}, &errb, func(string) string { return "" })
			assert.Equal(t, exitInternal, code)
			assert.Contains(t, errb.String(), "broken pipe")
		})
	}
}
