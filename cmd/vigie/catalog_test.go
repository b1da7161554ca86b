package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The example projects assessed against the embedded catalog, what they
// must be classified as, and where their golden reports live.
const (
	catalogExamples = "../../examples/declarations/catalog"
	catalogReports  = "../../examples/reports"
	catalogTiers    = "testdata/catalog-tiers.yaml"
	// The date of the golden reports.
	reportDate = "2026-11-22"
)

// checkDates are the as-of dates every example is classified at: the
// day of the golden reports, then both sides of 2026-12-02 (the ban on
// generating intimate imagery and child sexual abuse material) and of
// 2027-12-02 (the Annex III high-risk duties) and of 2028-08-02 (Art. 6(1),
// products under Annex I).
var checkDates = []string{reportDate, "2026-12-01", "2026-12-02", "2027-12-01", "2027-12-02", "2028-08-01", "2028-08-02"}

// exampleTiers is one example of catalog-tiers.yaml.
type exampleTiers struct {
	Example string        `yaml:"example"`
	Lang    string        `yaml:"lang"`
	Periods []tiersPeriod `yaml:"periods"`
}

// tiersPeriod is what the classification must be on each of Dates. Rules
// and Upcoming map a rule (rubric#rule for a rubric other than ai-act) to
// the references it cites, so a change of citation shows in the table.
type tiersPeriod struct {
	Dates    []string            `yaml:"dates"`
	Headline string              `yaml:"headline"`
	Status   string              `yaml:"status"`
	Review   bool                `yaml:"review"`
	Rules    map[string][]string `yaml:"rules"`
	Upcoming map[string][]string `yaml:"upcoming"`
}

// classified is the part of a JSON result the table checks.
type classified struct {
	Status         string `json:"status"`
	Classification struct {
		Headline    string      `json:"headline"`
		Rules       []citedRule `json:"rules"`
		Upcoming    []citedRule `json:"upcoming"`
		NeedsReview bool        `json:"needs_review"`
	} `json:"classification"`
}

type citedRule struct {
	Rubric     string   `json:"rubric"`
	ID         string   `json:"id"`
	References []string `json:"references"`
}

// cited maps each rule to its references, failing on a rule named twice.
func cited(t *testing.T, rules []citedRule) map[string][]string {
	t.Helper()
	m := make(map[string][]string, len(rules))
	for _, r := range rules {
		key := r.ID
		if r.Rubric != "ai-act" {
			key = r.Rubric + "#" + r.ID
		}
		require.NotContains(t, m, key, "rule named twice")
		m[key] = r.References
	}
	return m
}

func loadCatalogTiers(t *testing.T) []exampleTiers {
	t.Helper()
	data, err := os.ReadFile(catalogTiers)
	require.NoError(t, err)
	var table []exampleTiers
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	require.NoError(t, dec.Decode(&table))
	return table
}

// TestCatalogExamplesTiers assesses every example project with no
// --rubric, at every check date, and compares its tiers, rules, citations,
// upcoming rules, judgement calls and status with catalog-tiers.yaml.
func TestCatalogExamplesTiers(t *testing.T) {
	t.Parallel()
	table := loadCatalogTiers(t)
	files, err := filepath.Glob(filepath.Join(catalogExamples, "*.yaml"))
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	var listed []string
	for _, ex := range table {
		listed = append(listed, ex.Example)
	}
	assert.ElementsMatch(t, names, listed, "every example has its entry in %s, and every entry its example", catalogTiers)
	assert.GreaterOrEqual(t, len(names), 10, "the catalog comes with at least ten example projects")

	for _, ex := range table {
		t.Run(ex.Example, func(t *testing.T) {
			t.Parallel()
			var dates []string
			for _, p := range ex.Periods {
				require.NotEmpty(t, p.Dates, "a period has dates")
				dates = append(dates, p.Dates...)
			}
			require.ElementsMatch(t, checkDates, dates, "each check date in exactly one period")
			file := filepath.Join(catalogExamples, ex.Example+".yaml")
			for _, p := range ex.Periods {
				for _, date := range p.Dates {
					code, out, errOut := vigie(t, "assess", "--as-of", date, file)
					require.Contains(t, []int{exitOK, exitPolicy}, code, errOut)
					var res classified
					require.NoError(t, json.Unmarshal([]byte(out), &res))
					c := res.Classification
					assert.Equal(t, p.Headline, c.Headline, date)
					assert.Equal(t, p.Status, res.Status, date)
					assert.Equal(t, p.Review, c.NeedsReview, date)
					assert.Equal(t, orEmpty(p.Rules), cited(t, c.Rules), "%s: rules in force", date)
					assert.Equal(t, orEmpty(p.Upcoming), cited(t, c.Upcoming), "%s: upcoming rules", date)
					assert.Equal(t, res.Status == "fail", code == exitPolicy, "%s: exit code follows the status", date)
				}
			}
		})
	}
}

func orEmpty(m map[string][]string) map[string][]string {
	if m == nil {
		return map[string][]string{}
	}
	return m
}

// TestCatalogExamplesGolden keeps the JSON report of every example, in the
// language it is written in, in examples/reports.
func TestCatalogExamplesGolden(t *testing.T) {
	t.Parallel()
	for _, ex := range loadCatalogTiers(t) {
		t.Run(ex.Example, func(t *testing.T) {
			t.Parallel()
			require.True(t, slices.Contains([]string{"en", "fr"}, ex.Lang), "lang is en or fr")
			code, out, errOut := vigie(t, "assess", "--as-of", reportDate, "--lang", ex.Lang,
				filepath.Join(catalogExamples, ex.Example+".yaml"))
			require.Contains(t, []int{exitOK, exitPolicy}, code, errOut)
			// The reports are read from the repository's root: name the
			// declaration from there, as a user running vigie there would.
			out = strings.ReplaceAll(out, `"`+catalogExamples+`/`, `"examples/declarations/catalog/`)
			goldenFile(t, filepath.Join(catalogReports, ex.Example+".json"), out)
		})
	}
}
