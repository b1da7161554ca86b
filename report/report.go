package report

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/vigie-ai/vigie/assessment"
)

// Format names an output format.
type Format string

// The formats.
const (
	JSON     Format = "json"     // the canonical result, as schemas/report.schema.json describes it
	Text     Format = "text"     // a compact summary for terminals
	Markdown Format = "markdown" // a report for people, GitHub-flavoured Markdown
	SARIF    Format = "sarif"    // SARIF 2.1.0, for code scanning: one run per result
	JUnit    Format = "junit"    // JUnit XML, for CI test reports: a test case per criterion
	GitHub   Format = "github"   // GitHub Actions workflow commands: an annotation per finding
	CSV      Format = "csv"      // a row per criterion, for spreadsheets
	HTML     Format = "html"     // one self-contained page for people, printable, with a radar chart
)

// Formats returns the formats Write knows, in a stable order.
func Formats() []Format { return []Format{JSON, Text, Markdown, HTML, SARIF, JUnit, GitHub, CSV} }

// Options configure a report.
type Options struct {
	// Language of the static words: "fr" or "en" (default "en"). The texts
	// of the rubrics are in the language the assessment was made in.
	Language string
	// Color uses ANSI colours (text format, on a terminal).
	Color bool
	// BOM writes a UTF-8 byte-order mark first, for spreadsheet software
	// (csv format).
	BOM bool
}

// ErrFormat is returned for a format Write does not know.
var ErrFormat = errors.New("unknown report format")

// Write renders results in format f. Several results make one document in
// the json format (a list), the sarif format (a run each), the junit format
// and the csv format (one table), and follow each other in the others.
func Write(w io.Writer, f Format, results []*assessment.Result, o Options) error {
	o.normalize()
	var r renderer
	switch f {
	case JSON:
		r = jsonRenderer{}
	case Text:
		r = textRenderer{}
	case Markdown:
		r = markdownRenderer{}
	case SARIF:
		r = sarifRenderer{}
	case JUnit:
		r = junitRenderer{}
	case GitHub:
		r = githubRenderer{}
	case HTML:
		r = htmlRenderer{}
	case CSV:
		r = csvRenderer{}
	default:
		return fmt.Errorf("%w %q (known: %v)", ErrFormat, f, Formats())
	}
	return r.render(w, describeAll(results), &o)
}

// describeAll returns results whose criteria all have a CriterionInfo:
// results made by Assess always do, but one decoded from JSON or built by
// hand may not. Such a result is copied, never changed.
func describeAll(results []*assessment.Result) []*assessment.Result {
	var out []*assessment.Result
	for i, res := range results {
		if !slices.ContainsFunc(res.Criteria, func(c assessment.CriterionResult) bool { return c.CriterionInfo == nil }) {
			continue
		}
		if out == nil {
			out = slices.Clone(results)
		}
		cp := *res
		cp.Criteria = slices.Clone(res.Criteria)
		for k := range cp.Criteria {
			if cp.Criteria[k].CriterionInfo == nil {
				cp.Criteria[k].CriterionInfo = &assessment.CriterionInfo{}
			}
		}
		out[i] = &cp
	}
	if out == nil {
		return results
	}
	return out
}

// ParseFormat returns the format with the given name.
func ParseFormat(name string) (Format, error) {
	f := Format(name)
	if !slices.Contains(Formats(), f) {
		return "", fmt.Errorf("%w %q (known: %v)", ErrFormat, name, Formats())
	}
	return f, nil
}

// normalize makes the language fr or en.
func (o *Options) normalize() {
	if o.Language != "fr" {
		o.Language = "en"
	}
}

// findingFile is the file a finding is located in: its position's, or the
// declaration when the position names none; false without a position.
func findingFile(f assessment.Finding, declaration string) (string, bool) {
	if f.Position == nil {
		return "", false
	}
	file := f.Position.File
	if file == "" {
		file = declaration
	}
	return file, file != ""
}

// findingLine is where a finding is, as FILE:LINE, or "" when it has no line.
func findingLine(f assessment.Finding, declaration string) string {
	file, ok := findingFile(f, declaration)
	if !ok || !f.Position.Start.IsValid() {
		return ""
	}
	return file + ":" + strconv.Itoa(f.Position.Start.Line)
}

// failingTier names the first tier of a result that fails the assessment
// (marked fail in its rubric), or "" when none does.
func failingTier(res *assessment.Result) string {
	if res.Classification != nil {
		for _, t := range res.Classification.Tiers {
			if t.Fails {
				return t.Title
			}
		}
	}
	return ""
}

// ciLevel maps a severity to the three levels CI tools show: error for
// critical and high, warning for medium, and lowest (GitHub's notice,
// SARIF's note) for the rest.
func ciLevel(s assessment.Severity, lowest string) string {
	switch s {
	case assessment.Critical, assessment.High:
		return "error"
	case assessment.Medium:
		return "warning"
	}
	return lowest
}

// recommendations maps each criterion of the plan d'action to what to do.
func recommendations(res *assessment.Result) map[string]string {
	m := make(map[string]string, len(res.ActionPlan))
	for _, a := range res.ActionPlan {
		m[a.Criterion] = a.Recommendation
	}
	return m
}

// references indexes a result's references by rubric and identifier.
func references(res *assessment.Result) map[refKey]assessment.Reference {
	m := make(map[refKey]assessment.Reference, len(res.References))
	for _, r := range res.References {
		m[refKey{r.Rubric, r.ID}] = r
	}
	return m
}

type refKey struct{ rubric, id string }

type renderer interface {
	render(w io.Writer, results []*assessment.Result, o *Options) error
}
