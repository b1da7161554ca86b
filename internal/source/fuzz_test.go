package source_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/source"
)

// FuzzParse checks that no input makes the parser panic or return a
// document together with errors it should have stopped on, and that every
// diagnostic has a position in the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"a: 1\n", "a: [1, {b: c}]\n", "a: &x [1]\nb: *x\nc: {<<: {d: 1}}\n", "a: 1\na: 2\n",
		"- a\n- b\n", "a: .nan\n", "? [a]\n: b\n", "a: 1\n---\nb: 2\n", "{\"a\": [1, 2.5, true, null]}",
		"a: |\n  text\n", "a: 'é'\n", "\t", "[[[[", "a: *nope\n", "a: !!binary aGVsbG8=\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, data string, asJSON bool) {
		name := "fuzz.yaml"
		if asJSON {
			name = "fuzz.json"
		}
		lim := source.DefaultLimits()
		lim.MaxNodes = 20_000
		// A watchdog, not a performance check: any input that takes seconds is a hang to fix.
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				panic(fmt.Sprintf("parse hangs on %q", data))
			}
		}()
		doc, ds := source.Parse(name, []byte(data), lim)
		for _, d := range ds {
			if d.Range.File != name || d.Range.Start.Line < 1 || d.Range.Start.Column < 1 {
				t.Fatalf("diagnostic without a position: %#v", d)
			}
		}
		if doc != nil {
			_ = doc.Locate(diag.NewPath("a", "b"))
		}
	})
}
