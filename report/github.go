package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/vigie-ai/vigie/assessment"
)

// githubRenderer writes GitHub Actions workflow commands: an annotation per
// finding, on its line of the declaration when it has one, then a notice
// with the status and the risk tier.
type githubRenderer struct{}

func (githubRenderer) render(w io.Writer, results []*assessment.Result, o *Options) error {
	var b strings.Builder
	for _, res := range results {
		for _, f := range res.Findings {
			fmt.Fprintf(&b, "::%s %s::%s\n", githubLevel(f.Severity), githubProperties(f, res.Subject.File), ghData(f.Message))
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
		fmt.Fprintf(&b, "::notice::%s\n", ghData(line))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// githubProperties locates a finding: in its file, or in the declaration
// when the position names no file; a finding without a position annotates
// the run rather than a file.
func githubProperties(f assessment.Finding, declaration string) string {
	var props []string
	if file, ok := findingFile(f, declaration); ok {
		props = append(props, "file="+ghProperty(file))
		if start := f.Position.Start; start.IsValid() {
			props = append(props, fmt.Sprintf("line=%d", start.Line))
			if start.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", start.Column))
			}
		}
	}
	props = append(props, "title="+ghProperty("vigie "+f.Code))
	return strings.Join(props, ",")
}

func githubLevel(s assessment.Severity) string { return ciLevel(s, "notice") }

// The runner reads one command a line: data escapes what would end the line
// or read as an escape; properties also escape their separators. Other
// control characters become spaces, so that text from a declaration cannot
// colour or rewrite the log.
var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghData(s string) string     { return ghDataEscaper.Replace(ghClean(s)) }
func ghProperty(s string) string { return ghPropertyEscaper.Replace(ghClean(s)) }

func ghClean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return r
		}
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
}
