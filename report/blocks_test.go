package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBlocks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"one folded paragraph", "a rubric\nturns texts\n", []string{"a rubric turns texts"}},
		{"paragraphs", "first\nline\n\nsecond", []string{"first line", "second"}},
		{"list items and their continuation lines", "intro\n\n- one\n  more\n- two\n", []string{"intro", "- one more", "- two"}},
		{"a list right after text", "intro:\n- one", []string{"intro:", "- one"}},
		{"blank lines only", "\n\n\n", nil},
		{"a line of spaces between paragraphs", "first\n  \nsecond", []string{"first", "second"}},
		{"CRLF", "a\r\nb\r\n\r\nc\r\n", []string{"a b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, blocks(tt.in))
		})
	}
}
