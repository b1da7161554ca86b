package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompletion(t *testing.T) {
	t.Parallel()
	// Completion offers exactly the options each command's help lists.
	option := regexp.MustCompile(`(?m)^  (--?[a-z-]+)\b`)
	for _, c := range commands() {
		_, help, _ := vigie(t, c.name, "--help")
		var listed []string
		for _, m := range option.FindAllStringSubmatch(help, -1) {
			listed = append(listed, m[1])
		}
		require.NotEmpty(t, listed, c.name)
		want := strings.Fields(commandFlags[c.name])
		assert.ElementsMatch(t, listed, slices.DeleteFunc(want, func(f string) bool { return f == "--help" }), "options of %s", c.name)
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := vigie(t, "completion", shell)
		require.Equal(t, exitOK, code, errOut)
		for _, c := range commands() {
			assert.Contains(t, out, c.name)
		}
	}
	code, _, _ := vigie(t, "completion", "powershell")
	assert.Equal(t, exitInvalid, code)

	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is absent")
	}
	_, script, _ := vigie(t, "completion", "bash")
	file := filepath.Join(t.TempDir(), "vigie.bash")
	require.NoError(t, os.WriteFile(file, []byte(script), 0o644))
	out, err := exec.Command(bash, "-c", `source `+file+`; COMP_WORDS=(vigie assess --format s); COMP_CWORD=3; _vigie; echo "${COMPREPLY[@]}"`).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Equal(t, "sarif", strings.TrimSpace(string(out)))
}
