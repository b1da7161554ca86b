package assessment_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/rubric"
)

// benchRubric builds a rubric of n criteria of every answer type, with
// conditions on facts and answers and a classification, like a real grid.
func benchRubric(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`apiVersion: vigie/v1
kind: Rubric
id: bench
version: 1.0.0
title: {fr: Banc d'essai, en: Benchmark}
languages: [fr, en]
review_period_months: 24
referentials:
  - id: uncrc
    title: {fr: CIDE, en: UNCRC}
    items:
`)
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "      - {id: art-%d, title: {fr: Article %d, en: Article %d}}\n", i, i, i)
	}
	b.WriteString(`facts:
  - {id: affected_groups, type: set, values: [children, parents, professionals], question: {fr: "Qui ?", en: "Who?"}}
  - {id: role, type: enum, values: [provider, deployer], question: {fr: "Rôle ?", en: "Role?"}}
  - {id: public_body, type: bool, question: {fr: "Public ?", en: "Public?"}}
  - {id: users, type: number, question: {fr: "Combien ?", en: "How many?"}}
  - id: capabilities
    type: set
    question: {fr: "Capacités ?", en: "Capabilities?"}
    values:
      - {value: profiling, signals: {fr: [profilage], en: [profiling]}}
      - {value: conversational, signals: {fr: [conversationnel, chatbot], en: [chatbot]}}
      - {value: scoring}
scales:
  - id: maturity
    levels:
      - {value: none, score: 0, label: {fr: Non, en: No}}
      - {value: partial, score: 0.5, label: {fr: En partie, en: Partly}}
      - {value: full, score: 1, label: {fr: Oui, en: Yes}}
sections:
`)
	for c := 0; c < n; c++ {
		if c%10 == 0 {
			fmt.Fprintf(&b, "  - id: s%d\n    title: {fr: Section %d, en: Section %d}\n    weight: %d\n    criteria:\n", c/10, c/10, c/10, 1+c/10%3)
		}
		fmt.Fprintf(&b, "      - id: c%d\n        question: {fr: \"Question %d ?\", en: \"Question %d?\"}\n        weight: %d\n        references: [uncrc:art-%d]\n        recommendation: {fr: Faire %d., en: Do %d.}\n", c, c, c, 1+c%3, 1+c%20, c, c)
		switch c % 5 {
		case 0, 1:
			b.WriteString("        scale: maturity\n        evidence: required\n")
		case 2:
			b.WriteString("        type: bool\n        applies_when: {fact: affected_groups, contains: children}\n")
		case 3:
			b.WriteString("        type: choice\n        choices:\n          - {value: a, label: {fr: A, en: A}, score: 0}\n          - {value: b, label: {fr: B, en: B}, score: 1}\n")
			fmt.Fprintf(&b, "        applies_when: {answer: c%d, gte: partial}\n", c-3)
		case 4:
			b.WriteString("        type: multi\n        choices:\n          - {value: x, label: {fr: X, en: X}, points: 1}\n          - {value: y, label: {fr: Y, en: Y}, points: 2}\n")
			if c%20 == 4 {
				b.WriteString("        gate: true\n")
			}
		}
	}
	b.WriteString(`classification:
  tiers:
    - {id: high, title: {fr: Haut risque, en: High risk}, severity: high}
    - {id: limited, title: {fr: Transparence, en: Transparency}, severity: medium}
    - {id: minimal, title: {fr: Minimal, en: Minimal}}
  default: minimal
  rules:
    - id: scoring
      tier: high
      when: {all: [{fact: capabilities, contains: scoring}, {fact: public_body, equals: true}]}
      unless: {not: {fact: capabilities, contains: profiling}}
      references: [uncrc:art-3]
      rationale: {fr: Notation, en: Scoring}
    - id: chatbot
      tier: limited
      when: {fact: capabilities, contains: conversational}
      effective: 2026-08-02
      rationale: {fr: Dialogue, en: Chatbot}
  obligations:
    - {tier: high, criteria: [c0, c1], effective: 2027-12-02}
`)
	return b.Bytes()
}

// benchDeclaration answers the n criteria of benchRubric, with evidence,
// padded with comments to about size bytes.
func benchDeclaration(n, size int) []byte {
	var b bytes.Buffer
	b.WriteString(`apiVersion: vigie/v1
kind: Declaration
project:
  id: bench
  name: Assistant conversationnel
  organisation: Association
  lifecycle: pilot
  description: Un chatbot pour les adolescents, sans profilage.
facts:
  affected_groups: [children, parents]
  role: deployer
  public_body: true
  users: 1200
  capabilities: [conversational, scoring]
answers:
`)
	for c := 0; c < n; c++ {
		fmt.Fprintf(&b, "  bench/c%d:\n", c)
		switch c % 5 {
		case 0, 1:
			fmt.Fprintf(&b, "    value: %s\n    evidence:\n      - {title: Document %d, ref: docs/d%d.pdf, date: 2026-0%d-1%d}\n", []string{"full", "partial", "none"}[c%3], c, c, 1+c%9, c%10)
		case 2:
			fmt.Fprintf(&b, "    value: %t\n", c%4 == 2)
		case 3:
			b.WriteString("    value: b\n")
		case 4:
			b.WriteString("    value: [x, y]\n")
		}
	}
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  # note %d: réponses revues avec l'équipe\n", i)
	}
	return b.Bytes()
}

// benchAssessor compiles benchRubric(n), for benchmarks, tests and fuzzing.
func benchAssessor(tb testing.TB, n int) *assessment.Assessor {
	tb.Helper()
	r, err := rubric.Parse("bench.yaml", benchRubric(n))
	require.NoError(tb, err)
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	require.NoError(tb, err)
	a, err := assessment.Compile(set)
	require.NoError(tb, err)
	return a
}

var asOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// BenchmarkParseFloor is the floor: yaml.v3 parsing a 5 KB declaration to a node tree.
func BenchmarkParseFloor(b *testing.B) {
	data := benchDeclaration(60, 5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		parseFloor(b, data)
	}
}

// BenchmarkAssessEndToEnd parses, checks and assesses the same 5 KB
// declaration against a 60-criterion rubric and encodes the result as JSON.
func BenchmarkAssessEndToEnd(b *testing.B) {
	a := benchAssessor(b, 60)
	data := benchDeclaration(60, 5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var out []byte // one buffer for all results, as vigie assess uses for many files
	for b.Loop() {
		out = endToEnd(b, a, data, out)
	}
}

// BenchmarkEndToEndOverFloor runs the floor and the end-to-end assessment
// in turn on every iteration and reports their ratio (x-floor), so that a
// machine whose speed drifts between two benchmarks does not skew it.
func BenchmarkEndToEndOverFloor(b *testing.B) {
	a := benchAssessor(b, 60)
	data := benchDeclaration(60, 5000)
	var out []byte
	var floor, e2e time.Duration
	for b.Loop() {
		t0 := time.Now()
		parseFloor(b, data)
		t1 := time.Now()
		out = endToEnd(b, a, data, out)
		floor, e2e = floor+t1.Sub(t0), e2e+time.Since(t1)
	}
	b.ReportMetric(float64(e2e)/float64(floor), "x-floor")
}

func parseFloor(b *testing.B, data []byte) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		b.Fatal(err)
	}
}

func endToEnd(b *testing.B, a *assessment.Assessor, data, out []byte) []byte {
	d, err := assessment.ParseDeclaration("bench.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	res, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf))
	if err != nil {
		b.Fatal(err)
	}
	if out, err = res.AppendJSON(out[:0]); err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkAssess assesses a parsed declaration against 100 criteria.
func BenchmarkAssess(b *testing.B) {
	a := benchAssessor(b, 100)
	d, err := assessment.ParseDeclaration("bench.yaml", benchDeclaration(100, 0))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssessParallel assesses from all cores at once with one Assessor;
// compare with -cpu 1,2.
func BenchmarkAssessParallel(b *testing.B) {
	a := benchAssessor(b, 100)
	d, err := assessment.ParseDeclaration("bench.yaml", benchDeclaration(100, 0))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf)); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
