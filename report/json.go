package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/vigie-ai/vigie/assessment"
)

// jsonRenderer writes the canonical result, indented: one object for one
// result, a list for several.
type jsonRenderer struct{}

func (jsonRenderer) render(w io.Writer, results []*assessment.Result, _ *Options) error {
	compact := []byte{'['}
	for i, res := range results {
		if i > 0 {
			compact = append(compact, ',')
		}
		var err error
		if compact, err = res.AppendJSON(compact); err != nil {
			return err
		}
	}
	compact = append(compact, ']')
	if len(results) == 1 {
		compact = compact[1 : len(compact)-1]
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}
