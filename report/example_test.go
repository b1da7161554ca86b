package report_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/report"
	"github.com/vigie-ai/vigie/rubric"
)

// exampleResult assesses a small declaration against a small bilingual
// rubric, in lang.
func exampleResult(lang string) (*assessment.Result, error) {
	r, err := rubric.Parse("protection.yaml", []byte(`apiVersion: vigie/v1
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
`))
	if err != nil {
		return nil, err
	}
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	if err != nil {
		return nil, err
	}
	a, err := assessment.Compile(set)
	if err != nil {
		return nil, err
	}
	d, err := assessment.ParseDeclaration("projet.yaml", []byte(`apiVersion: vigie/v1
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
`))
	if err != nil {
		return nil, err
	}
	return a.Assess(context.Background(), d,
		assessment.WithAsOf(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)),
		assessment.WithLanguage(lang))
}

func ExampleWrite() {
	res, err := exampleResult("fr")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The static words follow Options.Language; the texts of the rubric
	// follow the language the assessment was made in.
	err = report.Write(os.Stdout, report.Text, []*assessment.Result{res}, report.Options{Language: "fr"})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// Aide à l'évaluation des informations préoccupantes (aide-evaluation), au 01/06/2026
	// Statut : NON CONFORME — 1 critère impératif non atteint
	// Niveau de risque : Haut risque
	// Grille protection 1.0.0 : 75 %
	//   Supervision humaine                      75 %
	// Critères : 1 atteint, 1 partiellement atteint — complétude 100 %
	// Plan d'action (1 sur 1) :
	//   1. [critère impératif] protection/human-decides — Faire valider chaque évaluation par un travailleur social.
	// 2 constats : critique : 1, élevée : 1
}

func ExampleWrite_english() {
	res, err := exampleResult("en")
	if err != nil {
		fmt.Println(err)
		return
	}
	err = report.Write(os.Stdout, report.Text, []*assessment.Result{res}, report.Options{Language: "en"})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// Aide à l'évaluation des informations préoccupantes (aide-evaluation), as of 2026-06-01
	// Status: FAIL — 1 critère impératif not met
	// Risk tier: High risk
	// Rubric protection 1.0.0: 75%
	//   Human oversight                          75%
	// Criteria: 1 met, 1 partly met — completeness 100%
	// Action plan (1 of 1):
	//   1. [critère impératif] protection/human-decides — Have a social worker confirm every assessment.
	// 2 findings: critical: 1, high: 1
}

func ExampleParseFormat() {
	f, err := report.ParseFormat("markdown")
	fmt.Println(f == report.Markdown, err)
	_, err = report.ParseFormat("pdf")
	fmt.Println(errors.Is(err, report.ErrFormat))
	fmt.Println(err)
	// Output:
	// true <nil>
	// true
	// unknown report format "pdf" (known: [json text markdown html sarif junit github csv])
}

func ExampleFormats() {
	fmt.Println(report.Formats())
	// Output:
	// [json text markdown html sarif junit github csv]
}
