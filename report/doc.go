// Package report renders assessment results for the people and tools that
// read them: JSON (the canonical form), a terminal summary, Markdown, a
// self-contained HTML page, CSV for spreadsheets, and the formats CI
// systems read (SARIF, JUnit XML, GitHub Actions workflow commands).
// Document writes the documentation of a rubric. Every static word exists
// in French and English.
//
//	err := report.Write(os.Stdout, report.Text, results, report.Options{Language: "fr"})
//
// One renderer per file, chosen by a Format in an explicit switch.
package report
