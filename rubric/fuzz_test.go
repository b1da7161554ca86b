package rubric_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// FuzzParse feeds the whole rubric pipeline (source, schema, semantic
// checks) with mutations of the example and invalid rubrics. It must never
// panic, and a failure must always be diagnostics that name the file and,
// unless they are about the whole file, a 1-based position.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../examples/rubrics/*.yaml", "testdata/invalid/*.yaml", "testdata/invalid/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err == nil {
				f.Add(filepath.Base(file), data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !strings.HasSuffix(name, ".json") {
			name = "fuzz.yaml"
		}
		r, err := rubric.Parse(name, data)
		if err == nil {
			if r == nil {
				t.Fatal("no rubric and no error")
			}
			if _, err := rubric.NewSet([]*rubric.Rubric{r}); err != nil && !errors.Is(err, rubric.ErrInvalid) {
				t.Fatalf("set of one valid rubric: %v", err)
			}
			return
		}
		var ds diag.Diagnostics
		if !errors.As(err, &ds) {
			t.Fatalf("error without diagnostics: %v", err)
		}
		for _, d := range ds {
			if d.Range.File != name {
				t.Fatalf("diagnostic without its file: %s", d)
			}
			if !wholeFile[d.Code] && (d.Range.Start.Line < 1 || d.Range.Start.Column < 1) {
				t.Fatalf("diagnostic without a position: %s %s at %d:%d", d.Code, d.Path, d.Range.Start.Line, d.Range.Start.Column)
			}
		}
	})
}

// wholeFile lists the codes of diagnostics about a file as a whole, which
// have no position in it.
var wholeFile = map[diag.Code]bool{diag.CodeEmpty: true, diag.CodeBinary: true, diag.CodeTooLarge: true}
