package assessment_test

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// TestCheckRefusesNonFiniteNumbers: a declaration built in Go may hold NaN
// or an infinity, which no result could encode; Check refuses them as the
// decoder does.
func TestCheckRefusesNonFiniteNumbers(t *testing.T) {
	t.Parallel()
	r, err := rubric.Parse("num.yaml", []byte(`apiVersion: vigie/v1
kind: Rubric
id: num
version: 1.0.0
title: Numbers
facts:
  - {id: users, type: number, question: "How many users?"}
sections:
  - id: s
    title: S
    criteria:
      - {id: lin, question: "Linear?", type: number, min: 0, max: 8}
      - id: br
        question: "Brackets?"
        type: number
        brackets:
          - {lt: 6, score: 0.5}
          - {gte: 6, score: 1}
`))
	require.NoError(t, err)
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	require.NoError(t, err)
	a, err := assessment.Compile(set)
	require.NoError(t, err)
	d := &assessment.Declaration{APIVersion: "vigie/v1", Kind: "Declaration", Project: assessment.Project{ID: "p", Name: "P"},
		Facts: map[string]any{"users": math.NaN()},
		Answers: map[string]assessment.Answer{
			"num/lin": {Value: math.Inf(-1)},
			"num/br":  {Value: math.Inf(1)}, // the last bracket is open above
		},
	}
	var paths []string
	for _, dg := range a.Check(d) {
		assert.Equal(t, diag.CodeNotJSON, dg.Code, dg.String())
		paths = append(paths, dg.Path.String())
	}
	assert.ElementsMatch(t, []string{"facts.users", `answers["num/lin"].value`, `answers["num/br"].value`}, paths)
	_, err = a.Assess(context.Background(), d, assessment.WithAsOf(asOf))
	require.ErrorIs(t, err, assessment.ErrInvalid)
}
