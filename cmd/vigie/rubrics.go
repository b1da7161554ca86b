package main

import (
	"fmt"
	"strings"

	"github.com/vigie-ai/vigie/report"
	"github.com/vigie-ai/vigie/rubric/catalog"
)

const rubricsExamples = `  vigie rubrics
  vigie rubrics ai-act --lang fr --format markdown > ai-act.md`

// runRubrics lists the embedded catalog, or documents one of its rubrics.
func runRubrics(args []string, e *env) int {
	fs := newFlags("rubrics", e, "vigie rubrics [ID] [--format text|markdown] [--lang fr|en]", rubricsExamples)
	format := fs.String("format", "text", fs.help("format of a rubric's documentation: text or markdown (default: text)", "format de la documentation d'une grille\u00a0: text ou markdown (par défaut\u00a0: text)"))
	if code, ok := fs.parse(args); !ok {
		return code
	}
	rs, err := catalog.Rubrics()
	if err != nil {
		return e.internal("rubrics", err)
	}
	if len(fs.args) == 0 {
		var b strings.Builder
		for _, r := range rs {
			criteria, gates := 0, 0
			for _, s := range r.Sections {
				for _, c := range s.Criteria {
					criteria++
					if c.Gate {
						gates++
					}
				}
			}
			fmt.Fprintf(&b, "%-28s %-7s %s — %s, %s\n", r.ID, r.Version, r.Title.In(e.lang, r.Language),
				e.plural(criteria, "%d criterion", "%d criteria", "%d critère", "%d critères"),
				e.plural(gates, "%d critère impératif", "%d critères impératifs", "%d critère impératif", "%d critères impératifs"))
		}
		if _, err := fmt.Fprint(e.stdout, b.String()); err != nil {
			return e.internal("rubrics", err)
		}
		return exitOK
	}
	f, err := report.ParseFormat(*format)
	if err != nil || (f != report.Text && f != report.Markdown) {
		fmt.Fprintf(e.stderr, e.t("vigie rubrics: unknown format %q (text or markdown)\n", "vigie rubrics\u00a0: format inconnu %q (text ou markdown)\n"), *format)
		return exitInvalid
	}
	for _, r := range rs {
		if r.ID == fs.args[0] {
			if err := report.Document(e.stdout, r, f, report.Options{Language: e.lang}); err != nil {
				return e.internal("rubrics", err)
			}
			return exitOK
		}
	}
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	fmt.Fprintf(e.stderr, e.t("vigie rubrics: no embedded rubric %q (%s)\n", "vigie rubrics\u00a0: aucune grille intégrée %q (%s)\n"), fs.args[0], strings.Join(ids, ", "))
	return exitInvalid
}
