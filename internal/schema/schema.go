// Package schema validates documents against vigie's JSON Schemas and turns
// every schema error into a positioned diagnostic with a hint.
package schema

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xeipuuv/gojsonschema"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/source"
)

// textComment marks the schema of a text (see internal/schemagen).
const textComment = "vigie:text"

// Validator is a compiled schema. It is safe for concurrent use.
type Validator struct {
	compiled *gojsonschema.Schema
	doc      map[string]any // the schema itself, to find the keys allowed at a path
}

// Compile compiles a draft-07 schema document.
func Compile(schemaJSON []byte) (*Validator, error) {
	var doc map[string]any
	if err := json.Unmarshal(schemaJSON, &doc); err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	sl := gojsonschema.NewSchemaLoader() // one loader per schema
	sl.Draft = gojsonschema.Draft7
	sl.Validate = true // offline: the draft-07 meta-schema is built in
	s, err := sl.Compile(gojsonschema.NewBytesLoader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("compile schema: %w", err)
	}
	return &Validator{compiled: s, doc: doc}, nil
}

// Validate checks the document's value and returns one diagnostic per problem.
func (v *Validator) Validate(d *source.Document) (diag.Diagnostics, error) {
	res, err := v.compiled.Validate(gojsonschema.NewRawLoader(d.Value))
	if err != nil {
		return nil, fmt.Errorf("validate %s: %w", d.File, err)
	}
	var ds diag.Diagnostics
	textErrors := map[string]bool{} // one "text" diagnostic per text value
	for _, e := range res.Errors() {
		p := toPath(d.Value, e.Context())
		if tp, ok := v.textAt(p); ok {
			p = tp
			if key := p.String(); !textErrors[key] {
				textErrors[key] = true
				ds = append(ds, diag.New(diag.CodeText, d.Locate(p), p))
			}
			continue
		}
		if dg := v.convert(d, p, e); dg != nil {
			ds = append(ds, dg)
		}
	}
	return ds, nil
}

func (v *Validator) convert(d *source.Document, p diag.Path, e gojsonschema.ResultError) *diag.Diagnostic {
	details := e.Details()
	str := func(k string) string {
		if v, ok := details[k]; ok && v != nil {
			return fmt.Sprint(v)
		}
		return ""
	}
	switch e.Type() {
	case "additional_property_not_allowed":
		key := str("property")
		kp := p.Child(key)
		allowed := v.allowedKeys(p)
		dg := diag.New(diag.CodeUnknownKey, d.LocateKey(kp), kp, strconv.Quote(key), strings.Join(allowed, ", "))
		dg.Suggestion = diag.Suggest(key, allowed)
		return dg
	case "required":
		return diag.New(diag.CodeRequired, d.Locate(p), p, str("property"))
	case "invalid_type":
		exp, given := str("expected"), str("given")
		hintEN, hintFR := "", ""
		if strings.Contains(exp, "boolean") {
			hintEN, hintFR = "write true or false", "écrivez true ou false"
		} else if strings.Contains(exp, "number") || strings.Contains(exp, "integer") {
			hintEN, hintFR = "write a number without quotes", "écrivez un nombre sans guillemets"
		} else if exp == "string" {
			hintEN, hintFR = `write the value in quotes, e.g. "1.0.0"`, `écrivez la valeur entre guillemets, par exemple "1.0.0"`
		} else if strings.Contains(exp, "array") {
			hintEN, hintFR = "write a list: [a, b] or one `- item` per line", "écrivez une liste\u00a0: [a, b] ou un `- élément` par ligne"
		}
		return diag.New(diag.CodeType, d.Locate(p), p, TypeName(exp), TypeName(given), hintEN, hintFR)
	case "enum":
		allowed := enumValues(v.node(p))
		dg := diag.New(diag.CodeEnum, d.Locate(p), p, quoteValue(e.Value()), strings.Join(allowed, ", "))
		if s, ok := e.Value().(string); ok {
			dg.Suggestion = diag.Suggest(s, allowed)
		}
		return dg
	case "pattern":
		what, hintEN, hintFR := patternHint(str("pattern"))
		r := d.Locate(p)
		if m, ok := source.ValueAt(d.Value, p).(map[string]any); ok {
			if key, ok := e.Value().(string); ok {
				if _, isKey := m[key]; isKey { // a key broke propertyNames: point at it
					p = p.Child(key)
					r = d.LocateKey(p)
				}
			}
		}
		return diag.New(diag.CodePattern, r, p, quoteValue(e.Value()), what, hintEN, hintFR)
	case "format":
		if str("format") == "date" {
			return diag.New(diag.CodeInvalidDate, d.Locate(p), p, quoteValue(e.Value()))
		}
		return diag.New(diag.CodePattern, d.Locate(p), p, quoteValue(e.Value()), str("format"), "", "")
	case "number_gte", "number_lte", "number_gt", "number_lt":
		bound := fmt.Sprint(details["min"])
		en, fr := "must be at least "+bound, "doit valoir au moins "+bound
		switch e.Type() {
		case "number_lte":
			bound = fmt.Sprint(details["max"])
			en, fr = "must be at most "+bound, "doit valoir au plus "+bound
		case "number_gt":
			en, fr = "must be more than "+bound, "doit être supérieur à "+bound
		case "number_lt":
			bound = fmt.Sprint(details["max"])
			en, fr = "must be less than "+bound, "doit être inférieur à "+bound
		}
		v := quoteValue(e.Value())
		return diag.New(diag.CodeRange, d.Locate(p), p, v+" "+en, v+" "+fr)
	case "array_min_items":
		n := fmt.Sprint(details["min"])
		return diag.New(diag.CodeRange, d.LocateKey(p), p, "list needs at least "+n+" items", "la liste doit compter au moins "+n+" éléments")
	case "string_gte":
		return diag.New(diag.CodeRange, d.Locate(p), p, "value must not be empty", "la valeur ne doit pas être vide")
	case "number_not":
		return diag.New(diag.CodeType, d.Locate(p), p, TypeName("a value"), "null", "write a value, or remove the key", "écrivez une valeur, ou retirez la clé")
	case "invalid_property_name":
		return nil // the error on the name itself says what is wrong
	case "array_no_additional_items", "array_max_items":
		return diag.New(diag.CodeRange, d.Locate(p), p, e.Description(), e.Description())
	case "unique":
		if j, ok := details["j"].(int); ok {
			p = p.Index(j)
		}
		return diag.New(diag.CodeRepeated, d.Locate(p), p)
	case "number_one_of", "number_any_of", "number_all_of", "condition_then", "condition_else", "missing_dependency":
		return nil // the branch errors say what is wrong
	}
	return diag.New(diag.CodeSchema, d.Locate(p), p, e.Description())
}

// toPath turns a gojsonschema context into a path, using the value to tell
// sequence indexes from mapping keys that look like numbers.
func toPath(root any, ctx *gojsonschema.JsonContext) diag.Path {
	const sep = "\x1f" // keys may hold dots: never split Field()
	segs := strings.Split(ctx.String(sep), sep)[1:]
	p, cur := diag.Root(), root
	for _, s := range segs {
		switch c := cur.(type) {
		case []any:
			if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < len(c) {
				p, cur = p.Index(i), c[i]
				continue
			}
		case map[string]any:
			cur = c[s]
		default:
			cur = nil
		}
		p = p.Child(s)
	}
	return p
}

// node returns the schema that applies at p, following properties, items,
// additionalProperties and references; nil when unknown.
func (v *Validator) node(p diag.Path) map[string]any {
	n := v.resolve(v.doc)
	for _, s := range p.Segments() {
		if n == nil {
			return nil
		}
		n = v.step(n, s)
	}
	return n
}

func (v *Validator) step(n map[string]any, s diag.Segment) map[string]any {
	for _, alt := range v.alternatives(n) {
		if s.IsIndex {
			if it, ok := alt["items"].(map[string]any); ok {
				return v.resolve(it)
			}
			continue
		}
		if props, ok := alt["properties"].(map[string]any); ok {
			if c, ok := props[s.Key].(map[string]any); ok {
				return v.resolve(c)
			}
		}
		if ap, ok := alt["additionalProperties"].(map[string]any); ok {
			return v.resolve(ap)
		}
	}
	return nil
}

// alternatives returns n and the schemas of its allOf/oneOf/anyOf branches, resolved.
func (v *Validator) alternatives(n map[string]any) []map[string]any {
	out := []map[string]any{n}
	for _, k := range []string{"allOf", "oneOf", "anyOf"} {
		list, _ := n[k].([]any)
		for _, b := range list {
			if m, ok := b.(map[string]any); ok {
				out = append(out, v.alternatives(v.resolve(m))...)
			}
		}
	}
	return out
}

func (v *Validator) resolve(n map[string]any) map[string]any {
	for range 16 { // bounded: references never chain this deep
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		if !ok {
			return n
		}
		defs, _ := v.doc["definitions"].(map[string]any)
		next, ok := defs[name].(map[string]any)
		if !ok {
			return n
		}
		n = next
	}
	return n
}

// textAt returns the path of the text that p is or lies in, if any: an
// error anywhere inside a text is one error about the text.
func (v *Validator) textAt(p diag.Path) (diag.Path, bool) {
	isText := func(n map[string]any) bool {
		for _, alt := range v.alternatives(n) {
			if alt["$comment"] == textComment {
				return true
			}
		}
		return false
	}
	var q diag.Path
	n := v.resolve(v.doc)
	if n != nil && isText(n) {
		return q, true
	}
	for _, s := range p.Segments() { // one walk down the schema, prefix by prefix
		if n = v.step(n, s); n == nil {
			break
		}
		q = q.Append(s)
		if isText(n) {
			return q, true
		}
	}
	return p, false
}

// allowedKeys returns the keys the schema allows at p, sorted.
func (v *Validator) allowedKeys(p diag.Path) []string {
	n := v.node(p)
	if n == nil {
		return nil
	}
	var keys []string
	for _, alt := range v.alternatives(n) {
		props, _ := alt["properties"].(map[string]any)
		for k := range props {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// typeNames are the names of JSON types, and of the words that stand for
// them in messages, in English and French.
var typeNames = map[string][2]string{
	"string": {"string", "chaîne"}, "integer": {"integer", "entier"}, "number": {"number", "nombre"},
	"boolean": {"boolean", "booléen"}, "array": {"array", "liste"}, "object": {"object", "bloc"},
	"null": {"null", "null"}, "a value": {"a value", "une valeur"},
	"value": {"a value or a list of values", "une valeur ou une liste de valeurs"},
}

// TypeName names a JSON type in English and French, as a diag.Bilingual
// argument. t is a JSON Schema type name, a list of them as gojsonschema
// writes it ("[integer,string]"), "a value", or "value" for a value or a
// list of values; anything else is returned as it is.
func TypeName(t string) string {
	if n, ok := typeNames[t]; ok {
		return diag.Bilingual(n[0], n[1])
	}
	if len(t) < 2 || t[0] != '[' || t[len(t)-1] != ']' {
		return t
	}
	names := strings.Split(t[1:len(t)-1], ",")
	for i, name := range names {
		if n, ok := typeNames[name]; ok && n[0] == name {
			names[i] = n[1]
		}
	}
	return diag.Bilingual(t, "["+strings.Join(names, ",")+"]")
}

func enumValues(n map[string]any) []string {
	var out []string
	if n == nil {
		return out
	}
	list, _ := n["enum"].([]any)
	for _, e := range list {
		out = append(out, fmt.Sprint(e))
	}
	return out
}

func quoteValue(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// patternHint explains the patterns the schemas use.
func patternHint(pattern string) (what, hintEN, hintFR string) {
	switch {
	case strings.Contains(pattern, ":"):
		return "reference", "write referential:item, e.g. uncrc:art-3", "écrivez référentiel:article, par exemple uncrc:art-3"
	case pattern == "^[a-z]{2}$":
		return "language code", "use a two-letter code such as fr or en", "utilisez un code à deux lettres comme fr ou en"
	case strings.HasPrefix(pattern, "^[a-z0-9]"):
		return "identifier", "use lower-case letters, digits, - or _ (e.g. best-interests)", "utilisez des minuscules, chiffres, - ou _ (par exemple interet-superieur)"
	}
	return "value (" + pattern + ")", "", ""
}
