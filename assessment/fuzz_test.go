package assessment_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
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
// facts and answers of the right types (the fuzzer picks among the values
// the rubric allows, so that Check lets them through): Assess must never
// panic, must accept every declaration but one with a non-finite number,
// and must give a complete result that encodes.
func FuzzAssess(f *testing.F) {
	a := benchAssessor(f, 20)
	f.Add(uint8(1), true, 12.0, uint8(3), uint8(5), uint8(2), true, uint8(1), uint8(3), "Un chatbot de profilage", "2026-01-01", uint32(0))
	f.Add(uint8(0), false, -1.0, uint8(0), uint8(0), uint8(0), false, uint8(0), uint8(0), "", "", uint32(0xffffffff))
	f.Add(uint8(7), true, 1e308, uint8(0xff), uint8(2), uint8(0xff), true, uint8(0xff), uint8(0xff), "chatbot", "not a date", uint32(0x00f0f0f0))
	f.Fuzz(func(t *testing.T, role uint8, public bool, users float64, groups, caps, levels uint8, yes bool, choices, multi uint8, text, date string, omit uint32) {
		// pick returns the values whose bit is set in mask.
		pick := func(values []string, mask uint8) []any {
			out := []any{}
			for i, v := range values {
				if mask&(1<<i) != 0 {
					out = append(out, v)
				}
			}
			return out
		}
		facts := map[string]any{
			"role":            []string{"provider", "deployer"}[role%2],
			"public_body":     public,
			"users":           users,
			"affected_groups": pick([]string{"children", "parents", "professionals"}, groups),
			"capabilities":    pick([]string{"profiling", "conversational", "scoring"}, caps),
		}
		for i, id := range []string{"role", "public_body", "users", "affected_groups", "capabilities"} {
			if omit&(1<<(20+i)) != 0 { // leave some facts out
				delete(facts, id)
			}
		}
		answers := map[string]assessment.Answer{}
		for c := range 20 {
			if omit&(1<<c) != 0 {
				continue
			}
			var ans assessment.Answer
			switch c % 5 { // the answer types of benchRubric
			case 0, 1:
				ans.Value = []string{"none", "partial", "full"}[(int(levels)>>(c%8))%3]
				if c%2 == 0 || yes {
					ans.Evidence = []assessment.Evidence{{Title: text, Date: date}}
				}
			case 2:
				ans.Value = yes != (c%4 == 2)
			case 3:
				ans.Value = []string{"a", "b"}[(choices>>(c%8))&1]
			case 4:
				ans.Value = pick([]string{"x", "y"}, multi>>(c%7))
			}
			ans.Comment = text
			answers[fmt.Sprintf("bench/c%d", c)] = ans
		}
		d := &assessment.Declaration{
			APIVersion: "vigie/v1", Kind: "Declaration",
			Project: assessment.Project{ID: "fuzz", Name: "Fuzz", Description: text},
			Facts:   facts, Answers: answers,
		}
		res, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf))
		if err != nil {
			if !errors.Is(err, assessment.ErrInvalid) {
				t.Fatalf("unexpected error: %v", err)
			}
			if _, given := facts["users"]; !given || !math.IsNaN(users) && !math.IsInf(users, 0) {
				t.Fatalf("a declaration of the right types refused: %v", err)
			}
			return
		}
		if len(res.Criteria) != 20 || res.Status == 0 {
			t.Fatalf("incomplete result: %d criteria, status %q", len(res.Criteria), res.Status)
		}
		if _, err := res.AppendJSON(nil); err != nil {
			t.Fatalf("result does not encode: %v", err)
		}
	})
}
