package ghaction_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/vigie-ai/vigie/internal/ghaction"
)

func TestCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		command string
		message string
		props   []ghaction.Property
		want    string
	}{
		{"no property", "notice", "done", nil, "::notice::done\n"},
		{"properties", "error", "bad", []ghaction.Property{{"file", "a.yaml"}, {"line", "3"}}, "::error file=a.yaml,line=3::bad\n"},
		{"data escapes line breaks and percent", "warning", "50% done\r\nnext\nend", nil, "::warning::50%25 done%0D%0Anext%0Aend\n"},
		{"data keeps separators", "notice", "a::b, c", nil, "::notice::a::b, c\n"},
		{"properties escape separators", "error", "x", []ghaction.Property{{"file", "dir/a:b,c%.yaml"}}, "::error file=dir/a%3Ab%2Cc%25.yaml::x\n"},
		{"control characters become spaces", "error", "red\x1b[31m\x00\u0085", []ghaction.Property{{"title", "t\x07\x7f"}}, "::error title=t  ::red [31m  \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, ghaction.Command(tt.command, tt.message, tt.props...))
		})
	}
}
