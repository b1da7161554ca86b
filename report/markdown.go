package report

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/vigie-ai/vigie/assessment"
)

// markdownRenderer writes a report for people, in GitHub-flavoured Markdown.
type markdownRenderer struct{}

func (markdownRenderer) render(w io.Writer, results []*assessment.Result, o *Options) error {
	var b strings.Builder
	for i, res := range results {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		o.markdown(&b, res)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (o *Options) markdown(b *strings.Builder, res *assessment.Result) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n", md(res.Subject.Name))
	p("## %s\n\n", o.t("summary"))
	p("| | |\n|---|---|\n")
	p("| %s | %s (%s) |\n", o.t("project"), md(res.Subject.Name), mdCodeCell(res.Subject.ID))
	if res.Subject.Organisation != "" {
		p("| %s | %s |\n", o.t("organisation"), md(res.Subject.Organisation))
	}
	p("| %s | **%s** |\n", o.t("status"), o.verdict(res.Status))
	if cl := res.Classification; cl != nil {
		var tiers []string
		for _, t := range cl.Tiers {
			tiers = append(tiers, md(t.Title))
		}
		p("| %s | **%s** |\n", o.t("risk_tier"), strings.Join(tiers, ", "))
	}
	for _, rr := range res.Rubrics {
		score := o.percent(rr.Overall.Percent)
		if rr.Overall.BandLabel != "" {
			score += " — " + md(rr.Overall.BandLabel)
		}
		p("| %s | %s |\n", md(rr.Title), score)
	}
	p("| %s | %s — %s |\n\n", o.t("criteria"), o.counts(totals(res)), o.t("completeness", o.percent(&res.Completeness.Percent)))

	if t := failingTier(res); t != "" {
		p("**%s**\n\n", md(o.t("tier_fails", t)))
	}
	if n := len(res.FailedGates); n > 0 {
		p("**%s**\n\n", o.n("failed_gates", n))
		for _, g := range res.FailedGates {
			p("- %s — %s (%s)\n", mdCode(g.Criterion), md(g.Question), o.status(g.Status))
		}
		p("\n")
	}

	if cl := res.Classification; cl != nil {
		p("## %s\n\n", o.t("classification"))
		for _, r := range cl.Rules {
			p("- **%s** — %s%s%s%s\n", md(r.TierTitle), md(ruleTitle(r)), o.colon(), md(r.Rationale), cited(r.References))
			if r.Review {
				p("  - ⚠ %s. %s%s%s\n", o.t("review"), o.t("readings"), o.colon(), md(r.ReviewNote))
			}
		}
		if len(cl.Rules) == 0 {
			p("- %s\n", o.t("default_tier"))
		}
		for _, u := range cl.Upcoming {
			p("- %s %s — **%s**%s%s%s\n", o.t("upcoming"), o.t("from_date", o.date(u.Effective)), md(u.TierTitle), o.colon(), md(ruleTitle(u)), cited(u.References))
		}
		p("\n")
	}

	for _, rr := range res.Rubrics {
		p("## %s\n\n", md(rr.Title))
		p("| %s | %s | %s | %s |\n|---|---:|---:|---|\n", o.t("section"), o.t("weight"), o.t("score"), o.t("criteria"))
		for _, s := range rr.Sections {
			p("| %s | %s | %s | %s |\n", md(s.Title), o.number(s.Weight), o.percentOf(s), o.counts(s.Counts))
		}
		p("\n")
	}

	p("## %s\n\n", o.t("action_plan"))
	if len(res.ActionPlan) == 0 {
		p("%s\n\n", o.t("no_action"))
	} else {
		p("| # | %s | %s | %s | %s | %s |\n|---:|---|---|---|---|---:|\n", o.t("criterion"), o.t("severity"), o.t("recommendation"), o.t("references"), o.t("gain"))
		for _, a := range res.ActionPlan {
			sev := o.severity(a.Severity)
			if a.Gate {
				sev = "**" + o.t("gate") + "**"
			}
			p("| %d | %s %s | %s | %s | %s | %s |\n", a.Rank, mdCodeCell(a.Criterion), md(a.Question), sev, md(a.Recommendation), strings.Join(a.References, ", "), o.number(a.Gain))
		}
		p("\n")
	}

	if len(res.Findings) > 0 {
		p("## %s\n\n", o.t("findings"))
		for _, f := range res.Findings {
			p("- **%s** %s %s", o.severity(f.Severity), mdCode(f.Code), md(f.Message))
			if at := findingLine(f, res.Subject.File); at != "" {
				p(" (%s)", md(at))
			}
			p("\n")
		}
		p("\n")
	}

	if len(res.Coverage) > 0 {
		p("## %s\n\n", o.t("coverage"))
		for _, cov := range res.Coverage {
			p("### %s\n\n| %s | %s | %s |\n|---|---|---|\n", md(cov.Title), o.t("item"), o.t("criteria"), o.t("status"))
			for _, it := range cov.Items {
				crits := o.t("none")
				if len(it.Criteria) > 0 {
					spans := make([]string, len(it.Criteria))
					for i, id := range it.Criteria {
						spans[i] = mdCodeCell(id)
					}
					crits = strings.Join(spans, ", ")
				}
				p("| %s — %s | %s | %s |\n", md(it.ID), md(it.Title), crits, o.t("st."+it.Status))
			}
			p("\n")
		}
	}

	p("## %s\n\n", o.t("criteria"))
	for _, c := range res.Criteria {
		p("- %s — %s%s**%s**", mdCode(c.ID), md(c.Question), o.colon(), o.status(c.Status))
		if c.AnswerLabel != "" {
			p(" (%s)", md(c.AnswerLabel))
		}
		if c.Gate {
			p(" — %s", o.t("gate"))
		}
		p("\n")
		if c.Reason != "" {
			p("  - %s%s%s\n", o.t("reason"), o.colon(), md(c.Reason))
		}
		for _, e := range c.Evidence {
			p("  - %s%s%s", o.t("evidence"), o.colon(), md(e.Title))
			if e.Date != "" {
				p(", %s", o.date(e.Date))
			}
			p("\n")
		}
		if c.Comment != "" {
			p("  - %s%s%s\n", o.t("comment"), o.colon(), md(c.Comment))
		}
	}
	p("\n## %s\n\n", o.t("provenance"))
	p("%s\n\n", o.t("generated_by", md(res.Vigie), o.date(res.AsOf)))
	p("- %s%s%s (sha256 %s)\n", o.t("declaration"), o.colon(), mdCode(res.Subject.File), mdCode(res.Subject.SHA256))
	for _, rr := range res.Rubrics {
		p("- %s%s%s %s (sha256 %s)\n", o.t("rubric"), o.colon(), mdCode(rr.ID), md(rr.Version), mdCode(rr.SHA256))
	}
}

// cited is the references of a rule, in parentheses after its text, or
// nothing when it has none.
func cited(refs []string) string {
	if len(refs) == 0 {
		return ""
	}
	return " (" + strings.Join(refs, ", ") + ")"
}

// ruleTitle names a rule: its title, or its identifier when it has none.
func ruleTitle(r assessment.RuleResult) string { return cmp.Or(r.Title, r.ID) }

// mdEscaper escapes what Markdown would read as markup, and what HTML
// inside Markdown would run: text from a declaration stays text.
// Parentheses, #, + and ! need no escape: links and images need brackets,
// which are escaped, and text from a declaration never starts a line. (The
// paragraphs of a rubric's judgement calls do, and their "- " items are
// lists on purpose: that text comes from the rubric's author.)
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "{", `\{`, "}", `\}`, "[", `\[`, "]", `\]`,
	"|", `\|`, "~", `\~`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "\r", " ", "\n", " ",
)

func md(s string) string { return mdEscaper.Replace(s) }

// mdCode writes s as a code span, which Markdown shows as it is: nothing is
// escaped inside, so the fence is one backtick longer than the longest run
// of backticks in s, and a space pads s when it starts or ends with one.
// Control characters, line breaks among them, become spaces.
func mdCode(s string) string {
	s = clean(s)
	if s == "" {
		return ""
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		(strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.Trim(s, " ") != "") {
		s = " " + s + " " // Markdown strips one space each side
	}
	return fence + s + fence
}

// mdCodeCell is a code span in a table cell, where a pipe ends the cell
// even inside a code span unless it is escaped.
func mdCodeCell(s string) string { return strings.ReplaceAll(mdCode(s), "|", `\|`) }
