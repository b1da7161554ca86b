package report_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/report"
	"github.com/vigie-ai/vigie/rubric"
	"github.com/vigie-ai/vigie/rubric/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// assess assesses a declaration against a rubric, or against the embedded
// catalog when rubricFile is nil.
func assess(t *testing.T, rubricFile, declaration []byte, lang string) *assessment.Result {
	t.Helper()
	set, err := catalog.Set()
	if rubricFile != nil {
		r, perr := rubric.Parse("rubric.yaml", rubricFile)
		require.NoError(t, perr)
		set, err = rubric.NewSet([]*rubric.Rubric{r})
	}
	require.NoError(t, err)
	a, err := assessment.Compile(set, assessment.WithVersion("test"))
	require.NoError(t, err)
	d, err := assessment.ParseDeclaration("declaration.yaml", declaration)
	require.NoError(t, err)
	res, err := a.Assess(context.Background(), d, assessment.WithAsOf(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)), assessment.WithLanguage(lang))
	require.NoError(t, err)
	return res
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	assert.Equal(t, string(read(t, path)), string(got), "run go test ./report -update and read the diff")
}

// The example projects every format is checked on, each with its rubric.
var goldenCases = []struct{ name, rubric, declaration string }{
	{"tri-ip", "../examples/rubrics/child-rights-maturity.yaml", "../examples/declarations/tri-informations-preoccupantes.yaml"},
	{"ligne-ecoute", "", "../examples/declarations/catalog/ligne-ecoute.yaml"}, // the embedded catalog
	{"resume-notes", "../examples/rubrics/impact-points.yaml", "../examples/declarations/resume-notes-sociales.yaml"},
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for _, c := range goldenCases {
		for _, lang := range []string{"en", "fr"} {
			t.Run(c.name+"."+lang, func(t *testing.T) {
				t.Parallel()
				var rub []byte
				if c.rubric != "" {
					rub = read(t, c.rubric)
				}
				res := assess(t, rub, read(t, c.declaration), lang)
				for _, f := range report.Formats() {
					t.Run(string(f), func(t *testing.T) {
						var b bytes.Buffer
						require.NoError(t, report.Write(&b, f, []*assessment.Result{res}, report.Options{Language: lang}))
						golden(t, c.name+"."+lang+"."+string(f), b.Bytes())
					})
				}
			})
		}
	}
}

// TestUserTextIsInert puts markup and control characters in the project's
// name and answers: Markdown and text outputs keep them as text.
func TestUserTextIsInert(t *testing.T) {
	t.Parallel()
	rub := read(t, "../examples/rubrics/child-rights-maturity.yaml")
	decl := strings.Replace(string(read(t, "../examples/declarations/tri-informations-preoccupantes.yaml")),
		"name: Aide au tri des informations préoccupantes",
		`name: "<script>alert(1)</script> [x](javascript:alert(2)) | **bold** \e[31mred"`, 1)
	res := assess(t, rub, []byte(decl), "en")
	var md, txt bytes.Buffer
	require.NoError(t, report.Write(&md, report.Markdown, []*assessment.Result{res}, report.Options{}))
	require.NoError(t, report.Write(&txt, report.Text, []*assessment.Result{res}, report.Options{}))
	assert.NotContains(t, md.String(), "<script>")
	assert.NotContains(t, md.String(), "[x](javascript:", "the link stays text")
	assert.Contains(t, md.String(), `\[x\](javascript:`)
	assert.Contains(t, md.String(), `&lt;script&gt;`)
	assert.NotContains(t, txt.String(), "\x1b")
}

func TestUnknownFormat(t *testing.T) {
	t.Parallel()
	err := report.Write(&bytes.Buffer{}, "pdf", nil, report.Options{})
	assert.ErrorIs(t, err, report.ErrFormat)
	_, err = report.ParseFormat("pdf")
	assert.ErrorIs(t, err, report.ErrFormat)
}

func TestColour(t *testing.T) {
	t.Parallel()
	rub := read(t, "../examples/rubrics/child-rights-maturity.yaml")
	res := assess(t, rub, read(t, "../examples/declarations/tri-informations-preoccupantes.yaml"), "en")
	var plain, colour bytes.Buffer
	require.NoError(t, report.Write(&plain, report.Text, []*assessment.Result{res}, report.Options{}))
	require.NoError(t, report.Write(&colour, report.Text, []*assessment.Result{res}, report.Options{Color: true}))
	assert.NotContains(t, plain.String(), "\x1b[")
	assert.Contains(t, colour.String(), "\x1b[")
}

// TestTextFindingsWithoutActions: a result with nothing to do still counts
// its findings, and a result without findings has no findings line.
func TestTextFindingsWithoutActions(t *testing.T) {
	t.Parallel()
	withFindings := &assessment.Result{Subject: assessment.Subject{ID: "p", Name: "P"}, Status: assessment.Pass,
		Findings: []assessment.Finding{{Severity: assessment.Info, Code: "tier", Message: "minimal risk"}}}
	without := &assessment.Result{Subject: assessment.Subject{ID: "q", Name: "Q"}, Status: assessment.Pass,
		ActionPlan: []assessment.Action{{Rank: 1, Criterion: "r/c", Recommendation: "do it"}}}
	for lang, want := range map[string][]string{
		"en": {"Action plan: nothing to do", "1 finding: info: 1\n", "finding"},
		"fr": {"Plan d'action\u00a0: rien à faire", "1 constat\u00a0: information\u00a0: 1\n", "constat"},
	} {
		got := string(render(t, report.Text, []*assessment.Result{withFindings}, report.Options{Language: lang}))
		assert.Contains(t, got, want[0])
		assert.Contains(t, got, want[1], "the findings follow an empty plan d'action")
		got = string(render(t, report.Text, []*assessment.Result{without}, report.Options{Language: lang}))
		assert.NotContains(t, got, want[2], "no findings line without findings")
	}
}

// TestMarkdownRuleWithoutReferences: a rule that cites nothing is written
// without empty parentheses, in force or upcoming.
func TestMarkdownRuleWithoutReferences(t *testing.T) {
	t.Parallel()
	rule := assessment.RuleResult{ID: "r1", Tier: "high", TierTitle: "High", Rationale: "why", Effective: "2027-08-02"}
	res := &assessment.Result{Subject: assessment.Subject{ID: "p", Name: "P"}, Status: assessment.Pass,
		Classification: &assessment.Classification{Headline: "high", HeadlineTitle: "High", Rules: []assessment.RuleResult{rule}, Upcoming: []assessment.RuleResult{rule}}}
	got := string(render(t, report.Markdown, []*assessment.Result{res}, report.Options{}))
	assert.Contains(t, got, "- **High** — r1: why\n")
	assert.Contains(t, got, "- Upcoming from 2027-08-02 — **High**: r1\n")
	assert.NotContains(t, got, "()")
}

// TestMarkdownFileName: a file name is written as it is, in a code span.
func TestMarkdownFileName(t *testing.T) {
	t.Parallel()
	res := &assessment.Result{Subject: assessment.Subject{ID: "p", Name: "P", File: "my_decl&x.yaml", SHA256: "abc"}, Status: assessment.Pass}
	got := string(render(t, report.Markdown, []*assessment.Result{res}, report.Options{}))
	assert.Contains(t, got, "- Declaration: `my_decl&x.yaml` (sha256 `abc`)\n")
}
