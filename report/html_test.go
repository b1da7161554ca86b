package report_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/report"
)

// hostileDeclaration is the example declaration with script payloads in
// the project's name, organisation, description and in answers' comments.
func hostileDeclaration(t *testing.T) []byte {
	t.Helper()
	decl := string(read(t, "../examples/declarations/tri-informations-preoccupantes.yaml"))
	payload := `<img src=x onerror="document.documentElement.setAttribute('data-pwned','1')"><script>document.documentElement.setAttribute('data-pwned','1')</script>`
	block := func(indent string) string { return "|-\n" + indent + payload }
	decl = strings.Replace(decl, "name: Aide au tri des informations préoccupantes", "name: "+block("    "), 1)
	decl = strings.Replace(decl, "organisation: Conseil départemental (CRIP)", "organisation: "+block("    ")+`"><svg onload="document.documentElement.setAttribute('data-pwned',1)">`, 1)
	decl = strings.Replace(decl, "    comment: L'analyse d'impact sur les droits de l'enfant est en cours avec l'ODPE.", "    comment: "+block("      "), 1)
	return []byte(decl)
}

func renderHTML(t *testing.T, decl []byte, lang string) []byte {
	t.Helper()
	res := assess(t, read(t, "../examples/rubrics/child-rights-maturity.yaml"), decl, lang)
	var b bytes.Buffer
	require.NoError(t, report.Write(&b, report.HTML, []*assessment.Result{res}, report.Options{Language: lang}))
	return b.Bytes()
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	t.Parallel()
	page := string(renderHTML(t, hostileDeclaration(t), "fr"))
	assert.Contains(t, page, `<html lang="fr">`)
	assert.NotContains(t, page, "<script>")
	assert.NotContains(t, page, "<img src=x")
	assert.NotContains(t, page, "<svg onload")
	assert.Contains(t, page, "&lt;script&gt;")
	for _, external := range []string{"<link ", "src=\"http", "href=\"//", "@import", "<script"} {
		assert.NotContains(t, page, external, "no external asset and no script")
	}
	assert.Contains(t, page, `<svg role="img"`)
	assert.Contains(t, page, "@media print")
}

// chromium returns the path of a Chromium browser, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed: .ci/run installs Debian's chromium package")
	}
	t.Skip("Chromium is absent: install Debian's chromium package to run the browser tests")
	return ""
}

func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--allow-file-access-from-files"}
	out, err := exec.CommandContext(ctx, bin, append(base, args...)...).Output()
	require.NoError(t, err, "chromium %v", args)
	return out
}

// TestHTMLInChromium loads the report in a real headless Chromium: the
// radar chart has a size, the script payloads of a hostile declaration do
// not run, and printing to PDF gives pages.
func TestHTMLInChromium(t *testing.T) {
	t.Parallel()
	bin := chromium(t)
	dir := t.TempDir()
	reportPath := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(reportPath, renderHTML(t, hostileDeclaration(t), "fr"), 0o644))
	// A test page (not the report) measures the report in a frame once it has loaded.
	probe := `<!DOCTYPE html><html><body><iframe id="r" src="report.html" width="1100" height="2000"></iframe>
<pre id="out">waiting</pre>
<script>
document.getElementById('r').addEventListener('load', function () {
  var d = this.contentDocument;
  var svg = d.querySelector('svg[role=img]');
  var box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  document.getElementById('out').textContent = 'svg=' + Math.round(box.width) + 'x' + Math.round(box.height) +
    ' pwned=' + (d.documentElement.getAttribute('data-pwned') || 'no') + ' top=' + (document.documentElement.getAttribute('data-pwned') || 'no');
});
</script></body></html>`
	probePath := filepath.Join(dir, "probe.html")
	require.NoError(t, os.WriteFile(probePath, []byte(probe), 0o644))
	dom := string(runChromium(t, bin, "--virtual-time-budget=5000", "--dump-dom", "file://"+probePath))
	m := regexp.MustCompile(`svg=(\d+)x(\d+) pwned=(\w+) top=(\w+)`).FindStringSubmatch(dom)
	require.NotNil(t, m, "the probe did not report: %s", dom)
	w, _ := strconv.Atoi(m[1])
	h, _ := strconv.Atoi(m[2])
	assert.Positive(t, w, "radar chart width")
	assert.Positive(t, h, "radar chart height")
	assert.Equal(t, "no", m[3], "a script of the declaration ran in the report")
	assert.Equal(t, "no", m[4], "a script of the declaration ran")

	pdf := filepath.Join(dir, "report.pdf")
	runChromium(t, bin, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+reportPath)
	data, err := os.ReadFile(pdf)
	require.NoError(t, err)
	pages := regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(data, -1)
	assert.GreaterOrEqual(t, len(pages), 2, "the printed report has pages")
	t.Logf("radar %dx%d, %d PDF pages", w, h, len(pages))
}
