package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/vigie-ai/vigie/rubric"
)

// Document writes the documentation of a rubric, generated from it: its
// legal baseline and judgement calls, its criteria by section (critères
// impératifs, evidence, references, recommendations), its classification
// (tiers, rules, obligations) and its referentials. Formats: Markdown or
// Text.
func Document(w io.Writer, r *rubric.Rubric, f Format, o Options) error {
	o.normalize()
	if f != Markdown && f != Text {
		return fmt.Errorf("%w %q for a rubric's documentation (markdown or text)", ErrFormat, f)
	}
	var b strings.Builder
	o.document(&b, r, f == Markdown)
	_, err := io.WriteString(w, b.String())
	return err
}

func (o *Options) document(b *strings.Builder, r *rubric.Rubric, markdown bool) {
	// line folds a text into one line, escaped for the format.
	line := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if markdown {
			return md(s)
		}
		return clean(s)
	}
	tx := func(t rubric.Text) string { return line(t.In(o.Language, r.Language)) }
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	h := func(level int, title string) {
		if markdown {
			p("%s %s\n\n", strings.Repeat("#", level), title)
		} else {
			underline := "-"
			if level == 1 {
				underline = "="
			}
			p("%s\n%s\n\n", title, strings.Repeat(underline, len([]rune(title))))
		}
	}
	code := func(s string) string {
		if markdown {
			return mdCode(s)
		}
		return s
	}
	h(1, tx(r.Title)+" ("+r.ID+" "+r.Version+")")
	if !r.Description.IsZero() {
		p("%s\n\n", tx(r.Description))
	}
	if bl := r.Baseline; bl != nil {
		h(2, o.t("doc.baseline"))
		p("%s\n\n%s%s%s\n\n", tx(bl.Summary), o.t("doc.checked"), o.colon(), o.date(bl.Checked))
		for _, s := range bl.Sources {
			p("- %s — %s\n", tx(s.Title), s.URL)
		}
		if len(bl.Sources) > 0 {
			p("\n")
		}
		if !bl.JudgementCalls.IsZero() {
			h(2, o.t("doc.judgement_calls"))
			for _, block := range blocks(bl.JudgementCalls.In(o.Language, r.Language)) {
				p("%s\n\n", line(block))
			}
		}
	}
	if len(r.Sections) > 0 {
		h(2, o.t("criteria"))
		for _, s := range r.Sections {
			h(3, tx(s.Title)+" — "+o.t("weight")+" "+o.number(*s.Weight))
			for _, c := range s.Criteria {
				var marks []string
				if c.Gate {
					marks = append(marks, o.t("gate"))
				}
				if c.Evidence == rubric.EvidenceRequired {
					marks = append(marks, o.t("doc.evidence_required"))
				}
				if c.NotApplicable {
					marks = append(marks, o.t("doc.may_not_apply"))
				}
				extra := ""
				if len(marks) > 0 {
					extra = " (" + strings.Join(marks, ", ") + ")"
				}
				p("- %s — %s%s\n", code(r.ID+"/"+c.ID), tx(c.Question), extra)
				if len(c.References) > 0 {
					p("  - %s%s%s\n", o.t("references"), o.colon(), strings.Join(c.References, ", "))
				}
				if !c.Recommendation.IsZero() {
					p("  - %s%s%s\n", o.t("recommendation"), o.colon(), tx(c.Recommendation))
				}
			}
			p("\n")
		}
	}
	if cl := r.Classification; cl != nil {
		h(2, o.t("classification"))
		for _, t := range cl.Tiers {
			p("- %s — %s\n", code(t.ID), tx(t.Title))
		}
		p("\n")
		for _, rule := range cl.Rules {
			eff := ""
			if rule.Effective != "" {
				eff = ", " + o.t("from_date", o.date(rule.Effective))
			}
			review := ""
			if rule.Review {
				review = " — " + o.t("review")
			}
			p("- %s → %s%s%s%s%s%s\n", code(rule.ID), code(rule.Tier), eff, review, o.colon(), tx(rule.Rationale), cited(rule.References))
		}
		if len(cl.Obligations) > 0 {
			p("\n")
			h(3, o.t("obligations"))
			for _, ob := range cl.Obligations {
				eff := ""
				if ob.Effective != "" {
					eff = " (" + o.t("from_date", o.date(ob.Effective)) + ")"
				}
				p("- %s%s%s%s\n", code(ob.Tier), eff, o.colon(), strings.Join(ob.Criteria, ", "))
			}
		}
		p("\n")
	}
	if len(r.Referentials) > 0 {
		h(2, o.t("doc.referentials"))
		for _, ref := range r.Referentials {
			p("- %s — %s", code(ref.ID), tx(ref.Title))
			if ref.URL != "" {
				p(" (%s)", ref.URL)
			}
			p("\n")
		}
		p("\n")
	}
}

// blocks splits a long text into its paragraphs (separated by blank lines)
// and list items (lines that start with "- "), each folded into one line.
func blocks(s string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l) // also drops the \r of CRLF text
		if l == "" || strings.HasPrefix(l, "- ") {
			flush()
		}
		if l != "" {
			cur = append(cur, l)
		}
	}
	flush()
	return out
}
