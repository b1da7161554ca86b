// Package ghaction writes GitHub Actions workflow commands, which the
// runner reads from a step's output: annotations on files and notices.
//
//	var b strings.Builder
//	b.WriteString(ghaction.Command("error", "unknown key",
//		ghaction.Property{Name: "file", Value: "rubric.yaml"},
//		ghaction.Property{Name: "line", Value: "3"}))
//	// ::error file=rubric.yaml,line=3::unknown key
package ghaction

import (
	"strings"
	"unicode"
)

// Property is a parameter of a command, such as file=PATH or line=N.
type Property struct {
	Name, Value string
}

// Command returns the workflow command ::name props::message, on one line.
func Command(name, message string, props ...Property) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(name)
	for i, p := range props {
		sep := ","
		if i == 0 {
			sep = " "
		}
		b.WriteString(sep + p.Name + "=" + propertyValue(p.Value))
	}
	b.WriteString("::")
	b.WriteString(data(message))
	b.WriteString("\n")
	return b.String()
}

// The runner reads one command a line: data escapes what would end the line
// or read as an escape; properties also escape their separators. Other
// control characters become spaces, so that text from a file cannot colour
// or rewrite the log.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// data escapes the message of a command.
func data(s string) string { return dataEscaper.Replace(clean(s)) }

// propertyValue escapes the value of a property.
func propertyValue(s string) string { return propertyEscaper.Replace(clean(s)) }

// clean turns control characters but line breaks, which are escaped, into spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return r
		}
		if unicode.IsControl(r) { // C0, DEL and C1
			return ' '
		}
		return r
	}, s)
}
