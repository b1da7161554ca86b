package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/vigie-ai/vigie/assessment"
)

// junitRenderer writes JUnit XML for CI test reports: a test suite per
// section of each rubric and a test case per criterion. Criteria that apply
// and are not met fail; criteria that do not apply (non concernés) are
// skipped.
type junitRenderer struct{}

type junitTestSuites struct {
	XMLName  xml.Name         `xml:"testsuites"`
	Name     string           `xml:"name,attr"`
	Tests    int              `xml:"tests,attr"`
	Failures int              `xml:"failures,attr"`
	Errors   int              `xml:"errors,attr"`
	Skipped  int              `xml:"skipped,attr"`
	Suites   []junitTestSuite `xml:"testsuite"`
}

type junitTestSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitTestCase `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitTestCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr,omitempty"`
}

func (junitRenderer) render(w io.Writer, results []*assessment.Result, o *Options) error {
	root := junitTestSuites{Name: "vigie"}
	for _, res := range results {
		// Several projects in one report: the project keeps their cases apart.
		prefix := ""
		if len(results) > 1 {
			prefix = res.Subject.ID + "/"
		}
		for _, s := range o.junitSuites(res, prefix) {
			root.Tests += s.Tests
			root.Failures += s.Failures
			root.Skipped += s.Skipped
			root.Suites = append(root.Suites, s)
		}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// junitSuites makes the suites of one result, in rubric and section order.
func (o *Options) junitSuites(res *assessment.Result, prefix string) []junitTestSuite {
	var suites []junitTestSuite
	index := map[string]int{} // rubric/section → suite
	add := func(key, title string) int {
		index[key] = len(suites)
		props := []junitProperty{{Name: "project", Value: res.Subject.ID}}
		if title != "" {
			props = append(props, junitProperty{Name: "section", Value: title})
		}
		suites = append(suites, junitTestSuite{Name: prefix + key, Properties: props})
		return len(suites) - 1
	}
	for _, rr := range res.Rubrics {
		for _, s := range rr.Sections {
			add(rr.ID+"/"+s.ID, s.Title)
		}
	}
	recs := recommendations(res)
	for _, c := range res.Criteria {
		key := c.Rubric + "/" + c.Section
		i, ok := index[key]
		if !ok {
			i = add(key, "")
		}
		s := &suites[i]
		tc := junitTestCase{Classname: s.Name, Name: c.ID + " — " + c.Question}
		switch c.Status {
		case assessment.NotApplicable:
			msg := o.status(c.Status)
			if c.Reason != "" {
				msg += o.colon() + c.Reason
			}
			tc.Skipped = &junitSkipped{Message: msg}
			s.Skipped++
		case assessment.Met:
		default:
			msg := o.status(c.Status)
			if c.Gate {
				msg = o.t("gate_status", msg)
			}
			tc.Failure = &junitFailure{Message: msg, Type: c.Status.String(), Text: o.junitDetail(c, recs[c.ID])}
			s.Failures++
		}
		s.Tests++
		s.Cases = append(s.Cases, tc)
	}
	return suites
}

// junitDetail explains a failure: the answer, why it falls short, what to do
// and the articles behind the criterion.
func (o *Options) junitDetail(c assessment.CriterionResult, recommendation string) string {
	var lines []string
	line := func(key, value string) {
		if value != "" {
			lines = append(lines, o.t(key)+o.colon()+value)
		}
	}
	line("status", o.status(c.Status))
	line("severity", o.severity(c.Severity))
	line("answer", o.answer(c))
	line("reason", c.Reason)
	line("recommendation", recommendation)
	line("references", strings.Join(c.References, ", "))
	return strings.Join(lines, "\n")
}
