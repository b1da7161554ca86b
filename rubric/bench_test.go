package rubric_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/rubric"
)

// largeRubric builds a valid rubric of about size bytes: sections of
// criteria with references, conditions and recommendations, like a real
// grid written by auditors.
func largeRubric(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`apiVersion: vigie/v1
kind: Rubric
id: large
version: 1.0.0
title: {fr: Grande grille, en: Large rubric}
language: fr
languages: [fr, en]
referentials:
  - id: uncrc
    title: {fr: Convention internationale des droits de l'enfant, en: UN Convention on the Rights of the Child}
    items:
`)
	for i := 1; i <= 54; i++ {
		fmt.Fprintf(&b, "      - {id: art-%d, title: {fr: Article %d, en: Article %d}}\n", i, i, i)
	}
	b.WriteString(`facts:
  - id: affected_groups
    type: set
    values: [children, parents, professionals]
    question: {fr: "Qui est concerné ?", en: "Who is affected?"}
scales:
  - id: maturity
    levels:
      - {value: none, score: 0, label: {fr: Non, en: No}}
      - {value: partial, score: 0.5, label: {fr: En partie, en: Partly}}
      - {value: full, score: 1, label: {fr: Oui, en: Yes}}
sections:
`)
	for s := 0; b.Len() < size; s++ {
		fmt.Fprintf(&b, "  - id: section-%d\n    title: {fr: Section %d, en: Section %d}\n    weight: %d\n    criteria:\n", s, s, s, 1+s%3)
		for c := 0; c < 8 && b.Len() < size; c++ {
			fmt.Fprintf(&b, `      - id: s%d-c%d
        question:
          fr: "Le projet a-t-il documenté la mesure %d de la section %d, et la revoit-il chaque année ?"
          en: "Has the project documented measure %d of section %d, and does it review it every year?"
        guidance: {fr: Joindre le document et la date de sa dernière revue., en: Attach the document and the date of its last review.}
        scale: maturity
        weight: %d
        evidence: required
        applies_when: {fact: affected_groups, contains: children}
        references: [uncrc:art-%d, uncrc:art-%d]
        recommendation: {fr: Documenter la mesure et planifier sa revue., en: Document the measure and plan its review.}
`, s, c, c, s, c, s, 1+c%4, 1+(s+c)%54, 1+(s*3+c+27)%54)
		}
	}
	return b.Bytes()
}

func TestLargeRubricIsValid(t *testing.T) {
	t.Parallel()
	data := largeRubric(50_000)
	if _, err := rubric.Parse("large.yaml", data); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkParse loads and validates rubrics. The yaml-node case is the
// floor: yaml.v3 parsing the same bytes to a node tree, with no checks.
func BenchmarkParse(b *testing.B) {
	example, err := os.ReadFile("../examples/rubrics/child-rights-maturity.yaml")
	if err != nil {
		b.Fatal(err)
	}
	inputs := []struct {
		name string
		data []byte
	}{
		{"example", example},
		{"50KB", largeRubric(50_000)},
	}
	for _, in := range inputs {
		b.Run(in.name+"/yaml-node", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				var n yaml.Node
				if err := yaml.Unmarshal(in.data, &n); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(in.name+"/parse-validate", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rubric.Parse(in.name+".yaml", in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
