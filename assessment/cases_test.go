package assessment_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// A case is a file under testdata/cases: rubrics and a declaration, inline,
// and runs that each assess the declaration as of a date and list what the
// result must hold. Only what a run lists is checked.
type testCase struct {
	Note        string   `yaml:"note"`
	Rubrics     []string `yaml:"rubrics"`
	Declaration string   `yaml:"declaration"`
	Runs        []struct {
		AsOf string `yaml:"as_of"`
		Lang string `yaml:"lang"`
		Want want   `yaml:"want"`
	} `yaml:"runs"`
}

type want struct {
	Status      string              `yaml:"status"`
	Headline    string              `yaml:"headline"`
	Tiers       []string            `yaml:"tiers"`
	Rules       []string            `yaml:"rules"`
	Upcoming    []string            `yaml:"upcoming"`
	NeedsReview *bool               `yaml:"needs_review"`
	Scores      map[string]float64  `yaml:"scores"`   // rubric/score → value (overall for the headline score)
	Percents    map[string]float64  `yaml:"percents"` // rubric/score → percent
	Bands       map[string]string   `yaml:"bands"`    // rubric/score → band
	Sections    map[string]*float64 `yaml:"sections"` // rubric/section → value (null: no score)
	Criteria    map[string]string   `yaml:"criteria"` // rubric/criterion → status
	Points      map[string]float64  `yaml:"points"`   // rubric/criterion → points
	FailedGates []string            `yaml:"failed_gates"`
	Findings    []string            `yaml:"findings"`    // codes that must appear, as code or code:subject
	NotFindings []string            `yaml:"no_findings"` // codes or code:subject that must not
	Plan        []string            `yaml:"plan"`        // the first criteria of the plan d'action, in order
	Complete    *float64            `yaml:"completeness"`
	Invalid     []string            `yaml:"invalid"` // every diagnostic code when the declaration does not fit, once per diagnostic
}

func TestCases(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/cases/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			var tc testCase
			dec := yaml.NewDecoder(strings.NewReader(string(data)))
			dec.KnownFields(true)
			require.NoError(t, dec.Decode(&tc))
			require.NotEmpty(t, tc.Note, "a case says what it shows")
			require.NotEmpty(t, tc.Runs)
			var rs []*rubric.Rubric
			for i, src := range tc.Rubrics {
				r, err := rubric.Parse(fmt.Sprintf("rubric%d.yaml", i+1), []byte(src))
				require.NoError(t, err)
				rs = append(rs, r)
			}
			set, err := rubric.NewSet(rs)
			require.NoError(t, err)
			a, err := assessment.Compile(set)
			require.NoError(t, err)
			d, parseErr := assessment.ParseDeclaration("declaration.yaml", []byte(tc.Declaration))
			for _, run := range tc.Runs {
				w := run.Want
				if len(w.Invalid) > 0 {
					checkInvalid(t, a, d, parseErr, run.AsOf, w)
					continue
				}
				require.NoError(t, parseErr)
				lang := run.Lang
				if lang == "" {
					lang = "en"
				}
				res, err := a.Assess(context.Background(), d, assessment.WithAsOf(date(t, run.AsOf)), assessment.WithLanguage(lang))
				require.NoError(t, err)
				check(t, run.AsOf, w, res)
				var got bytes.Buffer
				require.NoError(t, res.WriteJSON(&got))
				assert.Equal(t, string(reference(t, res)), got.String(), "WriteJSON matches encoding/json")
			}
		})
	}
}

// checkInvalid checks a run that expects the declaration refused, by the
// parser (parseErr) or by Assess: with exactly the diagnostic codes listed,
// each as many times as it is listed.
func checkInvalid(t *testing.T, a *assessment.Assessor, d *assessment.Declaration, parseErr error, asOf string, w want) {
	t.Helper()
	msg := "as of " + asOf
	rest := w
	rest.Invalid = nil
	assert.Zero(t, rest, msg+": a refused declaration has no result to check")
	err := parseErr
	if err == nil {
		_, err = a.Assess(context.Background(), d, assessment.WithAsOf(date(t, asOf)))
	}
	require.ErrorIs(t, err, assessment.ErrInvalid, msg)
	var ds diag.Diagnostics
	require.True(t, errors.As(err, &ds), "%s: no diagnostics in %v", msg, err)
	var codes []string
	for _, dg := range ds {
		codes = append(codes, string(dg.Code))
	}
	assert.ElementsMatch(t, w.Invalid, codes, "%s: diagnostics\n%s", msg, ds)
}

func date(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	require.NoError(t, err, "as_of")
	return d
}

func check(t *testing.T, asOf string, w want, res *assessment.Result) {
	t.Helper()
	msg := "as of " + asOf
	if w.Status != "" {
		assert.Equal(t, w.Status, res.Status.String(), msg)
	}
	if cl := res.Classification; cl != nil {
		if w.Headline != "" {
			assert.Equal(t, w.Headline, cl.Headline, msg)
		}
		if w.Tiers != nil {
			var got []string
			for _, tr := range cl.Tiers {
				got = append(got, tr.ID)
			}
			assert.Equal(t, w.Tiers, got, msg+": tiers")
		}
		if w.Rules != nil {
			assert.Equal(t, w.Rules, ruleIDs(cl.Rules), msg+": rules")
		}
		if w.Upcoming != nil {
			assert.Equal(t, w.Upcoming, ruleIDs(cl.Upcoming), msg+": upcoming")
		}
		if w.NeedsReview != nil {
			assert.Equal(t, *w.NeedsReview, cl.NeedsReview, msg+": needs review")
		}
	} else {
		// No rubric classifies: a case expecting any classification is wrong.
		assert.Empty(t, w.Headline+strings.Join(w.Tiers, "")+strings.Join(w.Rules, "")+strings.Join(w.Upcoming, ""), msg+": no rubric classifies")
		assert.Nil(t, w.NeedsReview, msg+": no rubric classifies")
	}
	scores := map[string]assessment.Score{}
	sections := map[string]*float64{}
	for _, rr := range res.Rubrics {
		scores[rr.ID+"/overall"] = rr.Overall
		for _, s := range rr.Scores {
			scores[rr.ID+"/"+s.ID] = s
		}
		for _, s := range rr.Sections {
			sections[rr.ID+"/"+s.ID] = s.Value
		}
	}
	for id, v := range w.Scores {
		s := lookup(t, scores, id, msg)
		require.NotNil(t, s.Value, "%s: score %s has no value", msg, id)
		assert.InDelta(t, v, *s.Value, 1e-9, "%s: score %s", msg, id)
	}
	for id, v := range w.Percents {
		s := lookup(t, scores, id, msg)
		require.NotNil(t, s.Percent, "%s: score %s has no percent", msg, id)
		assert.InDelta(t, v, *s.Percent, 1e-9, "%s: percent of %s", msg, id)
	}
	for id, b := range w.Bands {
		assert.Equal(t, b, lookup(t, scores, id, msg).Band, "%s: band of %s", msg, id)
	}
	for id, v := range w.Sections {
		got := lookup(t, sections, id, msg)
		if v == nil {
			assert.Nil(t, got, "%s: section %s has no score", msg, id)
			continue
		}
		require.NotNil(t, got, "%s: section %s has a score", msg, id)
		assert.InDelta(t, *v, *got, 1e-9, "%s: section %s", msg, id)
	}
	crit := map[string]assessment.CriterionResult{}
	for _, c := range res.Criteria {
		crit[c.ID] = c
	}
	for id, st := range w.Criteria {
		assert.Equal(t, st, lookup(t, crit, id, msg).Status.String(), "%s: status of %s", msg, id)
	}
	for id, p := range w.Points {
		c := lookup(t, crit, id, msg)
		require.NotNil(t, c.Points, "%s: %s has no points", msg, id)
		assert.InDelta(t, p, *c.Points, 1e-9, "%s: points of %s", msg, id)
	}
	if w.FailedGates != nil {
		var got []string
		for _, g := range res.FailedGates {
			got = append(got, g.Criterion)
		}
		assert.ElementsMatch(t, w.FailedGates, got, msg+": failed gates")
	}
	var codes []string
	for _, f := range res.Findings {
		codes = append(codes, f.Code, f.Code+":"+f.Subject)
	}
	for _, f := range w.Findings {
		assert.Contains(t, codes, f, msg+": findings")
	}
	for _, f := range w.NotFindings {
		assert.NotContains(t, codes, f, msg+": findings")
	}
	if w.Plan != nil {
		var got []string
		for _, a := range res.ActionPlan {
			got = append(got, a.Criterion)
		}
		require.GreaterOrEqual(t, len(got), len(w.Plan), msg+": plan d'action")
		assert.Equal(t, w.Plan, got[:len(w.Plan)], msg+": plan d'action")
	}
	if w.Complete != nil {
		assert.InDelta(t, *w.Complete, res.Completeness.Percent, 1e-9, msg+": completeness")
	}
}

// lookup returns what the result holds under id: a case that names a
// score, section or criterion the result does not have is wrong.
func lookup[V any](t *testing.T, m map[string]V, id, msg string) V {
	t.Helper()
	v, ok := m[id]
	require.True(t, ok, "%s: no %s in the result", msg, id)
	return v
}

func ruleIDs(rs []assessment.RuleResult) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	slices.Sort(out)
	return out
}
