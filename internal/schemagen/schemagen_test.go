package schemagen

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/rubric"
)

// TestEveryFieldIsTagged guards the schemas: a field without a json tag
// would appear under its Go name in the schema and in no file (or, in a
// result, under a name the hand-written encoder does not write).
func TestEveryFieldIsTagged(t *testing.T) {
	t.Parallel()
	seen := map[reflect.Type]bool{}
	var visit func(reflect.Type)
	visit = func(tp reflect.Type) {
		for tp.Kind() == reflect.Pointer || tp.Kind() == reflect.Slice || tp.Kind() == reflect.Map {
			tp = tp.Elem()
		}
		if tp.Kind() != reflect.Struct || seen[tp] {
			return
		}
		seen[tp] = true
		for i := range tp.NumField() {
			f := tp.Field(i)
			if !f.IsExported() {
				continue
			}
			if !f.Anonymous {
				assert.NotEmpty(t, f.Tag.Get("json"), "%s.%s has no json tag", tp.Name(), f.Name)
			}
			visit(f.Type)
		}
	}
	visit(reflect.TypeFor[rubric.Rubric]())
	visit(reflect.TypeFor[assessment.Declaration]())
	visit(reflect.TypeFor[assessment.Result]())
	assert.Greater(t, len(seen), 20)
}
