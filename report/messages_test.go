package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/assessment"
)

// TestFrenchSpacing: French puts a non-breaking space, never an ordinary
// one nor none, before : ; ? ! and » and after «.
func TestFrenchSpacing(t *testing.T) {
	t.Parallel()
	unspaced := regexp.MustCompile(`(^|[^\x{00a0}])[:;?!»]|«($|[^\x{00a0}])`)
	for key, m := range messages {
		for _, s := range []string{m.fr, m.frPlural} {
			assert.False(t, unspaced.MatchString(s), "%s: %q", key, s)
		}
	}
}

// TestMessagesCatalog: every message has an English and a French text,
// both singular and plural when it has plurals, with the same format verbs
// in the same order.
func TestMessagesCatalog(t *testing.T) {
	t.Parallel()
	verbs := regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)
	for key, m := range messages {
		assert.NotEmpty(t, m.en, key)
		assert.NotEmpty(t, m.fr, key)
		assert.Equal(t, m.enPlural == "", m.frPlural == "", "%s: a plural in one language only", key)
		assert.Equal(t, verbs.FindAllString(m.en, -1), verbs.FindAllString(m.fr, -1), key)
		if m.enPlural != "" {
			for _, s := range []string{m.enPlural, m.frPlural} {
				assert.Equal(t, verbs.FindAllString(m.en, -1), verbs.FindAllString(s, -1), "%s: plural", key)
			}
		}
	}
}

// TestMessagesUsedExist: every key the renderers and the HTML template ask
// the catalog for is in it, as are the keys built from a status or a
// severity; t would otherwise write the bare key, in both languages.
func TestMessagesUsedExist(t *testing.T) {
	t.Parallel()
	var used []string
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		literal := func(e ast.Expr) {
			if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				used = append(used, s)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr: // o.t("key", …), o.n("key", n)
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "t" || sel.Sel.Name == "n") && len(n.Args) > 0 {
					literal(n.Args[0])
				}
			case *ast.AssignStmt: // key := "key"
				if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == "key" && len(n.Rhs) == 1 {
					literal(n.Rhs[0])
				}
			}
			return true
		})
	}
	tmpl, err := os.ReadFile("html.tmpl")
	require.NoError(t, err)
	for _, m := range regexp.MustCompile(`[{(]\s*[tn] "([^"]+)"`).FindAllStringSubmatch(string(tmpl), -1) {
		used = append(used, m[1])
	}
	require.Greater(t, len(used), 50, "the keys are found where they are asked for")
	for _, s := range []assessment.Status{assessment.Met, assessment.Partial, assessment.Unmet, assessment.NotApplicable, assessment.Unanswered} {
		used = append(used, "st."+s.String())
	}
	used = append(used, "st.not_covered") // a coverage item no criterion cites
	for _, s := range []assessment.Severity{assessment.Critical, assessment.High, assessment.Medium, assessment.Low, assessment.Info} {
		used = append(used, "sev."+s.String())
	}
	for _, key := range used {
		_, ok := messages[key]
		assert.True(t, ok, "the message %q is not in the catalog", key)
	}
}
