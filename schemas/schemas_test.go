package schemas_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/internal/schemagen"
	"github.com/vigie-ai/vigie/schemas"
)

// TestSchemasAreCurrent fails when the committed schemas no longer match the
// Go types: run go generate ./... and commit the result.
func TestSchemasAreCurrent(t *testing.T) {
	t.Parallel()
	files, err := schemagen.Generate("..")
	require.NoError(t, err)
	embedded := map[string][]byte{
		"rubric.schema.json":      schemas.Rubric(),
		"declaration.schema.json": schemas.Declaration(),
		"report.schema.json":      schemas.Report(),
	}
	require.Len(t, files, len(embedded))
	for name, want := range files {
		assert.Equal(t, string(want), string(embedded[name]), "%s is stale: run go generate ./...", name)
	}
}
