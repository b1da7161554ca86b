package source

import "github.com/vigie-ai/vigie/diag"

// Prune removes the value at p from a JSON value tree: a mapping entry is
// deleted, a sequence element becomes null so that later indexes keep their
// meaning. It lets a caller decode what is valid in a document and go on
// looking for problems past the first ones.
func Prune(v any, p diag.Path) {
	segs := p.Segments()
	if len(segs) == 0 {
		return
	}
	cur := v
	for i, s := range segs {
		last := i == len(segs)-1
		switch c := cur.(type) {
		case map[string]any:
			if s.IsIndex {
				return
			}
			if last {
				delete(c, s.Key)
				return
			}
			cur = c[s.Key]
		case []any:
			if !s.IsIndex || s.Index < 0 || s.Index >= len(c) {
				return
			}
			if last {
				c[s.Index] = nil
				return
			}
			cur = c[s.Index]
		default:
			return
		}
	}
}

// ValueAt returns the value at p in a JSON value tree, or nil.
func ValueAt(v any, p diag.Path) any {
	for _, s := range p.Segments() {
		switch c := v.(type) {
		case map[string]any:
			v = c[s.Key]
		case []any:
			if !s.IsIndex || s.Index < 0 || s.Index >= len(c) {
				return nil
			}
			v = c[s.Index]
		default:
			return nil
		}
	}
	return v
}
