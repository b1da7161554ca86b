package diag

import (
	"strconv"
	"strings"
)

// Path locates a value inside a document, such as sections[2].criteria[0].weight.
// It is immutable: Child and Index return new paths that share their parent,
// so recursive validators can build paths cheaply. The zero Path is the root.
type Path struct {
	p *pathElem
}

type pathElem struct {
	parent *pathElem
	key    string
	index  int // -1 for a key
}

// Root is the path of the whole document.
func Root() Path { return Path{} }

// NewPath returns the path made of the given keys, in order.
func NewPath(keys ...string) Path {
	var p Path
	for _, k := range keys {
		p = p.Child(k)
	}
	return p
}

// Child returns the path of key inside the mapping at p.
func (p Path) Child(key string) Path {
	return Path{&pathElem{parent: p.p, key: key, index: -1}}
}

// Index returns the path of element i of the sequence at p.
func (p Path) Index(i int) Path {
	return Path{&pathElem{parent: p.p, index: i}}
}

// Append returns the path that follows segs from p.
func (p Path) Append(segs ...Segment) Path {
	for _, s := range segs {
		if s.IsIndex {
			p = p.Index(s.Index)
		} else {
			p = p.Child(s.Key)
		}
	}
	return p
}

// IsRoot reports whether p is the root path.
func (p Path) IsRoot() bool { return p.p == nil }

// Segment is one step of a path: a mapping key, or a sequence index when IsIndex.
type Segment struct {
	Key     string
	Index   int
	IsIndex bool
}

// Segments returns the steps of p from the root.
func (p Path) Segments() []Segment {
	n := 0
	for e := p.p; e != nil; e = e.parent {
		n++
	}
	out := make([]Segment, n)
	for e := p.p; e != nil; e = e.parent {
		n--
		if e.index >= 0 {
			out[n] = Segment{Index: e.index, IsIndex: true}
		} else {
			out[n] = Segment{Key: e.key}
		}
	}
	return out
}

// String renders p as sections[2].criteria[0].weight. Keys that are not plain
// identifiers are quoted: answers["rubric/criterion"].value.
func (p Path) String() string {
	var b strings.Builder
	for i, s := range p.Segments() {
		switch {
		case s.IsIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
		case plainKey(s.Key):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Key)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.Key))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// MarshalText renders the path as text, so it appears as a string in JSON.
func (p Path) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
