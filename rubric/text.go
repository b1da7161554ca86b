package rubric

import (
	"encoding/json"
	"errors"
	"sort"
)

// Text is a text written in one or several languages: a map from language
// code ("fr", "en", …) to the text. In YAML it is either a plain string or a
// mapping:
//
//	title: Droits de l'enfant
//	title: {fr: Droits de l'enfant, en: Children's rights}
//
// A plain string is stored under the empty language code and stands for the
// rubric's default language.
type Text map[string]string

// In returns the text in lang, else in fallback, else the plain string, else
// the text of the first language in alphabetical order; "" when t is empty.
func (t Text) In(lang, fallback string) string {
	for _, l := range [...]string{lang, fallback, ""} {
		if s, ok := t[l]; ok {
			return s
		}
	}
	if len(t) == 0 {
		return ""
	}
	return t[t.Languages()[0]]
}

// Languages returns the language codes of t, sorted, the plain string as "".
func (t Text) Languages() []string {
	out := make([]string, 0, len(t))
	for l := range t {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// IsZero reports whether t holds no text.
func (t Text) IsZero() bool { return len(t) == 0 }

// UnmarshalJSON reads a plain string or an object of language → string.
func (t *Text) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = Text{"": s}
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return errors.New("a text is a string or an object of language → string")
	}
	*t = m
	return nil
}

// MarshalJSON writes a plain string when t has only one, else the object.
func (t Text) MarshalJSON() ([]byte, error) {
	if s, ok := t[""]; ok && len(t) == 1 {
		return json.Marshal(s)
	}
	return json.Marshal(map[string]string(t))
}

// clone returns a copy of t that can be changed without changing t.
func (t Text) clone() Text {
	if t == nil {
		return nil
	}
	out := make(Text, len(t))
	for k, v := range t {
		out[k] = v
	}
	return out
}

// merge returns t with the languages of over replacing its own.
func (t Text) merge(over Text) Text {
	if len(over) == 0 {
		return t
	}
	out := t.clone()
	if out == nil {
		out = Text{}
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

// UnmarshalJSON reads a plain string or a full value.
func (v *Value) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = Value{Value: s}
		return nil
	}
	type plain Value
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*v = Value(p)
	return nil
}
