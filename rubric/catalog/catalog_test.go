package catalog_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/rubric"
	"github.com/vigie-ai/vigie/rubric/catalog"
)

// TestCatalogIsClean: every embedded rubric validates with no warning, even
// under strict languages, and they form a set.
func TestCatalogIsClean(t *testing.T) {
	t.Parallel()
	rs, err := catalog.Rubrics()
	require.NoError(t, err)
	require.NotEmpty(t, rs)
	for _, r := range rs {
		assert.Empty(t, r.Warnings(), r.ID)
		data, ok := catalog.Source(r.ID)
		require.True(t, ok, "the file of %s is named after its id", r.ID)
		_, err := rubric.Parse(r.ID+".yaml", data, rubric.WithStrictLanguages())
		assert.NoError(t, err, r.ID)
		assert.Equal(t, []string{"en", "fr"}, slices.Sorted(slices.Values(r.Languages)), "%s is bilingual", r.ID)
	}
	set, err := catalog.Set()
	require.NoError(t, err)
	assert.Empty(t, set.Warnings())
}

// TestAIActRulesCoverTheLaw: every prohibited practice of Art. 5(1), every
// point and sub-point of Annex III, Art. 6(1) and every paragraph of Art. 50
// that the ai-act rubric lists among its articles is cited by at least one
// classification rule: none of them is listed without a rule that applies it.
func TestAIActRulesCoverTheLaw(t *testing.T) {
	t.Parallel()
	set, err := catalog.Set()
	require.NoError(t, err)
	r, ok := set.Rubric("ai-act")
	require.True(t, ok)
	cited := map[string]bool{}
	for _, rule := range r.Classification.Rules {
		for _, ref := range rule.References {
			cited[ref] = true
		}
	}
	var want []string
	for _, ref := range r.Referentials {
		if ref.ID != "aiact" {
			continue
		}
		for _, it := range ref.Items {
			for _, prefix := range []string{"art-5-1-", "annex-iii-", "art-6-1", "art-50-"} {
				if strings.HasPrefix(it.ID, prefix) {
					want = append(want, "aiact:"+it.ID)
				}
			}
		}
	}
	require.GreaterOrEqual(t, len(want), 8+25+1+4, "Art. 5(1)(a)–(h), the 25 points and sub-points of Annex III, Art. 6(1) and Art. 50(1)–(4) are listed")
	for _, ref := range want {
		assert.True(t, cited[ref], "no rule cites %s", ref)
	}
}
