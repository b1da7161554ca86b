package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// flags wraps flag.FlagSet so that options may come after arguments
// (vigie validate examples/ --format json), as users expect.
type flags struct {
	*flag.FlagSet
	e        *env
	usage    string
	examples string
	args     []string
	// french holds the French description of each option, by its English
	// one: the language is known only once --lang is read, after the
	// options are defined.
	french map[string]string
}

func newFlags(name string, e *env, usage, examples string) *flags {
	fs := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), e: e, usage: usage, examples: examples, french: map[string]string{}}
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.lang, "lang", e.lang, fs.help("language of messages: fr or en (default from the locale)", "langue des messages\u00a0: fr ou en (par défaut selon la locale)"))
	return fs
}

// help describes an option in both languages; printUsage picks one.
func (fs *flags) help(en, fr string) string {
	fs.french[en] = fr
	return en
}

// parse parses args; when it returns ok false, the command returns code.
func (fs *flags) parse(args []string) (code int, ok bool) {
	var positional []string
	help := false
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				// Read on, for a --lang after --help.
				help, args = true, fs.Args()
				continue
			}
			if help {
				break
			}
			fmt.Fprintf(fs.e.stderr, "vigie %s: %v\n", fs.Name(), err)
			fs.printUsage(fs.e.stderr)
			return exitInvalid, false
		}
		rest := fs.Args()
		if fs.terminated(args[:len(args)-len(rest)]) {
			positional = append(positional, rest...) // after "--", all are arguments
			break
		}
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	if fs.e.lang != "fr" && fs.e.lang != "en" {
		// The language is unknown: say it in both.
		fmt.Fprintf(fs.e.stderr, "vigie %s: --lang must be fr or en, not %q (--lang doit valoir fr ou en)\n", fs.Name(), fs.e.lang)
		return exitInvalid, false
	}
	if help {
		fs.printUsage(fs.e.stdout)
		return exitOK, false
	}
	fs.args = positional
	return 0, true
}

// terminated reports whether Parse, having consumed these arguments,
// stopped at "--": Parse drops it, so it is looked for again, reading the
// arguments as Parse does, so that the value of a flag ("-o --") is not
// taken for it.
func (fs *flags) terminated(consumed []string) bool {
	for i := 0; i < len(consumed); i++ {
		s := consumed[i]
		if s == "--" {
			return i == len(consumed)-1
		}
		name := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
		}
		i++ // the flag's value
	}
	return false
}

func (fs *flags) printUsage(w io.Writer) {
	fmt.Fprintf(w, "%s %s\n\n", fs.e.t("Usage:", "Usage\u00a0:"), fs.usage)
	fmt.Fprintln(w, fs.e.t("Options:", "Options\u00a0:"))
	fs.VisitAll(func(f *flag.Flag) {
		name, _ := flag.UnquoteUsage(f)
		help := f.Usage
		if fr, ok := fs.french[help]; ok {
			help = fs.e.t(help, fr)
		}
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-" // -o, as the usage line and the README write it
		}
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace(dash+f.Name+" "+name), help)
	})
	if fs.examples != "" {
		fmt.Fprintf(w, "\n%s\n%s\n", fs.e.t("Examples:", "Exemples\u00a0:"), strings.TrimRight(fs.examples, "\n"))
	}
}

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }
