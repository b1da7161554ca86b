// Package source turns the bytes of a YAML or JSON file into a tree of nodes
// with positions and into a JSON value ready for schema validation. It guards
// against hostile input: size, depth, mapping size and alias expansion are
// all bounded, and every problem comes back as a positioned diagnostic.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/diag"
)

// Limits bound the work done on one file.
type Limits struct {
	MaxBytes       int64 // size of the file
	MaxNodes       int   // values in the document once aliases are expanded
	MaxMappingSize int   // entries in one mapping
	MaxDepth       int   // nesting of mappings and sequences
}

// DefaultMaxBytes is the default size cap of one input file: 8 MiB.
const DefaultMaxBytes = 8 << 20

// DefaultLimits are generous for any real rubric or declaration and small
// enough to keep a hostile file well under 64 MiB of memory.
func DefaultLimits() Limits {
	return Limits{MaxBytes: DefaultMaxBytes, MaxNodes: 200_000, MaxMappingSize: 5_000, MaxDepth: 64}
}

// Document is a parsed file: its node tree for positions and its value for validation.
type Document struct {
	File string
	// Root is the top node of the document (not the yaml DocumentNode).
	Root *yaml.Node
	// Value is the document as JSON values: map[string]any, []any, string,
	// bool, nil and json.Number.
	Value any
}

// Read reads at most max bytes from r; a longer input is a too-large diagnostic.
func Read(file string, r io.Reader, max int64) ([]byte, diag.Diagnostics) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, diag.Diagnostics{diag.New(diag.CodeUnreadable, diag.Range{File: file}, diag.Root(), err.Error())}
	}
	if int64(len(data)) > max {
		return nil, diag.Diagnostics{diag.New(diag.CodeTooLarge, diag.Range{File: file, Start: diag.Pos{Line: 1, Column: 1}}, diag.Root(), strconv.FormatInt(max, 10))}
	}
	return data, nil
}

// IsJSON reports whether a file is read as JSON, from its name.
func IsJSON(file string) bool { return strings.EqualFold(filepath.Ext(file), ".json") }

// Parse parses one YAML or JSON document (JSON when the file name ends in
// .json) and converts it within lim. The document is returned whenever the
// node tree could be built, even with diagnostics, so that callers can go on
// looking for more problems; it is nil after a fatal problem.
func Parse(file string, data []byte, lim Limits) (*Document, diag.Diagnostics) {
	at := func(line, col int) diag.Range {
		return diag.Range{File: file, Start: diag.Pos{Line: line, Column: col}}
	}
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return nil, diag.Diagnostics{diag.New(diag.CodeTooLarge, at(1, 1), diag.Root(), strconv.FormatInt(lim.MaxBytes, 10))}
	}
	if off := binaryOffset(data); off >= 0 {
		l, c := lineCol(data, off)
		return nil, diag.Diagnostics{diag.New(diag.CodeBinary, at(l, c), diag.Root())}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, diag.Diagnostics{diag.New(diag.CodeEmpty, at(1, 1), diag.Root())}
	}
	if lim.MaxNodes > 0 {
		if n := structureCount(data); n > lim.MaxNodes/3 {
			return nil, diag.Diagnostics{diag.New(diag.CodeTooManyLines, at(1, 1), diag.Root(), strconv.Itoa(lim.MaxNodes/3))}
		}
	}
	var root *yaml.Node
	var ds diag.Diagnostics
	if IsJSON(file) {
		root, ds = parseJSON(file, data, lim)
	} else {
		root, ds = parseYAML(file, data)
	}
	if root == nil {
		return nil, ds
	}
	c := converter{file: file, lim: lim}
	v, fatal := c.value(root, diag.Root(), 0)
	ds = append(ds, c.diags...)
	if fatal {
		return nil, ds
	}
	return &Document{File: file, Root: root, Value: v}, ds
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func parseYAML(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // only comments
			return nil, diag.Diagnostics{diag.New(diag.CodeEmpty, diag.Range{File: file, Start: diag.Pos{Line: 1, Column: 1}}, diag.Root())}
		}
		return nil, diag.Diagnostics{syntaxDiag(file, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if len(extra.Content) > 0 {
			line = extra.Content[0].Line
		}
		if line == 0 {
			line = secondDocLine(data)
		}
		return nil, diag.Diagnostics{diag.New(diag.CodeMultipleDocs, diag.Range{File: file, Start: diag.Pos{Line: line, Column: 1}}, diag.Root())}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, diag.Diagnostics{diag.New(diag.CodeEmpty, diag.Range{File: file, Start: diag.Pos{Line: 1, Column: 1}}, diag.Root())}
	}
	return doc.Content[0], nil
}

func syntaxDiag(file string, err error) *diag.Diagnostic {
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return diag.New(diag.CodeSyntax, diag.Range{File: file, Start: diag.Pos{Line: line, Column: 1}}, diag.Root(), msg)
}

// secondDocLine finds the line of the first document separator after content.
func secondDocLine(data []byte) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if i > 0 && bytes.HasPrefix(l, []byte("---")) {
			return i + 1
		}
	}
	return 1
}

// structureCount bounds from above the number of entries and items a file
// can hold: each needs a line or a comma of its own. Refusing a file with
// too many of them before parsing keeps memory bounded, since the parser
// allocates a few hundred bytes per value before any limit can be checked.
func structureCount(data []byte) int {
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte(","))
}

// binaryOffset returns the offset of the first byte that makes data not text, or -1.
func binaryOffset(data []byte) int {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i
	}
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// lineCol converts a byte offset to a 1-based line and a 1-based column in runes.
func lineCol(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

func posOf(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Column: n.Column} }

func fmtPos(p diag.Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }
