package rubric

import (
	"slices"
	"strconv"

	"github.com/vigie-ai/vigie/diag"
)

// locator points at where a piece of a merged rubric was written.
type locator struct {
	o *origin
	p diag.Path
}

// merge returns the rubric d extends base with: base's content, changed by
// d's overrides, plus d's own content. The result points diagnostics at the
// file each piece was written in.
func merge(base, d *Rubric, c *config) (*Rubric, diag.Diagnostics) {
	m := *d
	m.base, m.own = base, d
	m.src = &origin{file: d.src.file, sha256: d.src.sha256, warnings: d.src.warnings, hasScoring: d.src.hasScoring, hasLanguage: d.src.hasLanguage}
	m.src.merged = &mergedLocs{}
	var ds diag.Diagnostics
	at := func(p diag.Path) diag.Range { return d.src.at(p) }
	add := func(code diag.Code, p diag.Path, args ...string) *diag.Diagnostic {
		dg := diag.New(code, at(p), p, args...)
		ds = append(ds, dg)
		return dg
	}

	if !d.src.hasLanguage {
		m.Language = base.Language
	}
	if len(d.Languages) == 0 {
		m.Languages = base.Languages
	}
	if d.Description.IsZero() {
		m.Description = base.Description
	}
	if d.Baseline == nil {
		m.Baseline = base.Baseline
	}
	if d.ReviewPeriodMonths == 0 {
		m.ReviewPeriodMonths = base.ReviewPeriodMonths
	}
	if d.Classification == nil {
		m.Classification = base.Classification
	}
	if !d.src.hasScoring {
		m.Scoring = base.Scoring
	}

	// Referentials: a referential of d with the id of one of base adds items to it.
	m.Referentials = nil
	idx := map[string]int{}
	for _, r := range base.Referentials {
		idx[r.ID] = len(m.Referentials)
		r.Items = slices.Clone(r.Items)
		m.Referentials = append(m.Referentials, r)
	}
	for i, r := range d.Referentials {
		j, ok := idx[r.ID]
		if !ok {
			m.Referentials = append(m.Referentials, r)
			continue
		}
		for k, it := range r.Items {
			if n := slices.IndexFunc(m.Referentials[j].Items, func(b Item) bool { return b.ID == it.ID }); n >= 0 {
				first := base.src.at(diag.NewPath("referentials").Index(j).Child("items").Index(n).Child("id"))
				add(diag.CodeDuplicateID, diag.NewPath("referentials").Index(i).Child("items").Index(k).Child("id"), kind("item"), strconv.Quote(it.ID), first.String())
				continue
			}
			m.Referentials[j].Items = append(m.Referentials[j].Items, it)
		}
	}

	// Facts: a fact declared again must agree with the base's.
	m.Facts = slices.Clone(base.Facts)
	for i := range d.Facts {
		f := &d.Facts[i]
		j := slices.IndexFunc(m.Facts, func(b Fact) bool { return b.ID == f.ID })
		if j < 0 {
			m.Facts = append(m.Facts, *f)
			continue
		}
		if why := factsDiffer(&m.Facts[j], f); why != "" {
			add(diag.CodeFactConflict, diag.NewPath("facts").Index(i).Child("id"), strconv.Quote(f.ID), base.ID, d.ID, why)
		}
	}

	m.Scales = slices.Clone(base.Scales)
	for i, s := range d.Scales {
		if n := slices.IndexFunc(m.Scales, func(b Scale) bool { return b.ID == s.ID }); n >= 0 {
			first := base.src.at(diag.NewPath("scales").Index(n).Child("id"))
			add(diag.CodeDuplicateID, diag.NewPath("scales").Index(i).Child("id"), kind("scale"), strconv.Quote(s.ID), first.String())
			continue
		}
		m.Scales = append(m.Scales, s)
	}

	// Sections: the base's, copied so that overrides do not change the base,
	// then d's own.
	locs := m.src.merged
	m.Sections = nil
	for i, s := range base.Sections {
		s.Criteria = slices.Clone(s.Criteria)
		m.Sections = append(m.Sections, s)
		sl := sectionLoc{at: base.src.locate(diag.NewPath("sections").Index(i))}
		for j := range s.Criteria {
			sl.criteria = append(sl.criteria, base.src.locate(diag.NewPath("sections").Index(i).Child("criteria").Index(j)))
		}
		locs.sections = append(locs.sections, sl)
	}
	for i, o := range d.Overrides {
		p := diag.NewPath("overrides").Index(i)
		if o.Section != "" {
			j := slices.IndexFunc(m.Sections, func(s Section) bool { return s.ID == o.Section })
			if j < 0 {
				dg := add(diag.CodeUnknownSection, p.Child("section"), strconv.Quote(o.Section))
				dg.Suggestion = diag.Suggest(o.Section, sectionIDs(m.Sections))
				continue
			}
			s := &m.Sections[j]
			s.Title = s.Title.merge(o.Title)
			s.Description = s.Description.merge(o.Description)
			if o.Weight != nil {
				s.Weight = o.Weight
			}
			if o.AppliesWhen != nil {
				s.AppliesWhen = o.AppliesWhen
			}
			for k, cr := range o.AddCriteria {
				s.Criteria = append(s.Criteria, cr)
				locs.sections[j].criteria = append(locs.sections[j].criteria, locator{d.src, p.Child("add_criteria").Index(k)})
			}
			continue
		}
		cr := findCriterion(m.Sections, o.Criterion)
		if cr == nil {
			dg := add(diag.CodeUnknownCriterion, p.Child("criterion"), strconv.Quote(o.Criterion))
			dg.Suggestion = diag.Suggest(o.Criterion, criterionIDs(m.Sections))
			continue
		}
		cr.Question = cr.Question.merge(o.Question)
		cr.Guidance = cr.Guidance.merge(o.Guidance)
		cr.Recommendation = cr.Recommendation.merge(o.Recommendation)
		if o.Weight != nil {
			cr.Weight = o.Weight
		}
		if o.Gate != nil {
			cr.Gate = *o.Gate
			cr.followGate()
		}
		if o.AppliesWhen != nil {
			cr.AppliesWhen = o.AppliesWhen
		}
		if o.Severity != "" {
			cr.Severity, cr.defaultSeverity = o.Severity, false
		}
		if o.Evidence != "" {
			cr.Evidence = o.Evidence
		}
		cr.References = append(slices.Clone(cr.References), o.AddReferences...)
	}
	for i, s := range d.Sections {
		p := diag.NewPath("sections").Index(i)
		if n := slices.IndexFunc(m.Sections, func(b Section) bool { return b.ID == s.ID }); n >= 0 {
			add(diag.CodeDuplicateID, p.Child("id"), kind("section"), strconv.Quote(s.ID), m.src.at(diag.NewPath("sections").Index(n).Child("id")).String())
			continue
		}
		m.Sections = append(m.Sections, s)
		sl := sectionLoc{at: locator{d.src, p}}
		for j := range s.Criteria {
			sl.criteria = append(sl.criteria, locator{d.src, p.Child("criteria").Index(j)})
		}
		locs.sections = append(locs.sections, sl)
	}
	// Criteria ids stay unique across the merged sections.
	// Positions are looked up only for a duplicate: finding one parses the
	// file again.
	idPath := func(i, j int) diag.Path {
		return diag.NewPath("sections").Index(i).Child("criteria").Index(j).Child("id")
	}
	seen := map[string][2]int{}
	for i, s := range m.Sections {
		for j, cr := range s.Criteria {
			if first, dup := seen[cr.ID]; dup {
				p := idPath(i, j)
				ds = append(ds, diag.New(diag.CodeDuplicateID, m.src.at(p), p, kind("criterion"), strconv.Quote(cr.ID), m.src.at(idPath(first[0], first[1])).String()))
				continue
			}
			seen[cr.ID] = [2]int{i, j}
		}
	}
	// Names in d's own content resolve against the merged rubric.
	sc := newScope(&m)
	ds = append(ds, checkIn(d, sc, c, checkNames)...)
	// The bands of d's own scores cover the points of all the merged
	// sections. Inherited scores were checked with the base; what the
	// extension's criteria add to them goes unchecked, as their bands are
	// written in another file.
	if d.src.hasScoring {
		cc := &checker{r: &m, o: m.src, sc: sc, mode: checkNames}
		for i := range m.Scoring.Scores {
			cc.coverage(&m.Scoring.Scores[i], diag.NewPath("scoring").Child("scores").Index(i))
		}
		ds = append(ds, cc.ds...)
	}
	// The texts of the merged sections must exist in the extension's
	// languages: those it adds, and those it inherits when it asks for more
	// languages than its base.
	mc := &checker{r: &Rubric{Sections: m.Sections}, o: m.src, sc: sc, mode: checkShapes, strict: c.strict}
	mc.texts()
	sameLanguages := slices.Equal(m.Languages, base.Languages)
	for _, dg := range mc.ds {
		if !sameLanguages || dg.Range.File == d.File() {
			ds = append(ds, dg)
		}
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return &m, ds
}

func findCriterion(secs []Section, id string) *Criterion {
	for i := range secs {
		for j := range secs[i].Criteria {
			if secs[i].Criteria[j].ID == id {
				return &secs[i].Criteria[j]
			}
		}
	}
	return nil
}

func sectionIDs(secs []Section) []string {
	out := make([]string, len(secs))
	for i, s := range secs {
		out[i] = s.ID
	}
	return out
}

func criterionIDs(secs []Section) []string {
	var out []string
	for _, s := range secs {
		for _, c := range s.Criteria {
			out = append(out, c.ID)
		}
	}
	return out
}
