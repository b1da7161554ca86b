package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/internal/ghaction"
)

// githubRenderer writes GitHub Actions workflow commands: an annotation per
// finding, on its line of the declaration when it has one, then a summary
// with the status and the risk tier: an error when the assessment fails, a
// notice when it passes.
type githubRenderer struct{}

func (githubRenderer) render(w io.Writer, results []*assessment.Result, o *Options) error {
	var b strings.Builder
	for _, res := range results {
		for _, f := range res.Findings {
			b.WriteString(ghaction.Command(githubLevel(f.Severity), f.Message, githubProperties(f, res.Subject.File)...))
		}
		tier := o.t("no_classification")
		if cl := res.Classification; cl != nil {
			tier = cl.HeadlineTitle
		}
		line := fmt.Sprintf("%s (%s)%s%s — %s%s%s", res.Subject.Name, res.Subject.ID, o.colon(), o.verdict(res.Status), o.t("risk_tier"), o.colon(), tier)
		if n := len(res.FailedGates); n > 0 {
			line += " — " + o.n("failed_gates", n)
		}
		if t := failingTier(res); t != "" {
			line += " — " + o.t("tier_fails", t)
		}
		level := "notice"
		if res.Status == assessment.Fail {
			level = "error"
		}
		b.WriteString(ghaction.Command(level, line))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// githubProperties locates a finding: in its file, or in the declaration
// when the position names no file; a finding without a position annotates
// the run rather than a file.
func githubProperties(f assessment.Finding, declaration string) []ghaction.Property {
	var props []ghaction.Property
	if file, ok := findingFile(f, declaration); ok {
		props = append(props, ghaction.Property{Name: "file", Value: file})
		if start := f.Position.Start; start.IsValid() {
			props = append(props, ghaction.Property{Name: "line", Value: strconv.Itoa(start.Line)})
			if start.Column > 0 {
				props = append(props, ghaction.Property{Name: "col", Value: strconv.Itoa(start.Column)})
			}
		}
	}
	return append(props, ghaction.Property{Name: "title", Value: "vigie " + f.Code})
}

func githubLevel(s assessment.Severity) string { return ciLevel(s, "notice") }
