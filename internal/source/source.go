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
	// Shallow skips the walk over the tree, and with it Document.Value and
	// the checks of nodes, depth, mapping sizes and keys: for callers that
	// read only a fixed shape of the tree and check, as they go, duplicate
	// keys, mapping sizes and what aliases lead to, or that parse again bytes
	// already checked. Size, binary content, syntax and the number of lines
	// are still checked.
	Shallow bool
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
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte-order mark is not content
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
	if lim.Shallow {
		return &Document{File: file, Root: root}, ds
	}
	c := converter{file: file, lim: lim}
	v, fatal := c.value(root, 0)
	ds = append(ds, c.diags...)
	if fatal {
		return nil, ds
	}
	return &Document{File: file, Root: root, Value: v}, ds
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func parseYAML(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	if !separatesDocuments(data) {
		// One document: parse the bytes in place, without the reader that
		// a Decoder needs to find a second document.
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, diag.Diagnostics{syntaxDiag(file, data, err)}
		}
		if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
			return nil, diag.Diagnostics{diag.New(diag.CodeEmpty, diag.Range{File: file, Start: diag.Pos{Line: 1, Column: 1}}, diag.Root())}
		}
		return doc.Content[0], nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // only comments
			return nil, diag.Diagnostics{diag.New(diag.CodeEmpty, diag.Range{File: file, Start: diag.Pos{Line: 1, Column: 1}}, diag.Root())}
		}
		return nil, diag.Diagnostics{syntaxDiag(file, data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		first := 1
		if len(doc.Content) > 0 {
			first = doc.Content[0].Line
		}
		return nil, diag.Diagnostics{diag.New(diag.CodeMultipleDocs, diag.Range{File: file, Start: diag.Pos{Line: secondDocLine(data, first), Column: 1}}, diag.Root())}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, diag.Diagnostics{diag.New(diag.CodeEmpty, diag.Range{File: file, Start: diag.Pos{Line: 1, Column: 1}}, diag.Root())}
	}
	return doc.Content[0], nil
}

// separatesDocuments reports whether a line of data starts with a document
// marker (--- or ...), which only a multi-document file needs past its start.
func separatesDocuments(data []byte) bool {
	for i := 0; i < len(data); {
		if bytes.HasPrefix(data[i:], []byte("---")) || bytes.HasPrefix(data[i:], []byte("...")) {
			return true
		}
		nl := bytes.IndexByte(data[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	return false
}

// parserProblems are the problems yaml.v3's parser (not its scanner)
// reports: their line is 0-based, where the scanner's is 1-based.
var parserProblems = []string{
	"did not find expected ',' or", "did not find expected '-' indicator", "did not find expected key",
	"did not find expected node content", "did not find expected <", "found undefined tag handle",
	"found duplicate %", "found incompatible YAML document",
}

var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

func syntaxDiag(file string, data []byte, err error) *diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line, col := 1, 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = err.Error()[len(m[0]):]
		for _, p := range parserProblems {
			if strings.HasPrefix(msg, p) {
				line++
				break
			}
		}
	}
	hint := diag.Bilingual("check indentation, colons and quotes around this line", "vérifiez l'indentation, les deux-points et les guillemets autour de cette ligne")
	anchor := unknownAnchor.FindStringSubmatch(msg)
	switch {
	case strings.Contains(msg, "tab character"):
		// yaml.v3 gives the line of the enclosing block: find the tab itself.
		for i, l := range bytes.Split(data, []byte("\n")) {
			indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
			if i+1 >= line && bytes.IndexByte(indent, '\t') >= 0 {
				line, col = i+1, 1+bytes.IndexByte(indent, '\t')
				break
			}
		}
		hint = diag.Bilingual("indent with spaces: YAML does not allow tabs in indentation", "indentez avec des espaces\u00a0: YAML n'admet pas de tabulations dans l'indentation")
	case anchor != nil:
		if i := bytes.Index(data, []byte("*"+anchor[1])); i >= 0 {
			line, col = lineCol(data, i)
		}
		hint = diag.Bilingual("define the anchor (&name) before using it (*name)", "définissez l'ancre (&nom) avant de l'utiliser (*nom)")
	case strings.HasPrefix(msg, "did not find expected ',' or"):
		hint = diag.Bilingual("a list or mapping opened here with [ or { is not closed, or lacks a comma", "une liste ou un bloc ouvert ici par [ ou { n'est pas fermé, ou il manque une virgule")
	}
	return diag.New(diag.CodeSyntax, diag.Range{File: file, Start: diag.Pos{Line: line, Column: col}}, diag.Root(), msg, hint)
}

// secondDocLine finds the line of the separator that starts a second
// document: the first `---` or `...` after the line where content starts.
func secondDocLine(data []byte, first int) int {
	lines := bytes.Split(data, []byte("\n"))
	for i, l := range lines {
		if i+1 > first && (bytes.HasPrefix(l, []byte("---")) || bytes.HasPrefix(l, []byte("..."))) {
			return i + 1
		}
	}
	return min(first+1, len(lines))
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
