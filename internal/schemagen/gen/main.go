// Command gen writes vigie's JSON Schemas into schemas/. Run it with
// go generate ./... from the module root.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vigie-ai/vigie/internal/schemagen"
)

func main() {
	root := ".."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	files, err := schemagen.Generate(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(root, "schemas", name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
