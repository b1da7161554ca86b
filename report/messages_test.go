package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFrenchSpacing: French puts a non-breaking space, never an ordinary
// one, before a colon or a semicolon.
func TestFrenchSpacing(t *testing.T) {
	t.Parallel()
	for key, m := range messages {
		for _, s := range []string{m.fr, m.frPlural} {
			assert.NotContains(t, s, " :", key)
			assert.NotContains(t, s, " ;", key)
		}
	}
}
