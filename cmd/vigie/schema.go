package main

import (
	"fmt"

	"github.com/vigie-ai/vigie/schemas"
)

func runSchema(args []string, e *env) int {
	fs := newFlags("schema", e, "vigie schema rubric|declaration|report", "  vigie schema rubric > rubric.schema.json")
	if code, ok := fs.parse(args); !ok {
		return code
	}
	if len(fs.args) != 1 {
		fs.printUsage(e.stderr)
		return exitInvalid
	}
	var b []byte
	switch fs.args[0] {
	case "rubric":
		b = schemas.Rubric()
	case "declaration":
		b = schemas.Declaration()
	case "report":
		b = schemas.Report()
	default:
		fmt.Fprintf(e.stderr, e.t("vigie schema: unknown schema %q (rubric, declaration or report)\n", "vigie schema\u00a0: schéma inconnu %q (rubric, declaration ou report)\n"), fs.args[0])
		return exitInvalid
	}
	if _, err := e.stdout.Write(b); err != nil {
		return e.internal("schema", err)
	}
	return exitOK
}
