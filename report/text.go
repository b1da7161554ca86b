package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/vigie-ai/vigie/assessment"
)

// textRenderer writes a compact summary for a terminal.
type textRenderer struct{}

// actionsShown is how many entries of the plan d'action the summary lists.
const actionsShown = 5

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

func (textRenderer) render(w io.Writer, results []*assessment.Result, o *Options) error {
	var b strings.Builder
	for i, res := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s (%s), %s\n", o.paint(ansiBold, clean(res.Subject.Name)), clean(res.Subject.ID), o.t("as_of", o.date(res.AsOf)))
		status := o.paint(ansiGreen, o.verdict(res.Status))
		if res.Status == assessment.Fail {
			status = o.paint(ansiRed, o.verdict(res.Status))
		}
		gates := o.t("no_failed_gates")
		if n := len(res.FailedGates); n > 0 {
			gates = o.n("failed_gates", n)
		}
		if t := failingTier(res); t != "" {
			gates += o.semicolon() + o.t("tier_fails", clean(t))
		}
		fmt.Fprintf(&b, "%s%s%s — %s\n", o.t("status"), o.colon(), status, gates)
		if cl := res.Classification; cl != nil {
			var tiers []string
			for _, t := range cl.Tiers {
				tiers = append(tiers, clean(t.Title))
			}
			line := strings.Join(tiers, ", ")
			if cl.NeedsReview {
				line += " (" + o.t("review") + ")"
			}
			fmt.Fprintf(&b, "%s%s%s\n", o.t("risk_tier"), o.colon(), o.paint(ansiBold, line))
			for _, u := range cl.Upcoming {
				fmt.Fprintf(&b, "  %s%s%s, %s %s\n", o.t("upcoming"), o.colon(), clean(u.TierTitle), o.t("from_date", o.date(u.Effective)), ruleRef(u))
			}
		}
		for _, rr := range res.Rubrics {
			score := o.percent(rr.Overall.Percent)
			if rr.Overall.BandLabel != "" { // as markdown and html: a band without a label says nothing
				score += " (" + clean(rr.Overall.BandLabel) + ")"
			}
			fmt.Fprintf(&b, "%s %s %s%s%s\n", o.t("rubric"), rr.ID, rr.Version, o.colon(), score)
			for _, s := range rr.Sections {
				fmt.Fprintf(&b, "  %-40s %s\n", truncate(clean(s.Title), 40), o.percentOf(s))
			}
		}
		fmt.Fprintf(&b, "%s%s%s — %s\n", o.t("criteria"), o.colon(), o.counts(totals(res)), o.t("completeness", o.percent(&res.Completeness.Percent)))
		o.textActions(&b, res)
		o.textFindings(&b, res)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textActions lists the first entries of the plan d'action, or says there
// is nothing to do.
func (o *Options) textActions(b *strings.Builder, res *assessment.Result) {
	if len(res.ActionPlan) == 0 {
		fmt.Fprintf(b, "%s%s%s\n", o.t("action_plan"), o.colon(), o.t("no_action"))
		return
	}
	shown := min(actionsShown, len(res.ActionPlan))
	key := "first_actions"
	if shown == len(res.ActionPlan) {
		key = "first_action" // all of them: "2 of 2"
	}
	fmt.Fprintf(b, "%s (%s)%s\n", o.t("action_plan"), o.t(key, shown, len(res.ActionPlan)), strings.TrimRight(o.colon(), " "))
	for _, a := range res.ActionPlan[:shown] {
		mark := ""
		if a.Gate {
			mark = o.paint(ansiRed, "["+o.t("gate")+"] ")
		}
		fmt.Fprintf(b, "  %d. %s%s — %s\n", a.Rank, mark, a.Criterion, truncate(clean(a.Recommendation), 100))
	}
}

// textFindings counts the findings by severity; a result without findings
// has no line.
func (o *Options) textFindings(b *strings.Builder, res *assessment.Result) {
	if len(res.Findings) == 0 {
		return
	}
	var sev []string
	counts := map[assessment.Severity]int{}
	for _, f := range res.Findings {
		counts[f.Severity]++
	}
	for _, s := range []assessment.Severity{assessment.Critical, assessment.High, assessment.Medium, assessment.Low, assessment.Info} {
		if counts[s] > 0 {
			label := fmt.Sprintf("%s%s%d", o.severity(s), o.colon(), counts[s])
			if s == assessment.Critical {
				label = o.paint(ansiRed, label)
			} else if s == assessment.High {
				label = o.paint(ansiYellow, label)
			}
			sev = append(sev, label)
		}
	}
	fmt.Fprintf(b, "%s%s%s\n", o.n("findings_count", len(res.Findings)), o.colon(), strings.Join(sev, ", "))
}

// paint colours s with an ANSI code when the options ask for colours.
func (o *Options) paint(code, s string) string {
	if !o.Color {
		return s
	}
	return code + s + ansiReset
}

func (o *Options) percentOf(s assessment.SectionResult) string {
	if s.Value == nil {
		return o.status(assessment.NotApplicable)
	}
	if s.Max == 100 {
		return o.percent(s.Value)
	}
	return o.number(*s.Value) + " / " + o.number(s.Max)
}

func ruleRef(r assessment.RuleResult) string {
	if len(r.References) == 0 {
		return "(" + r.ID + ")"
	}
	return "(" + r.ID + " — " + strings.Join(r.References, ", ") + ")"
}

// clean removes control characters, so that text from a declaration cannot
// move the cursor or change colours on a terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) { // C0, DEL and C1
			return ' '
		}
		return r
	}, s)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
