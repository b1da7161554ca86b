package rubric_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// Messages composed from parts read as sentences in both languages: the
// subject of a condition with its article, the override it names, numbers
// with a decimal comma in French. Tests elsewhere assert codes; this one is
// about the wording itself.
func TestComposedMessages(t *testing.T) {
	t.Parallel()
	src := header("demo") + `extends: base
facts:
  - {id: role, type: enum, values: [provider, deployer], question: "Role?"}
overrides:
  - {title: X}
  - {section: s, gate: true}
  - {criterion: a, title: T}
  - {criterion: a, applies_when: {fact: role, contains: provider}}
  - {criterion: b, applies_when: {answer: a, in: [x]}}
scoring:
  scores:
    - id: total
      title: Total
      bands:
        - {id: low, label: Low, gte: 0, lt: 1.5}
        - {id: high, label: High, gte: 2.5, lte: 100}
`
	_, err := rubric.Parse("demo.yaml", []byte(src))
	var ds diag.Diagnostics
	require.True(t, errors.As(err, &ds), "%v", err)
	var en, fr []string
	for _, d := range ds {
		en, fr = append(en, d.Message("en")), append(fr, d.Message("fr"))
	}
	for _, want := range []string{
		"override 1: an override names exactly one of section or criterion",
		"override of section s: gate applies to a criterion, not a section",
		"override of criterion a: title applies to a section, not a criterion",
		"bands low and high leave a gap or disagree at 1.5",
	} {
		assert.Contains(t, en, want)
	}
	for _, want := range []string{
		"surcharge 1\u00a0: une surcharge nomme exactement une section ou un critère",
		"surcharge de la section s\u00a0: gate s'applique à un critère, pas à une section",
		"surcharge du critère a\u00a0: title s'applique à une section, pas à un critère",
		"les paliers low et high laissent un trou ou se contredisent en 1,5",
	} {
		assert.Contains(t, fr, want)
	}

	// Names are checked once the base is known.
	base := mustParse(t, "base", `sections:
  - id: s
    title: S
    criteria:
      - {id: a, question: Q, type: bool, points: 1}
      - {id: b, question: Q, type: bool}
`)
	ext := mustParse(t, "ext", `extends: base
facts:
  - {id: role, type: enum, values: [provider, deployer], question: "Role?"}
overrides:
  - {criterion: a, applies_when: {fact: role, contains: provider}}
  - {criterion: b, applies_when: {answer: a, in: [x]}}
`)
	_, err = rubric.NewSet([]*rubric.Rubric{base, ext})
	require.True(t, errors.As(err, &ds), "%v", err)
	en, fr = nil, nil
	for _, d := range ds {
		en, fr = append(en, d.Message("en")), append(fr, d.Message("fr"))
	}
	for _, want := range []string{
		"operator contains does not apply to the fact role of type enum",
		"operator in does not apply to the answer to criterion a of type bool",
		`operand of in does not fit the answer to criterion a: expected true or false, found "x"`,
	} {
		assert.Contains(t, en, want)
	}
	for _, want := range []string{
		"le fait role, de type enum, n'admet pas l'opérateur contains",
		"la réponse au critère a, de type bool, n'admet pas l'opérateur in",
		`l'opérande de in ne va pas avec la réponse au critère a : true ou false attendu, trouvé "x"`,
	} {
		assert.Contains(t, fr, want)
	}
	warnings := base.Warnings()
	require.Len(t, warnings, 1)
	assert.Equal(t, "key points of criterion a has no effect", warnings[0].Message("en"))
	assert.Equal(t, "la clé points du critère a n'a aucun effet", warnings[0].Message("fr"))
}
