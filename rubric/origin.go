package rubric

import (
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/source"
)

// origin records where a rubric was read from, to point diagnostics at it.
type origin struct {
	doc      *source.Document
	sha256   string
	warnings diag.Diagnostics
	// Whether the file itself set scoring and language, before defaults.
	hasScoring, hasLanguage bool
	// For a rubric merged with its base: where each section and criterion was written.
	merged *mergedLocs
}

type mergedLocs struct {
	sections []sectionLoc
}

type sectionLoc struct {
	at       locator
	criteria []locator
}

// locate returns where the value at p was written.
func (o *origin) locate(p diag.Path) locator {
	if o == nil || o.merged == nil {
		return locator{o, p}
	}
	segs := p.Segments()
	if len(segs) < 2 || segs[0].Key != "sections" || !segs[1].IsIndex || segs[1].Index >= len(o.merged.sections) {
		return locator{o, p}
	}
	sl := o.merged.sections[segs[1].Index]
	base, rest := sl.at, segs[2:]
	if len(rest) >= 2 && rest[0].Key == "criteria" && rest[1].IsIndex && rest[1].Index < len(sl.criteria) {
		base, rest = sl.criteria[rest[1].Index], rest[2:]
	}
	q := base.p
	for _, s := range rest {
		if s.IsIndex {
			q = q.Index(s.Index)
		} else {
			q = q.Child(s.Key)
		}
	}
	return locator{base.o, q}
}

// atKey returns the range of the key at the end of p in the file it was written in.
func (o *origin) atKey(p diag.Path) diag.Range {
	l := o.locate(p)
	if l.o == nil || l.o.doc == nil {
		return diag.Range{}
	}
	return l.o.doc.LocateKey(l.p)
}

// at returns the range of the value at p in the file it was written in.
func (o *origin) at(p diag.Path) diag.Range {
	l := o.locate(p)
	if l.o == nil || l.o.doc == nil {
		return diag.Range{}
	}
	return l.o.doc.Locate(l.p)
}
