package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMarkdownCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"nothing escaped", `my_decl&x*[1]\.yaml`, "`my_decl&x*[1]\\.yaml`"},
		{"markup stays text", "<b>", "`<b>`"},
		{"a backtick inside", "a`b", "``a`b``"},
		{"a longer run", "a``b`c", "```a``b`c```"},
		{"a backtick first", "`x", "`` `x ``"},
		{"a backtick last", "x`", "`` x` ``"},
		{"spaces both sides are kept", " a ", "`  a  `"},
		{"only spaces", "  ", "`  `"},
		{"line breaks and controls", "a\r\nb\x1b", "`a  b `"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, mdCode(tt.in))
		})
	}
	assert.Equal(t, "``a\\|b`c``", mdCodeCell("a|b`c"), "a pipe in a table cell is escaped")
}
