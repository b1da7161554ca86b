package assessment_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// FuzzParseDeclaration feeds the declaration parser with mutations of real
// declarations: it must never panic, and a failure is always diagnostics
// with positions.
func FuzzParseDeclaration(f *testing.F) {
	files, _ := filepath.Glob("../examples/declarations/*")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data, false)
		}
	}
	f.Add(benchDeclaration(20, 0), false)
	f.Add([]byte(`{"apiVersion":"vigie/v1","kind":"Declaration","project":{"id":"p","name":"P"},"answers":{"a/b":{"value":["x"],"evidence":["t"]}}}`), true)
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "fuzz.yaml"
		if asJSON {
			name = "fuzz.json"
		}
		d, err := assessment.ParseDeclaration(name, data)
		if err == nil {
			if d == nil {
				t.Fatal("no declaration and no error")
			}
			return
		}
		var ds diag.Diagnostics
		if !errors.As(err, &ds) {
			t.Fatalf("error without diagnostics: %v", err)
		}
		for _, dg := range ds {
			if dg.Range.File != name || dg.Range.Start.Line < 1 {
				t.Fatalf("diagnostic without a position: %s", dg)
			}
		}
	})
}

// FuzzAssess evaluates conditions, scores and classification over random
// facts and answers, valid or not: Assess must never panic, and either
// refuse the declaration or give a complete result.
func FuzzAssess(f *testing.F) {
	r, err := rubric.Parse("bench.yaml", benchRubric(20))
	if err != nil {
		f.Fatal(err)
	}
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	if err != nil {
		f.Fatal(err)
	}
	a, err := assessment.Compile(set)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("deployer", true, 12.0, "children,parents", "profiling,scoring", "full", "b", "x,y", true, "2026-01-01")
	f.Add("provider", false, -1.0, "", "", "not_applicable", "a", "", false, "")
	f.Add("", true, 1e308, "x", "conversational", "partial", "zz", "y,y,y", true, "not a date")
	f.Fuzz(func(t *testing.T, role string, public bool, users float64, groups, caps, level, choice, multi string, yes bool, date string) {
		list := func(s string) []any {
			var out []any
			for _, v := range strings.Split(s, ",") {
				if v != "" {
					out = append(out, v)
				}
			}
			return out
		}
		d := &assessment.Declaration{
			APIVersion: "vigie/v1", Kind: "Declaration", Project: assessment.Project{ID: "fuzz", Name: "Fuzz", Description: groups + " " + caps},
			Facts: map[string]any{"role": role, "public_body": public, "users": users, "affected_groups": list(groups), "capabilities": list(caps)},
			Answers: map[string]assessment.Answer{
				"bench/c0": {Value: level, Evidence: []assessment.Evidence{{Title: "doc", Date: date}}},
				"bench/c1": {Value: level, Justification: choice},
				"bench/c2": {Value: yes},
				"bench/c3": {Value: choice},
				"bench/c4": {Value: list(multi)},
				"bench/c9": {Value: users},
			},
		}
		res, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf))
		if err != nil {
			if !errors.Is(err, assessment.ErrInvalid) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if len(res.Criteria) != 20 || res.Status == "" {
			t.Fatalf("incomplete result: %d criteria, status %q", len(res.Criteria), res.Status)
		}
	})
}
