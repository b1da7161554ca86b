package report

import (
	"regexp"
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

// TestMessagesCatalog: every message has an English and a French text,
// both singular and plural when it has plurals, with the same format verbs
// in the same order.
func TestMessagesCatalog(t *testing.T) {
	t.Parallel()
	verbs := regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)
	for key, m := range messages {
		assert.NotEmpty(t, m.en, key)
		assert.NotEmpty(t, m.fr, key)
		assert.Equal(t, m.enPlural == "", m.frPlural == "", "%s: a plural in one language only", key)
		assert.Equal(t, verbs.FindAllString(m.en, -1), verbs.FindAllString(m.fr, -1), key)
		if m.enPlural != "" {
			for _, s := range []string{m.enPlural, m.frPlural} {
				assert.Equal(t, verbs.FindAllString(m.en, -1), verbs.FindAllString(s, -1), "%s: plural", key)
			}
		}
	}
}
