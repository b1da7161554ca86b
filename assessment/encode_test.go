package assessment_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
)

// reference encodes a result with encoding/json, as WriteJSON must.
func reference(t *testing.T, res *assessment.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(res))
	return b.Bytes()
}

func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	a := benchAssessor(t, 60)
	for _, lang := range []string{"en", "fr"} {
		d, err := assessment.ParseDeclaration("bench.yaml", benchDeclaration(60, 0))
		require.NoError(t, err)
		res, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf), assessment.WithLanguage(lang), assessment.WithGeneratedAt(asOf))
		require.NoError(t, err)
		var got bytes.Buffer
		require.NoError(t, res.WriteJSON(&got))
		assert.Equal(t, string(reference(t, res)), got.String())
	}
}

func TestWriteJSONEscapes(t *testing.T) {
	t.Parallel()
	res := &assessment.Result{
		Format: "a\"b\\c\n\t\r\b\f\x01\x7f <script>&", Subject: assessment.Subject{Name: "é\u2028\u2029\xff", ID: "日本"},
		Status: assessment.Pass,
		Criteria: []assessment.CriterionResult{
			{Status: assessment.Met, Severity: assessment.Low, Answer: []any{1e-7, 1e21, 123456789.0, -0.5, true, nil, "x"}},
			{Status: assessment.NotApplicable, Severity: assessment.Info, Answer: 42, CriterionInfo: &assessment.CriterionInfo{
				ID: "r/c", Question: "«\u00a0x\u00a0» </b>", Weight: 0.1, References: []string{"a:1"}}},
		},
	}
	var got bytes.Buffer
	require.NoError(t, res.WriteJSON(&got))
	assert.Equal(t, string(reference(t, res)), got.String())
}

// TestWriteJSONPositionsAndNilLists: what results made by Assess seldom
// hold, a position with an end and lists left nil, is written as
// encoding/json writes it.
func TestWriteJSONPositionsAndNilLists(t *testing.T) {
	t.Parallel()
	res := &assessment.Result{
		Status: assessment.Fail,
		Findings: []assessment.Finding{
			{Severity: assessment.High, Code: "a", Position: &diag.Range{File: "d.yaml", Start: diag.Pos{Line: 1, Column: 2}, End: diag.Pos{Line: 3, Column: 4}}},
			{Severity: assessment.Low, Code: "b", Position: &diag.Range{Start: diag.Pos{Line: 5, Column: 6}}},
		},
		ActionPlan: []assessment.Action{{Rank: 1, Status: assessment.Unmet, Severity: assessment.Medium}},
		Coverage:   []assessment.ReferentialCoverage{{ID: "r", Items: []assessment.ItemCoverage{{ID: "i"}}}},
	}
	var got bytes.Buffer
	require.NoError(t, res.WriteJSON(&got))
	assert.Equal(t, string(reference(t, res)), got.String())
}

// A status or severity that is none of the values is refused, as encoding/json refuses it.
func TestWriteJSONRefusesZeroEnums(t *testing.T) {
	t.Parallel()
	for name, res := range map[string]*assessment.Result{
		"status":   {},
		"severity": {Status: assessment.Fail, Findings: []assessment.Finding{{Code: "x"}}},
	} {
		_, err := res.AppendJSON(nil)
		require.Error(t, err, name)
		_, err = json.Marshal(res)
		require.Error(t, err, name)
	}
}
