package rubric

// The rubric model. Field comments become descriptions in the JSON Schema
// (schemas/rubric.schema.json), which editors show on completion: write them
// for auditors. Keys are snake_case except apiVersion, as in every vigie file.

// APIVersion is the only apiVersion vigie reads.
const APIVersion = "vigie/v1"

// Rubric is an assessment grid: criteria grouped in sections, traced to the
// articles of referentials, with optional risk-tier classification rules and
// a scoring policy.
type Rubric struct {
	// Always vigie/v1.
	APIVersion string `json:"apiVersion" jsonschema:"enum=vigie/v1"`
	// Always Rubric.
	Kind string `json:"kind" jsonschema:"enum=Rubric"`
	// Identifier of the rubric: lower case letters, digits and hyphens. Criteria are namespaced by it (children-rights/bi-impact-assessment).
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Semantic version of the rubric, MAJOR.MINOR.PATCH (e.g. 1.2.0).
	Version string `json:"version"`
	// Title, a string or {fr: …, en: …}.
	Title Text `json:"title"`
	// What the rubric assesses and for whom.
	Description Text `json:"description,omitempty"`
	// Default language of plain-string texts (fr or en). Defaults to the first of languages, or en without them.
	Language string `json:"language,omitempty" jsonschema:"pattern=^[a-z]{2}$"`
	// Languages every text must exist in, e.g. [fr, en].
	Languages []string `json:"languages,omitempty" jsonschema:"uniqueItems=true,pattern=^[a-z]{2}$"`
	// Legal baseline: the texts the rubric encodes and the date they were last checked.
	Baseline *Baseline `json:"baseline,omitempty"`
	// Evidence older than this many months, at the date of an assessment, is flagged as stale.
	ReviewPeriodMonths int `json:"review_period_months,omitempty" jsonschema:"minimum=1"`
	// Id of a rubric this one refines. The base's content is inherited; overrides change it; sections add to it.
	Extends string `json:"extends,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Changes to the sections and criteria of the base rubric (with extends).
	Overrides []Override `json:"overrides,omitempty"`
	// Texts that criteria cite: conventions, regulations, guidance, each with its articles or paragraphs.
	Referentials []Referential `json:"referentials,omitempty"`
	// Facts the rubric reads from project declarations, typed.
	Facts []Fact `json:"facts,omitempty"`
	// Answer scales shared by criteria.
	Scales []Scale `json:"scales,omitempty"`
	// Sections of criteria.
	Sections []Section `json:"sections,omitempty"`
	// Risk-tier classification (used by the AI Act rubric).
	Classification *Classification `json:"classification,omitempty"`
	// How answers become scores. Defaults to weighted means of 0–1 scores.
	Scoring *Scoring `json:"scoring,omitempty"`

	src  *origin // where the rubric was read from
	base *Rubric // the rubric it extends, once resolved
	own  *Rubric // for a rubric merged with its base: the extension as written
}

// Baseline records the legal texts a rubric encodes and when they were checked.
type Baseline struct {
	// The texts in force that the rubric encodes, with their amendments.
	Summary Text `json:"summary"`
	// Date the rubric was last checked against those texts (YYYY-MM-DD).
	Checked string `json:"checked" jsonschema:"format=date"`
	// Primary sources.
	Sources []Source `json:"sources,omitempty"`
	// The judgement calls the rubric makes where the texts leave room for
	// reading, and why: what an auditor must know before relying on it.
	JudgementCalls Text `json:"judgement_calls,omitempty"`
}

// Source is a document a rubric relies on.
type Source struct {
	// Title of the document.
	Title Text `json:"title"`
	// Where to read it.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
}

// Referential is a text that criteria cite, such as the UN Convention on the
// Rights of the Child, with the items (articles, paragraphs) that can be cited.
type Referential struct {
	// Short identifier used in references, e.g. uncrc in uncrc:art-3.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_.-]*$"`
	// Full title.
	Title Text `json:"title"`
	// Where to read the text.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
	// Articles, paragraphs or requirements that criteria cite.
	Items []Item `json:"items"`
}

// Item is an article, paragraph or requirement of a referential.
type Item struct {
	// Identifier used in references, e.g. art-3 in uncrc:art-3.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_.-]*$"`
	// Title or short summary, in your own words.
	Title Text `json:"title"`
	// Link to the item itself, if it has one.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
}

// FactType is the type of a fact's value.
type FactType string

// The fact types.
const (
	FactBool   FactType = "bool"
	FactEnum   FactType = "enum"
	FactSet    FactType = "set"
	FactNumber FactType = "number"
	FactString FactType = "string"
	FactDate   FactType = "date"
)

// Fact is a typed piece of information a declaration gives about a project,
// such as the groups its AI system affects.
type Fact struct {
	// Identifier, lower case with underscores, e.g. affected_groups.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_]*$"`
	// bool, enum (one value), set (several values), number, string or date.
	Type FactType `json:"type" jsonschema:"enum=bool,enum=enum,enum=set,enum=number,enum=string,enum=date"`
	// Allowed values of an enum or set fact.
	Values []Value `json:"values,omitempty"`
	// Smallest allowed value of a number fact.
	Min *float64 `json:"min,omitempty"`
	// Largest allowed value of a number fact.
	Max *float64 `json:"max,omitempty"`
	// The question a project team answers, in plain words.
	Question Text `json:"question"`
	// Help for answering.
	Guidance Text `json:"guidance,omitempty"`
	// A declaration must give this fact.
	Required bool `json:"required,omitempty"`
}

// Value is an allowed value of an enum or set fact. In YAML it is a plain
// string or a mapping with a label and signals.
type Value struct {
	// The value as written in declarations.
	Value string `json:"value" jsonschema:"pattern=^[a-z0-9][a-z0-9_.-]*$"`
	// How the value reads in reports.
	Label Text `json:"label,omitempty"`
	// Phrases, per language, that suggest this value when a project's description contains them (matched without regard to case or accents).
	Signals map[string][]string `json:"signals,omitempty"`
}

// Scale is an ordered set of answer levels, each worth a score between 0 and 1.
type Scale struct {
	// Identifier used by criteria (scale: maturity).
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Name of the scale.
	Title Text `json:"title,omitempty"`
	// Levels, from the lowest to the highest.
	Levels []Level `json:"levels" jsonschema:"minItems=2"`
}

// Level is one answer of a scale.
type Level struct {
	// The answer as written in declarations.
	Value string `json:"value" jsonschema:"pattern=^[a-z0-9][a-z0-9_.-]*$"`
	// Score of the answer, from 0 (not at all) to 1 (fully).
	Score float64 `json:"score" jsonschema:"minimum=0,maximum=1"`
	// How the answer reads.
	Label Text `json:"label"`
	// What the level means in practice.
	Description Text `json:"description,omitempty"`
}

// Section groups criteria.
type Section struct {
	// Identifier, unique in the rubric.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Title.
	Title Text `json:"title"`
	// What the section covers.
	Description Text `json:"description,omitempty"`
	// Weight of the section in the overall score (default 1).
	Weight *float64 `json:"weight,omitempty" jsonschema:"minimum=0"`
	// The section applies only when this condition holds.
	AppliesWhen *Predicate `json:"applies_when,omitempty"`
	// Criteria of the section.
	Criteria []Criterion `json:"criteria" jsonschema:"minItems=1"`
}

// AnswerType says how a criterion is answered.
type AnswerType string

// The answer types.
const (
	AnswerScale   AnswerType = "scale"  // a level of a scale
	AnswerBoolean AnswerType = "bool"   // yes or no
	AnswerNumber  AnswerType = "number" // a number
	AnswerChoice  AnswerType = "choice" // one of the criterion's choices
	AnswerMulti   AnswerType = "multi"  // any of the criterion's choices; their points add up
)

// EvidenceRule says whether an answer must come with evidence.
type EvidenceRule string

// The evidence rules.
const (
	EvidenceOptional EvidenceRule = "optional"
	EvidenceRequired EvidenceRule = "required"
)

// Severity ranks findings and action-plan entries.
type Severity string

// The severities, from the most serious.
const (
	SeverityCritical Severity = "critical"
	SeverityHigh     Severity = "high"
	SeverityMedium   Severity = "medium"
	SeverityLow      Severity = "low"
	SeverityInfo     Severity = "info"
)

// Criterion is one question of the grid.
type Criterion struct {
	// Identifier, unique in the rubric.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The question, answered by the project team.
	Question Text `json:"question"`
	// What a good answer looks like and what evidence to give.
	Guidance Text `json:"guidance,omitempty"`
	// How the criterion is answered: scale (default when scale is set), bool (yes or no), number, choice or multi.
	Type AnswerType `json:"type,omitempty" jsonschema:"enum=scale,enum=bool,enum=number,enum=choice,enum=multi"`
	// The scale that answers the criterion (type scale).
	Scale string `json:"scale,omitempty"`
	// Which answer is the good one for a bool criterion (default true).
	Expected *bool `json:"expected,omitempty"`
	// Choices of a choice or multi criterion.
	Choices []Choice `json:"choices,omitempty"`
	// Smallest allowed answer of a number criterion.
	Min *float64 `json:"min,omitempty"`
	// Largest allowed answer of a number criterion.
	Max *float64 `json:"max,omitempty"`
	// How the answer of a number criterion scores, by brackets. Without brackets the score grows linearly from min to max.
	Brackets []Bracket `json:"brackets,omitempty"`
	// What the criterion is worth in points-based scoring (scale, bool and number criteria; choices carry their own points).
	Points *float64 `json:"points,omitempty" jsonschema:"minimum=0"`
	// Cap on the points of a multi criterion.
	MaxPoints *float64 `json:"max_points,omitempty" jsonschema:"minimum=0"`
	// Weight in the section's weighted mean (default 1).
	Weight *float64 `json:"weight,omitempty" jsonschema:"minimum=0"`
	// Critère impératif: unmet or unanswered, the assessment fails whatever the score.
	Gate bool `json:"gate,omitempty"`
	// Severity of the finding when the criterion is not met (default: critical for a gate, medium otherwise).
	Severity Severity `json:"severity,omitempty" jsonschema:"enum=critical,enum=high,enum=medium,enum=low,enum=info"`
	// required: an answer without evidence earns nothing. Default optional.
	Evidence EvidenceRule `json:"evidence,omitempty" jsonschema:"enum=optional,enum=required"`
	// The project may answer "not applicable" (with a justification); the criterion then leaves the denominators.
	NotApplicable bool `json:"not_applicable,omitempty"`
	// The criterion applies only when this condition holds; otherwise it is non concerné.
	AppliesWhen *Predicate `json:"applies_when,omitempty"`
	// Items of referentials the criterion traces to, as referential:item.
	References []string `json:"references,omitempty" jsonschema:"uniqueItems=true"`
	// What to do when the criterion is not met; it goes into the action plan.
	Recommendation Text `json:"recommendation,omitempty"`

	// defaultSeverity: the file gave no severity, so the severity follows
	// gate, also when an extension overrides gate.
	defaultSeverity bool
}

// Choice is one answer of a choice or multi criterion.
type Choice struct {
	// The answer as written in declarations.
	Value string `json:"value" jsonschema:"pattern=^[a-z0-9][a-z0-9_.-]*$"`
	// How the answer reads.
	Label Text `json:"label"`
	// Score of the answer from 0 to 1 in weighted-mean scoring (choice criteria; default: points over the best choice's points).
	Score *float64 `json:"score,omitempty" jsonschema:"minimum=0,maximum=1"`
	// Points of the answer in points-based scoring; a multi criterion adds the points of every answer chosen.
	Points float64 `json:"points,omitempty"`
}

// Bounds delimit a range of numbers. Each bound says whether it is
// inclusive (gte, lte) or exclusive (gt, lt).
type Bounds struct {
	// Lower bound, included.
	GTE *float64 `json:"gte,omitempty"`
	// Lower bound, excluded.
	GT *float64 `json:"gt,omitempty"`
	// Upper bound, included.
	LTE *float64 `json:"lte,omitempty"`
	// Upper bound, excluded.
	LT *float64 `json:"lt,omitempty"`
}

// Bracket scores the answers of a number criterion that fall within its bounds.
type Bracket struct {
	Bounds
	// Score from 0 to 1 for weighted-mean scoring.
	Score *float64 `json:"score,omitempty" jsonschema:"minimum=0,maximum=1"`
	// Points for points-based scoring.
	Points *float64 `json:"points,omitempty"`
}

// Predicate is a condition on the facts of a declaration, the answers to
// criteria, or the tiers of the classification. It names exactly one
// subject (fact, answer or tier) with one operator, or combines conditions
// with all, any or not:
//
//	{fact: affected_groups, contains: children}
//	{all: [{fact: role, contains: deployer}, {not: {fact: public_body, equals: true}}]}
//	{tier: high}
type Predicate struct {
	// Fact read by the condition.
	Fact string `json:"fact,omitempty"`
	// Criterion whose answer is read by the condition.
	Answer string `json:"answer,omitempty"`
	// Tier that must apply to the project.
	Tier string `json:"tier,omitempty"`
	// The value equals this.
	Equals any `json:"equals,omitempty"`
	// The value is one of these.
	In []any `json:"in,omitempty"`
	// The set contains this value.
	Contains any `json:"contains,omitempty"`
	// The set contains at least one of these values.
	ContainsAny []any `json:"contains_any,omitempty"`
	// The value is given (true) or not given (false).
	Exists *bool `json:"exists,omitempty"`
	// The number or date is greater than or equal to this.
	GTE any `json:"gte,omitempty"`
	// The number or date is less than or equal to this.
	LTE any `json:"lte,omitempty"`
	// The number or date is greater than this.
	GT any `json:"gt,omitempty"`
	// The number or date is less than this.
	LT any `json:"lt,omitempty"`
	// Every condition holds.
	All []Predicate `json:"all,omitempty"`
	// At least one condition holds.
	Any []Predicate `json:"any,omitempty"`
	// The condition does not hold.
	Not *Predicate `json:"not,omitempty"`
}

// Classification sorts a project into risk tiers by rules on its facts.
type Classification struct {
	// Tiers, the most severe first. Several may apply to one project.
	Tiers []Tier `json:"tiers" jsonschema:"minItems=1"`
	// Tier of a project that no rule classifies.
	Default string `json:"default,omitempty"`
	// Rules: when a rule's condition holds (and its unless does not), its tier applies.
	Rules []Rule `json:"rules,omitempty"`
	// Criteria that become critères impératifs when a tier applies.
	Obligations []Obligation `json:"obligations,omitempty"`
}

// Tier is a risk tier, or an outcome such as "not an AI system".
type Tier struct {
	// Identifier, e.g. high.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Name of the tier.
	Title Text `json:"title"`
	// What the tier means for the project.
	Description Text `json:"description,omitempty"`
	// Severity of the finding that says the project is in this tier (default info).
	Severity Severity `json:"severity,omitempty" jsonschema:"enum=critical,enum=high,enum=medium,enum=low,enum=info"`
	// A project in this tier fails the assessment, whatever its scores (a prohibited practice, say).
	Fail bool `json:"fail,omitempty"`
}

// Rule puts a project in a tier when its condition holds.
type Rule struct {
	// Identifier, unique in the rubric, e.g. art5-1-f.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_.-]*$"`
	// Tier the rule puts the project in.
	Tier string `json:"tier"`
	// Short name of the rule.
	Title Text `json:"title,omitempty"`
	// The rule fires when this holds …
	When Predicate `json:"when"`
	// … unless this holds (an exception).
	Unless *Predicate `json:"unless,omitempty"`
	// Articles that found the rule, as referential:item.
	References []string `json:"references,omitempty" jsonschema:"uniqueItems=true"`
	// Date from which the rule applies (YYYY-MM-DD); before it the rule is reported as upcoming.
	Effective string `json:"effective,omitempty" jsonschema:"format=date"`
	// Why the rule puts the project in its tier.
	Rationale Text `json:"rationale"`
	// The rule is a judgement call: a person must review the outcome.
	Review bool `json:"review,omitempty"`
	// For judgement calls: the readings that compete and what decides between them.
	ReviewNote Text `json:"review_note,omitempty"`
}

// Obligation makes criteria critères impératifs for the projects in a tier.
type Obligation struct {
	// Tier that brings the obligation.
	Tier string `json:"tier"`
	// Criteria that become critères impératifs.
	Criteria []string `json:"criteria" jsonschema:"minItems=1"`
	// Date from which the obligation applies (YYYY-MM-DD).
	Effective string `json:"effective,omitempty" jsonschema:"format=date"`
	// Articles that found the obligation, as referential:item.
	References []string `json:"references,omitempty" jsonschema:"uniqueItems=true"`
}

// ScoringMethod is how criteria scores add up.
type ScoringMethod string

// The scoring methods.
const (
	// WeightedMean scores each criterion from 0 to 1 and takes weighted means,
	// shown as percentages.
	WeightedMean ScoringMethod = "weighted_mean"
	// Points adds up the points earned by answers.
	Points ScoringMethod = "points"
)

// MissingPolicy is how unanswered criteria count.
type MissingPolicy string

// The missing-answer policies.
const (
	MissingZero    MissingPolicy = "zero"    // an unanswered criterion scores 0 (default)
	MissingExclude MissingPolicy = "exclude" // an unanswered criterion leaves the denominator
)

// Scoring is a rubric's scoring policy.
type Scoring struct {
	// weighted_mean (default) or points.
	Method ScoringMethod `json:"method,omitempty" jsonschema:"enum=weighted_mean,enum=points"`
	// How unanswered criteria count: zero (default) or exclude.
	Missing MissingPolicy `json:"missing,omitempty" jsonschema:"enum=zero,enum=exclude"`
	// How scores are rounded for display and bands.
	Rounding *Rounding `json:"rounding,omitempty"`
	// Named scores computed from sections, with bands and adjustments.
	Scores []Score `json:"scores,omitempty"`
	// The named score that heads the report. Default: all sections together.
	Overall string `json:"overall,omitempty"`
}

// RoundingMode is how a score is rounded.
type RoundingMode string

// The rounding modes.
const (
	RoundHalfUp   RoundingMode = "half_up"
	RoundHalfEven RoundingMode = "half_even"
	RoundDown     RoundingMode = "down"
	RoundUp       RoundingMode = "up"
)

// Rounding rounds scores to a number of decimal digits.
type Rounding struct {
	// Decimal digits kept (default 1).
	Digits *int `json:"digits,omitempty" jsonschema:"minimum=0,maximum=6"`
	// half_up (default), half_even, down or up.
	Mode RoundingMode `json:"mode,omitempty" jsonschema:"enum=half_up,enum=half_even,enum=down,enum=up"`
}

// Basis is what a score's bands read.
type Basis string

// The bases.
const (
	BasisPoints  Basis = "points"  // the number of points
	BasisPercent Basis = "percent" // points over the maximum, as a percentage
)

// Score is a named score computed from sections.
type Score struct {
	// Identifier, e.g. impact.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Name of the score.
	Title Text `json:"title"`
	// Sections that make up the score (default: all).
	Sections []string `json:"sections,omitempty" jsonschema:"uniqueItems=true"`
	// What the bands read: points or percent (default percent; weighted-mean scores are always percentages).
	Basis Basis `json:"basis,omitempty" jsonschema:"enum=points,enum=percent"`
	// Levels of the score, from the lowest, covering the whole range without gaps.
	Bands []Band `json:"bands,omitempty"`
	// Changes to the score when another score falls in given bands.
	Adjustments []Adjustment `json:"adjustments,omitempty"`
}

// Band is a named level of a score.
type Band struct {
	// Identifier of the level, e.g. high.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9_-]*$"`
	// How the level reads.
	Label Text `json:"label"`
	// What the level means.
	Description Text `json:"description,omitempty"`
	Bounds
}

// Adjustment changes a score when another score falls in one of some bands:
// a raw impact reduced by 20% when mitigation is strong, say.
type Adjustment struct {
	// The other score.
	Score string `json:"score"`
	// Bands of the other score that trigger the adjustment.
	In []string `json:"in" jsonschema:"minItems=1"`
	// Change by this percentage of the score (-20 removes a fifth).
	Percent *float64 `json:"percent,omitempty"`
	// Add this many points (or percentage points).
	Add *float64 `json:"add,omitempty"`
	// Why the adjustment exists.
	Note Text `json:"note,omitempty"`
}

// Override changes a section or a criterion of the base rubric. It names
// exactly one of section or criterion.
type Override struct {
	// Section of the base rubric to change.
	Section string `json:"section,omitempty"`
	// Criterion of the base rubric to change.
	Criterion string `json:"criterion,omitempty"`
	// New title (section).
	Title Text `json:"title,omitempty"`
	// New description (section).
	Description Text `json:"description,omitempty"`
	// New question (criterion).
	Question Text `json:"question,omitempty"`
	// New guidance (criterion).
	Guidance Text `json:"guidance,omitempty"`
	// New recommendation (criterion).
	Recommendation Text `json:"recommendation,omitempty"`
	// New weight.
	Weight *float64 `json:"weight,omitempty" jsonschema:"minimum=0"`
	// Make the criterion a critère impératif, or not.
	Gate *bool `json:"gate,omitempty"`
	// New severity (criterion).
	Severity Severity `json:"severity,omitempty" jsonschema:"enum=critical,enum=high,enum=medium,enum=low,enum=info"`
	// New evidence rule (criterion).
	Evidence EvidenceRule `json:"evidence,omitempty" jsonschema:"enum=optional,enum=required"`
	// New condition of applicability (section or criterion); it replaces the base's.
	AppliesWhen *Predicate `json:"applies_when,omitempty"`
	// References added to the criterion.
	AddReferences []string `json:"add_references,omitempty" jsonschema:"uniqueItems=true"`
	// Criteria added at the end of the section.
	AddCriteria []Criterion `json:"add_criteria,omitempty"`
}
