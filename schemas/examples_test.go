package schemas_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/internal/schema"
	"github.com/vigie-ai/vigie/internal/source"
	"github.com/vigie-ai/vigie/schemas"
)

// TestExamplesMatchSchemas validates every example file against the schema
// its modeline names, as an editor would: a valid example must not be
// underlined.
func TestExamplesMatchSchemas(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dir    string
		schema []byte
	}{
		{"../examples/declarations", schemas.Declaration()},
		{"../examples/rubrics", schemas.Rubric()},
	} {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			t.Parallel()
			v, err := schema.Compile(tc.schema)
			require.NoError(t, err)
			var files []string
			err = filepath.WalkDir(tc.dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				switch strings.ToLower(filepath.Ext(path)) {
				case ".yaml", ".yml", ".json":
					if !d.IsDir() {
						files = append(files, path)
					}
				}
				return nil
			})
			require.NoError(t, err)
			require.NotEmpty(t, files, "no example under %s", tc.dir)
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				doc, ds := source.Parse(f, data, source.DefaultLimits())
				require.Empty(t, ds, "%s does not parse", f)
				require.NotNil(t, doc, f)
				ds, err = v.Validate(doc)
				require.NoError(t, err)
				assert.Empty(t, ds, "%s does not match its schema", f)
			}
			t.Logf("%d files checked", len(files))
		})
	}
}
