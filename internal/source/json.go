package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/diag"
)

// parseJSON builds a node tree from JSON with the position of every value
// and key, so that JSON files get the same diagnostics as YAML files.
// encoding/json keeps the last of two equal keys silently; the tree keeps
// both, and the converter reports them.
func parseJSON(file string, data []byte, lim Limits) (*yaml.Node, diag.Diagnostics) {
	w := jsonWalker{data: data, dec: json.NewDecoder(bytes.NewReader(data)), lines: lineStarts(data), maxDepth: lim.MaxDepth}
	w.dec.UseNumber()
	root, err := w.value(0)
	if err == nil {
		if _, l, c, terr := w.next(); !errors.Is(terr, io.EOF) {
			return nil, diag.Diagnostics{diag.New(diag.CodeMultipleDocs, diag.Range{File: file, Start: diag.Pos{Line: l, Column: c}}, diag.Root())}
		}
		return root, nil
	}
	off := int(w.dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// The streaming decoder reports offsets relative to what it buffered:
		// a whole-file scan gives the offset of the offending byte.
		var v any
		if uerr := json.Unmarshal(data, &v); errors.As(uerr, &se) {
			off = int(se.Offset) - 1
		}
	}
	msg := err.Error()
	code := diag.CodeSyntax
	if errors.Is(err, errTooDeep) {
		code = diag.CodeTooDeep
		msg = strconv.Itoa(lim.MaxDepth)
	} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "unexpected end of file"
	}
	l, c := w.pos(off)
	hint := diag.Bilingual("check the commas, brackets and quotes around this place", "vérifiez les virgules, crochets et guillemets à cet endroit")
	return nil, diag.Diagnostics{diag.New(code, diag.Range{File: file, Start: diag.Pos{Line: l, Column: c}}, diag.Root(), msg, hint)}
}

var errTooDeep = errors.New("nested too deep")

type jsonWalker struct {
	data     []byte
	dec      *json.Decoder
	lines    []int
	maxDepth int
	// the last position computed: tokens come in order, so columns are
	// counted from there rather than from the start of a long line.
	lastOff, lastLine, lastCol int
}

// next reads a token and the position where it starts.
func (w *jsonWalker) next() (json.Token, int, int, error) {
	off := int(w.dec.InputOffset())
	for off < len(w.data) {
		switch w.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	tok, err := w.dec.Token()
	l, c := w.pos(off)
	return tok, l, c, err
}

func (w *jsonWalker) value(depth int) (*yaml.Node, error) {
	tok, l, c, err := w.next()
	if err != nil {
		return nil, err
	}
	return w.node(tok, l, c, depth)
}

func (w *jsonWalker) node(tok json.Token, l, c, depth int) (*yaml.Node, error) {
	if w.maxDepth > 0 && depth > w.maxDepth {
		return nil, errTooDeep
	}
	n := &yaml.Node{Line: l, Column: c}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			for w.dec.More() {
				kt, kl, kc, err := w.next()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				v, err := w.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kl, Column: kc}, v)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for w.dec.More() {
				v, err := w.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		default:
			return nil, &json.SyntaxError{Offset: w.dec.InputOffset()}
		}
		if _, err := w.dec.Token(); err != nil { // closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Value, n.Tag = yaml.ScalarNode, t.String(), "!!float"
		if _, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			n.Tag = "!!int"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (w *jsonWalker) pos(off int) (int, int) {
	off = max(0, min(off, len(w.data)))
	i := sort.Search(len(w.lines), func(i int) bool { return w.lines[i] > off }) - 1
	from, col := w.lines[i], 1
	if w.lastLine == i+1 && w.lastOff >= from && w.lastOff <= off {
		from, col = w.lastOff, w.lastCol
	}
	col += utf8.RuneCount(w.data[from:off])
	w.lastOff, w.lastLine, w.lastCol = off, i+1, col
	return i + 1, col
}
