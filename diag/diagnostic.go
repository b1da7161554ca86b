package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity says whether a diagnostic makes its input invalid.
type Severity int

const (
	// Error makes the input invalid.
	Error Severity = iota
	// Warning reports something worth fixing that does not make the input invalid.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText renders the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in an input file.
type Diagnostic struct {
	Severity Severity
	Code     Code
	Range    Range
	Path     Path
	// Args fill the message and hint templates of Code, in order. An
	// argument made with Bilingual reads in the language asked for.
	Args []string
	// Suggestion is a did-you-mean for a misspelt key or identifier, if any.
	Suggestion string
}

// New returns an error diagnostic.
func New(code Code, r Range, p Path, args ...string) *Diagnostic {
	return &Diagnostic{Severity: Error, Code: code, Range: r, Path: p, Args: args}
}

// Message returns the diagnostic's message in lang ("fr" or "en"; anything else means English).
func (d *Diagnostic) Message(lang string) string {
	return render(d.Code.template(lang).message, d.Args, lang)
}

// Bilingual encodes an argument that reads differently in English and
// French, such as the name of a kind of thing ("criterion", "critère").
func Bilingual(en, fr string) string { return "\x00" + en + "\x00" + fr }

// localize returns arg in lang: its English or French side if Bilingual
// made it, arg itself otherwise.
func localize(arg, lang string) string {
	rest, ok := strings.CutPrefix(arg, "\x00")
	if !ok {
		return arg
	}
	en, fr, _ := strings.Cut(rest, "\x00")
	if lang == "fr" {
		return fr
	}
	return en
}

// Hint returns how to fix the problem in lang, or "".
func (d *Diagnostic) Hint(lang string) string {
	t := d.Code.template(lang)
	var parts []string
	if d.Suggestion != "" {
		parts = append(parts, fmt.Sprintf(t.didYouMean, d.Suggestion))
	}
	if h := render(t.hint, d.Args, lang); h != "" {
		parts = append(parts, h)
	}
	return strings.Join(parts, " ")
}

// String renders the diagnostic on one line, in English.
func (d *Diagnostic) String() string {
	var b strings.Builder
	if loc := d.Range.String(); loc != "" {
		b.WriteString(loc)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s[%s]: %s", d.Severity, d.Code, d.Message("en"))
	return b.String()
}

// MarshalJSON renders the diagnostic with its messages in English and French.
func (d *Diagnostic) MarshalJSON() ([]byte, error) {
	type js struct {
		Severity Severity `json:"severity"`
		Code     Code     `json:"code"`
		File     string   `json:"file,omitempty"`
		Line     int      `json:"line,omitempty"`
		Column   int      `json:"column,omitempty"`
		Path     string   `json:"path,omitempty"`
		Message  string   `json:"message"`
		Hint     string   `json:"hint,omitempty"`
		MessageF string   `json:"message_fr"`
		HintF    string   `json:"hint_fr,omitempty"`
	}
	return json.Marshal(js{
		Severity: d.Severity, Code: d.Code, File: d.Range.File,
		Line: d.Range.Start.Line, Column: d.Range.Start.Column, Path: d.Path.String(),
		Message: d.Message("en"), Hint: d.Hint("en"),
		MessageF: d.Message("fr"), HintF: d.Hint("fr"),
	})
}

// Diagnostics is a list of problems. It implements error so that a parser
// can return all the problems of its input at once.
type Diagnostics []*Diagnostic

// Error renders every diagnostic on its own line, in English.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any diagnostic has severity Error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d *Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of diagnostics of severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Err returns ds as an error when it holds at least one error, and nil otherwise.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// Sort orders the list by file, line, column, code and path, and drops
// repeats: the same problem at the same place, which YAML aliases produce
// when one anchored value is used at several paths.
func (ds *Diagnostics) Sort() {
	slices.SortStableFunc(*ds, compare)
	*ds = slices.CompactFunc(*ds, func(a, b *Diagnostic) bool {
		return a.Range == b.Range && a.Code == b.Code && a.Severity == b.Severity && a.Message("en") == b.Message("en")
	})
}

func compare(a, b *Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Range.File, b.Range.File),
		cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
		cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Path.String(), b.Path.String()),
	)
}

// Write prints the diagnostics for a person, in lang:
//
//	file:line:col: error[code]: message
//	    hint: how to fix it
func (ds Diagnostics) Write(w io.Writer, lang string) error {
	label := "hint: "
	if lang == "fr" {
		label = "conseil\u00a0: " // French spaces its colon; the location prefix stays machine-readable
	}
	var b strings.Builder
	for _, d := range ds {
		if loc := d.Range.String(); loc != "" {
			b.WriteString(loc)
			b.WriteString(": ")
		}
		sev := d.Severity.String()
		if lang == "fr" {
			sev = map[Severity]string{Error: "erreur", Warning: "avertissement"}[d.Severity]
		}
		fmt.Fprintf(&b, "%s[%s]: %s\n", sev, d.Code, d.Message(lang))
		if h := d.Hint(lang); h != "" {
			fmt.Fprintf(&b, "    %s%s\n", label, h)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// render substitutes {1}, {2}, … in tmpl with args, in lang.
func render(tmpl string, args []string, lang string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	pairs := make([]string, 0, 2*len(args))
	for i, a := range args {
		pairs = append(pairs, fmt.Sprintf("{%d}", i+1), localize(a, lang))
	}
	return strings.NewReplacer(pairs...).Replace(tmpl)
}
