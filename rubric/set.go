package rubric

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vigie-ai/vigie/diag"
)

// Set is several rubrics used together. Criteria are namespaced by rubric
// (children-rights/bi-impact-assessment); facts are shared, and a fact
// declared by two rubrics must agree. A rubric that extends another is
// merged with its base, found in the set; the base itself is not assessed on
// its own when a member extends it. A Set is immutable and safe for concurrent use.
type Set struct {
	warnings diag.Diagnostics
	rubrics  []*Rubric
	byID     map[string]*Rubric
	facts    map[string]*Fact
	factIDs  []string
}

// SetOption configures NewSet.
type SetOption func(*setConfig) error

type setConfig struct {
	config config
}

// WithSetStrictLanguages makes missing translations in extended content errors.
func WithSetStrictLanguages() SetOption {
	return func(c *setConfig) error {
		c.config.strict = true
		return nil
	}
}

// NewSet checks the rubrics together and returns the set. When they do not
// fit together (an unknown base, a cycle of extends, facts that disagree,
// conditions that loop across rubrics …), the error wraps ErrInvalid and
// the diagnostics.
func NewSet(rubrics []*Rubric, opts ...SetOption) (*Set, error) {
	sc := &setConfig{}
	for _, o := range opts {
		if err := o(sc); err != nil {
			return nil, err
		}
	}
	var ds diag.Diagnostics
	members := map[string]*Rubric{}
	for _, r := range rubrics {
		if prev, dup := members[r.ID]; dup {
			ds = append(ds, diag.New(diag.CodeDuplicateRubric, r.src.at(diag.NewPath("id")), diag.NewPath("id"), strconv.Quote(r.ID), prev.File()))
			continue
		}
		members[r.ID] = r
	}
	// Each cycle of extends once, at the extends of the rubric it was entered by.
	ids := keys(members)
	p := diag.NewPath("extends")
	same := func(id string) string { return id }
	base := func(id string) []string {
		if e := members[id].Extends; e != "" {
			return []string{e}
		}
		return nil
	}
	known := func(id string) (string, bool) { _, ok := members[id]; return id, ok }
	findCycles(ids, same, base, known, func(loop []string, to string) {
		r := members[loop[0]]
		ds = append(ds, diag.New(diag.CodeExtendsCycle, r.src.at(p), p, strings.Join(append(slices.Clone(loop), to), " → ")))
	})

	// Resolve extends, depth first, merging each rubric with its resolved base.
	merged := map[string]*Rubric{}
	inProgress := map[string]bool{}
	var resolve func(r *Rubric) *Rubric
	resolve = func(r *Rubric) *Rubric {
		if m, ok := merged[r.ID]; ok {
			return m
		}
		if r.Extends == "" {
			merged[r.ID] = r
			return r
		}
		if inProgress[r.ID] {
			return nil // a cycle, reported above
		}
		base, ok := members[r.Extends]
		if !ok {
			d := diag.New(diag.CodeUnknownBase, r.src.at(p), p, strconv.Quote(r.ID), strconv.Quote(r.Extends))
			d.Suggestion = diag.Suggest(r.Extends, keys(members))
			ds = append(ds, d)
			return nil
		}
		inProgress[r.ID] = true
		b := resolve(base)
		inProgress[r.ID] = false
		if b == nil {
			return nil
		}
		m, mds := merge(b, r, &sc.config)
		ds = append(ds, mds...)
		merged[r.ID] = m
		return m
	}
	extended := map[string]bool{}
	for _, id := range ids {
		if r := members[id]; r.Extends != "" {
			extended[r.Extends] = true
		}
	}
	s := &Set{byID: map[string]*Rubric{}, facts: map[string]*Fact{}}
	for _, id := range ids {
		m := resolve(members[id])
		if m == nil || extended[id] {
			continue
		}
		s.rubrics = append(s.rubrics, m)
		s.byID[id] = m
	}
	ds = append(ds, s.checkFacts()...)
	ds = append(ds, s.checkForeign(&sc.config)...)
	ds = append(ds, buildDeps(s.rubrics).cycles()...)
	ds.Sort()
	if ds.HasErrors() {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, ds)
	}
	s.warnings = ds
	return s, nil
}

// Warnings returns what NewSet found worth fixing in rubrics that work
// together, such as inherited texts missing in a language of an extension.
func (s *Set) Warnings() diag.Diagnostics { return slices.Clone(s.warnings) }

// Rubrics returns the rubrics of the set, sorted by id, extensions merged with their bases.
func (s *Set) Rubrics() []*Rubric { return slices.Clone(s.rubrics) }

// Rubric returns the rubric with the given id.
func (s *Set) Rubric(id string) (*Rubric, bool) {
	r, ok := s.byID[id]
	return r, ok
}

// Facts returns the facts of all rubrics, each once, sorted by id.
func (s *Set) Facts() []*Fact {
	out := make([]*Fact, len(s.factIDs))
	for i, id := range s.factIDs {
		out[i] = s.facts[id]
	}
	return out
}

// Fact returns the fact with the given id.
func (s *Set) Fact(id string) (*Fact, bool) {
	f, ok := s.facts[id]
	return f, ok
}

// Criterion returns the criterion with the namespaced id rubric/criterion.
func (s *Set) Criterion(id string) (*Criterion, bool) {
	rid, cid, ok := strings.Cut(id, "/")
	if !ok {
		return nil, false
	}
	r, ok := s.byID[rid]
	if !ok {
		return nil, false
	}
	return r.Criterion(cid)
}

// Criterion returns the criterion with the given id and the section that holds it.
func (r *Rubric) Criterion(id string) (*Criterion, bool) {
	for i := range r.Sections {
		for j := range r.Sections[i].Criteria {
			if r.Sections[i].Criteria[j].ID == id {
				return &r.Sections[i].Criteria[j], true
			}
		}
	}
	return nil, false
}

// checkFacts gathers the facts of the set and reports those that disagree.
func (s *Set) checkFacts() diag.Diagnostics {
	var ds diag.Diagnostics
	owner := map[string]*Rubric{}
	for _, r := range s.rubrics {
		for i := range r.Facts {
			f := &r.Facts[i]
			prev, ok := s.facts[f.ID]
			if !ok {
				s.facts[f.ID] = f
				owner[f.ID] = r
				s.factIDs = append(s.factIDs, f.ID)
				continue
			}
			if why := factsDiffer(prev, f); why != "" {
				p := diag.NewPath("facts").Index(i)
				ds = append(ds, diag.New(diag.CodeFactConflict, r.src.at(p.Child("id")), p, strconv.Quote(f.ID), owner[f.ID].ID, r.ID, why))
			}
		}
	}
	slices.Sort(s.factIDs)
	return ds
}

func factsDiffer(a, b *Fact) string {
	if a.Type != b.Type {
		return fmt.Sprintf("type %s vs %s", a.Type, b.Type)
	}
	va, vb := valueIDs(a), valueIDs(b)
	if !slices.Equal(va, vb) {
		return fmt.Sprintf("values [%s] vs [%s]", strings.Join(va, ", "), strings.Join(vb, ", "))
	}
	if !eqPtr(a.Min, b.Min) || !eqPtr(a.Max, b.Max) {
		return "different min or max"
	}
	return ""
}

func valueIDs(f *Fact) []string {
	out := make([]string, len(f.Values))
	for i, v := range f.Values {
		out[i] = v.Value
	}
	slices.Sort(out)
	return out
}

func eqPtr(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// checkForeign resolves the names that rubrics take from each other:
// namespaced answers and obligations, and tiers read by rubrics that do not classify.
func (s *Set) checkForeign(c *config) diag.Diagnostics {
	f := &foreignNames{criteria: map[string]*Criterion{}, tiers: map[string]bool{}, scales: map[string]map[string]*Scale{}}
	for _, r := range s.rubrics {
		f.scales[r.ID] = map[string]*Scale{}
		for i := range r.Scales {
			f.scales[r.ID][r.Scales[i].ID] = &r.Scales[i]
		}
		for i := range r.Sections {
			for j := range r.Sections[i].Criteria {
				c := &r.Sections[i].Criteria[j]
				f.criteria[r.ID+"/"+c.ID] = c
			}
		}
		if r.Classification != nil {
			for _, t := range r.Classification.Tiers {
				f.tiers[t.ID] = true
			}
		}
	}
	var ds diag.Diagnostics
	checked := map[*Rubric]bool{}
	for _, r := range s.rubrics {
		// A merged rubric is checked as it was written: the extension's own
		// content, then its base's, each with the names of what it merges into.
		for x := r; x != nil; x = x.base {
			own := x
			if x.own != nil {
				own = x.own
			}
			if checked[own] || !own.readsForeign() {
				continue
			}
			checked[own] = true
			sc := newScope(x)
			sc.foreign = f
			ds = append(ds, checkIn(own, sc, c, checkNames)...)
		}
	}
	return onlyForeign(ds)
}

// readsForeign reports whether r names answers of other rubrics, or tiers it does not define.
func (r *Rubric) readsForeign() bool {
	foreign := func(answer string) bool { return strings.Contains(answer, "/") }
	reads := false
	walkPredicates(r, func(p *Predicate) {
		p.walk(diag.Root(), func(q *Predicate, _ diag.Path) {
			reads = reads || foreign(q.Answer) || q.Tier != "" && r.Classification == nil
		})
	})
	if r.Classification != nil {
		for _, o := range r.Classification.Obligations {
			reads = reads || slices.ContainsFunc(o.Criteria, foreign)
		}
	}
	return reads
}

// onlyForeign keeps the diagnostics about names that only a set can resolve:
// the rest were reported when each rubric was parsed.
func onlyForeign(ds diag.Diagnostics) diag.Diagnostics {
	var out diag.Diagnostics
	for _, d := range ds {
		switch d.Code {
		case diag.CodeUnknownCriterion, diag.CodeUnknownTier, diag.CodeUnknownValue, diag.CodePredicateOperator, diag.CodePredicateValue:
			out = append(out, d)
		}
	}
	return out
}

// walkPredicates calls fn with every top-level condition of r.
func walkPredicates(r *Rubric, fn func(*Predicate)) {
	for i := range r.Sections {
		if p := r.Sections[i].AppliesWhen; p != nil {
			fn(p)
		}
		for j := range r.Sections[i].Criteria {
			if p := r.Sections[i].Criteria[j].AppliesWhen; p != nil {
				fn(p)
			}
		}
	}
	for i := range r.Overrides {
		o := &r.Overrides[i]
		if o.AppliesWhen != nil {
			fn(o.AppliesWhen)
		}
		for j := range o.AddCriteria {
			if p := o.AddCriteria[j].AppliesWhen; p != nil {
				fn(p)
			}
		}
	}
	if r.Classification != nil {
		for i := range r.Classification.Rules {
			fn(&r.Classification.Rules[i].When)
			if p := r.Classification.Rules[i].Unless; p != nil {
				fn(p)
			}
		}
	}
}
