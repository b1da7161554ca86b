package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/report"
	"github.com/vigie-ai/vigie/rubric/catalog"
)

// TestCatalogDocsAreCurrent keeps docs/catalog/ID.LANG.md, the
// documentation of each embedded rubric generated from its YAML, in step
// with the catalog. Refresh with go test ./report -update.
func TestCatalogDocsAreCurrent(t *testing.T) {
	t.Parallel()
	rs, err := catalog.Rubrics()
	require.NoError(t, err)
	for _, r := range rs {
		for _, lang := range []string{"fr", "en"} {
			var b bytes.Buffer
			require.NoError(t, report.Document(&b, r, report.Markdown, report.Options{Language: lang}))
			path := filepath.Join("..", "docs", "catalog", r.ID+"."+lang+".md")
			if *update {
				require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./report -update")
			assert.Equal(t, string(want), b.String(), "%s is stale: run go test ./report -update", path)
		}
	}
}
