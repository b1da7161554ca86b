// Package schemagen generates vigie's JSON Schemas from its Go types, as
// draft-07 documents that gojsonschema and editors read alike.
package schemagen

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/rubric"
)

const (
	module = "github.com/vigie-ai/vigie"
	// BaseURL is where the schemas are published; editors resolve modelines against it.
	BaseURL = "https://raw.githubusercontent.com/vigie-ai/vigie/main/schemas/"
	// TextComment marks the schema of a Text so that diagnostics can say "a text must be …".
	TextComment = "vigie:text"
)

// target is one schema: the Go value it describes, and what reflection
// cannot say.
type target struct {
	name, title string
	v           any
	dirs        []string // packages whose comments describe the types
	// adjust edits the reflected schema, if set.
	adjust func(*jsonschema.Schema) error
}

// Schema names to the Go value they describe.
var targets = []target{
	{name: "rubric", title: "vigie rubric", v: &rubric.Rubric{}, dirs: []string{"rubric"}, adjust: sectionsUnlessExtends},
	{name: "declaration", title: "vigie declaration", v: &assessment.Declaration{}, dirs: []string{"assessment"}, adjust: shortAnswers},
	{name: "report", title: "vigie assessment result", v: &assessment.Result{}, dirs: []string{"assessment", "diag"}},
}

// Generate returns every schema by file name (rubric.schema.json, …).
// root is the module's root directory, relative to the working directory or absolute.
func Generate(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, t := range targets {
		b, err := generate(root, t)
		if err != nil {
			return nil, fmt.Errorf("generate %s schema: %w", t.name, err)
		}
		out[t.name+".schema.json"] = b
	}
	return out, nil
}

func generate(root string, t target) ([]byte, error) {
	r := &jsonschema.Reflector{
		BaseSchemaID:   jsonschema.ID(BaseURL + t.name + ".schema.json"),
		ExpandedStruct: true,
		Mapper:         mapper,
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(absRoot, cwd)
	if err != nil {
		return nil, err
	}
	// AddGoComments names packages path.Join(base, dir): base must be the
	// import path of the working directory for dir to be relative to it.
	base := path.Join(module, filepath.ToSlash(rel))
	for _, d := range t.dirs {
		if err := r.AddGoComments(base, filepath.Join(root, d)); err != nil {
			return nil, err
		}
	}
	s := r.Reflect(t.v)
	if t.adjust != nil {
		if err := t.adjust(s); err != nil {
			return nil, err
		}
	}
	s.ID = jsonschema.ID(BaseURL + t.name + ".schema.json")
	s.Title = t.title
	return toDraft07(s)
}

var (
	textType  = reflect.TypeFor[rubric.Text]()
	valueType = reflect.TypeFor[rubric.Value]()
	anyType   = reflect.TypeFor[any]()
	// Results write these as their names.
	statusType   = reflect.TypeFor[assessment.Status]()
	severityType = reflect.TypeFor[assessment.Severity]()
)

const idPattern = "^[a-z0-9][a-z0-9_.-]*$"

func textSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Comments: TextComment,
		OneOf: []*jsonschema.Schema{
			{Type: "string"},
			{
				Type:                 "object",
				MinProperties:        ptr(uint64(1)),
				PropertyNames:        &jsonschema.Schema{Pattern: "^[a-z]{2}$"},
				AdditionalProperties: &jsonschema.Schema{Type: "string"},
			},
		},
	}
}

func mapper(t reflect.Type) *jsonschema.Schema {
	switch t {
	case anyType:
		// Any value but null: `equals: ~` is a mistake, not "no operator".
		return &jsonschema.Schema{Not: &jsonschema.Schema{Type: "null"}}
	case textType:
		return textSchema()
	case statusType: // each field lists the statuses it may take
		return &jsonschema.Schema{Type: "string"}
	case severityType:
		return enumSchema(assessment.Critical, assessment.High, assessment.Medium, assessment.Low, assessment.Info)
	case valueType:
		props := jsonschema.NewProperties()
		props.Set("value", &jsonschema.Schema{Type: "string", Pattern: idPattern, Description: "The value as written in declarations."})
		label := textSchema()
		label.Description = "How the value reads in reports."
		props.Set("label", label)
		props.Set("signals", &jsonschema.Schema{
			Type:                 "object",
			Description:          "Phrases, per language, that suggest this value when a project's description contains them (matched without regard to case or accents).",
			PropertyNames:        &jsonschema.Schema{Pattern: "^[a-z]{2}$"},
			AdditionalProperties: &jsonschema.Schema{Type: "array", Items: &jsonschema.Schema{Type: "string", MinLength: ptr(uint64(1))}},
		})
		return &jsonschema.Schema{OneOf: []*jsonschema.Schema{
			{Type: "string", Pattern: idPattern},
			{Type: "object", Properties: props, Required: []string{"value"}, AdditionalProperties: jsonschema.FalseSchema},
		}}
	}
	return nil
}

// enumSchema is a string that takes one of the names of values.
func enumSchema[E fmt.Stringer](values ...E) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	for _, v := range values {
		s.Enum = append(s.Enum, v.String())
	}
	return s
}

// shortAnswers lets each answer of a declaration be written as the answer
// itself (`ai-literacy: started`) as well as an Answer mapping, as the
// decoder reads it (assessment/decode.go): a string, a number, true or
// false, or a list of those. null is no answer, as in the long form. An
// evidence item, likewise, may be just the document's title.
func shortAnswers(s *jsonschema.Schema) error {
	answers, ok := s.Properties.Get("answers")
	if !ok || answers.AdditionalProperties == nil || answers.AdditionalProperties.Ref == "" {
		return fmt.Errorf("declaration schema: answers is not a mapping of Answer")
	}
	scalars := func() []*jsonschema.Schema {
		return []*jsonschema.Schema{{Type: "string"}, {Type: "number"}, {Type: "boolean"}}
	}
	// An evidence item may be just the document's title.
	answer, ok := s.Definitions["Answer"]
	if !ok {
		return fmt.Errorf("declaration schema: no Answer definition")
	}
	evidence, ok := answer.Properties.Get("evidence")
	if !ok || evidence.Items == nil || evidence.Items.Ref == "" {
		return fmt.Errorf("declaration schema: Answer.evidence is not a list of Evidence")
	}
	evidence.Items = &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		evidence.Items,
		{Type: "string", Description: "The title of the document."},
	}}
	long := answers.AdditionalProperties
	answers.AdditionalProperties = &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		long,
		{Type: "string", Description: "The answer itself: a level of the criterion's scale, a choice, a date or not_applicable."},
		{Type: "number", Description: "The answer itself: a number."},
		{Type: "boolean", Description: "The answer itself: true or false."},
		{Type: "array", Description: "The answer itself: a list of choices.", Items: &jsonschema.Schema{AnyOf: scalars()}},
	}}
	return nil
}

// sectionsUnlessExtends says what reflection cannot: a rubric has sections of
// its own unless it extends another, and only a rubric that extends another
// has overrides.
func sectionsUnlessExtends(s *jsonschema.Schema) error {
	if s.Extras == nil {
		s.Extras = map[string]any{}
	}
	s.Extras["if"] = map[string]any{"not": map[string]any{"required": []any{"extends"}}}
	s.Extras["then"] = map[string]any{"required": []any{"sections"}}
	s.Extras["dependencies"] = map[string]any{"overrides": []any{"extends"}}
	return nil
}

func ptr[T any](v T) *T { return &v }

// toDraft07 rewrites invopop's 2020-12 output to a spec-true draft-07
// document: definitions instead of $defs, and $ref siblings kept through
// allOf, since draft-07 validators ignore them.
func toDraft07(s *jsonschema.Schema) ([]byte, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	doc["$schema"] = "http://json-schema.org/draft-07/schema#"
	if defs, ok := doc["$defs"]; ok {
		doc["definitions"] = defs
		delete(doc, "$defs")
	}
	if err := rewrite(doc); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

var unsupported2020 = []string{"prefixItems", "dependentRequired", "dependentSchemas",
	"unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$anchor", "minContains", "maxContains"}

func rewrite(v any) error {
	switch n := v.(type) {
	case map[string]any:
		for _, k := range unsupported2020 {
			if _, ok := n[k]; ok {
				return fmt.Errorf("schema uses 2020-12 keyword %q, which draft-07 validators ignore", k)
			}
		}
		if ref, ok := n["$ref"].(string); ok {
			n["$ref"] = strings.Replace(ref, "#/$defs/", "#/definitions/", 1)
			if len(n) > 1 {
				r := map[string]any{"$ref": n["$ref"]}
				delete(n, "$ref")
				n["allOf"] = []any{r}
			}
		}
		for k, c := range n {
			if k == "enum" || k == "const" || k == "default" || k == "examples" {
				continue
			}
			if err := rewrite(c); err != nil {
				return err
			}
		}
	case []any:
		for _, c := range n {
			if err := rewrite(c); err != nil {
				return err
			}
		}
	}
	return nil
}
