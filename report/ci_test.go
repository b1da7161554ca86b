package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xeipuuv/gojsonschema"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/report"
)

// The golden files of the CI formats (tri-ip.*.sarif, .junit, .github, .csv)
// are written by TestGolden, which renders every format of report.Formats().

// example assesses the example declaration, edited by the replacements
// (old, new, old, new…) applied to the rubric and the declaration.
func example(t *testing.T, lang string, rubricEdits, declEdits []string) *assessment.Result {
	t.Helper()
	rub := string(read(t, "../examples/rubrics/child-rights-maturity.yaml"))
	decl := string(read(t, "../examples/declarations/tri-informations-preoccupantes.yaml"))
	for i := 0; i+1 < len(rubricEdits); i += 2 {
		require.Contains(t, rub, rubricEdits[i])
		rub = strings.ReplaceAll(rub, rubricEdits[i], rubricEdits[i+1])
	}
	for i := 0; i+1 < len(declEdits); i += 2 {
		require.Contains(t, decl, declEdits[i])
		decl = strings.ReplaceAll(decl, declEdits[i], declEdits[i+1])
	}
	return assess(t, []byte(rub), []byte(decl), lang)
}

func render(t *testing.T, f report.Format, results []*assessment.Result, o report.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Write(&b, f, results, o))
	return b.Bytes()
}

// failingGate makes the example fail a critère impératif.
var failingGate = []string{"child-rights-maturity/human-decides:\n    value: true", "child-rights-maturity/human-decides:\n    value: false"}

// sarifSchema compiles the official SARIF 2.1.0 schema kept in testdata.
//
// testdata/sarif-schema-2.1.0.json is sarif-2.1.0.json, byte for byte, from
// the npm package @microsoft/sarif-multitool-linux 5.7.0 (MIT), the same file
// as src/Sarif/Schemata/sarif-2.1.0.json in microsoft/sarif-sdk, the SARIF
// TC's reference implementation (sha256 1c49a0f2b60444c71bb14878e21e0d88
// 2198eff4c539861b133093ad89ed798c).
//
// Its "$schema" names draft 2020-12, which gojsonschema does not know (it
// knows drafts 4, 6 and 7), but it uses only keywords that mean the same in
// draft 7 (definitions, $ref to #/definitions, properties, required, enum,
// format, pattern, anyOf, oneOf…): the loader compiles it as draft 7. It
// leaves Validate false, so gojsonschema never fetches the meta-schema that
// "$schema" names from the network, and the schema has no remote $ref.
func sarifSchema(t *testing.T) *gojsonschema.Schema {
	t.Helper()
	sl := gojsonschema.NewSchemaLoader()
	sl.Validate = false
	sl.AutoDetect = false
	sl.Draft = gojsonschema.Draft7
	s, err := sl.Compile(gojsonschema.NewBytesLoader(read(t, "testdata/sarif-schema-2.1.0.json")))
	require.NoError(t, err)
	return s
}

func requireValidSARIF(t *testing.T, schema *gojsonschema.Schema, doc []byte) {
	t.Helper()
	r, err := schema.Validate(gojsonschema.NewBytesLoader(doc))
	require.NoError(t, err)
	for _, e := range r.Errors() {
		t.Errorf("SARIF: %s", e)
	}
}

// sarifDoc is what the tests read back of a SARIF log.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					ShortDescription struct{ Text string }
					Help             *struct{ Text string }
					HelpURI          string `json:"helpUri"`
					Properties       struct {
						Gate       bool     `json:"gate"`
						References []string `json:"references"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails struct{ ID string } `json:"automationDetails"`
		Results           []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					Region           *struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFIsValid(t *testing.T) {
	t.Parallel()
	schema := sarifSchema(t)
	for _, lang := range []string{"en", "fr"} {
		res := example(t, lang, nil, nil)
		failing := example(t, lang, nil, failingGate)
		failing.Subject.ID = "autre-projet"
		doc := render(t, report.SARIF, []*assessment.Result{res, failing}, report.Options{Language: lang})
		requireValidSARIF(t, schema, doc)
		for _, c := range goldenCases {
			requireValidSARIF(t, schema, read(t, "testdata/"+c.name+"."+lang+".sarif"))
		}

		var log sarifDoc
		require.NoError(t, json.Unmarshal(doc, &log))
		assert.Equal(t, "2.1.0", log.Version)
		require.Len(t, log.Runs, 2, "one run per result")
		run := log.Runs[0]
		assert.Equal(t, "vigie", run.Tool.Driver.Name)
		assert.Equal(t, "test", run.Tool.Driver.Version)
		assert.Equal(t, "vigie/tri-informations-preoccupantes/", log.Runs[0].AutomationDetails.ID)
		assert.Equal(t, "vigie/autre-projet/", log.Runs[1].AutomationDetails.ID, "runs are told apart")
		require.Len(t, run.Tool.Driver.Rules, len(res.Criteria))
		for i, c := range res.Criteria {
			rule := run.Tool.Driver.Rules[i]
			assert.Equal(t, c.ID, rule.ID)
			assert.Equal(t, c.Question, rule.ShortDescription.Text)
			assert.Equal(t, c.Gate, rule.Properties.Gate)
			assert.Equal(t, c.References, rule.Properties.References)
		}
		// human-decides cites uncrc:art-3 first, which has a URL.
		assert.Equal(t, "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child", run.Tool.Driver.Rules[0].HelpURI)

		require.Len(t, run.Results, len(res.Findings))
		criteria := map[string]bool{}
		for _, c := range res.Criteria {
			criteria[c.ID] = true
		}
		for i, f := range res.Findings {
			r := run.Results[i]
			assert.Equal(t, f.Message, r.Message.Text)
			if criteria[f.Subject] {
				assert.Equal(t, f.Subject, r.RuleID)
				require.NotNil(t, r.RuleIndex)
				assert.Equal(t, f.Subject, run.Tool.Driver.Rules[*r.RuleIndex].ID)
			} else {
				assert.Empty(t, r.RuleID, "%s: %s is not a criterion", f.Code, f.Subject)
				assert.Nil(t, r.RuleIndex)
			}
			want := map[assessment.Severity]string{assessment.Critical: "error", assessment.High: "error",
				assessment.Medium: "warning", assessment.Low: "note", assessment.Info: "note"}[f.Severity]
			assert.Equal(t, want, r.Level, f.Code)
			if f.Position == nil {
				assert.Empty(t, r.Locations)
				continue
			}
			require.Len(t, r.Locations, 1)
			loc := r.Locations[0].PhysicalLocation
			assert.Equal(t, "declaration.yaml", loc.ArtifactLocation.URI)
			require.NotNil(t, loc.Region)
			assert.Equal(t, f.Position.Start.Line, loc.Region.StartLine)
			assert.Equal(t, f.Position.Start.Column, loc.Region.StartColumn)
		}
		// The failing critère impératif is an error on its rule.
		found := false
		for _, r := range log.Runs[1].Results {
			if r.RuleID == "child-rights-maturity/human-decides" && r.Level == "error" {
				found = true
			}
		}
		assert.True(t, found, "the failed critère impératif is reported")
	}
}

// TestSARIFEdges renders what the example lacks: no results, a file name
// that URIs reserve characters of, a finding without a position or without
// a line, and checks the schema does reject a broken log.
func TestSARIFEdges(t *testing.T) {
	t.Parallel()
	schema := sarifSchema(t)
	requireValidSARIF(t, schema, render(t, report.SARIF, nil, report.Options{}))

	res := &assessment.Result{Vigie: "test", Language: "en", Subject: assessment.Subject{ID: "p", File: "décl #1?.yaml"},
		Status: assessment.Fail, Findings: []assessment.Finding{
			{Severity: assessment.Critical, Code: "gate-failed", Subject: "r/c", Message: "50%\nnot met", Position: &diag.Range{File: "dir/a:b,c.yaml", Start: diag.Pos{Line: 3, Column: 5}, End: diag.Pos{Line: 3, Column: 9}}},
			{Severity: assessment.Medium, Code: "x", Message: "no line", Position: &diag.Range{}},
			{Severity: assessment.Info, Code: "tier", Message: "no position"},
			{Severity: assessment.Low, Code: "abs", Message: "absolute", Position: &diag.Range{File: "/srv/decl.yaml", Start: diag.Pos{Line: 1}}},
		}}
	doc := render(t, report.SARIF, []*assessment.Result{res}, report.Options{})
	requireValidSARIF(t, schema, doc)
	var log sarifDoc
	require.NoError(t, json.Unmarshal(doc, &log))
	r := log.Runs[0].Results
	assert.Equal(t, "dir/a:b,c.yaml", r[0].Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Empty(t, r[0].RuleID, "r/c is no criterion of the result")
	assert.Equal(t, "d%C3%A9cl%20%231%3F.yaml", r[1].Locations[0].PhysicalLocation.ArtifactLocation.URI, "the declaration stands for a position without a file")
	assert.Nil(t, r[1].Locations[0].PhysicalLocation.Region)
	assert.Empty(t, r[2].Locations)
	assert.Equal(t, "file:///srv/decl.yaml", r[3].Locations[0].PhysicalLocation.ArtifactLocation.URI)

	broken := bytes.Replace(doc, []byte(`"level": "error"`), []byte(`"level": "fatal"`), 1)
	v, err := schema.Validate(gojsonschema.NewBytesLoader(broken))
	require.NoError(t, err)
	assert.False(t, v.Valid(), "the schema is no empty shell")
}

// junitDoc is what the tests read back of a JUnit report.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Classname string `xml:"classname,attr"`
			Name      string `xml:"name,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnit(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "fr"} {
		// Markup in a question stays text.
		res := example(t, lang, []string{
			`en: "Does the AI support the professional relationship`, `en: "<b>&amp;</b> ]]> Does the AI support the professional relationship`,
			`fr: "L'IA soutient-elle`, `fr: "<b>&amp;</b> ]]> L'IA soutient-elle`,
		}, failingGate)
		raw := render(t, report.JUnit, []*assessment.Result{res}, report.Options{Language: lang})
		assert.Contains(t, string(raw), "&lt;b&gt;&amp;amp;&lt;/b&gt; ]]&gt; ", "markup escaped")
		var doc junitDoc
		require.NoError(t, xml.Unmarshal(raw, &doc))

		c := totals(res)
		assert.Equal(t, len(res.Criteria), doc.Tests)
		assert.Equal(t, c.Partial+c.Unmet+c.Unanswered, doc.Failures)
		assert.Equal(t, c.NotApplicable, doc.Skipped)
		assert.Zero(t, doc.Errors)
		sections := 0
		for _, rr := range res.Rubrics {
			sections += len(rr.Sections)
		}
		require.Len(t, doc.Suites, sections, "a suite per section")
		var tests, failures, skipped int
		for _, s := range doc.Suites {
			assert.Len(t, s.Cases, s.Tests)
			tests, failures, skipped = tests+s.Tests, failures+s.Failures, skipped+s.Skipped
			for _, tc := range s.Cases {
				assert.Equal(t, s.Name, tc.Classname)
			}
		}
		assert.Equal(t, []int{doc.Tests, doc.Failures, doc.Skipped}, []int{tests, failures, skipped}, "totals add up")

		first := doc.Suites[0]
		assert.Equal(t, "child-rights-maturity/gouvernance", first.Name)
		tc := first.Cases[0]
		assert.Equal(t, res.Criteria[0].ID+" — "+res.Criteria[0].Question, tc.Name)
		require.NotNil(t, tc.Failure, "human-decides is answered false")
		assert.Equal(t, "unmet", tc.Failure.Type)
		assert.Contains(t, tc.Failure.Message, "critère impératif")
		for _, s := range doc.Suites {
			for _, tc := range s.Cases {
				if tc.Skipped != nil {
					assert.Contains(t, tc.Skipped.Message, map[string]string{"en": "not applicable", "fr": "non concerné"}[lang])
				}
			}
		}
	}
}

func totals(res *assessment.Result) assessment.Counts {
	var t assessment.Counts
	for _, c := range res.Criteria {
		switch c.Status {
		case assessment.Met:
			t.Met++
		case assessment.Partial:
			t.Partial++
		case assessment.Unmet:
			t.Unmet++
		case assessment.Unanswered:
			t.Unanswered++
		case assessment.NotApplicable:
			t.NotApplicable++
		}
	}
	return t
}

func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	res := &assessment.Result{Subject: assessment.Subject{ID: "p,1", Name: "Projet: 100%", File: "decl.yaml"}, Status: assessment.Fail,
		Classification: &assessment.Classification{Headline: "high", HeadlineTitle: "Haut risque"},
		FailedGates:    []assessment.Gate{{Criterion: "r/c"}},
		Findings: []assessment.Finding{
			{Severity: assessment.Critical, Code: "gate-failed", Message: "50% done\r\nnext line\nend\x1b[31m", Position: &diag.Range{File: "dir/a:b,c%.yaml", Start: diag.Pos{Line: 3, Column: 5}}},
			{Severity: assessment.High, Code: "unmet", Message: "high", Position: &diag.Range{Start: diag.Pos{Line: 7}}},
			{Severity: assessment.Medium, Code: "partial", Message: "medium", Position: &diag.Range{File: "x.yaml"}},
			{Severity: assessment.Low, Code: "a,b:c", Message: "low"},
			{Severity: assessment.Info, Code: "tier", Message: "info::x"},
		}}
	got := string(render(t, report.GitHub, []*assessment.Result{res}, report.Options{}))
	want := strings.Join([]string{
		"::error file=dir/a%3Ab%2Cc%25.yaml,line=3,col=5,title=vigie gate-failed::50%25 done%0D%0Anext line%0Aend [31m",
		"::error file=decl.yaml,line=7,title=vigie unmet::high",
		"::warning file=x.yaml,title=vigie partial::medium",
		"::notice title=vigie a%2Cb%3Ac::low",
		"::notice title=vigie tier::info::x",
		"::error::Projet: 100%25 (p,1): FAIL — Risk tier: Haut risque — 1 critère impératif not met",
		"",
	}, "\n")
	assert.Equal(t, want, got)
	for line := range strings.SplitSeq(strings.TrimSuffix(got, "\n"), "\n") {
		assert.True(t, strings.HasPrefix(line, "::"), "one command a line: %q", line)
	}
}

func TestGitHubNotice(t *testing.T) {
	t.Parallel()
	got := string(render(t, report.GitHub, []*assessment.Result{example(t, "fr", nil, nil)}, report.Options{Language: "fr"}))
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	assert.Equal(t, "::notice::Aide au tri des informations préoccupantes (tri-informations-preoccupantes)\u00a0: CONFORME — Niveau de risque\u00a0: Risque minimal", lines[len(lines)-1])
}

func TestCSV(t *testing.T) {
	t.Parallel()
	res := example(t, "fr", nil, nil)
	rows, err := csv.NewReader(bytes.NewReader(render(t, report.CSV, []*assessment.Result{res, res}, report.Options{Language: "fr"}))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+2*len(res.Criteria), "a header and a row per criterion per result")
	assert.Equal(t, []string{"Identifiant du projet", "Grille", "Section", "Critère", "Question", "Statut", "Score", "Points",
		"Critère impératif", "Gravité", "Réponse", "Nombre de justificatifs", "Références"}, rows[0])
	for _, row := range rows[1:] {
		assert.Len(t, row, len(rows[0]))
	}
	assert.Equal(t, []string{"tri-informations-preoccupantes", "child-rights-maturity", "gouvernance", "child-rights-maturity/human-decides",
		res.Criteria[0].Question, "atteint", "1", "", "oui", "critique", "oui", "1", "uncrc:art-3, gc25:para-12, aiact:art-26, gdpr:art-22"}, rows[1])
}

// TestCSVInjection puts formulas in a question, an answer label, a project id
// and answers: every cell comes out as text.
func TestCSVInjection(t *testing.T) {
	t.Parallel()
	res := example(t, "en",
		[]string{
			`en: "Does the AI support the professional relationship`, `en: "+cmd|' /C calc'!A0 Does the AI support the professional relationship`,
			`label: {fr: "Engagé", en: "Started"}`, `label: {fr: "Engagé", en: "=HYPERLINK(\"http://x\")"}`,
		},
		nil)
	// Project ids are identifiers in a declaration: a hand-made result
	// brings the other payloads.
	lit := &assessment.Result{Subject: assessment.Subject{ID: "@SUM(1+1)"}, Criteria: []assessment.CriterionResult{
		{CriterionInfo: &assessment.CriterionInfo{ID: "r/a", Rubric: "r", Section: "-s", Question: "\t=1"}, Status: assessment.Unanswered, Severity: assessment.Low, Answer: "\r=1"},
		{CriterionInfo: &assessment.CriterionInfo{ID: "r/b", Rubric: "r", Section: "s", Question: "=1+1"}, Status: assessment.Met, Severity: assessment.Low, Answer: []any{"-1", "x"}},
	}}
	require.True(t, strings.HasPrefix(res.Criteria[0].Question, "+cmd"))
	rows, err := csv.NewReader(bytes.NewReader(render(t, report.CSV, []*assessment.Result{res, lit}, report.Options{}))).ReadAll()
	require.NoError(t, err)
	cells := map[string]bool{}
	for _, row := range rows {
		for _, cell := range row {
			cells[cell] = true
			if cell != "" {
				assert.NotContains(t, "=+-@\t\r", cell[:1], "cell %q would read as a formula", cell)
			}
		}
	}
	for _, want := range []string{
		"'@SUM(1+1)", "'" + res.Criteria[0].Question,
		`'=HYPERLINK("http://x")`, "'-s", "'\t=1", "'\r=1", "'=1+1", "'-1, x",
	} {
		assert.True(t, cells[want], "missing inert cell %q", want)
	}
}

func TestCSVBOM(t *testing.T) {
	t.Parallel()
	res := example(t, "en", nil, nil)
	plain := render(t, report.CSV, []*assessment.Result{res}, report.Options{})
	withBOM := render(t, report.CSV, []*assessment.Result{res}, report.Options{BOM: true})
	assert.False(t, bytes.HasPrefix(plain, []byte("\ufeff")))
	assert.Equal(t, append([]byte("\xef\xbb\xbf"), plain...), withBOM)
}

// TestCriterionWithoutInfo: a result decoded from JSON or built by hand may
// hold criteria without a CriterionInfo; every format renders it, and the
// caller's result is not changed.
func TestCriterionWithoutInfo(t *testing.T) {
	t.Parallel()
	var res assessment.Result
	require.NoError(t, json.Unmarshal([]byte(`{"format":"vigie.result/v1","status":"pass","subject":{"id":"p","name":"P"},
		"criteria":[{"status":"met","severity":"low","score":1},{"id":"r/b","question":"Q?","status":"unmet","severity":"high"}]}`), &res))
	require.Nil(t, res.Criteria[0].CriterionInfo)
	for _, f := range report.Formats() {
		var b bytes.Buffer
		require.NoError(t, report.Write(&b, f, []*assessment.Result{&res}, report.Options{}), f)
		assert.NotEmpty(t, b.String(), f)
	}
	assert.Nil(t, res.Criteria[0].CriterionInfo, "the caller's result is left as it was")
	assert.Equal(t, "r/b", res.Criteria[1].ID)
}
