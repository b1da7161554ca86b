package source

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/diag"
)

// Locate returns the range of the value at p, or of the deepest node on the
// way to it when the path leaves the tree (a missing key points at its
// parent mapping).
func (d *Document) Locate(p diag.Path) diag.Range {
	return d.rangeOf(d.walk(p, false))
}

// LocateKey returns the range of the key at the end of p, which is what a
// diagnostic about a misspelt or duplicate key should point at.
func (d *Document) LocateKey(p diag.Path) diag.Range {
	return d.rangeOf(d.walk(p, true))
}

func (d *Document) rangeOf(n *yaml.Node) diag.Range {
	r := diag.Range{File: d.File}
	if n == nil {
		return r
	}
	r.Start = posOf(n)
	if n.Kind == yaml.ScalarNode && n.Line > 0 {
		w := utf8.RuneCountInString(n.Value)
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			w += 2
		}
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			r.End = diag.Pos{Line: n.Line, Column: n.Column + w}
		}
	}
	return r
}

func (d *Document) walk(p diag.Path, wantKey bool) *yaml.Node {
	if d == nil || d.Root == nil {
		return nil
	}
	n := d.Root
	segs := p.Segments()
	for i, s := range segs {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		last := i == len(segs)-1
		next := child(n, s, wantKey && last)
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

func child(n *yaml.Node, s diag.Segment, wantKey bool) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		if s.IsIndex {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == s.Key && n.Content[i].Tag != "!!merge" {
				if wantKey {
					return n.Content[i]
				}
				return n.Content[i+1]
			}
		}
		// The key may come from a `<<` merge.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Tag == "!!merge" {
				m := n.Content[i+1]
				for m.Kind == yaml.AliasNode && m.Alias != nil {
					m = m.Alias
				}
				if c := child(m, s, wantKey); c != nil {
					return c
				}
			}
		}
	case yaml.SequenceNode:
		if s.IsIndex && s.Index >= 0 && s.Index < len(n.Content) {
			return n.Content[s.Index]
		}
	}
	return nil
}
