// Package rubric holds vigie's rubric language: the model of a rubric
// (referentials, facts, scales, sections of criteria, conditions, risk-tier
// classification, scoring policy), its parsing from YAML or JSON with the
// position of every value, its validation, and sets of rubrics used together.
//
//	r, err := rubric.ReadFile("grid.yaml")        // parse and check one rubric
//	if err != nil {
//		var ds diag.Diagnostics
//		if errors.As(err, &ds) {                   // every problem, with its place
//			ds.Write(os.Stderr, "fr")
//		}
//		return err
//	}
//	set, err := rubric.NewSet([]*rubric.Rubric{r}) // resolve extends, shared facts
//
// A parsed Rubric and a Set are not changed afterwards and are safe to share
// between goroutines. The language itself is described in
// docs/rubric-language.md.
package rubric
