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
	m.base = base
	m.src = &origin{doc: d.src.doc, sha256: d.src.sha256, warnings: d.src.warnings, hasScoring: d.src.hasScoring, hasLanguage: d.src.hasLanguage}
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
			if slices.ContainsFunc(m.Referentials[j].Items, func(b Item) bool { return b.ID == it.ID }) {
				add(diag.CodeDuplicateID, diag.NewPath("referentials").Index(i).Child("items").Index(k).Child("id"), "item", strconv.Quote(it.ID), "base "+base.ID)
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
		if slices.ContainsFunc(m.Scales, func(b Scale) bool { return b.ID == s.ID }) {
			add(diag.CodeDuplicateID, diag.NewPath("scales").Index(i).Child("id"), "scale", strconv.Quote(s.ID), "base "+base.ID)
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
			if cr.Gate && o.Severity == "" && cr.Severity == SeverityMedium {
				cr.Severity = SeverityCritical // the default severity of a gate
			}
		}
		if o.AppliesWhen != nil {
			cr.AppliesWhen = o.AppliesWhen
		}
		if o.Severity != "" {
			cr.Severity = o.Severity
		}
		if o.Evidence != "" {
			cr.Evidence = o.Evidence
		}
		cr.References = append(slices.Clone(cr.References), o.AddReferences...)
	}
	for i, s := range d.Sections {
		p := diag.NewPath("sections").Index(i)
		if slices.ContainsFunc(m.Sections, func(b Section) bool { return b.ID == s.ID }) {
			add(diag.CodeDuplicateID, p.Child("id"), "section", strconv.Quote(s.ID), "base "+base.ID)
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
	seen := map[string]bool{}
	for i, s := range m.Sections {
		for j, cr := range s.Criteria {
			if seen[cr.ID] {
				p := diag.NewPath("sections").Index(i).Child("criteria").Index(j).Child("id")
				ds = append(ds, diag.New(diag.CodeDuplicateID, m.src.at(p), p, "criterion", strconv.Quote(cr.ID), "base "+base.ID))
			}
			seen[cr.ID] = true
		}
	}
	if ds.HasErrors() {
		return nil, ds
	}
	// Names in d's own content resolve against the merged rubric.
	ds = append(ds, checkIn(d, newScope(&m), c, checkNames)...)
	mc := &checker{r: &m, o: m.src, sc: newScope(&m), mode: checkShapes | checkNames, strict: c.strict}
	mc.texts() // the inherited texts must exist in the languages of the extension too
	ds = append(ds, mc.ds...)
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
