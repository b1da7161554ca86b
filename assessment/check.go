package assessment

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/schema"
	"github.com/vigie-ai/vigie/rubric"
)

// Check reports what in d does not fit the assessor's rubrics: facts and
// criteria that no rubric defines, values of the wrong type or outside the
// allowed ones, numbers out of range or not finite, malformed dates, and
// not_applicable where a criterion does not allow it. Every problem is
// reported, each at its place in the declaration. A nil declaration has
// nothing to report.
func (a *Assessor) Check(d *Declaration) diag.Diagnostics {
	if d == nil {
		return nil
	}
	return a.check(d, nil)
}

// check is Check that also hands each fact and answer it knows to the run,
// if any, so that an assessment reads the declaration's maps once.
func (a *Assessor) check(d *Declaration, r *run) diag.Diagnostics {
	var ds diag.Diagnostics
	src := d.src
	if src == nil {
		src = &declSource{}
	}
	add := func(code diag.Code, r diag.Range, p diag.Path, args ...string) *diag.Diagnostic {
		dg := diag.New(code, r, p, args...)
		ds = append(ds, dg)
		return dg
	}
	// Diagnostics are sorted by position at the end: map order does not matter.
	for id, v := range d.Facts {
		fi, ok := a.factIdx[id]
		if !ok {
			dg := add(diag.CodeUnreadFact, src.facts[id], diag.NewPath("facts").Child(id), strconv.Quote(id))
			dg.Suggestion = diag.Suggest(id, a.factIDs)
			continue
		}
		f := a.facts[fi]
		if r != nil {
			r.fact(fi, v)
		}
		if dg := checkValue(v, f.f.Type, f.values, f.f.Min, f.f.Max, nil, "fact", id); dg != nil {
			dg.Range, dg.Path = src.facts[id], diag.NewPath("facts").Child(id)
			ds = append(ds, dg)
		}
	}
	for id, ans := range d.Answers {
		ci, ok := a.critIdx[id]
		p := func() diag.Path { return diag.NewPath("answers").Child(id) } // built only for a problem
		if !ok {
			dg := add(diag.CodeUnknownAnswer, src.answerAt(id), p(), strconv.Quote(id))
			dg.Suggestion = diag.Suggest(id, a.critIDs)
			if dg.Suggestion == "" && !strings.Contains(id, "/") {
				for _, full := range a.critIDs { // a criterion named without its rubric
					if strings.HasSuffix(full, "/"+id) {
						dg.Suggestion = full
						break
					}
				}
			}
			continue
		}
		c := a.crits[ci]
		if r != nil {
			r.answer(ci, id, ans)
		}
		if ans.Value == rubric.NotApplicable {
			if !c.c.NotApplicable {
				add(diag.CodeNotApplicable, src.answerAt(id), p().Child("value"), id)
			}
			continue
		}
		if dg := checkValue(ans.Value, c.kind, c.values, c.c.Min, c.c.Max, c.c.Brackets, "answer", id); dg != nil {
			dg.Range, dg.Path = src.answerAt(id), p().Child("value")
			ds = append(ds, dg)
		}
	}
	ds.Sort()
	return ds
}

// checkValue checks one value against a type; it returns nil when it fits.
// what and id name the subject, for messages: fact x, answer to y.
func checkValue(v any, kind rubric.FactType, values []string, lo, hi *float64, brackets []rubric.Bracket, what, id string) *diag.Diagnostic {
	subject := func() string {
		if what == "fact" {
			return diag.Bilingual("fact "+id, "fait "+id)
		}
		return diag.Bilingual("answer to "+id, "réponse à "+id)
	}
	wrong := func(want string) *diag.Diagnostic {
		return diag.New(diag.CodeType, diag.Range{}, diag.Root(), schema.TypeName(want), schema.TypeName(typeOf(v)), "", "")
	}
	switch kind {
	case rubric.FactBool:
		if _, ok := v.(bool); !ok {
			d := wrong("boolean")
			d.Args[2], d.Args[3] = "write true or false (not yes or no)", "écrivez true ou false (pas oui ou non)"
			return d
		}
	case rubric.FactNumber:
		n, ok := v.(float64)
		if !ok {
			return wrong("number")
		}
		if math.IsNaN(n) || math.IsInf(n, 0) { // a declaration built in Go: the decoder refuses them
			return diag.New(diag.CodeNotJSON, diag.Range{}, diag.Root(), strconv.FormatFloat(n, 'g', -1, 64))
		}
		if len(brackets) > 0 && bracketOf(n, brackets) < 0 {
			return diag.New(diag.CodeRange, diag.Range{}, diag.Root(), fmt.Sprintf("%g falls in none of the brackets", n), fmt.Sprintf("%g ne tombe dans aucune tranche", n))
		}
		if lo != nil && n < *lo || hi != nil && n > *hi {
			r := fmt.Sprintf("[%s, %s]", bound(lo, "-∞"), bound(hi, "+∞"))
			return diag.New(diag.CodeRange, diag.Range{}, diag.Root(), fmt.Sprintf("%g is outside %s", n, r), fmt.Sprintf("%g est hors de %s", n, r))
		}
	case rubric.FactString:
		if _, ok := v.(string); !ok {
			return wrong("string")
		}
	case rubric.FactDate:
		s, ok := v.(string)
		if !ok {
			return wrong("string")
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return diag.New(diag.CodeInvalidDate, diag.Range{}, diag.Root(), strconv.Quote(s))
		}
	case rubric.FactEnum:
		s, ok := v.(string)
		if !ok {
			return wrong("string")
		}
		return oneOf(s, values, subject)
	case rubric.FactSet:
		list, ok := v.([]any)
		if !ok {
			list = []any{v} // one value stands for a list of one
		}
		for _, e := range list {
			s, ok := e.(string)
			if !ok {
				return diag.New(diag.CodeType, diag.Range{}, diag.Root(), schema.TypeName("string"), schema.TypeName(typeOf(e)), "", "")
			}
			if d := oneOf(s, values, subject); d != nil {
				return d
			}
		}
	}
	return nil
}

func oneOf(s string, values []string, subject func() string) *diag.Diagnostic {
	if slices.Contains(values, s) {
		return nil
	}
	d := diag.New(diag.CodeUnknownValue, diag.Range{}, diag.Root(), strconv.Quote(s), subject(), strings.Join(values, ", "))
	d.Suggestion = diag.Suggest(s, values)
	return d
}

func bound(p *float64, inf string) string {
	if p == nil {
		return inf
	}
	return strconv.FormatFloat(*p, 'g', -1, 64)
}

func typeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case []any:
		return "array"
	}
	return "string"
}

// answerAt returns where the answer to id is, or nothing.
func (s *declSource) answerAt(id string) diag.Range {
	if p, ok := s.answerParts[id]; ok {
		return p.value
	}
	return diag.Range{}
}
