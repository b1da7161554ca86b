// Command vigie assesses AI projects of the child-protection sector against
// rubrics: it validates rubrics and declarations, assesses declarations
// into reports, writes declaration templates, documents the embedded
// rubrics and prints JSON Schemas.
//
//	vigie validate [--rubric PATH]… [--format text|json|github] [--strict] PATH…
//	vigie assess [--rubric PATH]… [--format FORMAT] [--as-of DATE] [-o FILE|DIR|-] [--html FILE|DIR] [--bom]
//	             [--fail-below SCORE] [--fail-on-tier TIER] [--fail-on-severity SEVERITY] DECLARATION…
//	vigie init [--rubric PATH]…
//	vigie rubrics [ID] [--format text|markdown]
//	vigie schema rubric|declaration|report
//	vigie version
//	vigie completion bash|zsh|fish
//
// Every command takes --lang fr|en and --help.
//
// Exit codes: 0 valid, 1 a policy threshold failed, 2 invalid input or
// usage, 3 internal error.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes.
const (
	exitOK       = 0
	exitPolicy   = 1
	exitInvalid  = 2
	exitInternal = 3
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

type command struct {
	name, summaryEN, summaryFR string
	run                        func(args []string, env *env) int
}

// env is what a command sees of the world.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           string
}

// color reports whether the standard output is a terminal that wants colours:
// not when NO_COLOR is set (https://no-color.org), nor when it is a file or a pipe.
func (e *env) color() bool {
	if e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb" {
		return false
	}
	return e.terminal(e.stdout)
}

// terminal reports whether w is a terminal.
func (e *env) terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func commands() []command {
	return []command{
		{"validate", "check rubrics and declarations", "vérifier des grilles et des déclarations", runValidate},
		{"assess", "assess declarations of projects against rubrics", "évaluer des déclarations de projets au regard de grilles", runAssess},
		{"init", "write a declaration template for the rubrics", "écrire un modèle de déclaration pour les grilles", runInit},
		{"rubrics", "list the embedded rubrics, or document one", "lister les grilles intégrées, ou en documenter une", runRubrics},
		{"schema", "print the JSON Schema of rubrics, declarations or reports", "afficher le schéma JSON des grilles, des déclarations ou des rapports", runSchema},
		{"version", "print vigie's version", "afficher la version de vigie", runVersion},
		{"completion", "print a shell completion script (bash, zsh, fish)", "afficher un script de complétion pour le shell (bash, zsh, fish)", runCompletion},
	}
}

func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	e := &env{stdout: stdout, stderr: stderr, getenv: getenv, lang: langFromEnv(getenv)}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e, stdout)
		if len(args) == 0 {
			return exitInvalid
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], e)
		}
	}
	fmt.Fprintf(stderr, e.t("vigie: unknown command %q\n", "vigie\u00a0: commande inconnue %q\n"), args[0])
	usage(e, stderr)
	return exitInvalid
}

func usage(e *env, w io.Writer) {
	fmt.Fprintln(w, e.t("vigie assesses AI projects of the child-protection sector against rubrics.",
		"vigie évalue les projets d'IA de la protection de l'enfance au regard de grilles."))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("Usage: vigie COMMAND [OPTIONS] [ARGS]", "Usage\u00a0: vigie COMMANDE [OPTIONS] [ARGUMENTS]"))
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, e.t(c.summaryEN, c.summaryFR))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("Run vigie COMMAND --help for a command's options.", "vigie COMMANDE --help affiche les options d'une commande."))
}

// t picks the English or French text.
func (e *env) t(en, fr string) string {
	if e.lang == "fr" {
		return fr
	}
	return en
}

// internal reports an operational failure of a command, such as a
// standard output that cannot be written, and returns its exit code.
func (e *env) internal(command string, err error) int {
	fmt.Fprintf(e.stderr, "vigie %s: %v\n", command, err)
	return exitInternal
}

// colon is the colon after a label or a name: French puts a non-breaking
// space before it.
func (e *env) colon() string { return e.t(": ", "\u00a0: ") }

// plural formats n with the right form: in English 1 is singular, in
// French 0 and 1 are.
func (e *env) plural(n int, oneEN, manyEN, oneFR, manyFR string) string {
	if e.lang == "fr" {
		if n <= 1 {
			return fmt.Sprintf(oneFR, n)
		}
		return fmt.Sprintf(manyFR, n)
	}
	if n == 1 {
		return fmt.Sprintf(oneEN, n)
	}
	return fmt.Sprintf(manyEN, n)
}

// langFromEnv reads the language from the locale variables: fr for a French locale, else en.
func langFromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "fr") {
				return "fr"
			}
			return "en"
		}
	}
	return "en"
}

func runVersion(args []string, e *env) int {
	fs := newFlags("version", e, "vigie version", "")
	if code, ok := fs.parse(args); !ok {
		return code
	}
	if _, err := fmt.Fprintln(e.stdout, "vigie", version); err != nil {
		return e.internal("version", err)
	}
	return exitOK
}
