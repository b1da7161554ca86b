package diag

import "fmt"

// Pos is a position in a source file. Line and Column are 1-based; Column
// counts Unicode code points. The zero Pos means "unknown".
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// IsValid reports whether p points somewhere.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Before reports whether p comes strictly before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Column < q.Column)
}

// Range is a span of a file. End may be the zero Pos when only the start is known.
type Range struct {
	File  string `json:"file,omitempty"`
	Start Pos    `json:"start"`
	End   Pos    `json:"end,omitzero"`
}

// String renders r as file:line:col, leaving out what is unknown.
func (r Range) String() string {
	switch {
	case r.File == "" && !r.Start.IsValid():
		return ""
	case !r.Start.IsValid():
		return r.File
	case r.File == "":
		return fmt.Sprintf("%d:%d", r.Start.Line, r.Start.Column)
	}
	return fmt.Sprintf("%s:%d:%d", r.File, r.Start.Line, r.Start.Column)
}
