package assessment

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/vigie-ai/vigie/diag"
)

// WriteJSON writes the result as compact JSON followed by a newline: the
// same bytes as encoding/json with HTML escaping off, written without
// reflection, since results are written once per project assessed.
func (r *Result) WriteJSON(w io.Writer) error {
	b, err := r.AppendJSON(make([]byte, 0, r.sizeHint()))
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// sizeHint estimates the size of the JSON, generously, so that writing it
// allocates once.
func (r *Result) sizeHint() int {
	n := 4 << 10
	for _, c := range r.Criteria {
		n += 250 + len(c.Comment) + len(c.Justification) + 100*len(c.Evidence)
		if c.CriterionInfo != nil {
			n += len(c.Question) + 30*len(c.References)
		}
	}
	for _, f := range r.Findings {
		n += 120 + len(f.Message)
	}
	for _, a := range r.ActionPlan {
		n += 150 + len(a.Question) + len(a.Recommendation)
	}
	for _, c := range r.Coverage {
		n += 100 + 80*len(c.Items)
	}
	return n + 200*len(r.References)
}

// AppendJSON appends the result as compact JSON to b.
func (r *Result) AppendJSON(b []byte) ([]byte, error) {
	e := &enc{b: b}
	e.result(r)
	return e.b, e.err
}

// enc appends JSON. first tracks whether a comma is due in the open object or array.
type enc struct {
	b     []byte
	first bool
	err   error
}

var (
	errNotFinite = errors.New("result holds a number that JSON cannot represent")
	errNoValue   = errors.New("result holds a status or severity that is none of its values")
)

func (e *enc) open(c byte) {
	e.b = append(e.b, c)
	e.first = true
}

func (e *enc) close(c byte) {
	e.b = append(e.b, c)
	e.first = false
}

func (e *enc) comma() {
	if !e.first {
		e.b = append(e.b, ',')
	}
	e.first = false
}

func (e *enc) key(k string) {
	e.comma()
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, '"', ':')
}

func (e *enc) str(k, v string) {
	e.key(k)
	e.b = appendString(e.b, v)
}

// enum writes the name of a Status or Severity: "" names none of their
// values, which JSON cannot carry.
func (e *enc) enum(k, name string) {
	if name == "" && e.err == nil {
		e.err = errNoValue
	}
	e.str(k, name)
}

func (e *enc) strOmit(k, v string) {
	if v != "" {
		e.str(k, v)
	}
}

func (e *enc) boolean(k string, v bool) {
	e.key(k)
	e.b = strconv.AppendBool(e.b, v)
}

func (e *enc) integer(k string, v int) {
	e.key(k)
	e.b = strconv.AppendInt(e.b, int64(v), 10)
}

func (e *enc) num(k string, v float64) {
	e.key(k)
	e.float(v)
}

// numPtr writes null for a nil number.
func (e *enc) numPtr(k string, v *float64) {
	if v == nil {
		e.key(k)
		e.b = append(e.b, "null"...)
		return
	}
	e.num(k, *v)
}

// float writes a number as encoding/json does.
func (e *enc) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		e.err = errNotFinite
		e.b = append(e.b, '0')
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, 64)
	if format == 'e' { // 1e-07 → 1e-7
		n := len(e.b)
		if n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

// strs writes a list of strings; nil is null.
func (e *enc) strs(k string, vs []string) {
	e.key(k)
	if vs == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.open('[')
	for _, v := range vs {
		e.comma()
		e.b = appendString(e.b, v)
	}
	e.close(']')
}

// list writes a slice under k as an array of objects, fn writing the
// members of each; nil is null unless omit.
func list[T any](e *enc, k string, vs []T, omit bool, fn func(*T)) {
	if omit && len(vs) == 0 {
		return
	}
	e.key(k)
	if vs == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.open('[')
	for i := range vs {
		e.comma()
		e.open('{')
		fn(&vs[i])
		e.close('}')
	}
	e.close(']')
}

// object writes an object, fn writing its members.
func (e *enc) object(fn func()) {
	e.open('{')
	fn()
	e.close('}')
}

// member writes an object under k, fn writing its members.
func (e *enc) member(k string, fn func()) {
	e.key(k)
	e.object(fn)
}

func (e *enc) result(r *Result) {
	e.object(func() {
		e.str("format", r.Format)
		e.str("vigie", r.Vigie)
		e.str("as_of", r.AsOf)
		e.str("language", r.Language)
		e.strOmit("generated_at", r.GeneratedAt)
		e.member("subject", func() {
			s := &r.Subject
			e.str("id", s.ID)
			e.str("name", s.Name)
			e.strOmit("organisation", s.Organisation)
			e.strOmit("lifecycle", s.Lifecycle)
			e.strOmit("file", s.File)
			e.str("sha256", s.SHA256)
		})
		e.enum("status", r.Status.String())
		list(e, "rubrics", r.Rubrics, false, e.rubric)
		if r.Classification != nil {
			e.member("classification", func() { e.classification(r.Classification) })
		}
		list(e, "failed_gates", r.FailedGates, false, func(g *Gate) {
			e.str("criterion", g.Criterion)
			e.str("question", g.Question)
			e.enum("status", g.Status.String())
			e.str("source", g.Source)
		})
		list(e, "criteria", r.Criteria, false, e.criterion)
		list(e, "findings", r.Findings, false, func(f *Finding) {
			e.enum("severity", f.Severity.String())
			e.str("code", f.Code)
			e.strOmit("subject", f.Subject)
			e.str("message", f.Message)
			e.position(f.Position)
		})
		list(e, "action_plan", r.ActionPlan, false, func(a *Action) {
			e.integer("rank", a.Rank)
			e.str("criterion", a.Criterion)
			e.str("question", a.Question)
			e.enum("status", a.Status.String())
			e.boolean("gate", a.Gate)
			e.enum("severity", a.Severity.String())
			e.num("gain", a.Gain)
			e.str("recommendation", a.Recommendation)
			e.strs("references", a.References)
		})
		e.member("completeness", func() {
			c := &r.Completeness
			e.integer("applicable", c.Applicable)
			e.integer("answered", c.Answered)
			e.num("percent", c.Percent)
			e.integer("not_applicable", c.NotApplicable)
		})
		list(e, "coverage", r.Coverage, false, func(c *ReferentialCoverage) {
			e.str("rubric", c.Rubric)
			e.str("id", c.ID)
			e.str("title", c.Title)
			list(e, "items", c.Items, false, func(it *ItemCoverage) {
				e.str("id", it.ID)
				e.str("title", it.Title)
				e.strs("criteria", it.Criteria)
				e.str("status", it.Status)
			})
		})
		list(e, "references", r.References, false, func(ref *Reference) {
			e.str("rubric", ref.Rubric)
			e.str("id", ref.ID)
			e.str("referential", ref.Referential)
			e.str("title", ref.Title)
			e.strOmit("url", ref.URL)
		})
	})
}

func (e *enc) rubric(rr *RubricResult) {
	e.str("id", rr.ID)
	e.str("version", rr.Version)
	e.strOmit("sha256", rr.SHA256)
	e.strOmit("extends", rr.Extends)
	e.str("title", rr.Title)
	e.str("method", rr.Method)
	e.member("overall", func() { e.score(&rr.Overall) })
	list(e, "scores", rr.Scores, true, e.score)
	list(e, "sections", rr.Sections, false, func(s *SectionResult) {
		e.str("id", s.ID)
		e.str("title", s.Title)
		e.num("weight", s.Weight)
		e.numPtr("value", s.Value)
		e.num("max", s.Max)
		e.member("counts", func() {
			c := &s.Counts
			e.integer("met", c.Met)
			e.integer("partial", c.Partial)
			e.integer("unmet", c.Unmet)
			e.integer("unanswered", c.Unanswered)
			e.integer("not_applicable", c.NotApplicable)
		})
	})
}

func (e *enc) score(s *Score) {
	e.str("id", s.ID)
	e.strOmit("title", s.Title)
	e.numPtr("value", s.Value)
	e.num("max", s.Max)
	e.numPtr("percent", s.Percent)
	e.strOmit("band", s.Band)
	e.strOmit("band_label", s.BandLabel)
	list(e, "adjustments", s.Adjustments, true, func(a *Adjustment) {
		e.str("score", a.Score)
		e.str("band", a.Band)
		e.num("from", a.From)
		e.num("to", a.To)
		e.strOmit("note", a.Note)
	})
}

func (e *enc) classification(c *Classification) {
	rule := func(r *RuleResult) {
		e.str("rubric", r.Rubric)
		e.str("id", r.ID)
		e.str("tier", r.Tier)
		e.str("tier_title", r.TierTitle)
		e.strOmit("title", r.Title)
		e.strOmit("effective", r.Effective)
		e.str("rationale", r.Rationale)
		e.strs("references", r.References)
		if r.Review {
			e.boolean("review", true)
		}
		e.strOmit("review_note", r.ReviewNote)
	}
	e.str("headline", c.Headline)
	e.str("headline_title", c.HeadlineTitle)
	list(e, "tiers", c.Tiers, false, func(t *TierResult) {
		e.str("id", t.ID)
		e.str("title", t.Title)
		e.str("rubric", t.Rubric)
		e.strs("rules", t.Rules)
		if t.Fails {
			e.boolean("fails", true)
		}
	})
	list(e, "rules", c.Rules, false, rule)
	list(e, "upcoming", c.Upcoming, false, rule)
	e.boolean("needs_review", c.NeedsReview)
	list(e, "obligations", c.Obligations, false, func(o *Obligation) {
		e.str("rubric", o.Rubric)
		e.str("tier", o.Tier)
		e.strs("criteria", o.Criteria)
		e.strOmit("effective", o.Effective)
		e.boolean("in_force", o.InForce)
		e.strs("references", o.References)
	})
}

func (e *enc) criterion(c *CriterionResult) {
	if info := c.CriterionInfo; info != nil { // as encoding/json, which omits a nil embedded struct
		e.str("id", info.ID)
		e.str("rubric", info.Rubric)
		e.str("section", info.Section)
		e.str("question", info.Question)
		e.num("weight", info.Weight)
		e.strs("references", info.References)
	}
	e.enum("status", c.Status.String())
	e.strOmit("reason", c.Reason)
	e.numPtr("score", c.Score)
	if c.Points != nil {
		e.num("points", *c.Points)
	}
	if c.MaxPoints != 0 {
		e.num("max_points", c.MaxPoints)
	}
	e.boolean("gate", c.Gate)
	e.strOmit("gate_source", c.GateSource)
	e.enum("severity", c.Severity.String())
	if c.Answer != nil {
		e.key("answer")
		e.value(c.Answer)
	}
	e.strOmit("answer_label", c.AnswerLabel)
	list(e, "evidence", c.Evidence, true, func(ev *Evidence) {
		e.str("title", ev.Title)
		e.strOmit("ref", ev.Ref)
		e.strOmit("date", ev.Date)
	})
	e.strOmit("comment", c.Comment)
	e.strOmit("justification", c.Justification)
	e.position(c.Position)
}

func (e *enc) position(p *diag.Range) {
	if p == nil {
		return
	}
	pos := func(k string, v diag.Pos) {
		e.member(k, func() {
			e.integer("line", v.Line)
			e.integer("column", v.Column)
		})
	}
	e.member("position", func() {
		e.strOmit("file", p.File)
		pos("start", p.Start)
		if p.End != (diag.Pos{}) {
			pos("end", p.End)
		}
	})
}

// value writes a declared value: what the declaration parser produces, and
// anything else through encoding/json.
func (e *enc) value(v any) {
	switch x := v.(type) {
	case nil:
		e.b = append(e.b, "null"...)
	case bool:
		e.b = strconv.AppendBool(e.b, x)
	case float64:
		e.float(x)
	case string:
		e.b = appendString(e.b, x)
	case []any:
		e.open('[')
		for _, el := range x {
			e.comma()
			e.value(el)
		}
		e.close(']')
	default:
		raw, err := json.Marshal(x)
		if err != nil {
			e.err = err
			return
		}
		e.b = append(e.b, raw...)
	}
}

const hexDigits = "0123456789abcdef"

// appendString quotes s as encoding/json does with HTML escaping off.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
