package diag_test

import (
	"os"

	"github.com/vigie-ai/vigie/diag"
)

func ExampleDiagnostics_Write() {
	d := diag.New(diag.CodeUnknownScale,
		diag.Range{File: "grid.yaml", Start: diag.Pos{Line: 18, Column: 16}},
		diag.NewPath("sections").Index(0).Child("criteria").Index(2).Child("scale"),
		`"maturty"`)
	d.Suggestion = "maturity"
	ds := diag.Diagnostics{d}
	_ = ds.Write(os.Stdout, "en")
	_ = ds.Write(os.Stdout, "fr")
	// Output:
	// grid.yaml:18:16: error[unknown-scale]: unknown scale "maturty"
	//     hint: did you mean "maturity"? declare it under `scales:`
	// grid.yaml:18:16: erreur[unknown-scale]: échelle "maturty" inconnue
	//     conseil : vouliez-vous dire "maturity" ? déclarez-la sous `scales:`
}
