package diag_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/diag"
)

var update = flag.Bool("update", false, "rewrite docs/diagnostics.md")

// TestCodesDocument keeps docs/diagnostics.md, the list of every code with
// its messages, in step with the catalog. Refresh it with
// go test ./diag -update.
func TestCodesDocument(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("# Diagnostic codes\n\n")
	b.WriteString("Every problem vigie reports has a stable code; tools and tests match on\n")
	b.WriteString("codes, while messages may be reworded. `{1}`, `{2}`… stand for what the\n")
	b.WriteString("diagnostic names (a key, a value, an id). Generated from `diag/codes.go` by\n")
	b.WriteString("`go test ./diag -update`.\n\n")
	b.WriteString("*Chaque problème signalé par vigie porte un code stable ; les messages existent en anglais et en français.*\n\n")
	b.WriteString("| code | message (en) | message (fr) |\n|---|---|---|\n")
	for _, c := range diag.Codes() {
		d := diag.New(c, diag.Range{}, diag.Root(), "{1}", "{2}", "{3}", "{4}", "{5}")
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c, cell(d.Message("en")), cell(d.Message("fr")))
	}
	path := "../docs/diagnostics.md"
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./diag -update")
	assert.Equal(t, b.String(), string(got), "docs/diagnostics.md is stale: run go test ./diag -update")
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
