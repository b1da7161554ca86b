package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/report"
	"github.com/vigie-ai/vigie/rubric"
	"github.com/vigie-ai/vigie/rubric/catalog"
)

const assessExamples = `  vigie assess --lang fr --format text examples/declarations/tri-informations-preoccupantes.yaml
  vigie assess --rubric examples/rubrics/child-rights-maturity.yaml examples/declarations/tri-informations-preoccupantes.yaml
  vigie assess --rubric grids/ --as-of 2026-12-02 --lang fr -o result.json projet.yaml
  vigie assess --rubric grids/ --fail-below 60 --fail-on-tier high projects/`

func runAssess(args []string, e *env) int {
	fs := newFlags("assess", e, "vigie assess [--rubric PATH]… [--format FORMAT] [--as-of DATE] [--lang fr|en] [-o FILE|DIR|-] [--html FILE|DIR] [--bom] [--fail-below SCORE] [--fail-on-tier TIER] [--fail-on-severity SEVERITY] DECLARATION…", assessExamples)
	format := fs.String("format", "json", fs.help("output format: "+formatList()+" (default: json)", "format de sortie\u00a0: "+formatList()+" (par défaut\u00a0: json)"))
	var rubrics repeated
	fs.Var(&rubrics, "rubric", fs.help("a rubric file or folder (repeatable; default: the embedded catalog)", "une grille, fichier ou dossier (répétable\u00a0; par défaut\u00a0: le catalogue intégré)"))
	asOf := fs.String("as-of", "", fs.help("date the assessment is made as of, YYYY-MM-DD (default: today)", "date à laquelle l'évaluation est faite, AAAA-MM-JJ (par défaut\u00a0: aujourd'hui)"))
	out := fs.String("o", "", fs.help("write the result to this file instead of the standard output (or, for a folder, one file per project; - for the standard output)", "écrire le résultat dans ce fichier plutôt que sur la sortie standard (ou, pour un dossier, un fichier par projet\u00a0; - pour la sortie standard)"))
	failBelow := fs.Float64("fail-below", -1, fs.help("exit 1 when a rubric's overall score is below this percentage", "sortir avec le code 1 quand le score global d'une grille est sous ce pourcentage"))
	htmlOut := fs.String("html", "", fs.help("also write the HTML report to this file (or, for a folder, one file per project)", "écrire aussi le rapport HTML dans ce fichier (ou, pour un dossier, un fichier par projet)"))
	bom := fs.Bool("bom", false, fs.help("start CSV output with a UTF-8 byte-order mark, for spreadsheet software", "commencer la sortie CSV par une marque d'ordre des octets UTF-8, pour les tableurs"))
	failTier := fs.String("fail-on-tier", "", fs.help("exit 1 when this risk tier, or a more severe one, applies", "sortir avec le code 1 quand ce niveau de risque, ou un plus grave, s'applique"))
	failSeverity := fs.String("fail-on-severity", "", fs.help("exit 1 when a finding of this severity (critical, high, medium, low, info), or a more serious one, is raised", "sortir avec le code 1 quand un constat de cette gravité (critical, high, medium, low, info), ou d'une gravité supérieure, est relevé"))
	if code, ok := fs.parse(args); !ok {
		return code
	}
	outFormat, err := report.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(e.stderr, e.t("vigie assess: unknown format %q (%s)\n", "vigie assess\u00a0: format inconnu %q (%s)\n"), *format, formatList())
		return exitInvalid
	}
	if len(fs.args) == 0 {
		fmt.Fprintln(e.stderr, e.t("vigie assess: give at least one declaration", "vigie assess\u00a0: indiquez au moins une déclaration"))
		fs.printUsage(e.stderr)
		return exitInvalid
	}
	date := time.Now().UTC()
	if *asOf != "" {
		d, err := time.Parse(time.DateOnly, *asOf)
		if err != nil {
			fmt.Fprintf(e.stderr, e.t("vigie assess: --as-of %q is not a date YYYY-MM-DD\n", "vigie assess\u00a0: --as-of %q n'est pas une date AAAA-MM-JJ\n"), *asOf)
			return exitInvalid
		}
		date = d
	}
	assessor, code := loadAssessor(rubrics, e)
	if assessor == nil {
		return code
	}
	if *failTier != "" && !assessor.HasTier(*failTier) {
		fmt.Fprintf(e.stderr, e.t("vigie assess: --fail-on-tier: no rubric has the tier %q\n", "vigie assess\u00a0: --fail-on-tier\u00a0: aucune grille n'a le niveau de risque %q\n"), *failTier)
		return exitInvalid
	}
	var failSev assessment.Severity // none unless asked for
	if *failSeverity != "" {
		var err error
		if failSev, err = assessment.ParseSeverity(*failSeverity); err != nil {
			fmt.Fprintf(e.stderr, e.t("vigie assess: --fail-on-severity: %q is not a severity; use critical, high, medium, low or info\n", "vigie assess\u00a0: --fail-on-severity\u00a0: %q n'est pas une gravité\u00a0; utilisez critical, high, medium, low ou info\n"), *failSeverity)
			return exitInvalid
		}
	}
	pol := policy{below: *failBelow, tier: *failTier, severity: failSev}
	files, problems := expand(fs.args)
	if problems != nil {
		_ = problems.Write(e.stderr, e.lang)
		return exitInvalid
	}
	var results []*assessment.Result
	progress := len(files) > 1 && e.terminal(e.stderr)
	for i, file := range files {
		if progress {
			fmt.Fprintf(e.stderr, "\r%s %d/%d %s\x1b[K", e.t("assessing", "évaluation"), i+1, len(files), file)
		}
		data, ds := readFile(file)
		if ds != nil {
			problems = append(problems, ds...)
			continue
		}
		d, err := assessment.ParseDeclaration(file, data)
		if err == nil {
			var res *assessment.Result
			if res, err = assessor.Assess(context.Background(), d, assessment.WithAsOf(date), assessment.WithLanguage(e.lang)); err == nil {
				results = append(results, res)
			}
		}
		if err := collect(err, &problems); err != nil {
			return e.internal("assess", fmt.Errorf("%s: %w", file, err))
		}
	}
	if progress {
		fmt.Fprint(e.stderr, "\r\x1b[K")
	}
	if len(problems) > 0 {
		problems.Sort()
		_ = problems.Write(e.stderr, e.lang)
		return exitInvalid
	}
	for _, dir := range []string{*out, *htmlOut} {
		if id, files := sharedID(results); isDir(dir) && id != "" {
			fmt.Fprintf(e.stderr, e.t("vigie assess: %s and %s both declare the project %q, whose reports would overwrite each other in %s; give each project its own id\n",
				"vigie assess\u00a0: %s et %s déclarent tous deux le projet %q, dont les rapports s'écraseraient dans %s\u00a0; donnez à chaque projet son propre identifiant\n"),
				files[0], files[1], id, dir)
			return exitInvalid
		}
	}
	opts := report.Options{Language: e.lang, Color: (*out == "" || *out == "-") && e.color(), BOM: *bom}
	if err := writeReports(*out, outFormat, results, opts, e); err != nil {
		return e.internal("assess", err)
	}
	if *htmlOut != "" {
		if err := writeReports(*htmlOut, report.HTML, results, report.Options{Language: e.lang}, e); err != nil {
			return e.internal("assess", err)
		}
	}
	code = exitOK
	for _, res := range results {
		for _, why := range pol.failures(assessor, res, e) {
			fmt.Fprintf(e.stderr, "%s%s%s\n", res.Subject.File, e.colon(), why)
			code = exitPolicy
		}
	}
	return code
}

// loadAssessor reads the rubrics and compiles them, or the embedded
// catalog when no path is given; on failure it prints the diagnostics and
// returns the exit code.
func loadAssessor(paths []string, e *env) (*assessment.Assessor, int) {
	set, code := loadSet(paths, e)
	if set == nil {
		return nil, code
	}
	a, err := assessment.Compile(set, assessment.WithVersion(version))
	if err != nil {
		fmt.Fprintf(e.stderr, "vigie: %v\n", err)
		return nil, exitInternal
	}
	return a, exitOK
}

// loadSet reads the rubrics found in paths into a set, or returns the
// embedded catalog when no path is given.
func loadSet(paths []string, e *env) (*rubric.Set, int) {
	if len(paths) == 0 {
		set, err := catalog.Set()
		if err != nil {
			fmt.Fprintf(e.stderr, e.t("vigie: embedded catalog: %v\n", "vigie\u00a0: catalogue intégré\u00a0: %v\n"), err)
			return nil, exitInternal
		}
		return set, exitOK
	}
	files, problems := expand(paths)
	var rs []*rubric.Rubric
	for _, f := range files {
		data, ds := readFile(f)
		if ds != nil {
			problems = append(problems, ds...)
			continue
		}
		r, err := rubric.Parse(f, data)
		if err == nil {
			rs = append(rs, r)
		} else if err := collect(err, &problems); err != nil {
			fmt.Fprintf(e.stderr, "vigie: %v\n", err)
			return nil, exitInternal
		}
	}
	if len(problems) == 0 {
		set, err := rubric.NewSet(rs)
		if err == nil {
			return set, exitOK
		}
		if !errors.As(err, &problems) {
			fmt.Fprintf(e.stderr, "vigie: %v\n", err)
			return nil, exitInternal
		}
	}
	problems.Sort()
	_ = problems.Write(e.stderr, e.lang)
	return nil, exitInvalid
}

// policy is what makes vigie assess exit 1 beyond failed critères
// impératifs: the thresholds given on the command line.
type policy struct {
	below    float64             // --fail-below; negative when not given
	tier     string              // --fail-on-tier
	severity assessment.Severity // --fail-on-severity
}

// failures says why a result fails the policy.
func (p policy) failures(a *assessment.Assessor, res *assessment.Result, e *env) []string {
	var out []string
	if n := len(res.FailedGates); n > 0 {
		out = append(out, e.plural(n, "%d critère impératif not met", "%d critères impératifs not met",
			"%d critère impératif non atteint", "%d critères impératifs non atteints"))
	}
	if res.Classification != nil {
		for _, t := range res.Classification.Tiers {
			if t.Fails {
				out = append(out, fmt.Sprintf(e.t("risk tier %s (%s) fails the assessment", "le niveau de risque %s (%s) rend l'évaluation non conforme"), t.Title, t.ID))
			}
		}
	}
	if p.below >= 0 {
		for _, rr := range res.Rubrics {
			if rr.Overall.Percent != nil && *rr.Overall.Percent < p.below {
				out = append(out, fmt.Sprintf(e.t("rubric %s: overall score %s%% is below %s%%", "grille %s\u00a0: score global %s\u00a0%% sous %s\u00a0%%"),
					rr.ID, e.number(*rr.Overall.Percent), e.number(p.below)))
			}
		}
	}
	if p.tier != "" && res.Classification != nil {
		for _, t := range res.Classification.Tiers {
			if a.AtLeastAsSevere(t.Rubric, t.ID, p.tier) {
				out = append(out, fmt.Sprintf(e.t("risk tier %s (%s) applies", "le niveau de risque %s (%s) s'applique"), t.Title, t.ID))
			}
		}
	}
	if p.severity != 0 {
		n := 0
		for _, f := range res.Findings {
			if f.Severity.AtLeast(p.severity) {
				n++
			}
		}
		if n > 0 {
			out = append(out, e.plural(n, "%d finding", "%d findings", "%d constat", "%d constats")+
				fmt.Sprintf(e.t(" of severity %s or more", " de gravité %s ou plus"), e.severity(p.severity)))
		}
	}
	return out
}

// severity names a severity as the reports do.
func (e *env) severity(s assessment.Severity) string {
	if e.lang != "fr" {
		return s.String()
	}
	return map[assessment.Severity]string{assessment.Critical: "critique", assessment.High: "élevée",
		assessment.Medium: "moyenne", assessment.Low: "faible", assessment.Info: "information"}[s]
}

// number writes a number as people read it: French uses a decimal comma.
func (e *env) number(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if e.lang == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// writeReports writes the reports: to the standard output or one file; or,
// when -o names a folder, one file per project (PROJECT.EXT).
func writeReports(out string, f report.Format, results []*assessment.Result, opts report.Options, e *env) error {
	if isDir(out) {
		for _, res := range results {
			var buf bytes.Buffer
			if err := report.Write(&buf, f, []*assessment.Result{res}, opts); err != nil {
				return err
			}
			name := filepath.Join(out, res.Subject.ID+"."+extension(f))
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, f, results, opts); err != nil {
		return err
	}
	return writeOutput(out, buf.Bytes(), e.stdout)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return path != "" && err == nil && info.IsDir()
}

// sharedID returns the first project id that two results share, with the
// files of the two declarations, or "".
func sharedID(results []*assessment.Result) (string, [2]string) {
	seen := make(map[string]string, len(results))
	for _, res := range results {
		if file, ok := seen[res.Subject.ID]; ok {
			return res.Subject.ID, [2]string{file, res.Subject.File}
		}
		seen[res.Subject.ID] = res.Subject.File
	}
	return "", [2]string{}
}

// extension is the file extension of a report format.
func extension(f report.Format) string {
	switch f {
	case report.Markdown:
		return "md"
	case report.Text, report.GitHub:
		return "txt"
	case report.JUnit:
		return "xml"
	}
	return string(f)
}

func writeOutput(path string, data []byte, stdout io.Writer) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// formatList names the report formats for help texts.
func formatList() string {
	var names []string
	for _, f := range report.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}
