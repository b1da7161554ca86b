package assessment

import (
	"fmt"

	"github.com/vigie-ai/vigie/diag"
)

// ResultVersion is the version of the Result format, written in every result.
const ResultVersion = "vigie.result/v1"

// Status is the outcome of an assessment, or of one criterion. It reads,
// and is written in JSON, as pass, fail, met, partial, unmet,
// not_applicable or unanswered. The zero Status is none of them.
type Status uint8

// The outcomes of an assessment.
const (
	Pass Status = iota + 1 // no critère impératif failed
	Fail                   // at least one critère impératif is unmet or unanswered
)

// The statuses of a criterion.
const (
	Met Status = iota + Fail + 1
	Partial
	Unmet
	NotApplicable // non concerné
	Unanswered
)

var statusNames = [...]string{Pass: "pass", Fail: "fail", Met: "met", Partial: "partial", Unmet: "unmet",
	NotApplicable: "not_applicable", Unanswered: "unanswered"}

// String returns the status as JSON writes it, or "" for the zero Status.
func (s Status) String() string { return name(statusNames[:], s) }

// MarshalText writes the status as String does; the zero Status is an error.
func (s Status) MarshalText() ([]byte, error) { return marshal(statusNames[:], s, "status") }

// UnmarshalText reads a status as String writes it.
func (s *Status) UnmarshalText(b []byte) error { return unmarshal(statusNames[:], s, b, "status") }

// Severity ranks findings and the plan d'action. It reads, and is written in
// JSON, as critical, high, medium, low or info. The zero Severity is none of
// them, and ranks with info.
type Severity uint8

// The severities, from the most serious.
const (
	Critical Severity = iota + 1
	High
	Medium
	Low
	Info
)

var severityNames = [...]string{Critical: "critical", High: "high", Medium: "medium", Low: "low", Info: "info"}

// ParseSeverity reads a severity as String writes it.
func ParseSeverity(s string) (Severity, error) {
	var sev Severity
	err := sev.UnmarshalText([]byte(s))
	return sev, err
}

// String returns the severity as JSON writes it, or "" for the zero Severity.
func (s Severity) String() string { return name(severityNames[:], s) }

// MarshalText writes the severity as String does; the zero Severity is an error.
func (s Severity) MarshalText() ([]byte, error) { return marshal(severityNames[:], s, "severity") }

// UnmarshalText reads a severity as String writes it.
func (s *Severity) UnmarshalText(b []byte) error {
	return unmarshal(severityNames[:], s, b, "severity")
}

// AtLeast reports whether s is as serious as min, or more. An unknown
// severity ranks with info.
func (s Severity) AtLeast(min Severity) bool { return s.rank() <= min.rank() }

// Known reports whether s is one of the five severities.
func (s Severity) Known() bool { return s >= Critical && s <= Info }

// rank orders severities, the most serious first: 0 for critical to 4 for
// info and unknown severities.
func (s Severity) rank() int {
	if !s.Known() {
		return int(Info - Critical)
	}
	return int(s - Critical)
}

func name[E ~uint8](names []string, e E) string {
	if int(e) < len(names) {
		return names[e]
	}
	return ""
}

func marshal[E ~uint8](names []string, e E, what string) ([]byte, error) {
	if n := name(names, e); n != "" {
		return []byte(n), nil
	}
	return nil, fmt.Errorf("invalid %s %d", what, e)
}

func unmarshal[E ~uint8](names []string, e *E, b []byte, what string) error {
	for i, n := range names {
		if n != "" && n == string(b) {
			*e = E(i)
			return nil
		}
	}
	return fmt.Errorf("unknown %s %q", what, b)
}

// Result is the outcome of assessing one declaration against a set of
// rubrics. Texts are in the language the assessment was made in. The same
// inputs give the same Result, and the same JSON, byte for byte.
//
// So that an assessment copies little, a Result shares data that nothing
// changes: with the Assessor, what each criterion's CriterionInfo says, the
// references of rules and obligations, the References and the criteria of
// each coverage item; with the Declaration, the answers, their evidence and
// every position in it. Read them freely, from any goroutine; copy them
// before changing them.
type Result struct {
	// Always vigie.result/v1.
	Format string `json:"format"`
	// Version of vigie that made the assessment.
	Vigie string `json:"vigie"`
	// Date the assessment was made as of (YYYY-MM-DD): the rules and obligations in force on that date apply.
	AsOf string `json:"as_of"`
	// Language of the texts (fr or en).
	Language string `json:"language"`
	// When the assessment was made, only when asked for (RFC 3339).
	GeneratedAt string `json:"generated_at,omitempty"`
	// The project assessed and the declaration it was read from.
	Subject Subject `json:"subject"`
	// pass, or fail when a critère impératif is unmet or unanswered.
	Status Status `json:"status" jsonschema:"enum=pass,enum=fail"`
	// The rubrics used, with their scores.
	Rubrics []RubricResult `json:"rubrics"`
	// Risk tiers, when a rubric classifies.
	Classification *Classification `json:"classification,omitempty"`
	// Critères impératifs that failed.
	FailedGates []Gate `json:"failed_gates"`
	// Every criterion, in rubric and section order.
	Criteria []CriterionResult `json:"criteria"`
	// What needs attention, most serious first.
	Findings []Finding `json:"findings"`
	// What to do, in order: critères impératifs first, then by severity and by what each would gain.
	ActionPlan []Action `json:"action_plan"`
	// Answered criteria over applicable ones.
	Completeness Completeness `json:"completeness"`
	// For each referential, its items and the status of the criteria that cite them.
	Coverage []ReferentialCoverage `json:"coverage"`
	// Every article cited by the rubrics' criteria, rules and obligations, described once.
	References []Reference `json:"references"`
}

// Subject identifies the project and the declaration.
type Subject struct {
	// Identifier of the project.
	ID string `json:"id"`
	// Name of the project.
	Name string `json:"name"`
	// Organisation running the project.
	Organisation string `json:"organisation,omitempty"`
	// Stage of the project.
	Lifecycle string `json:"lifecycle,omitempty"`
	// File the declaration was read from.
	File string `json:"file,omitempty"`
	// SHA-256 of the declaration's bytes, in hex.
	SHA256 string `json:"sha256"`
}

// RubricResult is how the project stands against one rubric.
type RubricResult struct {
	// Identifier of the rubric.
	ID string `json:"id"`
	// Version of the rubric.
	Version string `json:"version"`
	// SHA-256 of the rubric file, in hex (for an extension, of the extension's file).
	SHA256 string `json:"sha256,omitempty"`
	// The rubric it extends, if any.
	Extends string `json:"extends,omitempty"`
	// Title of the rubric.
	Title string `json:"title"`
	// weighted_mean or points.
	Method string `json:"method"`
	// The score that heads the rubric.
	Overall Score `json:"overall"`
	// Named scores.
	Scores []Score `json:"scores,omitempty"`
	// Sections, in order.
	Sections []SectionResult `json:"sections"`
}

// Score is a computed score.
type Score struct {
	// Identifier of the score (overall for the default overall score).
	ID string `json:"id"`
	// Name of the score.
	Title string `json:"title,omitempty"`
	// The score: a percentage for weighted means, points for points scoring; null when nothing applies.
	Value *float64 `json:"value" jsonschema:"nullable"`
	// The most the score can be (100 for a percentage).
	Max float64 `json:"max"`
	// The score as a percentage of its maximum; null when nothing applies.
	Percent *float64 `json:"percent" jsonschema:"nullable"`
	// Band the score falls in, if the score has bands.
	Band string `json:"band,omitempty"`
	// Label of the band.
	BandLabel string `json:"band_label,omitempty"`
	// Adjustments applied, in order.
	Adjustments []Adjustment `json:"adjustments,omitempty"`
}

// Adjustment records a change made to a score because of another score's band.
type Adjustment struct {
	// The other score.
	Score string `json:"score"`
	// Its band, which triggered the adjustment.
	Band string `json:"band"`
	// The score before and after.
	From float64 `json:"from"`
	To   float64 `json:"to"`
	// Why the adjustment exists.
	Note string `json:"note,omitempty"`
}

// SectionResult is the score of one section.
type SectionResult struct {
	// Identifier of the section.
	ID string `json:"id"`
	// Title of the section.
	Title string `json:"title"`
	// Weight of the section.
	Weight float64 `json:"weight"`
	// Score as a percentage (weighted means) or points; null when no criterion applies.
	Value *float64 `json:"value" jsonschema:"nullable"`
	// The most the section can score.
	Max float64 `json:"max"`
	// Criteria by status.
	Counts Counts `json:"counts"`
}

// Counts counts criteria by status.
type Counts struct {
	Met           int `json:"met"`
	Partial       int `json:"partial"`
	Unmet         int `json:"unmet"`
	Unanswered    int `json:"unanswered"`
	NotApplicable int `json:"not_applicable"`
}

// Classification is where the project stands in the risk tiers.
type Classification struct {
	// The most severe tier that applies.
	Headline string `json:"headline"`
	// Name of the headline tier.
	HeadlineTitle string `json:"headline_title"`
	// Every tier that applies, the most severe first.
	Tiers []TierResult `json:"tiers"`
	// Rules in force that fired.
	Rules []RuleResult `json:"rules"`
	// Rules that would fire but are not in force yet at the as-of date.
	Upcoming []RuleResult `json:"upcoming"`
	// Whether a judgement call needs a person's review.
	NeedsReview bool `json:"needs_review"`
	// Obligations of the tiers that apply, in force or upcoming.
	Obligations []Obligation `json:"obligations"`
}

// TierResult is a tier that applies to the project.
type TierResult struct {
	// Identifier of the tier.
	ID string `json:"id"`
	// Name of the tier.
	Title string `json:"title"`
	// The rubric that defines the tier.
	Rubric string `json:"rubric"`
	// Rules that put the project in the tier (empty for the default tier).
	Rules []string `json:"rules"`
	// The tier is marked fail: it makes the assessment fail.
	Fails bool `json:"fails,omitempty"`
}

// RuleResult is a classification rule that fired.
type RuleResult struct {
	// Rubric of the rule.
	Rubric string `json:"rubric"`
	// Identifier of the rule.
	ID string `json:"id"`
	// Tier the rule puts the project in.
	Tier string `json:"tier"`
	// Name of that tier.
	TierTitle string `json:"tier_title"`
	// Name of the rule.
	Title string `json:"title,omitempty"`
	// Date from which the rule applies.
	Effective string `json:"effective,omitempty"`
	// Why the rule puts the project in its tier.
	Rationale string `json:"rationale"`
	// The articles that found the rule (referential:item, described in Result.References).
	References []string `json:"references"`
	// A judgement call: a person must confirm it.
	Review bool `json:"review,omitempty"`
	// The readings that compete, for judgement calls.
	ReviewNote string `json:"review_note,omitempty"`
}

// Obligation is a set of criteria that a tier makes critères impératifs.
type Obligation struct {
	// Rubric of the obligation.
	Rubric string `json:"rubric"`
	// Tier that brings it.
	Tier string `json:"tier"`
	// Criteria that become critères impératifs (namespaced).
	Criteria []string `json:"criteria"`
	// Date from which it applies.
	Effective string `json:"effective,omitempty"`
	// Whether it is in force at the as-of date.
	InForce bool `json:"in_force"`
	// The articles that found it (referential:item, described in Result.References).
	References []string `json:"references"`
}

// Reference is an item of a referential cited by a criterion or a rule.
type Reference struct {
	// Rubric whose referential holds the item.
	Rubric string `json:"rubric"`
	// referential:item, as criteria and rules of that rubric cite it.
	ID string `json:"id"`
	// Title of the referential.
	Referential string `json:"referential"`
	// Title of the item.
	Title string `json:"title"`
	// Link to the item or its referential.
	URL string `json:"url,omitempty"`
}

// CriterionResult is how the project stands on one criterion. A copy of a
// CriterionResult shares its CriterionInfo: to change what the copy says of
// the criterion, give it its own (info := *c.CriterionInfo; c.CriterionInfo =
// &info). Likewise, decode JSON into a new Result, never into one made by
// Assess.
type CriterionResult struct {
	// What the rubric says of the criterion, in the result's language. An
	// Assessor prepares it once, and every result it makes in that language
	// points to the same one: read it, never change it.
	*CriterionInfo
	// met, partial, unmet, not_applicable or unanswered.
	Status Status `json:"status" jsonschema:"enum=met,enum=partial,enum=unmet,enum=not_applicable,enum=unanswered"`
	// Why the status (for not_applicable: the condition or the justification; for unmet: missing evidence…).
	Reason string `json:"reason,omitempty"`
	// Score from 0 to 1 (null when not counted).
	Score *float64 `json:"score" jsonschema:"nullable"`
	// Points earned and the most that could be earned (points scoring).
	Points    *float64 `json:"points,omitempty"`
	MaxPoints float64  `json:"max_points,omitempty"`
	// Whether the criterion is a critère impératif, and what made it one (criterion or tier).
	Gate       bool   `json:"gate"`
	GateSource string `json:"gate_source,omitempty"`
	// Severity of a shortfall.
	Severity Severity `json:"severity"`
	// The answer as declared, if any.
	Answer any `json:"answer,omitempty"`
	// How the answer reads (the label of a level or a choice).
	AnswerLabel string `json:"answer_label,omitempty"`
	// Evidence given.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Comment and justification given.
	Comment       string `json:"comment,omitempty"`
	Justification string `json:"justification,omitempty"`
	// Where the answer is in the declaration.
	Position *diag.Range `json:"position,omitempty"`
}

// CriterionInfo is what a rubric says of a criterion, in one language.
type CriterionInfo struct {
	// Namespaced id, rubric/criterion.
	ID string `json:"id"`
	// Rubric and section of the criterion.
	Rubric  string `json:"rubric"`
	Section string `json:"section"`
	// The question.
	Question string `json:"question"`
	// Weight of the criterion in its section.
	Weight float64 `json:"weight"`
	// Articles the criterion traces to (referential:item, described in Result.References).
	References []string `json:"references"`
}

// Gate is a critère impératif that failed.
type Gate struct {
	// Namespaced criterion id.
	Criterion string `json:"criterion"`
	// The question.
	Question string `json:"question"`
	// Its status: unmet, partial or unanswered.
	Status Status `json:"status" jsonschema:"enum=unmet,enum=partial,enum=unanswered"`
	// criterion (gate: true) or tier:<id> (an obligation of a tier).
	Source string `json:"source"`
}

// Finding is something that needs attention.
type Finding struct {
	// critical, high, medium, low or info.
	Severity Severity `json:"severity"`
	// Stable code (gate-failed, missing-evidence, …).
	Code string `json:"code"`
	// Namespaced criterion, fact or rule the finding is about, if any.
	Subject string `json:"subject,omitempty"`
	// What the finding says.
	Message string `json:"message"`
	// Where in the declaration, if anywhere.
	Position *diag.Range `json:"position,omitempty"`
}

// Action is one step of the plan d'action.
type Action struct {
	// Rank in the plan, from 1.
	Rank int `json:"rank"`
	// Namespaced criterion.
	Criterion string `json:"criterion"`
	// The question.
	Question string `json:"question"`
	// Current status of the criterion: partial, unmet or unanswered.
	Status Status `json:"status" jsonschema:"enum=partial,enum=unmet,enum=unanswered"`
	// Whether the criterion is a critère impératif.
	Gate bool `json:"gate"`
	// Severity of the shortfall.
	Severity Severity `json:"severity"`
	// What the project would gain: weight of the criterion in its rubric's overall score × the share of the criterion not yet met.
	Gain float64 `json:"gain"`
	// What to do.
	Recommendation string `json:"recommendation"`
	// Articles behind it (referential:item, described in Result.References).
	References []string `json:"references"`
}

// Completeness is how much of the applicable grid the declaration answers.
type Completeness struct {
	// Applicable criteria.
	Applicable int `json:"applicable"`
	// Of which answered.
	Answered int `json:"answered"`
	// Answered over applicable, as a percentage (100 when nothing applies).
	Percent float64 `json:"percent"`
	// Criteria that do not apply (non concernés).
	NotApplicable int `json:"not_applicable"`
}

// ReferentialCoverage shows, for one referential, which criteria cite each item and how they stand.
type ReferentialCoverage struct {
	// Rubric and referential.
	Rubric string `json:"rubric"`
	ID     string `json:"id"`
	Title  string `json:"title"`
	// Items in order.
	Items []ItemCoverage `json:"items"`
}

// ItemCoverage is the status of the criteria that cite one item.
type ItemCoverage struct {
	// Item id and title.
	ID    string `json:"id"`
	Title string `json:"title"`
	// Namespaced criteria that cite it.
	Criteria []string `json:"criteria"`
	// Aggregated status: unmet if any is unmet or unanswered, else partial if any is partial, else met; not_applicable when none applies; not_covered when no criterion cites it.
	Status string `json:"status"`
}
