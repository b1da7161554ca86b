package catalog_test

import (
	"slices"
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
