package assessment_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// exampleRubric is a small bilingual rubric: a fact, a scale, two criteria
// (one of them a critère impératif) and a classification in two risk tiers.
const exampleRubric = `apiVersion: vigie/v1
kind: Rubric
id: protection
version: 1.0.0
title: {fr: Protection de l'enfance, en: Child protection}
languages: [fr, en]
facts:
  - id: capabilities
    type: set
    values: [scoring, conversational]
    question: {fr: "Que fait le système ?", en: "What does the system do?"}
scales:
  - id: maturity
    levels:
      - {value: "no", score: 0, label: {fr: Non, en: "No"}}
      - {value: partly, score: 0.5, label: {fr: En partie, en: Partly}}
      - {value: "yes", score: 1, label: {fr: Oui, en: "Yes"}}
sections:
  - id: oversight
    title: {fr: Supervision humaine, en: Human oversight}
    criteria:
      - id: human-decides
        question: {fr: "Un professionnel prend-il chaque décision ?", en: "Does a professional take every decision?"}
        scale: maturity
        gate: true
        recommendation:
          fr: Faire valider chaque évaluation par un travailleur social.
          en: Have a social worker confirm every assessment.
      - id: impact-assessment
        question: {fr: "Une analyse d'impact a-t-elle été menée ?", en: "Was an impact assessment carried out?"}
        scale: maturity
        recommendation:
          fr: Mener une analyse d'impact avec les équipes de terrain.
          en: Carry out an impact assessment with the field teams.
classification:
  tiers:
    - {id: high, title: {fr: Haut risque, en: High risk}, severity: high}
    - {id: minimal, title: {fr: Risque minimal, en: Minimal risk}}
  default: minimal
  rules:
    - id: scoring
      tier: high
      when: {fact: capabilities, contains: scoring}
      rationale: {fr: Le système note des familles., en: The system scores families.}
`

// exampleAssessor compiles exampleRubric.
func exampleAssessor() (*assessment.Assessor, error) {
	r, err := rubric.Parse("protection.yaml", []byte(exampleRubric))
	if err != nil {
		return nil, err
	}
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	if err != nil {
		return nil, err
	}
	return assessment.Compile(set)
}

// exampleDeclaration answers both criteria; the critère impératif is only
// partly met.
const exampleDeclaration = `apiVersion: vigie/v1
kind: Declaration
project:
  id: aide-evaluation
  name: Aide à l'évaluation des informations préoccupantes
  organisation: Département
facts:
  capabilities: [scoring]
answers:
  protection/human-decides: partly
  protection/impact-assessment:
    value: "yes"
    evidence: [{title: Analyse d'impact, ref: docs/aipd.pdf, date: 2026-03-01}]
`

// exampleResult assesses exampleDeclaration in French.
func exampleResult() (*assessment.Result, error) {
	a, err := exampleAssessor()
	if err != nil {
		return nil, err
	}
	d, err := assessment.ParseDeclaration("projet.yaml", []byte(exampleDeclaration))
	if err != nil {
		return nil, err
	}
	return a.Assess(context.Background(), d,
		assessment.WithAsOf(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)),
		assessment.WithLanguage("fr"))
}

func ExampleAssessor_Assess() {
	a, err := exampleAssessor()
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := assessment.ParseDeclaration("projet.yaml", []byte(exampleDeclaration))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := a.Assess(context.Background(), d,
		assessment.WithAsOf(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)),
		assessment.WithLanguage("fr"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("status:", res.Status)
	fmt.Printf("overall score: %.0f%%\n", *res.Rubrics[0].Overall.Percent)
	// The texts of the rubric are in the language asked for.
	fmt.Printf("niveau de risque: %s (%s)\n", res.Classification.HeadlineTitle, res.Classification.Headline)
	for _, g := range res.FailedGates {
		fmt.Println("critère impératif not met:", g.Criterion, g.Status)
	}
	first := res.ActionPlan[0]
	fmt.Printf("plan d'action, %d: %s\n", first.Rank, first.Recommendation)
	// Output:
	// status: fail
	// overall score: 75%
	// niveau de risque: Haut risque (high)
	// critère impératif not met: protection/human-decides partial
	// plan d'action, 1: Faire valider chaque évaluation par un travailleur social.
}

func ExampleCompile() {
	r, err := rubric.Parse("protection.yaml", []byte(exampleRubric))
	if err != nil {
		fmt.Println(err)
		return
	}
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Compile once; the Assessor is safe for concurrent use.
	a, err := assessment.Compile(set)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.HasTier("high"), a.HasTier("unacceptable"))
	// Output:
	// true false
}

func ExampleAssessor_Check() {
	a, err := exampleAssessor()
	if err != nil {
		fmt.Println(err)
		return
	}
	// A misspelt criterion and a value outside the scale.
	d, err := assessment.ParseDeclaration("projet.yaml", []byte(`apiVersion: vigie/v1
kind: Declaration
project: {id: demo, name: Démo}
answers:
  protection/human-decide: "yes"
  protection/impact-assessment: maybe
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ds := a.Check(d)
	_ = ds.Write(os.Stdout, "en")
	_ = ds.Write(os.Stdout, "fr")

	// Assess refuses the declaration with the same diagnostics.
	_, err = a.Assess(context.Background(), d)
	var diags diag.Diagnostics
	fmt.Println(errors.Is(err, assessment.ErrInvalid), errors.As(err, &diags), len(diags))
	// Output:
	// projet.yaml:5:28: error[unknown-answer]: no rubric has the criterion "protection/human-decide"
	//     hint: did you mean "protection/human-decides"? answers are keyed rubric/criterion; vigie init lists the criteria of the rubrics
	// projet.yaml:6:33: error[unknown-value]: value "maybe" is not one of the values of answer to protection/impact-assessment
	//     hint: allowed values: no, partly, yes
	// projet.yaml:5:28: erreur[unknown-answer]: aucune grille n'a le critère "protection/human-decide"
	//     conseil : vouliez-vous dire "protection/human-decides" ? les réponses ont pour clé grille/critère ; vigie init liste les critères des grilles
	// projet.yaml:6:33: erreur[unknown-value]: la valeur "maybe" n'est pas admise (réponse à protection/impact-assessment)
	//     conseil : valeurs admises : no, partly, yes
	// true true 2
}

func ExampleResult_WriteJSON() {
	res, err := exampleResult()
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil {
		fmt.Println(err)
		return
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, key := range []string{"format", "as_of", "language", "status"} {
		fmt.Printf("%s: %v\n", key, doc[key])
	}
	// Output:
	// format: vigie.result/v1
	// as_of: 2026-06-01
	// language: fr
	// status: fail
}

func ExampleParseSeverity() {
	sev, err := assessment.ParseSeverity("high")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sev, sev.AtLeast(assessment.Medium), sev.AtLeast(assessment.Critical))
	_, err = assessment.ParseSeverity("urgent")
	fmt.Println(err)
	// Output:
	// high true false
	// unknown severity "urgent"
}
