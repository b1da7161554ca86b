package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/ghaction"
	"github.com/vigie-ai/vigie/internal/source"
	"github.com/vigie-ai/vigie/rubric"
	"github.com/vigie-ai/vigie/rubric/catalog"
)

const validateExamples = `  vigie validate examples/rubrics/
  vigie validate --rubric examples/rubrics/ examples/declarations/
  vigie validate --format github rubrics/*.yaml
  vigie validate --lang fr --strict ma-grille.yaml`

// fileResult is what validate found in one file.
type fileResult struct {
	File        string           `json:"file"`
	Kind        string           `json:"kind,omitempty"`
	Valid       bool             `json:"valid"`
	Diagnostics diag.Diagnostics `json:"diagnostics"`
}

func runValidate(args []string, e *env) int {
	fs := newFlags("validate", e, "vigie validate [--rubric PATH]… [--format text|json|github] [--strict] PATH…", validateExamples)
	var bases repeated
	fs.Var(&bases, "rubric", fs.help("a rubric file or folder that the files extend or the declarations answer, checked too (repeatable; with no rubric, declarations are checked against the embedded catalog)",
		"une grille (fichier ou dossier) que les fichiers étendent ou à laquelle répondent les déclarations, vérifiée aussi (répétable\u00a0; sans grille, les déclarations sont vérifiées au regard du catalogue intégré)"))
	format := fs.String("format", "text", fs.help("output format: text, json or github (default: text)", "format de sortie\u00a0: text, json ou github (par défaut\u00a0: text)"))
	strict := fs.Bool("strict", false, fs.help("a text missing in one of the rubric's languages is an error", "un texte manquant dans une des langues de la grille est une erreur"))
	if code, ok := fs.parse(args); !ok {
		return code
	}
	if !slices.Contains([]string{"text", "json", "github"}, *format) {
		fmt.Fprintf(e.stderr, e.t("vigie validate: unknown format %q (text, json or github)\n", "vigie validate\u00a0: format inconnu %q (text, json ou github)\n"), *format)
		return exitInvalid
	}
	if len(fs.args) == 0 {
		fmt.Fprintln(e.stderr, e.t("vigie validate: give at least one file or folder", "vigie validate\u00a0: indiquez au moins un fichier ou un dossier"))
		fs.printUsage(e.stderr)
		return exitInvalid
	}
	files, problems := expand(append(fs.args, bases...))
	if problems != nil {
		_ = problems.Write(e.stderr, e.lang)
		return exitInvalid
	}
	results, err := validateFiles(files, *strict)
	if err != nil {
		return e.internal("validate", err)
	}
	valid := true
	for _, r := range results {
		valid = valid && r.Valid
	}
	switch *format {
	case "json":
		err = writeJSONResults(e.stdout, results, valid)
	case "github":
		err = writeGitHub(e.stdout, results, e.lang)
	default:
		err = writeText(e, results)
	}
	if err != nil {
		return e.internal("validate", err)
	}
	if !valid {
		return exitInvalid
	}
	return exitOK
}

// expand turns files and folders into the sorted list of files to check:
// folders are walked for .yaml, .yml and .json files. Paths that cannot be
// read are reported all at once.
func expand(paths []string) ([]string, diag.Diagnostics) {
	var out []string
	var problems diag.Diagnostics
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, unreadable(p, err))
			continue
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".yaml", ".yml", ".json":
				if !d.IsDir() {
					out = append(out, path)
				}
			}
			return nil
		})
		if err != nil {
			problems = append(problems, unreadable(p, err))
		}
	}
	slices.Sort(out)
	return slices.Compact(out), problems
}

// unreadable reports a file or folder that cannot be read.
func unreadable(path string, err error) *diag.Diagnostic {
	return diag.New(diag.CodeUnreadable, diag.Range{File: path}, diag.Root(), err.Error())
}

var (
	yamlKind       = regexp.MustCompile(`(?m)^kind:\s*["']?([A-Za-z]+)`)
	jsonKind       = regexp.MustCompile(`"kind"\s*:\s*"([A-Za-z]+)"`)
	yamlAPIVersion = regexp.MustCompile(`(?m)^apiVersion:\s*["']?([^\s"'#]+)`)
	jsonAPIVersion = regexp.MustCompile(`"apiVersion"\s*:\s*"([^"]*)"`)
)

// detectKind reads the kind of a file without parsing it, and where it is
// written.
func detectKind(file string, data []byte) (string, diag.Range) {
	re := yamlKind
	if source.IsJSON(file) {
		re = jsonKind
	}
	m := re.FindSubmatchIndex(data)
	if m == nil {
		return "", diag.Range{File: file}
	}
	start := m[2]
	lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
	at := diag.Pos{Line: bytes.Count(data[:start], []byte("\n")) + 1, Column: utf8.RuneCount(data[lineStart:start]) + 1}
	end := diag.Pos{Line: at.Line, Column: at.Column + m[3] - start}
	return string(data[m[2]:m[3]]), diag.Range{File: file, Start: at, End: end}
}

// detectAPIVersion reads the apiVersion of a file without parsing it.
func detectAPIVersion(file string, data []byte) string {
	re := yamlAPIVersion
	if source.IsJSON(file) {
		re = jsonAPIVersion
	}
	if m := re.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

// validateFiles checks every file alone, then the rubrics together.
func validateFiles(files []string, strict bool) ([]*fileResult, error) {
	var opts []rubric.Option
	var setOpts []rubric.SetOption
	if strict {
		opts = append(opts, rubric.WithStrictLanguages())
		setOpts = append(setOpts, rubric.WithSetStrictLanguages())
	}
	var results []*fileResult
	byFile := map[string]*fileResult{}
	var rubrics []*rubric.Rubric
	var decls []*assessment.Declaration
	for _, file := range files {
		res := &fileResult{File: file, Diagnostics: diag.Diagnostics{}}
		results = append(results, res)
		byFile[file] = res
		data, ds := readFile(file)
		if ds != nil {
			res.Diagnostics = ds
			continue
		}
		var at diag.Range
		res.Kind, at = detectKind(file, data)
		var err error
		switch res.Kind {
		case "Declaration":
			var d *assessment.Declaration
			if d, err = assessment.ParseDeclaration(file, data); err == nil {
				decls = append(decls, d)
			}
		case "Rubric", "": // without a kind, the rubric checks say what is missing
			var r *rubric.Rubric
			r, err = rubric.Parse(file, data, opts...)
			if err == nil {
				res.Kind = "Rubric"
				res.Diagnostics = append(res.Diagnostics, r.Warnings()...)
				rubrics = append(rubrics, r)
			}
		default:
			res.Diagnostics = append(res.Diagnostics, diag.New(diag.CodeUnknownKind, at, diag.NewPath("kind"), detectAPIVersion(file, data), res.Kind))
		}
		if err := collect(err, &res.Diagnostics); err != nil {
			return nil, err
		}
	}
	// Declarations are checked against the rubrics given with them, or
	// alone against the embedded catalog.
	var set *rubric.Set
	var ds diag.Diagnostics
	switch {
	case len(rubrics) > 0:
		var err error
		set, err = rubric.NewSet(rubrics, setOpts...)
		if err != nil && !errors.As(err, &ds) {
			return nil, err
		}
		if set != nil {
			ds = set.Warnings()
		}
	case len(decls) > 0:
		var err error
		if set, err = catalog.Set(); err != nil {
			return nil, err
		}
	}
	if set != nil && len(decls) > 0 {
		a, err := assessment.Compile(set)
		if err != nil {
			return nil, err
		}
		for _, d := range decls {
			ds = append(ds, a.Check(d)...)
		}
	}
	for _, d := range ds {
		if res, ok := byFile[d.Range.File]; ok {
			res.Diagnostics = append(res.Diagnostics, d)
		} else {
			results[0].Diagnostics = append(results[0].Diagnostics, d)
		}
	}
	for _, r := range results {
		r.Diagnostics.Sort()
		r.Valid = !r.Diagnostics.HasErrors()
	}
	return results, nil
}

// collect adds the diagnostics err carries to problems; an error that
// carries none, an operational failure, is returned.
func collect(err error, problems *diag.Diagnostics) error {
	if err == nil {
		return nil
	}
	var ds diag.Diagnostics
	if !errors.As(err, &ds) {
		return err
	}
	*problems = append(*problems, ds...)
	return nil
}

func readFile(file string) ([]byte, diag.Diagnostics) {
	f, err := os.Open(file)
	if err != nil {
		return nil, diag.Diagnostics{unreadable(file, err)}
	}
	defer f.Close()
	return source.Read(file, f, source.DefaultMaxBytes)
}

func writeText(e *env, results []*fileResult) error {
	var all diag.Diagnostics
	invalid := 0
	for _, r := range results {
		all = append(all, r.Diagnostics...)
		if !r.Valid {
			invalid++
		}
	}
	if err := all.Write(e.stdout, e.lang); err != nil {
		return err
	}
	errs, warns := all.Count(diag.Error), all.Count(diag.Warning)
	n := len(results)
	_, err := fmt.Fprintf(e.stdout, "%s"+e.colon()+"%s, %s (%s, %s)\n",
		e.plural(n, "%d file checked", "%d files checked", "%d fichier vérifié", "%d fichiers vérifiés"),
		e.plural(n-invalid, "%d valid", "%d valid", "%d valide", "%d valides"),
		e.plural(invalid, "%d invalid", "%d invalid", "%d invalide", "%d invalides"),
		e.plural(errs, "%d error", "%d errors", "%d erreur", "%d erreurs"),
		e.plural(warns, "%d warning", "%d warnings", "%d avertissement", "%d avertissements"))
	return err
}

func writeJSONResults(w io.Writer, results []*fileResult, valid bool) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Valid bool          `json:"valid"`
		Files []*fileResult `json:"files"`
	}{valid, results})
}

// writeGitHub prints workflow commands that annotate the files in a pull request.
func writeGitHub(w io.Writer, results []*fileResult, lang string) error {
	var b strings.Builder
	for _, r := range results {
		for _, d := range r.Diagnostics {
			level := "error"
			if d.Severity == diag.Warning {
				level = "warning"
			}
			msg := d.Message(lang)
			if h := d.Hint(lang); h != "" {
				msg += "\n" + h
			}
			b.WriteString(ghaction.Command(level, msg,
				ghaction.Property{Name: "file", Value: d.Range.File},
				ghaction.Property{Name: "line", Value: strconv.Itoa(max(d.Range.Start.Line, 1))},
				ghaction.Property{Name: "col", Value: strconv.Itoa(max(d.Range.Start.Column, 1))},
				ghaction.Property{Name: "title", Value: "vigie " + string(d.Code)}))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
