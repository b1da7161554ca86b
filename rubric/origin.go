package rubric

import (
	"sync"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/source"
)

// sourceFile is a rubric file's bytes, and the node tree that locates its
// values, parsed again only when a diagnostic needs a position: a rubric in
// use keeps its bytes, not the tree, which would cost every garbage
// collection the scan of thousands of nodes.
type sourceFile struct {
	name string
	data []byte
	mu   sync.Mutex
	doc  *source.Document
}

// document returns the node tree of the file, parsing it if it was dropped.
func (f *sourceFile) document() *source.Document {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.doc == nil {
		// The bytes passed every check when the rubric was parsed: only the
		// node tree is needed again, not the value nor a second walk over it.
		lim := source.DefaultLimits()
		lim.MaxBytes, lim.Shallow = 0, true
		f.doc, _ = source.Parse(f.name, f.data, lim)
	}
	return f.doc
}

// forget drops the node tree.
func (f *sourceFile) forget() {
	f.mu.Lock()
	f.doc = nil
	f.mu.Unlock()
}

// origin records where a rubric was read from, to point diagnostics at it.
type origin struct {
	file     *sourceFile
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
	return locator{base.o, base.p.Append(rest...)}
}

// atKey returns the range of the key at the end of p in the file it was written in.
func (o *origin) atKey(p diag.Path) diag.Range { return o.rangeOf(p, true) }

// at returns the range of the value at p in the file it was written in.
func (o *origin) at(p diag.Path) diag.Range { return o.rangeOf(p, false) }

func (o *origin) rangeOf(p diag.Path, key bool) diag.Range {
	l := o.locate(p)
	if l.o == nil || l.o.file == nil {
		return diag.Range{}
	}
	doc := l.o.file.document()
	switch {
	case doc == nil:
		return diag.Range{File: l.o.file.name}
	case key:
		return doc.LocateKey(l.p)
	}
	return doc.Locate(l.p)
}
