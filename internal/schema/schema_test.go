package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/source"
)

func TestNullWhereAValueIsRequiredReadsInFrench(t *testing.T) {
	t.Parallel()
	v, err := Compile([]byte(`{"type": "object", "properties": {"a": {"not": {"type": "null"}}}}`))
	require.NoError(t, err)
	doc, ds := source.Parse("x.yaml", []byte("a: null\n"), source.DefaultLimits())
	require.NotNil(t, doc, "%v", ds)
	ds, err = v.Validate(doc)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, diag.CodeType, ds[0].Code)
	assert.Equal(t, "wrong type: expected a value, found null", ds[0].Message("en"))
	assert.Equal(t, "type incorrect\u00a0: attendu une valeur, trouvé null", ds[0].Message("fr"))
}

func TestTypeName(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, en, fr string }{
		{"integer", "integer", "entier"},
		{"null", "null", "null"},
		{"a value", "a value", "une valeur"},
		{"value", "a value or a list of values", "une valeur ou une liste de valeurs"},
		{"[integer,string]", "[integer,string]", "[entier,chaîne]"},
		{"date", "date", "date"},
		{"integer]", "integer]", "integer]"},
	}
	for _, tt := range tests {
		d := diag.New(diag.CodeType, diag.Range{}, diag.Root(), TypeName(tt.in), "null", "", "")
		assert.Equal(t, "wrong type: expected "+tt.en+", found null", d.Message("en"), "TypeName(%q)", tt.in)
		assert.Equal(t, "type incorrect\u00a0: attendu "+tt.fr+", trouvé null", d.Message("fr"), "TypeName(%q)", tt.in)
	}
}
