package rubric_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

func ExampleParse() {
	src := []byte(`apiVersion: vigie/v1
kind: Rubric
id: demo
version: 1.0.0
title: {fr: Démo, en: Demo}
languages: [fr, en]
scales:
  - id: yes-no
    levels:
      - {value: "no", score: 0, label: {fr: Non, en: No}}
      - {value: "yes", score: 1, label: {fr: Oui, en: Yes}}
sections:
  - id: oversight
    title: {fr: Supervision humaine, en: Human oversight}
    criteria:
      - id: human-decides
        question: {fr: "Un professionnel décide-t-il ?", en: "Does a professional decide?"}
        scale: yes-no
        gate: true
`)
	r, err := rubric.Parse("demo.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := r.Criterion("human-decides")
	fmt.Println(r.ID, r.Version, c.Question.In("fr", r.Language), c.Gate)
	// Output: demo 1.0.0 Un professionnel décide-t-il ? true
}

func ExampleParse_diagnostics() {
	src := []byte(`apiVersion: vigie/v1
kind: Rubric
id: demo
version: 1.0.0
title: Demo
sections:
  - id: oversight
    title: Human oversight
    criteria:
      - id: human-decides
        question: Does a professional decide?
        type: bool
        wieght: 2
        references: [uncrc:art-3]
`)
	_, err := rubric.Parse("demo.yaml", src)
	var ds diag.Diagnostics
	if errors.As(err, &ds) {
		_ = ds.Write(os.Stdout, "en")
	}
	// Output:
	// demo.yaml:13:9: error[unknown-key]: unknown key "wieght"
	//     hint: did you mean "weight"? allowed here: applies_when, brackets, choices, evidence, expected, gate, guidance, id, max, max_points, min, not_applicable, points, question, recommendation, references, scale, severity, type, weight
	// demo.yaml:14:22: error[unknown-reference]: reference "uncrc:art-3" does not name an item of a referential
	//     hint: references are written `referential:item`, both declared under `referentials:`
}

func ExampleNewSet() {
	base, err := rubric.ReadFile("../examples/rubrics/child-rights-maturity.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	local, err := rubric.ReadFile("../examples/rubrics/local-extension.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	set, err := rubric.NewSet([]*rubric.Rubric{base, local})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range set.Rubrics() {
		fmt.Println(r.ID, "extends", r.Extends)
	}
	_, ok := set.Criterion("departement-extension/crip-double-reading")
	fmt.Println(ok)
	// Output:
	// departement-extension extends child-rights-maturity
	// true
}
