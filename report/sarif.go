package report

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"path"
	"path/filepath"

	"github.com/vigie-ai/vigie/assessment"
)

// sarifRenderer writes a SARIF 2.1.0 log for code scanning: one run per
// result, the criteria as rules and the findings as results, located in the
// declaration. The structs below cover only what vigie writes.
type sarifRenderer struct{}

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	vigieURI     = "https://github.com/vigie-ai/vigie"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool          `json:"tool"`
	AutomationDetails sarifAutomation    `json:"automationDetails"`
	Language          string             `json:"language,omitempty"`
	ColumnKind        string             `json:"columnKind"`
	Results           []sarifResult      `json:"results"`
	Properties        sarifRunProperties `json:"properties"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

// sarifAutomation names the run, so that code scanning keeps the runs of
// several projects in one log apart.
type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifRunProperties struct {
	Project  string            `json:"project"`
	Status   assessment.Status `json:"status"`
	RiskTier string            `json:"riskTier,omitempty"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	ShortDescription     sarifText           `json:"shortDescription"`
	Help                 *sarifText          `json:"help,omitempty"`
	HelpURI              string              `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	// Gate: the criterion is a critère impératif.
	Gate       bool     `json:"gate"`
	References []string `json:"references"`
}

type sarifResult struct {
	RuleID     string                `json:"ruleId,omitempty"`
	RuleIndex  *int                  `json:"ruleIndex,omitempty"`
	Level      string                `json:"level"`
	Message    sarifText             `json:"message"`
	Locations  []sarifLocation       `json:"locations,omitempty"`
	Properties sarifResultProperties `json:"properties"`
}

type sarifResultProperties struct {
	Code     string              `json:"code"`
	Subject  string              `json:"subject,omitempty"`
	Severity assessment.Severity `json:"severity"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func (sarifRenderer) render(w io.Writer, results []*assessment.Result, _ *Options) error {
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: make([]sarifRun, 0, len(results))}
	for _, res := range results {
		log.Runs = append(log.Runs, sarifRunOf(res))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

func sarifRunOf(res *assessment.Result) sarifRun {
	refs, recs := references(res), recommendations(res)
	rules := make([]sarifRule, 0, len(res.Criteria))
	index := make(map[string]int, len(res.Criteria)) // criterion → rule; ids are unique in a result
	for _, c := range res.Criteria {
		index[c.ID] = len(rules)
		rule := sarifRule{
			ID:                   c.ID,
			ShortDescription:     sarifText{Text: c.Question},
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(c.Severity)},
			Properties:           sarifRuleProperties{Gate: c.Gate, References: nonNil(c.References)},
		}
		if rec := recs[c.ID]; rec != "" {
			rule.Help = &sarifText{Text: rec}
		}
		if len(c.References) > 0 {
			rule.HelpURI = refs[refKey{c.Rubric, c.References[0]}].URL
		}
		rules = append(rules, rule)
	}
	findings := make([]sarifResult, 0, len(res.Findings))
	for _, f := range res.Findings {
		r := sarifResult{
			Level:      sarifLevel(f.Severity),
			Message:    sarifText{Text: f.Message},
			Properties: sarifResultProperties{Code: f.Code, Subject: f.Subject, Severity: f.Severity},
		}
		if i, ok := index[f.Subject]; ok {
			r.RuleID, r.RuleIndex = f.Subject, &i
		}
		if loc, ok := sarifLocationOf(f, res.Subject.File); ok {
			r.Locations = []sarifLocation{loc}
		}
		findings = append(findings, r)
	}
	run := sarifRun{
		Tool:              sarifTool{Driver: sarifDriver{Name: "vigie", Version: res.Vigie, InformationURI: vigieURI, Rules: rules}},
		AutomationDetails: sarifAutomation{ID: "vigie/" + res.Subject.ID + "/"},
		Language:          res.Language,
		// diag.Pos counts columns in code points.
		ColumnKind: "unicodeCodePoints",
		Results:    findings,
		Properties: sarifRunProperties{Project: res.Subject.ID, Status: res.Status},
	}
	if cl := res.Classification; cl != nil {
		run.Properties.RiskTier = cl.Headline
	}
	return run
}

// sarifLocationOf locates a finding in its file, or in the declaration when
// the position names no file.
func sarifLocationOf(f assessment.Finding, declaration string) (sarifLocation, bool) {
	file, ok := findingFile(f, declaration)
	if !ok {
		return sarifLocation{}, false
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: sarifURI(file)}}}
	if start := f.Position.Start; start.IsValid() {
		reg := &sarifRegion{StartLine: start.Line, StartColumn: start.Column}
		if end := f.Position.End; end.IsValid() && !end.Before(start) {
			reg.EndLine, reg.EndColumn = end.Line, end.Column
		}
		loc.PhysicalLocation.Region = reg
	}
	return loc, true
}

// sarifURI turns a file path into a URI reference: relative paths stay
// relative (code scanning resolves them against the repository), absolute
// ones become file URIs, and what URIs reserve is percent-encoded.
func sarifURI(file string) string {
	p := filepath.ToSlash(file)
	u := url.URL{Path: p}
	if path.IsAbs(p) {
		u.Scheme = "file"
	}
	return u.String()
}

func sarifLevel(s assessment.Severity) string { return ciLevel(s, "note") }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
