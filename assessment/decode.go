package assessment

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/schema"
	"github.com/vigie-ai/vigie/internal/source"
)

// ErrInvalid is wrapped by errors about declarations that cannot be used;
// the diagnostics are reachable with errors.As.
var ErrInvalid = errors.New("invalid declaration")

// ParseDeclaration parses a declaration and checks its shape: the keys it
// may hold and the type of their values. name is the file name used in
// diagnostics; a name ending in .json is read as JSON, anything else as
// YAML. Whether its facts and answers fit a set of rubrics is checked by
// Assessor.Check.
//
// A declaration is read straight from the parsed tree, without a schema
// validator: it is the hot path of vigie assess, run once per project.
// schemas/declaration.schema.json describes the same shape for editors,
// one step stricter: it refuses a null answer, which the decoder reads as no
// value and Assessor.Check then refuses as a value of the wrong type.
func ParseDeclaration(name string, data []byte) (*Declaration, error) {
	lim := source.DefaultLimits()
	lim.Shallow = true // the decoder reads a fixed shape and checks it as it goes
	doc, ds := source.Parse(name, data, lim)
	if doc == nil || ds.HasErrors() {
		return nil, invalid(ds)
	}
	sum := sha256.Sum256(data)
	dec := &decoder{doc: doc, maxEntries: lim.MaxMappingSize, d: &Declaration{src: &declSource{
		file: name, sha256: hex.EncodeToString(sum[:]),
		facts: map[string]diag.Range{},
	}}}
	dec.ds = ds
	dec.declaration(doc.Root)
	if dec.ds.HasErrors() {
		return nil, invalid(dec.ds)
	}
	return dec.d, nil
}

func invalid(ds diag.Diagnostics) error {
	ds.Sort()
	return fmt.Errorf("%w: %w", ErrInvalid, ds)
}

// at is where the decoder is in the document: a path kept on the stack as
// the decoder descends, made into a diag.Path only for a diagnostic.
type at struct {
	parent  *at
	key     string
	index   int
	isIndex bool
}

func child(p *at, key string) *at { return &at{parent: p, key: key} }
func index(p *at, i int) *at      { return &at{parent: p, index: i, isIndex: true} }

func (p *at) path() diag.Path {
	var steps []diag.Segment
	for q := p; q != nil; q = q.parent {
		// strings.Clone breaks the data flow from the path to the heap: without
		// it, escape analysis (not field-sensitive) moves every path to the heap.
		steps = append(steps, diag.Segment{Key: strings.Clone(q.key), Index: q.index, IsIndex: q.isIndex})
	}
	slices.Reverse(steps)
	return diag.Root().Append(steps...)
}

type decoder struct {
	doc        *source.Document
	d          *Declaration
	ds         diag.Diagnostics
	maxEntries int
}

func (dec *decoder) at(n *yaml.Node) diag.Range {
	r := diag.Range{File: dec.doc.File, Start: diag.Pos{Line: n.Line, Column: n.Column}}
	return r
}

func (dec *decoder) add(code diag.Code, n *yaml.Node, p *at, args ...string) *diag.Diagnostic {
	d := diag.New(code, dec.at(n), p.path(), args...)
	dec.ds = append(dec.ds, d)
	return d
}

// deref follows aliases.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 64; i++ {
		n = n.Alias
	}
	return n
}

// fields walks a mapping, calling fn for each known key; unknown keys get a
// diagnostic with a did-you-mean, and required keys that are missing one at
// node. It returns false when node is not a mapping, or one too long to read.
func (dec *decoder) fields(node *yaml.Node, p *at, allowed, required []string, fn func(key string, k, v *yaml.Node)) bool {
	n := deref(node)
	if n.Kind != yaml.MappingNode {
		dec.typeError(n, p, "object")
		return false
	}
	if len(n.Content)/2 > 4*len(allowed) { // a fixed-shape mapping is small: refuse before the pairwise checks
		dec.add(diag.CodeMappingTooLong, n, p, strconv.Itoa(len(n.Content)/2), strconv.Itoa(4*len(allowed)))
		return false
	}
	var found uint64 // bit i: required[i] is there
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if !dec.key(n, i, p) {
			continue
		}
		if k.Tag == "!!merge" {
			dec.add(diag.CodeUnknownKey, k, child(p, "<<"), strconv.Quote("<<"), strings.Join(allowed, ", "))
			continue
		}
		if !slices.Contains(allowed, k.Value) {
			d := dec.add(diag.CodeUnknownKey, k, child(p, k.Value), strconv.Quote(k.Value), strings.Join(allowed, ", "))
			d.Suggestion = diag.Suggest(k.Value, allowed)
			continue
		}
		if r := slices.Index(required, k.Value); r >= 0 {
			found |= 1 << r
		}
		fn(k.Value, k, v)
	}
	for i, k := range required {
		if found&(1<<i) == 0 {
			dec.add(diag.CodeRequired, node, p, k)
		}
	}
	return true
}

// key checks the key at position i of mapping n: a plain value, not seen
// before in the mapping. It reports false when the entry must be skipped.
func (dec *decoder) key(n *yaml.Node, i int, p *at) bool {
	k := n.Content[i]
	if k.Kind != yaml.ScalarNode {
		dec.add(diag.CodeKeyNotScalar, k, p)
		return false
	}
	return !dec.duplicate(n, i, p)
}

// duplicate reports the key at position i of mapping n, and returns true,
// when an earlier key of the mapping has the same value.
func (dec *decoder) duplicate(n *yaml.Node, i int, p *at) bool {
	k := n.Content[i]
	for j := 0; j < i; j += 2 {
		if prev := n.Content[j]; prev.Kind == yaml.ScalarNode && prev.Value == k.Value {
			dec.add(diag.CodeDuplicateKey, k, child(p, k.Value), strconv.Quote(k.Value), fmt.Sprintf("%d:%d", prev.Line, prev.Column))
			return true
		}
	}
	return false
}

// entries returns the mapping that holds one entry per fact or answer, or
// false when there is none to read: null, not a mapping, or too large.
func (dec *decoder) entries(n *yaml.Node, p *at) (*yaml.Node, bool) {
	n = deref(n)
	switch {
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null":
		return n, false
	case n.Kind != yaml.MappingNode:
		dec.typeError(n, p, "object")
		return n, false
	case dec.maxEntries > 0 && len(n.Content)/2 > dec.maxEntries:
		dec.add(diag.CodeMappingTooLong, n, p, strconv.Itoa(len(n.Content)/2), strconv.Itoa(dec.maxEntries))
		return n, false
	}
	return n, true
}

// mapKey checks the key at position i of a facts or answers mapping; seen
// reports whether the map being filled holds the key already.
func (dec *decoder) mapKey(n *yaml.Node, i int, seen bool, p *at) bool {
	k := n.Content[i]
	if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
		dec.add(diag.CodeKeyNotScalar, k, p)
		return false
	}
	if seen { // only for a duplicate: find the first one
		dec.duplicate(n, i, p)
	}
	return !seen
}

// jsonType names the type of a node as JSON Schema would.
func jsonType(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.ShortTag() {
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	case "!!bool":
		return "boolean"
	case "!!null":
		return "null"
	}
	return "string"
}

func (dec *decoder) typeError(n *yaml.Node, p *at, want string) {
	hintEN, hintFR := "", ""
	switch want {
	case "string":
		hintEN, hintFR = "write the value in quotes", "écrivez la valeur entre guillemets"
	case "object":
		hintEN, hintFR = "write keys and values, one per line, indented under this key", "écrivez des clés et des valeurs, une par ligne, en retrait sous cette clé"
	}
	dec.add(diag.CodeType, n, p, schema.TypeName(want), schema.TypeName(jsonType(n)), hintEN, hintFR)
}

// str reads a string scalar; numbers and dates are read as written.
func (dec *decoder) str(n *yaml.Node, p *at) string {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" || n.ShortTag() == "!!bool" {
		dec.typeError(n, p, "string")
		return ""
	}
	return n.Value
}

var (
	projectKeys  = []string{"id", "name", "organisation", "description", "lifecycle", "contact"}
	topKeys      = []string{"apiVersion", "kind", "project", "facts", "answers"}
	answerKeys   = []string{"value", "evidence", "comment", "justification"}
	evidenceKeys = []string{"title", "ref", "date"}
	lifecycles   = []string{"idea", "design", "pilot", "production", "retired"}
	projectID    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
)

func (dec *decoder) declaration(root *yaml.Node) {
	d, src := dec.d, dec.d.src
	dec.fields(root, nil, topKeys, []string{"apiVersion", "kind", "project"}, func(key string, k, v *yaml.Node) {
		p := child(nil, key)
		switch key {
		case "apiVersion":
			if d.APIVersion = dec.str(v, p); d.APIVersion != "" && d.APIVersion != "vigie/v1" {
				dec.add(diag.CodeEnum, v, p, strconv.Quote(d.APIVersion), "vigie/v1")
			}
		case "kind":
			if d.Kind = dec.str(v, p); d.Kind == "Rubric" {
				dec.add(diag.CodeWrongKind, v, p, diag.Bilingual("declaration", "déclaration"), diag.Bilingual("rubric", "grille"))
			} else if d.Kind != "" && d.Kind != "Declaration" {
				dg := dec.add(diag.CodeEnum, v, p, strconv.Quote(d.Kind), "Declaration")
				dg.Suggestion = diag.Suggest(d.Kind, []string{"Declaration"})
			}
		case "project":
			dec.project(v, p)
		case "facts":
			src.factsKey = dec.at(k)
			dec.facts(v, p)
		case "answers":
			src.answersKey = dec.at(k)
			dec.answers(v, p)
		}
	})
}

func (dec *decoder) project(n *yaml.Node, p *at) {
	pr := &dec.d.Project
	dec.fields(n, p, projectKeys, []string{"id", "name"}, func(key string, _, v *yaml.Node) {
		kp := child(p, key)
		s := dec.str(v, kp)
		switch key {
		case "id":
			pr.ID = s
			if s != "" && !projectID.MatchString(s) {
				dec.add(diag.CodePattern, v, kp, strconv.Quote(s), diag.Bilingual("identifier", "identifiant"),
					"use lower-case letters, digits and hyphens", "utilisez des minuscules, des chiffres et des tirets")
			}
		case "name":
			pr.Name = s
		case "organisation":
			pr.Organisation = s
		case "description":
			pr.Description = s
			dec.d.src.description = dec.at(v)
		case "lifecycle":
			pr.Lifecycle = s
			if s != "" && !slices.Contains(lifecycles, s) {
				dg := dec.add(diag.CodeEnum, v, kp, strconv.Quote(s), strings.Join(lifecycles, ", "))
				dg.Suggestion = diag.Suggest(s, lifecycles)
			}
		case "contact":
			pr.Contact = s
		}
	})
}

// scalar reads a scalar as a JSON-like value: bool, float64, string or nil.
func (dec *decoder) scalar(n *yaml.Node, p *at) (any, bool) {
	if n.Kind != yaml.ScalarNode {
		return nil, false
	}
	switch n.ShortTag() {
	case "!!null":
		return nil, true
	case "!!bool":
		switch n.Value { // the plain spellings YAML 1.2 resolves, without Decode's allocations
		case "true", "True", "TRUE":
			return true, true
		case "false", "False", "FALSE":
			return false, true
		}
		var b bool
		if err := n.Decode(&b); err != nil { // a text tagged !!bool, such as !!bool yes
			dec.add(diag.CodeType, n, p, schema.TypeName("boolean"), schema.TypeName("string"),
				"write true or false (not yes or no)", "écrivez true ou false (pas oui ou non)")
			return nil, true
		}
		return b, true
	case "!!int", "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			var x float64
			if derr := n.Decode(&x); derr != nil {
				dec.add(diag.CodeNotJSON, n, p, n.Value)
				return nil, true
			}
			f = x
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			dec.add(diag.CodeNotJSON, n, p, n.Value)
			return nil, true
		}
		return f, true
	}
	return n.Value, true
}

// value reads a fact or answer value: a scalar or a list of scalars.
func (dec *decoder) value(n *yaml.Node, p *at) any {
	if v, ok := dec.scalar(n, p); ok {
		return v
	}
	if n.Kind != yaml.SequenceNode {
		dec.typeError(n, p, "value")
		return nil
	}
	list := make([]any, 0, len(n.Content))
	for i, e := range n.Content {
		e = deref(e)
		v, ok := dec.scalar(e, index(p, i))
		if !ok {
			dec.typeError(e, index(p, i), "string")
			continue
		}
		list = append(list, v)
	}
	return list
}

func (dec *decoder) facts(n *yaml.Node, p *at) {
	n, ok := dec.entries(n, p)
	if !ok {
		return
	}
	dec.d.Facts = make(map[string]any, len(n.Content)/2)
	dec.d.src.facts = make(map[string]diag.Range, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		_, seen := dec.d.Facts[k.Value]
		if !dec.mapKey(n, i, seen, p) {
			continue
		}
		dec.d.Facts[k.Value] = dec.value(v, child(p, k.Value))
		dec.d.src.facts[k.Value] = dec.at(v)
	}
}

func (dec *decoder) answers(n *yaml.Node, p *at) {
	n, ok := dec.entries(n, p)
	if !ok {
		return
	}
	dec.d.Answers = make(map[string]Answer, len(n.Content)/2)
	dec.d.src.answerParts = make(map[string]*answerPos, len(n.Content)/2)
	parts := make([]answerPos, len(n.Content)/2) // one allocation for every answer's positions
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		_, seen := dec.d.Answers[k.Value]
		if !dec.mapKey(n, i, seen, p) {
			continue
		}
		ap := child(p, k.Value)
		var a Answer
		pos := &parts[i/2]
		pos.value = dec.at(v)
		if v.Kind != yaml.MappingNode { // the shorthand: the answer itself
			a.Value = dec.value(v, ap)
		} else {
			dec.fields(v, ap, answerKeys, []string{"value"}, func(key string, _, f *yaml.Node) {
				fp := child(ap, key)
				switch key {
				case "value":
					a.Value = dec.value(f, fp)
					pos.value = dec.at(f)
				case "evidence":
					a.Evidence, pos.evidence = dec.evidence(f, fp)
				case "comment":
					a.Comment = dec.str(f, fp)
				case "justification":
					a.Justification = dec.str(f, fp)
				}
			})
		}
		dec.d.Answers[k.Value] = a
		dec.d.src.answerParts[k.Value] = pos
	}
}

// evidence reads a list of documents; a plain string is a document's title.
func (dec *decoder) evidence(n *yaml.Node, p *at) ([]Evidence, []diag.Range) {
	if n.Kind != yaml.SequenceNode {
		dec.typeError(n, p, "array")
		return nil, nil
	}
	out := make([]Evidence, 0, len(n.Content))
	pos := make([]diag.Range, 0, len(n.Content))
	for i, e := range n.Content {
		e = deref(e)
		ep := index(p, i)
		if e.Kind == yaml.ScalarNode {
			out = append(out, Evidence{Title: dec.str(e, ep)})
			pos = append(pos, dec.at(e))
			continue
		}
		var ev Evidence
		at := dec.at(e)
		dec.fields(e, ep, evidenceKeys, []string{"title"}, func(key string, _, f *yaml.Node) {
			fp := child(ep, key)
			switch key {
			case "title":
				ev.Title = dec.str(f, fp)
			case "ref":
				ev.Ref = dec.str(f, fp)
			case "date":
				ev.Date = dec.str(f, fp)
				at = dec.at(f)
				if _, err := time.Parse(time.DateOnly, ev.Date); ev.Date != "" && err != nil {
					dec.add(diag.CodeInvalidDate, f, fp, strconv.Quote(ev.Date))
				}
			}
		})
		out = append(out, ev)
		pos = append(pos, at)
	}
	return out, pos
}
