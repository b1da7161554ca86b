package assessment

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/vigie-ai/vigie/rubric"
)

// Assessor assesses declarations against a compiled set of rubrics. It is
// immutable and safe for concurrent use: compile it once, assess many times.
type Assessor struct {
	version string
	rubrics []*crubric
	facts   []*cfact
	factIdx map[string]int
	crits   []*ccrit
	critIdx map[string]int
	tiers   []*ctier
	tierIdx map[string]int // tier id → first tier with that id
	rules   []*crule
	obls    []*cobl
	order   []step
	signals []csignal
	critIDs []string // namespaced ids, for suggestions
	gates   []int    // criteria that are critères impératifs by themselves
	nnums   int      // numbers a result points to: scores and points, section and rubric scores
	factIDs []string
	cited   [len(langs)][]Reference
	// runs recycles the working memory of assessments; nothing a result
	// holds comes from it.
	runs sync.Pool
}

// Option configures Compile.
type Option func(*compileConfig) error

type compileConfig struct {
	version string
}

// WithVersion sets the vigie version written in results (default "dev").
func WithVersion(v string) Option {
	return func(c *compileConfig) error {
		c.version = v
		return nil
	}
}

type crubric struct {
	r        *rubric.Rubric
	sections []csection
	crits    []int // indexes into Assessor.crits, in order
	tiers    []int
	rules    []int
	obls     []int
	method   rubric.ScoringMethod
	missing  rubric.MissingPolicy
	digits   int
	mode     rubric.RoundingMode
	scores   []cscore
	overall  int // index into scores, or -1 for the implicit overall
	// Indexes into scores, each after those whose bands adjust it.
	scoreOrder []int
	// The sections the overall score reads, and whether each section is one of them.
	overallSections []int
	inOverall       []bool
	months          int
	defTier         int // -1 when none
	cover           []coverRef
}

type csection struct {
	id      string
	title   rubric.Text
	weight  float64
	crits   []int
	applies *cpred
}

type cscore struct {
	s        *rubric.Score
	sections []int // indexes into crubric.sections
	adjust   []cadjust
}

type cadjust struct {
	other int // index into crubric.scores
	a     *rubric.Adjustment
}

type refInfo struct {
	referential, item rubric.Text
	url               string
}

type cfact struct {
	f      *rubric.Fact
	values []string
}

// langs are the languages texts are prepared in at Compile; lang picks one.
var langs = [...]string{"en", "fr"}

func langIndex(lang string) int {
	if lang == "fr" {
		return 1
	}
	return 0
}

// critText is what a result says of a criterion, in one language.
type critText struct {
	question, recommendation string
	msgs                     [nmsg]string // prepared, so that a result does not build them
	labels                   []string     // of the levels of its scale, or of its choices
}

// critMsg names a message a result may say of a criterion.
type critMsg uint8

const (
	msgGateFailed critMsg = iota
	msgUnmet
	msgPartial
	msgUnanswered
	msgMissingEvidence
	msgUnjustifiedNA
	msgAnswerIt // the recommendation of a criterion that has none
	nmsg
)

// critMsgs are the messages' openings, in English and French; the question follows.
var critMsgs = [nmsg][len(langs)]string{
	msgGateFailed:      {"Critère impératif not met: ", "Critère impératif non atteint\u00a0: "},
	msgUnmet:           {"Not met: ", "Non atteint\u00a0: "},
	msgPartial:         {"Partly met: ", "Partiellement atteint\u00a0: "},
	msgUnanswered:      {"Not answered: ", "Sans réponse\u00a0: "},
	msgMissingEvidence: {"Answered without the evidence the criterion requires: ", "Réponse sans le justificatif que le critère exige\u00a0: "},
	msgUnjustifiedNA:   {"Declared not applicable without a justification: ", "Déclaré non concerné sans justification\u00a0: "},
	msgAnswerIt:        {"Answer and meet the criterion: ", "Répondre au critère et l'atteindre\u00a0: "},
}

// coverRef is a referential of a rubric with, for each item, the criteria that cite it.
type coverRef struct {
	id    string
	title [len(langs)]string
	items []coverItem
}

type coverItem struct {
	id    string
	title [len(langs)]string
	crits []int
	ids   []string // of crits, shared by results
}

type ccrit struct {
	text      [len(langs)]critText
	info      [len(langs)]CriterionInfo // what results say of it, shared by them
	id        string
	rubric    int
	section   int
	c         *rubric.Criterion
	levels    []rubric.Level
	applies   *cpred // the criterion's own condition
	maxPoints float64
	severity  Severity
	kind      rubric.FactType // of its answers, for conditions and checks
	read      bool            // some condition reads its answer
	values    []string        // the levels or choices an answer may take
	// The most points a bracket gives: a bracket with points and no score
	// scores its share of it.
	bestBracket float64
}

type ctier struct {
	t          *rubric.Tier
	rubric     int
	rank       int      // position in its rubric's list: 0 is the most severe
	severity   Severity // of its findings: the tier's, info by default
	gateSource string   // tier:ID, for the criteria its obligations make gates
}

type crule struct {
	r         *rubric.Rule
	rubric    int
	tier      int
	when      *cpred
	unless    *cpred
	effective string
	refs      []string // the rule's references, shared by results
}

type cobl struct {
	o      *rubric.Obligation
	rubric int
	tier   int
	crits  []int
	refs   []string // the obligation's references, shared by results
}

// step is one node of the evaluation order: a criterion's applicability or
// a rubric's classification.
type step struct {
	classify bool
	idx      int
}

type csignal struct {
	fact    int
	value   string
	phrases []string // folded
	padded  [][]byte // the phrases between spaces, to find whole words
}

// Compile prepares a set of rubrics for assessing declarations: it resolves
// every name, turns conditions into an evaluable form and orders them.
func Compile(set *rubric.Set, opts ...Option) (*Assessor, error) {
	cfg := &compileConfig{version: "dev"}
	for _, o := range opts {
		if err := o(cfg); err != nil {
			return nil, err
		}
	}
	if set == nil {
		return nil, errors.New("compile: no rubric set")
	}
	a := &Assessor{version: cfg.version, factIdx: map[string]int{}, critIdx: map[string]int{}, tierIdx: map[string]int{}}
	refTitle := map[string]refInfo{} // rubric:referential:item → titles
	for fi, f := range set.Facts() {
		cf := &cfact{f: f}
		a.factIdx[f.ID] = fi
		a.facts = append(a.facts, cf)
		a.factIDs = append(a.factIDs, f.ID)
		for _, v := range f.Values {
			cf.values = append(cf.values, v.Value)
			sg := csignal{fact: fi, value: v.Value}
			for _, lang := range slices.Sorted(maps.Keys(v.Signals)) {
				for _, ph := range v.Signals[lang] {
					folded := fold(ph)
					sg.phrases = append(sg.phrases, folded)
					sg.padded = append(sg.padded, []byte(" "+folded+" "))
				}
			}
			if len(sg.phrases) > 0 {
				a.signals = append(a.signals, sg)
			}
		}
	}
	// Criteria and tiers first: conditions refer to them.
	for ri, r := range set.Rubrics() {
		cr := &crubric{r: r, method: r.Scoring.Method, missing: r.Scoring.Missing, digits: *r.Scoring.Rounding.Digits,
			mode: r.Scoring.Rounding.Mode, months: r.ReviewPeriodMonths, defTier: -1, overall: -1}
		a.rubrics = append(a.rubrics, cr)
		for _, ref := range r.Referentials {
			for _, it := range ref.Items {
				url := it.URL
				if url == "" {
					url = ref.URL
				}
				refTitle[r.ID+":"+ref.ID+":"+it.ID] = refInfo{referential: ref.Title, item: it.Title, url: url}
			}
		}
		for si := range r.Sections {
			s := &r.Sections[si]
			cs := csection{id: s.ID, title: s.Title, weight: *s.Weight}
			for ci := range s.Criteria {
				c := &s.Criteria[ci]
				cc := &ccrit{id: r.ID + "/" + c.ID, rubric: ri, section: si, c: c, maxPoints: r.MaxPoints(c)}
				if c.Type == rubric.AnswerScale {
					for _, sc := range r.Scales {
						if sc.ID == c.Scale {
							cc.levels = sc.Levels
						}
					}
				}
				for _, l := range cc.levels {
					cc.values = append(cc.values, l.Value)
				}
				for _, ch := range c.Choices {
					cc.values = append(cc.values, ch.Value)
				}
				for _, b := range c.Brackets {
					if b.Points != nil {
						cc.bestBracket = math.Max(cc.bestBracket, *b.Points)
					}
				}
				cc.kind = answerKind(c)
				var err error
				if cc.severity, err = ParseSeverity(string(c.Severity)); err != nil { // a rubric built in Go: the parser's default
					cc.severity = Medium
					if c.Gate {
						cc.severity = Critical
					}
				}
				a.critIdx[cc.id] = len(a.crits)
				if c.Gate {
					a.gates = append(a.gates, len(a.crits))
				}
				cs.crits = append(cs.crits, len(a.crits))
				cr.crits = append(cr.crits, len(a.crits))
				a.crits = append(a.crits, cc)
				a.critIDs = append(a.critIDs, cc.id)
			}
			cr.sections = append(cr.sections, cs)
		}
		if cl := r.Classification; cl != nil {
			for ti := range cl.Tiers {
				t := &cl.Tiers[ti]
				if _, ok := a.tierIdx[t.ID]; !ok {
					a.tierIdx[t.ID] = len(a.tiers)
				}
				cr.tiers = append(cr.tiers, len(a.tiers))
				if t.ID == cl.Default {
					cr.defTier = len(a.tiers)
				}
				sev, err := ParseSeverity(string(t.Severity))
				if err != nil { // none given, or one built in Go that is none of the five
					sev = Info
				}
				a.tiers = append(a.tiers, &ctier{t: t, rubric: ri, rank: ti, severity: sev, gateSource: "tier:" + t.ID})
			}
		}
	}
	var errs []error
	for ri, cr := range a.rubrics {
		r := cr.r
		comp := &predCompiler{a: a, rubric: r, cr: cr}
		for si := range cr.sections {
			cr.sections[si].applies = comp.compile(r.Sections[si].AppliesWhen)
		}
		for _, ci := range cr.crits {
			a.crits[ci].applies = comp.compile(a.crits[ci].c.AppliesWhen)
		}
		if cl := r.Classification; cl != nil {
			for i := range cl.Rules {
				rule := &cl.Rules[i]
				cr.rules = append(cr.rules, len(a.rules))
				a.rules = append(a.rules, &crule{r: rule, rubric: ri, tier: a.localTier(cr, rule.Tier),
					when: comp.compile(&rule.When), unless: comp.compile(rule.Unless), effective: rule.Effective,
					refs: refs(rule.References)})
			}
			for i := range cl.Obligations {
				o := &cl.Obligations[i]
				co := &cobl{o: o, rubric: ri, tier: a.localTier(cr, o.Tier), refs: refs(o.References)}
				for _, id := range o.Criteria {
					if !strings.Contains(id, "/") {
						id = r.ID + "/" + id
					}
					if ci, ok := a.critIdx[id]; ok {
						co.crits = append(co.crits, ci)
					}
				}
				cr.obls = append(cr.obls, len(a.obls))
				a.obls = append(a.obls, co)
			}
		}
		if err := a.compileScores(cr); err != nil {
			errs = append(errs, err)
		}
		errs = append(errs, comp.errs...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("compile: %w", err)
	}
	a.order = a.evaluationOrder()
	a.prepareTexts(refTitle)
	for _, cr := range a.rubrics {
		perCrit := 1 // its score
		if cr.method == rubric.Points {
			perCrit = 2 // and its points
		}
		a.nnums += perCrit*len(cr.crits) + len(cr.sections) + 2*(len(cr.scores)+1) // section values; score values and percentages
	}
	return a, nil
}

// prepareTexts resolves, once per language, the texts every result repeats.
func (a *Assessor) prepareTexts(refTitle map[string]refInfo) {
	for _, c := range a.crits {
		rub := a.rubrics[c.rubric].r
		cited := refs(c.c.References)
		for li, lang := range langs {
			t := critText{
				question:       c.c.Question.In(lang, rub.Language),
				recommendation: c.c.Recommendation.In(lang, rub.Language),
			}
			for m := range t.msgs {
				t.msgs[m] = critMsgs[m][li] + t.question
			}
			for _, l := range c.levels {
				t.labels = append(t.labels, l.Label.In(lang, rub.Language))
			}
			if len(c.levels) == 0 {
				for _, ch := range c.c.Choices {
					t.labels = append(t.labels, ch.Label.In(lang, rub.Language))
				}
			}
			c.text[li] = t
			c.info[li] = CriterionInfo{ID: c.id, Rubric: rub.ID, Section: rub.Sections[c.section].ID, Question: t.question,
				Weight: *c.c.Weight, References: cited}
		}
	}
	for _, cr := range a.rubrics {
		seen := map[string]bool{}
		var ids []string
		cite := func(refs []string) {
			for _, id := range refs {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
		for _, ci := range cr.crits {
			cite(a.crits[ci].c.References)
		}
		for _, ri := range cr.rules {
			cite(a.rules[ri].r.References)
		}
		for _, oi := range cr.obls {
			cite(a.obls[oi].o.References)
		}
		for li, lang := range langs {
			a.cited[li] = append(a.cited[li], references(refTitle, cr.r, ids, lang)...)
		}
	}
	for li := range a.cited {
		a.cited[li] = slices.Clip(append([]Reference{}, a.cited[li]...)) // never nil: JSON writes []
	}
	for _, cr := range a.rubrics {
		rub := cr.r
		for _, ref := range rub.Referentials {
			cv := coverRef{id: ref.ID}
			for li, lang := range langs {
				cv.title[li] = ref.Title.In(lang, rub.Language)
			}
			for _, it := range ref.Items {
				ci := coverItem{id: it.ID}
				for li, lang := range langs {
					ci.title[li] = it.Title.In(lang, rub.Language)
				}
				key := ref.ID + ":" + it.ID
				for _, k := range cr.crits {
					if slices.Contains(a.crits[k].c.References, key) {
						ci.crits = append(ci.crits, k)
						ci.ids = append(ci.ids, a.crits[k].id)
					}
				}
				ci.ids = slices.Clip(append([]string{}, ci.ids...)) // never nil: JSON writes []
				cv.items = append(cv.items, ci)
			}
			cr.cover = append(cr.cover, cv)
		}
	}
}

// refs copies a list of references for results to share, so that they
// share nothing with the rubrics themselves. It is never nil: JSON writes [].
func refs(ids []string) []string {
	return slices.Clip(append([]string{}, ids...))
}

// references describes referential items in a language.
func references(refTitle map[string]refInfo, rub *rubric.Rubric, ids []string, lang string) []Reference {
	out := make([]Reference, 0, len(ids))
	for _, id := range ids {
		ref, item, _ := strings.Cut(id, ":")
		info := refTitle[rub.ID+":"+ref+":"+item]
		out = append(out, Reference{Rubric: rub.ID, ID: id, Referential: info.referential.In(lang, rub.Language), Title: info.item.In(lang, rub.Language), URL: info.url})
	}
	return out
}

// localTier returns the index of the tier with id in rubric cr, or -1.
func (a *Assessor) localTier(cr *crubric, id string) int {
	for _, ti := range cr.tiers {
		if a.tiers[ti].t.ID == id {
			return ti
		}
	}
	return -1
}

func (a *Assessor) compileScores(cr *crubric) error {
	r := cr.r
	allSections := make([]int, len(cr.sections))
	for j := range allSections {
		allSections[j] = j
	}
	secIdx := map[string]int{}
	for i, s := range cr.sections {
		secIdx[s.id] = i
	}
	scoreIdx := map[string]int{}
	for i := range r.Scoring.Scores {
		scoreIdx[r.Scoring.Scores[i].ID] = i
	}
	for i := range r.Scoring.Scores {
		s := &r.Scoring.Scores[i]
		cs := cscore{s: s}
		if len(s.Sections) == 0 {
			cs.sections = allSections
		}
		for _, id := range s.Sections {
			j, ok := secIdx[id]
			if !ok {
				return fmt.Errorf("rubric %s: score %s names unknown section %s", r.ID, s.ID, id)
			}
			cs.sections = append(cs.sections, j)
		}
		for j := range s.Adjustments {
			adj := &s.Adjustments[j]
			o, ok := scoreIdx[adj.Score]
			if !ok {
				return fmt.Errorf("rubric %s: score %s adjusts by unknown score %s", r.ID, s.ID, adj.Score)
			}
			cs.adjust = append(cs.adjust, cadjust{other: o, a: adj})
		}
		cr.scores = append(cr.scores, cs)
	}
	cr.overallSections = allSections
	if r.Scoring.Overall != "" {
		cr.overall = scoreIdx[r.Scoring.Overall]
		cr.overallSections = cr.scores[cr.overall].sections
	}
	cr.inOverall = make([]bool, len(cr.sections))
	for _, j := range cr.overallSections {
		cr.inOverall[j] = true
	}
	// Scores are computed in an order where each comes after those that adjust it.
	state := make([]int, len(cr.scores))
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case 1:
			return fmt.Errorf("rubric %s: scores adjust each other in a cycle", r.ID)
		case 2:
			return nil
		}
		state[i] = 1
		for _, adj := range cr.scores[i].adjust {
			if err := visit(adj.other); err != nil {
				return err
			}
		}
		state[i] = 2
		cr.scoreOrder = append(cr.scoreOrder, i)
		return nil
	}
	for i := range cr.scores {
		if err := visit(i); err != nil {
			return err
		}
	}
	return nil
}

// evaluationOrder orders criteria and classifications so that each comes
// after what its conditions read. NewSet has already refused cycles.
func (a *Assessor) evaluationOrder() []step {
	deps := func(s step) []step {
		var out []step
		add := func(p *cpred) {
			p.walk(func(q *cpred) {
				switch {
				case q.crit >= 0:
					out = append(out, step{idx: q.crit})
				case q.tier >= 0:
					out = append(out, step{classify: true, idx: a.tiers[q.tier].rubric})
				}
			})
		}
		if s.classify {
			for _, ri := range a.rubrics[s.idx].rules {
				add(a.rules[ri].when)
				add(a.rules[ri].unless)
			}
			return out
		}
		c := a.crits[s.idx]
		add(a.rubrics[c.rubric].sections[c.section].applies)
		add(c.applies)
		return out
	}
	var order []step
	done := map[step]bool{}
	visiting := map[step]bool{}
	var visit func(s step)
	visit = func(s step) {
		if done[s] || visiting[s] {
			return
		}
		visiting[s] = true
		for _, d := range deps(s) {
			visit(d)
		}
		visiting[s] = false
		done[s] = true
		order = append(order, s)
	}
	for ri, cr := range a.rubrics {
		if len(cr.tiers) > 0 {
			visit(step{classify: true, idx: ri})
		}
	}
	for ci := range a.crits {
		visit(step{idx: ci})
	}
	return order
}

// HasTier reports whether a rubric of the set defines the tier.
func (a *Assessor) HasTier(id string) bool {
	_, ok := a.tierIdx[id]
	return ok
}

// AtLeastAsSevere reports whether the tier of the given rubric is the tier
// named threshold, or comes before it (is more severe) in that rubric's list.
func (a *Assessor) AtLeastAsSevere(rubricID, tier, threshold string) bool {
	for _, cr := range a.rubrics {
		if cr.r.ID != rubricID {
			continue
		}
		t, th := a.localTier(cr, tier), a.localTier(cr, threshold)
		return t >= 0 && th >= 0 && a.tiers[t].rank <= a.tiers[th].rank
	}
	return false
}
