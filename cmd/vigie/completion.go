package main

import (
	"fmt"
	"strings"

	"github.com/vigie-ai/vigie/report"
)

const completionExamples = `  source <(vigie completion bash)
  vigie completion zsh > "${fpath[1]}/_vigie"
  vigie completion fish > ~/.config/fish/completions/vigie.fish`

// commandFlags lists the options of each command, for completion.
var commandFlags = map[string]string{
	"validate":   "--rubric --format --strict --lang --help",
	"assess":     "--rubric --format --html --as-of --lang -o --fail-below --fail-on-tier --fail-on-severity --bom --help",
	"init":       "--rubric --lang --help",
	"rubrics":    "--format --lang --help",
	"schema":     "--lang --help",
	"version":    "--lang --help",
	"completion": "--lang --help",
}

// runCompletion prints a completion script for bash, zsh or fish.
func runCompletion(args []string, e *env) int {
	fs := newFlags("completion", e, "vigie completion bash|zsh|fish", completionExamples)
	if code, ok := fs.parse(args); !ok {
		return code
	}
	if len(fs.args) != 1 {
		fs.printUsage(e.stderr)
		return exitInvalid
	}
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	var formats []string
	for _, f := range report.Formats() {
		formats = append(formats, string(f))
	}
	var script string
	switch fs.args[0] {
	case "bash":
		script = bashCompletion(names, formats)
	case "zsh":
		script = "#compdef vigie\nautoload -U +X bashcompinit && bashcompinit\n" + bashCompletion(names, formats)
	case "fish":
		script = fishCompletion(names, formats)
	default:
		fmt.Fprintf(e.stderr, e.t("vigie completion: unknown shell %q (bash, zsh or fish)\n", "vigie completion\u00a0: shell inconnu %q (bash, zsh ou fish)\n"), fs.args[0])
		return exitInvalid
	}
	if _, err := fmt.Fprint(e.stdout, script); err != nil {
		return e.internal("completion", err)
	}
	return exitOK
}

func bashCompletion(names, formats []string) string {
	var cases strings.Builder
	for _, n := range names {
		fmt.Fprintf(&cases, "    %s) opts=%q ;;\n", n, commandFlags[n])
	}
	return fmt.Sprintf(`# bash completion for vigie
_vigie() {
  local cur prev cmd opts
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W %q -- "$cur"))
    return
  fi
  cmd="${COMP_WORDS[1]}"
  case "$prev" in
    --lang) COMPREPLY=($(compgen -W "fr en" -- "$cur")); return ;;
    --format)
      if [ "$cmd" = validate ]; then COMPREPLY=($(compgen -W %q -- "$cur"))
      elif [ "$cmd" = rubrics ]; then COMPREPLY=($(compgen -W %q -- "$cur"))
      else COMPREPLY=($(compgen -W %q -- "$cur")); fi
      return ;;
    --rubric|-o|--html) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  case "$cmd" in
%s  esac
  if [ "$cmd" = schema ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "rubric declaration report" -- "$cur")); return
  fi
  if [ "$cmd" = completion ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _vigie vigie
`, strings.Join(names, " "), strings.Join(formatsOf("validate", formats), " "), strings.Join(formatsOf("rubrics", formats), " "),
		strings.Join(formats, " "), cases.String())
}

// formatsOf lists the formats a command's --format takes.
func formatsOf(command string, reportFormats []string) []string {
	switch command {
	case "validate":
		return []string{"text", "json", "github"}
	case "rubrics":
		return []string{"text", "markdown"}
	}
	return reportFormats
}

func fishCompletion(names, formats []string) string {
	var b strings.Builder
	b.WriteString("# fish completion for vigie\ncomplete -c vigie -f\n")
	fmt.Fprintf(&b, "complete -c vigie -n __fish_use_subcommand -a %q\n", strings.Join(names, " "))
	for _, n := range names {
		for _, f := range strings.Fields(commandFlags[n]) {
			name := strings.TrimLeft(f, "-")
			flag := "-l " + name
			if len(f)-len(name) == 1 {
				flag = "-s " + name
			}
			extra := ""
			switch name {
			case "lang":
				extra = ` -x -a "fr en"`
			case "format":
				extra = fmt.Sprintf(" -x -a %q", strings.Join(formatsOf(n, formats), " "))
			case "rubric", "o", "html":
				extra = " -r -F"
			}
			fmt.Fprintf(&b, "complete -c vigie -n '__fish_seen_subcommand_from %s' %s%s\n", n, flag, extra)
		}
	}
	b.WriteString("complete -c vigie -n '__fish_seen_subcommand_from validate assess' -F\n")
	b.WriteString("complete -c vigie -n '__fish_seen_subcommand_from schema' -a 'rubric declaration report'\n")
	b.WriteString("complete -c vigie -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	return b.String()
}
