package schema

import (
	"testing"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/source"
)

func TestNullWhereAValueIsRequiredReadsInFrench(t *testing.T) {
	v, err := Compile([]byte(`{"type": "object", "properties": {"a": {"not": {"type": "null"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	doc, ds := source.Parse("x.yaml", []byte("a: null\n"), source.DefaultLimits())
	if doc == nil {
		t.Fatal(ds)
	}
	ds, err = v.Validate(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Code != diag.CodeType {
		t.Fatalf("want one %s diagnostic, got %v", diag.CodeType, ds)
	}
	for lang, want := range map[string]string{
		"en": "wrong type: expected a value, found null",
		"fr": "type incorrect : attendu une valeur, trouvé null",
	} {
		if got := ds[0].Message(lang); got != want {
			t.Errorf("Message(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestTypeName(t *testing.T) {
	for in, want := range map[string][2]string{
		"integer":          {"integer", "entier"},
		"null":             {"null", "null"},
		"a value":          {"a value", "une valeur"},
		"value":            {"a value or a list of values", "une valeur ou une liste de valeurs"},
		"[integer,string]": {"[integer,string]", "[entier,chaîne]"},
		"date":             {"date", "date"},
		"integer]":         {"integer]", "integer]"},
	} {
		d := diag.New(diag.CodeType, diag.Range{}, diag.Root(), TypeName(in), "null", "", "")
		if got, w := d.Message("en"), "wrong type: expected "+want[0]+", found null"; got != w {
			t.Errorf("TypeName(%q) in English: %q, want %q", in, got, w)
		}
		if got, w := d.Message("fr"), "type incorrect : attendu "+want[1]+", trouvé null"; got != w {
			t.Errorf("TypeName(%q) in French: %q, want %q", in, got, w)
		}
	}
}
