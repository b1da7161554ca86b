// Package diag holds the diagnostics that vigie reports about its inputs:
// positions, field paths, stable codes and bilingual messages.
//
// A Diagnostics value is a list that implements error, so a parser returns
// every problem of a file at once:
//
//	r, err := rubric.Parse("grid.yaml", data)
//	var ds diag.Diagnostics
//	if errors.As(err, &ds) {
//		ds.Write(os.Stderr, "fr") // file:line:col: error[code]: message, then the hint
//	}
//
// Codes are API: tools and tests match on them. Messages are prose, in
// English and French, and may change.
package diag
