package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vigie-ai/vigie/assessment"
)

// csvRenderer writes a row per criterion of each result, for spreadsheets,
// after a header row in the report's language.
type csvRenderer struct{}

// bom is the UTF-8 byte-order mark: spreadsheet software reads the file as
// UTF-8 when it comes first.
const bom = "\ufeff"

func (csvRenderer) render(w io.Writer, results []*assessment.Result, o *Options) error {
	var b bytes.Buffer
	if o.BOM {
		b.WriteString(bom)
	}
	cw := csv.NewWriter(&b)
	header := []string{o.t("project_id"), o.t("rubric"), o.t("section"), o.t("criterion"), o.t("question"),
		o.t("status"), o.t("score"), o.t("points"), o.t("gate_column"), o.t("severity"), o.t("answer"),
		o.t("evidence_count"), o.t("references")}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, res := range results {
		for _, c := range res.Criteria {
			row := []string{res.Subject.ID, c.Rubric, c.Section, c.ID, c.Question,
				o.status(c.Status), o.optional(c.Score), o.optional(c.Points), o.yesNo(c.Gate), o.severity(c.Severity), o.answer(c),
				strconv.Itoa(len(c.Evidence)), strings.Join(c.References, ", ")}
			for i := range row {
				row[i] = inert(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// inert keeps a spreadsheet from reading a cell as a formula (CSV
// injection): a cell that starts with what opens a formula gets a leading
// apostrophe, which spreadsheets read as "text" and do not show.
func inert(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

func (o *Options) optional(f *float64) string {
	if f == nil {
		return ""
	}
	return o.number(*f)
}

func (o *Options) yesNo(b bool) string {
	if b {
		return o.t("yes")
	}
	return o.t("no")
}

// answer writes a criterion's answer as people read it: its label when the
// rubric gives one, else the value as declared.
func (o *Options) answer(c assessment.CriterionResult) string {
	if c.AnswerLabel != "" {
		return c.AnswerLabel
	}
	return o.value(c.Answer)
}

func (o *Options) value(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case bool:
		return o.yesNo(v)
	case float64:
		return o.number(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case string:
		return v
	case []string:
		return strings.Join(v, ", ")
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = o.value(e)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}
