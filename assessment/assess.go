package assessment

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// AssessOption configures one assessment.
type AssessOption func(*assessConfig) error

type assessConfig struct {
	asOf        time.Time
	lang        int // index into langs: English unless set
	generatedAt time.Time
}

// WithAsOf sets the date the assessment is made as of: the rules and
// obligations in force on that date apply, later ones are listed as
// upcoming, and evidence is aged from it. Default: today, in UTC.
func WithAsOf(t time.Time) AssessOption {
	return func(c *assessConfig) error {
		c.asOf = t
		return nil
	}
}

// WithLanguage sets the language of the result's texts: "fr" or "en" (default "en").
func WithLanguage(lang string) AssessOption {
	return func(c *assessConfig) error {
		if lang != "fr" && lang != "en" {
			return fmt.Errorf("language must be fr or en, not %q", lang)
		}
		c.lang = langIndex(lang)
		return nil
	}
}

// WithGeneratedAt records when the result was made. Without it a result
// holds no wall-clock time, so that the same inputs give the same bytes.
func WithGeneratedAt(t time.Time) AssessOption {
	return func(c *assessConfig) error {
		c.generatedAt = t
		return nil
	}
}

// Assess assesses a declaration. It first checks that the declaration fits
// the rubrics (see Check): when it does not, the error wraps ErrInvalid and
// the diagnostics. The result depends only on the rubrics, the declaration
// and the options. A nil declaration is an error that wraps ErrInvalid.
func (a *Assessor) Assess(ctx context.Context, d *Declaration, opts ...AssessOption) (*Result, error) {
	if d == nil {
		return nil, fmt.Errorf("assess: %w: none given", ErrInvalid)
	}
	var cfg assessConfig
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, fmt.Errorf("assess: %w", err)
		}
	}
	if cfg.asOf.IsZero() {
		cfg.asOf = time.Now().UTC()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	run := a.newRun(d, &cfg)
	defer a.release(run)
	if ds := a.check(d, run); ds.HasErrors() {
		return nil, invalid(ds)
	}
	run.evaluate()
	return run.result(), nil
}

// run holds the state of one assessment.
type run struct {
	a   *Assessor
	d   *Declaration
	cfg *assessConfig
	// Where d was read from: for a declaration built in Go, noSource,
	// which has no place at all.
	src      *declSource
	noSource declSource
	asOf     string
	e        env
	states   []cstate
	// classification
	fired, upcoming []int // rule indexes; upcoming as the result lists them, by date
	// The tier and the obligation behind each entry of the result's classification.
	clTiers, clObls []int
	gateSrc         []string
	oblInForce      []bool
	// The answer to each criterion and where it is, resolved once.
	ans     []*Answer
	apos    []*diag.Range
	parts   []*answerPos // nil for an answer without a place
	answers []Answer
	// Section scores by rubric, computed once for scores and the plan d'action.
	secScores [][]sectionScore
	// The date before which evidence is stale, by rubric ("" until needed).
	staleBefore []string
	// The lists of the facts' and answers' values, reused from run to run.
	lists []string
	// The description, folded, reused from run to run.
	desc []byte
	// The numbers the result points to, allocated with it.
	nums []float64
	// Working memory for findings and the plan d'action.
	scratch []Finding
	todo    []planKey
	share   []float64
}

// cstate is the outcome of one criterion.
type cstate struct {
	applicable      bool
	answered        bool // a value other than not_applicable
	na              bool // answered not_applicable with a justification
	unjustifiedNA   bool
	counted         bool
	s, p, max       float64
	status          Status
	missingEvidence bool
	label           int // 1 + index into the criterion's labels, or 0 for none
	reason          reason
}

// epsilon is how close to 0 or 1 a score counts as nothing or full marks,
// so that rounding in weights and brackets does not change a status.
const epsilon = 1e-9

// reason says why a criterion has its status, when the status alone does not.
type reason uint8

const (
	reasonNone       reason = iota
	reasonCondition         // its applies_when does not hold
	reasonJustified         // answered not_applicable, with a justification
	reasonNoEvidence        // evidence required and missing
)

func (a *Assessor) newRun(d *Declaration, cfg *assessConfig) *run {
	r, _ := a.runs.Get().(*run)
	if r == nil {
		n := len(a.crits)
		r = &run{
			e:          env{facts: make([]value, len(a.facts)), answers: make([]value, n), tiers: make([]bool, len(a.tiers))},
			states:     make([]cstate, n),
			gateSrc:    make([]string, n),
			ans:        make([]*Answer, n),
			apos:       make([]*diag.Range, n),
			parts:      make([]*answerPos, n),
			answers:    make([]Answer, n),
			share:      make([]float64, n),
			oblInForce: make([]bool, len(a.obls)),
		}
		r.secScores = make([][]sectionScore, len(a.rubrics))
		for ri, cr := range a.rubrics {
			r.secScores[ri] = make([]sectionScore, len(cr.sections))
		}
		r.staleBefore = make([]string, len(a.rubrics))
	}
	r.a, r.d, r.cfg, r.asOf = a, d, cfg, cfg.asOf.Format(time.DateOnly)
	if r.src = d.src; r.src == nil {
		r.src = &r.noSource
	}
	fallback := place(&r.src.answersKey) // answers without a place point at the answers key
	for i := range r.apos {
		r.apos[i] = fallback
	}
	return r // check fills in the facts and answers
}

// fact records the value of fact fi for the run.
func (r *run) fact(fi int, raw any) {
	r.e.facts[fi] = toValue(raw, r.a.facts[fi].f.Type, nil, &r.lists)
}

// answer records the answer to criterion ci for the run.
func (r *run) answer(ci int, id string, ans Answer) {
	r.answers[ci] = ans // the copy the map forces
	r.ans[ci] = &r.answers[ci]
	if p, ok := r.src.answerParts[id]; ok {
		r.parts[ci] = p
		if pos := place(&p.value); pos != nil {
			r.apos[ci] = pos
		}
	}
}

// place returns rg for a result to point to, or nil when rg is no place
// in the declaration. Results share positions with the declaration.
func place(rg *diag.Range) *diag.Range {
	if !rg.Start.IsValid() {
		return nil
	}
	return rg
}

// release clears a run of everything it refers to and keeps it for another assessment.
func (a *Assessor) release(r *run) {
	clear(r.e.facts)
	clear(r.e.answers)
	clear(r.e.tiers)
	clear(r.states)
	clear(r.gateSrc)
	clear(r.ans)
	clear(r.apos)
	clear(r.parts)
	clear(r.answers)
	clear(r.scratch)
	clear(r.staleBefore)
	r.scratch, r.todo = r.scratch[:0], r.todo[:0]
	clear(r.lists)
	r.lists, r.desc = r.lists[:0], r.desc[:0]
	clear(r.oblInForce)
	r.fired, r.upcoming = r.fired[:0], r.upcoming[:0]
	r.clTiers, r.clObls = r.clTiers[:0], r.clObls[:0]
	r.a, r.d, r.src, r.cfg, r.nums = nil, nil, nil, nil, nil
	a.runs.Put(r)
}

// toValue turns a declared value into what conditions read. Lists are
// appended to *lists, the run's working memory.
func toValue(raw any, kind rubric.FactType, levels []rubric.Level, lists *[]string) value {
	v := value{set: raw != nil, kind: kind}
	switch x := raw.(type) {
	case bool:
		v.b = x
	case float64:
		v.n = x
	case string:
		v.s = x
		if kind == rubric.FactDate {
			v.n = dayNumber(x)
		}
		if kind == rubric.FactSet {
			*lists = append(*lists, x)
			v.list = (*lists)[len(*lists)-1 : len(*lists) : len(*lists)]
		}
		for _, l := range levels {
			if l.Value == x {
				v.n = l.Score
			}
		}
	case []any:
		v.list = appendList(lists, x)
	}
	return v
}

// appendList appends the strings among elems to *lists and returns them.
// Earlier lists stay valid when *lists grows: they keep the old array.
func appendList(lists *[]string, elems []any) []string {
	start := len(*lists)
	for _, e := range elems {
		if s, ok := e.(string); ok {
			*lists = append(*lists, s)
		}
	}
	return (*lists)[start:len(*lists):len(*lists)]
}

func (r *run) evaluate() {
	a := r.a
	for _, s := range a.order {
		if s.classify {
			r.classify(s.idx)
			continue
		}
		r.criterion(s.idx)
	}
	// Obligations of the tiers that apply, in force at the as-of date, make their criteria gates.
	for oi, o := range a.obls {
		if o.tier < 0 || !r.e.tiers[o.tier] {
			continue
		}
		r.oblInForce[oi] = o.o.Effective == "" || o.o.Effective <= r.asOf
		if !r.oblInForce[oi] {
			continue
		}
		for _, ci := range o.crits {
			if r.gateSrc[ci] == "" && !a.crits[ci].c.Gate {
				r.gateSrc[ci] = a.tiers[o.tier].gateSource
			}
		}
	}
	for _, ci := range a.gates {
		r.gateSrc[ci] = "criterion"
	}
}

func (r *run) classify(ri int) {
	a, cr := r.a, r.a.rubrics[ri]
	fired := false
	for _, rule := range cr.rules {
		cru := a.rules[rule]
		if !cru.when.eval(&r.e) || cru.unless != nil && cru.unless.eval(&r.e) {
			continue
		}
		if cru.effective != "" && cru.effective > r.asOf {
			r.upcoming = append(r.upcoming, rule)
			continue
		}
		r.fired = append(r.fired, rule)
		if cru.tier >= 0 {
			r.e.tiers[cru.tier] = true
			fired = true
		}
	}
	if !fired && cr.defTier >= 0 {
		r.e.tiers[cr.defTier] = true
	}
}

func (r *run) criterion(ci int) {
	a := r.a
	c := a.crits[ci]
	cr := a.rubrics[c.rubric]
	st := &r.states[ci]
	st.max = c.maxPoints
	st.applicable = cr.sections[c.section].applies.eval(&r.e) && c.applies.eval(&r.e)
	ans, given := Answer{}, r.ans[ci] != nil
	if given {
		ans = *r.ans[ci]
	}
	switch {
	case !st.applicable:
		st.status = NotApplicable
		st.reason = reasonCondition
		return
	case given && ans.Value == rubric.NotApplicable && strings.TrimSpace(ans.Justification) != "":
		st.applicable, st.na, st.status = false, true, NotApplicable
		st.reason = reasonJustified
		// Conditions may ask whether the project declared the criterion non concerné.
		r.e.answers[ci] = value{set: true, kind: rubric.FactEnum, s: rubric.NotApplicable}
		return
	case given && ans.Value == rubric.NotApplicable:
		st.unjustifiedNA = true
		given = false
	}
	if !given || ans.Value == nil {
		st.status = Unanswered
		st.counted = cr.missing == rubric.MissingZero
		return
	}
	st.answered, st.counted = true, true
	if c.read {
		r.e.answers[ci] = toValue(ans.Value, c.kind, c.levels, &r.lists)
	}
	st.s, st.p, st.label = score(c, ans.Value)
	// A claim without the evidence it needs earns nothing; an answer that
	// earns nothing ("no") claims nothing, and has nothing to prove. Points
	// count only where the rubric scores in points.
	earns := st.s > epsilon || (cr.method == rubric.Points && st.p > epsilon)
	if c.c.Evidence == rubric.EvidenceRequired && len(ans.Evidence) == 0 && earns {
		st.missingEvidence = true
		st.s, st.p = 0, 0
		st.reason = reasonNoEvidence
	}
	switch {
	case st.s >= 1-epsilon:
		st.status = Met
	case st.s > epsilon:
		st.status = Partial
	default:
		st.status = Unmet
	}
}

// score returns the 0–1 score, the points and the label of an answer: 1 +
// its index in the criterion's labels, or 0 for none.
func score(c *ccrit, v any) (s, p float64, label int) {
	cc := c.c
	pts := 0.0
	if cc.Points != nil {
		pts = *cc.Points
	}
	switch cc.Type {
	case rubric.AnswerScale:
		sv, _ := v.(string)
		for i, l := range c.levels {
			if l.Value == sv {
				return l.Score, pts * l.Score, i + 1
			}
		}
	case rubric.AnswerBoolean:
		b, _ := v.(bool)
		if b == *cc.Expected {
			return 1, pts, 0
		}
		return 0, 0, 0
	case rubric.AnswerNumber:
		n, _ := v.(float64)
		if len(cc.Brackets) == 0 {
			if cc.Min == nil || cc.Max == nil || *cc.Max == *cc.Min {
				return 0, 0, 0
			}
			s = math.Max(0, math.Min(1, (n-*cc.Min)/(*cc.Max-*cc.Min)))
			return s, s * pts, 0
		}
		i := bracketOf(n, cc.Brackets)
		if i < 0 { // Check refuses such a number
			return 0, 0, 0
		}
		b := cc.Brackets[i]
		switch {
		case b.Score != nil:
			s = *b.Score
		case b.Points != nil && c.bestBracket > 0:
			s = *b.Points / c.bestBracket
		}
		p = s * pts
		if b.Points != nil {
			p = *b.Points
		}
		return s, p, 0
	case rubric.AnswerChoice:
		best := c.maxPoints // the most a choice gives
		sv, _ := v.(string)
		for i, ch := range cc.Choices {
			if ch.Value != sv {
				continue
			}
			switch {
			case ch.Score != nil:
				s = *ch.Score
			case best > 0:
				s = math.Max(0, ch.Points/best)
			}
			return s, math.Max(0, ch.Points), i + 1 // a criterion never takes points away
		}
	case rubric.AnswerMulti:
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		sum := 0.0
		for _, ch := range cc.Choices {
			if slices.Contains(list, any(ch.Value)) {
				sum += ch.Points
			}
		}
		p = math.Max(0, math.Min(sum, c.maxPoints))
		if c.maxPoints > 0 {
			s = p / c.maxPoints
		}
		return s, p, 0
	}
	return 0, 0, 0
}

// bracketOf returns the index of the bracket n falls in, or -1.
func bracketOf(n float64, brackets []rubric.Bracket) int {
	for i, b := range brackets {
		if inBracket(n, b.Bounds, i == 0, i == len(brackets)-1) {
			return i
		}
	}
	return -1
}

// inBracket reports whether n falls within b. A bracket without a lower
// bound is open below only when it is the first; without an upper bound,
// open above only when it is the last. Bands pass first and last.
func inBracket(n float64, b rubric.Bounds, first, last bool) bool {
	switch {
	case b.GTE != nil && n < *b.GTE, b.GT != nil && n <= *b.GT:
		return false
	case b.GTE == nil && b.GT == nil && !first:
		return false
	case b.LTE != nil && n > *b.LTE, b.LT != nil && n >= *b.LT:
		return false
	case b.LTE == nil && b.LT == nil && !last:
		return false
	}
	return true
}

var pow10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6}

// round rounds x as a rubric asks.
func round(x float64, digits int, mode rubric.RoundingMode) float64 {
	f := pow10[min(max(digits, 0), len(pow10)-1)]
	y := x * f
	y = math.Round(y*1e6) / 1e6 // absorb binary noise such as 64.99999999
	switch mode {
	case rubric.RoundHalfEven:
		y = math.RoundToEven(y)
	case rubric.RoundDown:
		y = math.Floor(y)
	case rubric.RoundUp:
		y = math.Ceil(y)
	default:
		y = math.Floor(y + 0.5)
	}
	return y / f
}

// language is the language of the run: "en" or "fr".
func (r *run) language() string { return langs[r.cfg.lang] }

// text picks a rubric text in the language of the run.
func (r *run) text(t rubric.Text, rub *rubric.Rubric) string { return t.In(r.language(), rub.Language) }

// t picks the English or French wording.
func (r *run) t(en, fr string) string {
	if r.language() == "fr" {
		return fr
	}
	return en
}

// date writes an ISO date YYYY-MM-DD as people of the run's language read
// it: 02/12/2027 in French.
func (r *run) date(iso string) string {
	if r.language() == "fr" && len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
		return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
	}
	return iso
}

// num returns a pointer to v, kept in the result's block of numbers.
func (r *run) num(v float64) *float64 {
	if len(r.nums) == cap(r.nums) { // never with a.nnums; earlier pointers stay valid anyway
		r.nums = make([]float64, 0, 16)
	}
	r.nums = append(r.nums, v)
	return &r.nums[len(r.nums)-1]
}
