package source_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/source"
)

// hostile inputs, each with the diagnostic it must get. They are built by
// functions so that building them is not counted in the memory they cost.
func hostile() []struct {
	name string
	file string
	data func() []byte
	code diag.Code
} {
	return []struct {
		name string
		file string
		data func() []byte
		code diag.Code
	}{
		{"alias bomb", "bomb.yaml", billionLaughs, diag.CodeTooManyNodes},
		{"100,000 keys", "keys.yaml", func() []byte { return manyKeys(100_000) }, diag.CodeTooManyLines},
		{"100,000 keys in JSON", "keys.json", func() []byte { return manyKeysJSON(100_000) }, diag.CodeTooManyLines},
		{"20,000 keys", "keys20k.yaml", func() []byte { return manyKeys(20_000) }, diag.CodeMappingTooLong},
		{"20,000 keys in JSON", "keys20k.json", func() []byte { return manyKeysJSON(20_000) }, diag.CodeMappingTooLong},
		{"block nesting 10,000 deep", "deep.yaml", func() []byte { return []byte(strings.Repeat("- ", 10_000) + "a\n") }, diag.CodeTooDeep},
		{"indented nesting 1,000 deep", "indent.yaml", func() []byte { return blockNesting(1_000) }, diag.CodeTooDeep},
		{"flow nesting 10,000 deep", "flow.yaml", func() []byte { return []byte(strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)) }, diag.CodeTooDeep},
		{"JSON nesting 10,000 deep", "deep.json", func() []byte { return []byte(strings.Repeat(`{"a":`, 10_000) + "1" + strings.Repeat("}", 10_000)) }, diag.CodeTooDeep},
		{"flow nesting 100,000 deep", "flow2.yaml", func() []byte { return []byte(strings.Repeat("[", 100_000)) }, diag.CodeSyntax},
		{"50 MiB", "big.yaml", func() []byte { return bytes.Repeat([]byte("a: b\n"), 50<<20/5) }, diag.CodeTooLarge},
		{"binary garbage", "garbage.yaml", garbage, diag.CodeBinary},
		{"NUL byte", "nul.yaml", func() []byte { return []byte("a: 1\nb: \x00\n") }, diag.CodeBinary},
		{"two documents", "two.yaml", func() []byte { return []byte("a: 1\n---\nb: 2\n") }, diag.CodeMultipleDocs},
		{"two JSON values", "two.json", func() []byte { return []byte(`{"a": 1} {"b": 2}`) }, diag.CodeMultipleDocs},
		{"empty", "empty.yaml", func() []byte { return nil }, diag.CodeEmpty},
		{"only spaces", "spaces.yaml", func() []byte { return []byte("  \n\n\t\n") }, diag.CodeEmpty},
		{"only comments", "comments.yaml", func() []byte { return []byte("# nothing\n# here\n") }, diag.CodeEmpty},
		{"empty JSON", "empty.json", func() []byte { return []byte(" ") }, diag.CodeEmpty},
		{"truncated JSON", "cut.json", func() []byte { return []byte(`{"a": [1, 2`) }, diag.CodeSyntax},
	}
}

func billionLaughs() []byte {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 'b'; i <= 'i'; i++ {
		fmt.Fprintf(&b, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	return []byte(b.String())
}

func manyKeys(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "k%d: %d\n", i, i)
	}
	return b.Bytes()
}

func manyKeysJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"k%d":%d`, i, i)
	}
	b.WriteByte('}')
	return b.Bytes()
}

func blockNesting(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString("a:\n")
	}
	return b.Bytes()
}

func garbage() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 1<<20)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestHostileInput checks that each hostile input gets its diagnostic, with
// a position, and costs less than 64 MiB of allocations. It does not run in
// parallel: it reads the process's allocation counter.
func TestHostileInput(t *testing.T) {
	const budget = 64 << 20
	for _, h := range hostile() {
		t.Run(h.name, func(t *testing.T) {
			data := h.data()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var ds diag.Diagnostics
			var doc *source.Document
			if h.code == diag.CodeTooLarge {
				// A file is read through Read, which stops at the cap.
				var got []byte
				got, ds = source.Read(h.file, bytes.NewReader(data), source.DefaultMaxBytes)
				assert.Nil(t, got)
			} else {
				doc, ds = source.Parse(h.file, data, source.DefaultLimits())
			}
			runtime.ReadMemStats(&after)
			require.NotEmpty(t, ds, "hostile input must get a diagnostic")
			assert.Nil(t, doc)
			assert.Equal(t, h.code, ds[0].Code, "%s", ds)
			assert.Equal(t, h.file, ds[0].Range.File)
			assert.Positive(t, ds[0].Range.Start.Line, "a diagnostic has a position")
			allocated := after.TotalAlloc - before.TotalAlloc
			assert.Less(t, allocated, uint64(budget), "allocated %d MiB", allocated>>20)
			t.Logf("%s: %s (%.1f MiB allocated)", h.name, ds[0], float64(allocated)/(1<<20))
		})
	}
}

// TestParseCapsSize checks the cap of Parse itself, for callers that hold bytes already.
func TestParseCapsSize(t *testing.T) {
	t.Parallel()
	_, ds := source.Parse("x.yaml", []byte("a: 1234567890\n"), source.Limits{MaxBytes: 4})
	require.Len(t, ds, 1)
	assert.Equal(t, diag.CodeTooLarge, ds[0].Code)
}

// TestReadStopsAtCap checks that Read never reads past the cap.
func TestReadStopsAtCap(t *testing.T) {
	t.Parallel()
	r := &countingReader{r: io.LimitReader(zeros{}, 1<<40)}
	_, ds := source.Read("endless.yaml", r, 1<<20)
	require.Len(t, ds, 1)
	assert.Equal(t, diag.CodeTooLarge, ds[0].Code)
	assert.LessOrEqual(t, r.n, int64(1<<20+512))
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// BenchmarkHostile measures the time and memory each hostile input costs.
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostile() {
		if h.code == diag.CodeTooLarge {
			continue
		}
		data := h.data()
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				source.Parse(h.file, data, source.DefaultLimits())
			}
		})
	}
}
