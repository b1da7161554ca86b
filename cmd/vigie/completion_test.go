package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompletion(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		assert.Contains(t, commandFlags, c.name, "completion knows the options of %s", c.name)
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
