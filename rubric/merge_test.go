package rubric_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/rubric"
)

// An override of gate changes the severity only where the base left it to
// its default: a severity written in the base, medium included, stays.
func TestOverrideGateSeverity(t *testing.T) {
	t.Parallel()
	base := mustParse(t, "base", `sections:
  - id: s
    title: S
    criteria:
      - {id: plain, question: Q, type: bool}
      - {id: medium, question: Q, type: bool, severity: medium}
      - {id: gate, question: Q, type: bool, gate: true}
      - {id: gate-high, question: Q, type: bool, gate: true, severity: high}
      - {id: both, question: Q, type: bool}
`)
	ext := mustParse(t, "ext", `extends: base
overrides:
  - {criterion: plain, gate: true}
  - {criterion: medium, gate: true}
  - {criterion: gate, gate: false}
  - {criterion: gate-high, gate: false}
  - {criterion: both, gate: true, severity: low}
`)
	set, err := rubric.NewSet([]*rubric.Rubric{base, ext})
	require.NoError(t, err)
	for id, want := range map[string]rubric.Severity{
		"plain":     rubric.SeverityCritical, // the default follows the new gate
		"medium":    rubric.SeverityMedium,   // written, so kept
		"gate":      rubric.SeverityMedium,   // the default of a criterion that is no longer a gate
		"gate-high": rubric.SeverityHigh,
		"both":      rubric.SeverityLow,
	} {
		c, ok := set.Criterion("ext/" + id)
		require.True(t, ok, id)
		assert.Equal(t, want, c.Severity, id)
	}
}

// mustParse parses the rubric id.yaml: its header, then body.
func mustParse(t *testing.T, id, body string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.Parse(id+".yaml", []byte(header(id)+body))
	require.NoError(t, err)
	return r
}

// header is the first lines of a rubric of the given id.
func header(id string) string {
	return "apiVersion: vigie/v1\nkind: Rubric\nid: " + id + "\nversion: 1.0.0\ntitle: " + id + "\n"
}
