package rubric_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// Each file under testdata/invalid is a rubric with problems. Its expected
// diagnostics are listed in comments at the top, one per line:
//
//	# want: 12:5 unknown-key
//	# want: 30:9 warning missing-language
//
// (for a .json file, in a sidecar NAME.json.want without the leading "# ").
// The test fails if a diagnostic is missing or one more is reported.
func TestInvalidRubrics(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/invalid/*")
	require.NoError(t, err)
	var n int
	for _, file := range files {
		if strings.HasSuffix(file, ".want") {
			continue
		}
		n++
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			want := wantLines(t, file, data)
			require.NotEmpty(t, want, "a case must list the diagnostics it expects")
			_, err = rubric.Parse(file, data)
			require.Error(t, err)
			require.ErrorIs(t, err, rubric.ErrInvalid)
			assert.Equal(t, want, gotLines(t, err, file))
		})
	}
	require.GreaterOrEqual(t, n, 20, "the invalid corpus should stay rich")
}

// Each folder under testdata/sets holds rubrics that are valid alone, with
// a file named want listing as FILE:LINE:COL CODE what NewSet reports about
// them together: the diagnostics of its error or, for a valid set, its
// warnings.
func TestInvalidSets(t *testing.T) {
	t.Parallel()
	dirs, err := filepath.Glob("testdata/sets/*")
	require.NoError(t, err)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
			require.NoError(t, err)
			var rs []*rubric.Rubric
			for _, f := range files {
				r, err := rubric.ReadFile(f)
				require.NoError(t, err, "each rubric of a set case is valid alone")
				rs = append(rs, r)
			}
			data, err := os.ReadFile(filepath.Join(dir, "want"))
			require.NoError(t, err)
			var want []string
			for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				want = append(want, strings.TrimSpace(l))
			}
			set, err := rubric.NewSet(rs)
			var ds diag.Diagnostics
			if err == nil {
				ds = set.Warnings()
			} else {
				require.ErrorIs(t, err, rubric.ErrInvalid)
				require.True(t, errors.As(err, &ds))
			}
			var got []string
			for _, d := range ds {
				got = append(got, filepath.Base(d.Range.File)+":"+lineCol(d)+" "+sevPrefix(d)+string(d.Code))
			}
			assert.Equal(t, want, got)
		})
	}
}

func wantLines(t *testing.T, file string, data []byte) []string {
	t.Helper()
	prefix := "# want:"
	if strings.HasSuffix(file, ".json") {
		var err error
		data, err = os.ReadFile(file + ".want")
		require.NoError(t, err)
		prefix = "want:"
	}
	var want []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), prefix); ok {
			want = append(want, strings.TrimSpace(rest))
		}
	}
	slices.Sort(want)
	return want
}

func gotLines(t *testing.T, err error, file string) []string {
	t.Helper()
	var ds diag.Diagnostics
	require.True(t, errors.As(err, &ds), "error wraps diagnostics: %v", err)
	var got []string
	for _, d := range ds {
		assert.Equal(t, file, d.Range.File, "diagnostic %s names its file", d)
		assert.NotEmpty(t, d.Message("en"))
		assert.NotEmpty(t, d.Message("fr"))
		got = append(got, lineCol(d)+" "+sevPrefix(d)+string(d.Code))
	}
	slices.Sort(got)
	return got
}

func lineCol(d *diag.Diagnostic) string {
	return strconv.Itoa(d.Range.Start.Line) + ":" + strconv.Itoa(d.Range.Start.Column)
}

func sevPrefix(d *diag.Diagnostic) string {
	if d.Severity == diag.Warning {
		return "warning "
	}
	return ""
}
