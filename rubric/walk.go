package rubric

import (
	"reflect"
	"strings"

	"github.com/vigie-ai/vigie/diag"
)

var textType = reflect.TypeFor[Text]()

// walkTexts calls fn with every text of the rubric and its path.
func walkTexts(r *Rubric, fn func(Text, diag.Path)) {
	walkValue(reflect.ValueOf(r).Elem(), diag.Root(), fn)
}

func walkValue(v reflect.Value, p diag.Path, fn func(Text, diag.Path)) {
	if v.Type() == textType {
		fn(v.Interface().(Text), p)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkValue(v.Elem(), p, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkValue(v.Index(i), p.Index(i), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Anonymous {
				walkValue(v.Field(i), p, fn)
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			walkValue(v.Field(i), p.Child(name), fn)
		}
	}
}
