package assessment

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

// result builds the Result of an evaluated run.
func (r *run) result() *Result {
	a, d := r.a, r.d
	res := &Result{
		Format: ResultVersion, Vigie: a.version, AsOf: r.asOf, Language: r.language(),
		Subject: Subject{ID: d.Project.ID, Name: d.Project.Name, Organisation: d.Project.Organisation,
			Lifecycle: d.Project.Lifecycle, File: d.File(), SHA256: d.SHA256()},
		Status: Pass, FailedGates: []Gate{}, Findings: r.scratch[:0], ActionPlan: []Action{}, Coverage: []ReferentialCoverage{},
	}
	if !r.cfg.generatedAt.IsZero() {
		res.GeneratedAt = r.cfg.generatedAt.UTC().Format(time.RFC3339)
	}
	r.nums = make([]float64, 0, a.nnums) // every number the result points to, in one allocation
	r.classification(res)
	res.Rubrics = make([]RubricResult, len(a.rubrics))
	for ri := range a.rubrics {
		res.Rubrics[ri] = r.rubricResult(ri)
	}
	r.criteria(res)
	r.findings(res)
	r.actionPlan(res)
	r.coverage(res)
	res.References = a.cited[r.cfg.lang]
	if len(res.FailedGates) > 0 {
		res.Status = Fail
	}
	if res.Classification != nil {
		for _, t := range res.Classification.Tiers {
			if t.Fails {
				res.Status = Fail
			}
		}
	}
	return res
}

func (r *run) classification(res *Result) {
	a := r.a
	if len(a.tiers) == 0 {
		return
	}
	cl := &Classification{Tiers: []TierResult{}, Rules: []RuleResult{}, Upcoming: []RuleResult{}, Obligations: []Obligation{}}
	rule := func(ri int) RuleResult {
		cru := a.rules[ri]
		rub := a.rubrics[cru.rubric].r
		var tierTitle string
		if cru.tier >= 0 {
			tierTitle = r.text(a.tiers[cru.tier].t.Title, rub)
		}
		return RuleResult{Rubric: rub.ID, ID: cru.r.ID, Tier: cru.r.Tier, TierTitle: tierTitle, Title: r.text(cru.r.Title, rub), Effective: cru.effective,
			Rationale: r.text(cru.r.Rationale, rub), References: cru.refs, Review: cru.r.Review,
			ReviewNote: r.text(cru.r.ReviewNote, rub)}
	}
	for _, ri := range r.fired {
		rr := rule(ri)
		cl.Rules = append(cl.Rules, rr)
		cl.NeedsReview = cl.NeedsReview || rr.Review
	}
	// Sorted in place, so that findings read each upcoming rule's tier by index.
	slices.SortStableFunc(r.upcoming, func(x, y int) int { return cmp.Compare(a.rules[x].effective, a.rules[y].effective) })
	for _, ri := range r.upcoming {
		cl.Upcoming = append(cl.Upcoming, rule(ri))
	}
	for ti, t := range a.tiers { // in rubric order, the most severe first
		if !r.e.tiers[ti] {
			continue
		}
		r.clTiers = append(r.clTiers, ti)
		rub := a.rubrics[t.rubric].r
		tr := TierResult{ID: t.t.ID, Title: r.text(t.t.Title, rub), Rubric: rub.ID, Rules: []string{}, Fails: t.t.Fail}
		for _, ri := range r.fired {
			if a.rules[ri].tier == ti {
				tr.Rules = append(tr.Rules, a.rules[ri].r.ID)
			}
		}
		cl.Tiers = append(cl.Tiers, tr)
	}
	if len(cl.Tiers) > 0 {
		cl.Headline, cl.HeadlineTitle = cl.Tiers[0].ID, cl.Tiers[0].Title
	}
	for oi, o := range a.obls {
		if o.tier < 0 || !r.e.tiers[o.tier] {
			continue
		}
		r.clObls = append(r.clObls, oi)
		rub := a.rubrics[o.rubric].r
		ob := Obligation{Rubric: rub.ID, Tier: o.o.Tier, Effective: o.o.Effective, InForce: r.oblInForce[oi],
			References: o.refs, Criteria: []string{}}
		for _, ci := range o.crits {
			ob.Criteria = append(ob.Criteria, a.crits[ci].id)
		}
		cl.Obligations = append(cl.Obligations, ob)
	}
	res.Classification = cl
}

// sectionScore is a section's value (a percentage or points) and its maximum.
type sectionScore struct {
	value, max float64
	has        bool
	counts     Counts
	weightSum  float64 // of counted criteria (weighted means)
}

func (r *run) sectionScore(ri, si int) sectionScore {
	a, cr := r.a, r.a.rubrics[ri]
	var ss sectionScore
	var num float64
	for _, ci := range cr.sections[si].crits {
		st := &r.states[ci]
		switch st.status {
		case Met:
			ss.counts.Met++
		case Partial:
			ss.counts.Partial++
		case Unmet:
			ss.counts.Unmet++
		case Unanswered:
			ss.counts.Unanswered++
		case NotApplicable:
			ss.counts.NotApplicable++
		}
		if !st.counted {
			continue
		}
		ss.has = true
		w := a.crits[ci].info[0].Weight // the same in every language
		num += w * st.s
		ss.weightSum += w
		ss.value += st.p
		ss.max += st.max
	}
	if cr.method == rubric.WeightedMean {
		ss.max = 100
		ss.value = 0
		if ss.weightSum > 0 {
			ss.value = 100 * num / ss.weightSum
		} else {
			ss.has = false
		}
	}
	return ss
}

func (r *run) rubricResult(ri int) RubricResult {
	cr := r.a.rubrics[ri]
	rub := cr.r
	rr := RubricResult{ID: rub.ID, Version: rub.Version, SHA256: rub.SHA256(), Extends: rub.Extends,
		Title: r.text(rub.Title, rub), Method: string(cr.method), Sections: make([]SectionResult, 0, len(cr.sections))}
	secs := r.secScores[ri]
	for si, s := range cr.sections {
		secs[si] = r.sectionScore(ri, si)
		sr := SectionResult{ID: s.id, Title: r.text(s.title, rub), Weight: s.weight, Max: secs[si].max, Counts: secs[si].counts}
		if secs[si].has {
			sr.Value = r.num(round(secs[si].value, cr.digits, cr.mode))
		}
		rr.Sections = append(rr.Sections, sr)
	}
	// Named scores, each after those whose bands adjust it.
	scores := make([]Score, len(cr.scores))
	bands := make([]string, len(cr.scores))
	for _, i := range cr.scoreOrder {
		cs := cr.scores[i]
		sc, v, ok := r.combine(cr, secs, cs.sections)
		sc.ID, sc.Title = cs.s.ID, r.text(cs.s.Title, rub)
		if ok {
			for _, adj := range cs.adjust {
				if !slices.Contains(adj.a.In, bands[adj.other]) {
					continue
				}
				from := v
				if adj.a.Percent != nil {
					v *= 1 + *adj.a.Percent/100
				}
				if adj.a.Add != nil {
					v += *adj.a.Add
				}
				v = math.Max(0, math.Min(v, sc.Max))
				sc.Adjustments = append(sc.Adjustments, Adjustment{Score: cr.scores[adj.other].s.ID, Band: bands[adj.other],
					From: round(from, cr.digits, cr.mode), To: round(v, cr.digits, cr.mode), Note: r.text(adj.a.Note, rub)})
			}
			r.finish(&sc, v, cr)
			read := *sc.Value
			if cs.s.Basis == rubric.BasisPercent {
				read = *sc.Percent
			}
			for _, b := range cs.s.Bands {
				if inBracket(read, b.Bounds, true, true) {
					sc.Band, sc.BandLabel, bands[i] = b.ID, r.text(b.Label, rub), b.ID
					break
				}
			}
		}
		scores[i] = sc
	}
	rr.Scores = scores
	if cr.overall >= 0 {
		rr.Overall = scores[cr.overall]
	} else {
		var v float64
		var ok bool
		rr.Overall, v, ok = r.combine(cr, secs, cr.overallSections)
		rr.Overall.ID = "overall"
		if ok {
			r.finish(&rr.Overall, v, cr)
		}
	}
	return rr
}

// combine computes a score over sections: the weighted mean of their
// percentages, or the sum of their points. It returns the score with its
// maximum, and its value unless no section counts.
func (r *run) combine(cr *crubric, secs []sectionScore, which []int) (sc Score, value float64, ok bool) {
	var num, den float64
	for _, si := range which {
		s := secs[si]
		if !s.has {
			continue
		}
		if cr.method == rubric.WeightedMean {
			w := cr.sections[si].weight
			num += w * s.value
			den += w
			continue
		}
		num += s.value
		den += s.max
	}
	if cr.method == rubric.WeightedMean {
		sc.Max = 100
		if den > 0 {
			return sc, num / den, true
		}
		return sc, 0, false
	}
	sc.Max = den
	return sc, num, den > 0
}

// finish rounds a score and computes its percentage.
func (r *run) finish(sc *Score, v float64, cr *crubric) {
	sc.Value = r.num(round(v, cr.digits, cr.mode))
	pct := 100.0
	if sc.Max > 0 {
		pct = 100 * v / sc.Max
	}
	sc.Percent = r.num(round(pct, cr.digits, cr.mode))
}

func (r *run) criteria(res *Result) {
	a := r.a
	res.Criteria = make([]CriterionResult, len(a.crits)) // filled in place: the struct is large
	for ci, c := range a.crits {
		st := &r.states[ci]
		cres := &res.Criteria[ci]
		*cres = CriterionResult{CriterionInfo: &c.info[r.cfg.lang], Status: st.status, Gate: r.gateSrc[ci] != "",
			GateSource: r.gateSrc[ci], Severity: c.severity}
		cres.Position = r.apos[ci] // shared with the declaration, which nothing changes
		if strings.HasPrefix(r.gateSrc[ci], "tier:") {
			cres.Severity = Critical // a tier's obligation; a criterion's own gate keeps its severity
		}
		if ans := r.ans[ci]; ans != nil {
			cres.Answer, cres.Evidence, cres.Comment, cres.Justification = ans.Value, ans.Evidence, ans.Comment, ans.Justification
			if st.label > 0 {
				cres.AnswerLabel = c.text[r.cfg.lang].labels[st.label-1]
			}
		}
		switch st.reason {
		case reasonCondition:
			cres.Reason = r.t("its condition of applicability does not hold", "sa condition d'applicabilité n'est pas remplie")
		case reasonJustified:
			cres.Reason = r.ans[ci].Justification
		case reasonNoEvidence:
			cres.Reason = r.t("no evidence, which the criterion requires", "aucun justificatif, alors que le critère en exige un")
		}
		if st.counted || st.answered {
			cres.Score = r.num(round(st.s, 4, rubric.RoundHalfUp))
			if a.rubrics[c.rubric].method == rubric.Points {
				cres.Points, cres.MaxPoints = r.num(round(st.p, 4, rubric.RoundHalfUp)), st.max
			}
		}
		if cres.Gate && st.applicable && st.status != Met {
			res.FailedGates = append(res.FailedGates, Gate{Criterion: c.id, Question: cres.Question, Status: st.status, Source: r.gateSrc[ci]})
		}
	}
	applicable, answered, na := 0, 0, 0
	for _, st := range r.states {
		if st.status == NotApplicable {
			na++
			continue
		}
		applicable++
		if st.answered {
			answered++
		}
	}
	res.Completeness = Completeness{Applicable: applicable, Answered: answered, NotApplicable: na, Percent: 100}
	if applicable > 0 {
		res.Completeness.Percent = round(100*float64(answered)/float64(applicable), 1, rubric.RoundHalfUp)
	}
}

// lower returns the next severity down.
func lower(s Severity) Severity {
	switch s {
	case Critical:
		return High
	case High:
		return Medium
	case Medium:
		return Low
	}
	return Info
}

func (r *run) actionPlan(res *Result) {
	a := r.a
	// Each criterion's share of its rubric's overall score, in percentage points.
	share := r.share
	clear(share)
	for ri, cr := range a.rubrics {
		// The gain is measured on the score that heads the rubric: its sections only.
		secs, total := r.secScores[ri], 0.0
		for _, si := range cr.overallSections {
			if secs[si].has {
				total += cr.sections[si].weight
			}
		}
		maxPoints := res.Rubrics[ri].Overall.Max
		for _, ci := range cr.crits {
			st, c := &r.states[ci], a.crits[ci]
			if !st.counted || !cr.inOverall[c.section] {
				continue
			}
			if cr.method == rubric.Points {
				if maxPoints > 0 {
					share[ci] = 100 * (st.max - st.p) / maxPoints
				}
				continue
			}
			if ss := secs[c.section]; total > 0 && ss.has && ss.weightSum > 0 {
				share[ci] = 100 * (c.info[0].Weight / ss.weightSum) * (cr.sections[c.section].weight / total) * (1 - st.s)
			}
		}
	}
	todo := r.todo[:0]
	for i := range res.Criteria {
		c := &res.Criteria[i]
		// A criterion of severity info with nothing to recommend only informs
		// (an exposure question of an impact grid): it is not a step to take.
		informative := c.Severity == Info && !c.Gate && a.crits[i].text[r.cfg.lang].recommendation == ""
		if r.states[i].applicable && c.Status != Met && !informative {
			share[i] = round(share[i], 2, rubric.RoundHalfUp)
			// Critères impératifs first, then by severity (both in class),
			// by gain, and in rubric order.
			class := c.Severity.rank()
			if !c.Gate {
				class += int(Info)
			}
			todo = append(todo, planKey{class: class, gain: share[i], crit: i})
		}
	}
	// A total order, ending on the rubric order: a stable sort would add nothing.
	slices.SortFunc(todo, func(x, y planKey) int {
		if c := cmp.Compare(x.class, y.class); c != 0 {
			return c
		}
		if c := cmp.Compare(y.gain, x.gain); c != 0 {
			return c
		}
		return cmp.Compare(x.crit, y.crit)
	})
	r.todo = todo
	crs := res.Criteria
	res.ActionPlan = make([]Action, 0, len(todo))
	for rank, k := range todo {
		i := k.crit
		cres := &crs[i]
		txt := &a.crits[i].text[r.cfg.lang]
		rec := txt.recommendation
		if rec == "" {
			rec = txt.msgs[msgAnswerIt]
		}
		res.ActionPlan = append(res.ActionPlan, Action{Rank: rank + 1, Criterion: cres.ID, Question: cres.Question, Status: cres.Status,
			Gate: cres.Gate, Severity: cres.Severity, Gain: share[i], Recommendation: rec, References: cres.References})
	}
}

// planKey is what orders a step of the plan d'action.
type planKey struct {
	class int
	gain  float64
	crit  int
}

func (r *run) coverage(res *Result) {
	a := r.a
	// Two allocations for the whole view: referentials and items.
	nrefs, nitems := 0, 0
	for _, cr := range a.rubrics {
		nrefs += len(cr.cover)
		for _, cv := range cr.cover {
			nitems += len(cv.items)
		}
	}
	res.Coverage = make([]ReferentialCoverage, 0, nrefs)
	items := make([]ItemCoverage, 0, nitems)
	for _, cr := range a.rubrics {
		for _, cv := range cr.cover {
			start := len(items)
			for _, it := range cv.items {
				ic := ItemCoverage{ID: it.id, Title: it.title[r.cfg.lang], Criteria: it.ids, Status: "not_covered"}
				if len(it.crits) > 0 {
					ic.Status = r.aggregate(it.crits).String()
				}
				items = append(items, ic)
			}
			res.Coverage = append(res.Coverage, ReferentialCoverage{Rubric: cr.r.ID, ID: cv.id, Title: cv.title[r.cfg.lang], Items: items[start:len(items):len(items)]})
		}
	}
}

// aggregate summarises the statuses of the criteria that cite one item:
// unmet if any is unmet or unanswered, else partial if any is partial, else
// met if any is met, else not applicable.
func (r *run) aggregate(crits []int) Status {
	var met, partial bool
	for _, ci := range crits {
		switch r.states[ci].status {
		case Unmet, Unanswered:
			return Unmet
		case Partial:
			partial = true
		case Met:
			met = true
		}
	}
	switch {
	case partial:
		return Partial
	case met:
		return Met
	}
	return NotApplicable
}

func (r *run) finding(res *Result, sev Severity, code, subject, msg string, pos *diag.Range) {
	res.Findings = append(res.Findings, Finding{Severity: sev, Code: code, Subject: subject, Message: msg, Position: pos})
}

func (r *run) findings(res *Result) {
	a := r.a
	if cl := res.Classification; cl != nil {
		for k, t := range cl.Tiers {
			sev := a.tiers[r.clTiers[k]].severity
			rules := strings.Join(t.Rules, ", ")
			if rules == "" {
				rules = r.t("none: the default tier", "aucune\u00a0: niveau par défaut")
			}
			r.finding(res, sev, "tier", t.ID, fmt.Sprintf(r.t("Risk tier: %s (rules: %s)", "Niveau de risque\u00a0: %s (règles\u00a0: %s)"), t.Title, rules), nil)
		}
		for _, rr := range cl.Rules {
			if rr.Review {
				name := rr.ID
				if rr.Title != "" {
					name += " (" + rr.Title + ")"
				}
				r.finding(res, High, "review-required", rr.Rubric+"#"+rr.ID,
					r.t("Judgement call, to be confirmed by a person: rule ", "Appréciation à faire confirmer par une personne\u00a0: règle ")+name, nil)
			}
		}
		for k, rr := range cl.Upcoming {
			r.finding(res, a.tiers[a.rules[r.upcoming[k]].tier].severity, "upcoming-rule", rr.Rubric+"#"+rr.ID,
				fmt.Sprintf(r.t("From %s, rule %s will put the project in the tier %s", "À partir du %s, la règle %s placera le projet au niveau de risque %s"),
					r.date(rr.Effective), rr.ID, rr.TierTitle), nil)
		}
		for k, ob := range cl.Obligations {
			if !ob.InForce {
				ct := a.tiers[a.obls[r.clObls[k]].tier]
				r.finding(res, Medium, "upcoming-obligation", ob.Rubric+"#"+ob.Tier,
					fmt.Sprintf(r.t("From %s, the tier %s makes these criteria critères impératifs: %s", "À partir du %s, le niveau de risque %s rend ces critères impératifs\u00a0: %s"),
						r.date(ob.Effective), r.text(ct.t.Title, a.rubrics[ct.rubric].r), strings.Join(ob.Criteria, ", ")), nil)
			}
		}
	}
	factsKey := place(&r.src.factsKey)
	for _, f := range a.facts {
		if !f.f.Required {
			continue
		}
		if _, ok := r.d.Facts[f.f.ID]; ok {
			continue
		}
		r.finding(res, High, "missing-fact", f.f.ID, fmt.Sprintf(r.t("Fact not given: %s (%s)", "Fait non renseigné\u00a0: %s (%s)"), f.f.ID, f.f.Question.In(r.language(), "en")), factsKey)
	}
	for ci, c := range a.crits {
		st, cres := &r.states[ci], &res.Criteria[ci]
		msgs, pos := &c.text[r.cfg.lang].msgs, cres.Position
		switch {
		case cres.Gate && st.applicable && st.status != Met:
			r.finding(res, Critical, "gate-failed", c.id, msgs[msgGateFailed], pos)
		case st.status == Unmet:
			r.finding(res, cres.Severity, "unmet", c.id, msgs[msgUnmet], pos)
		case st.status == Partial:
			r.finding(res, lower(cres.Severity), "partial", c.id, msgs[msgPartial], pos)
		case st.status == Unanswered:
			r.finding(res, cres.Severity, "unanswered", c.id, msgs[msgUnanswered], pos)
		}
		if st.missingEvidence {
			r.finding(res, High, "missing-evidence", c.id, msgs[msgMissingEvidence], pos)
		}
		if st.unjustifiedNA {
			r.finding(res, High, "unjustified-not-applicable", c.id, msgs[msgUnjustifiedNA], pos)
		}
		r.staleEvidence(res, ci)
	}
	r.signals(res)
	// Most serious first; within a severity, in the order they were found:
	// classification, facts, then criteria in rubric order (a counting sort).
	var start [6]int
	for _, f := range res.Findings {
		start[f.Severity.rank()+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	sorted := make([]Finding, len(res.Findings))
	for _, f := range res.Findings {
		k := f.Severity.rank()
		sorted[start[k]] = f
		start[k]++
	}
	r.scratch = res.Findings // working memory, kept for the next run
	res.Findings = sorted
}

// staleEvidence flags evidence older than the rubric's review period.
func (r *run) staleEvidence(res *Result, ci int) {
	c := r.a.crits[ci]
	months := r.a.rubrics[c.rubric].months
	ans := r.ans[ci]
	if months == 0 || ans == nil || !r.states[ci].applicable || len(ans.Evidence) == 0 {
		return
	}
	limit := r.staleBefore[c.rubric]
	if limit == "" {
		limit = monthsBefore(r.cfg.asOf, months).Format(time.DateOnly)
		r.staleBefore[c.rubric] = limit
	}
	for i, ev := range ans.Evidence {
		if ev.Date == "" || ev.Date >= limit {
			continue
		}
		var pos *diag.Range
		if parts := r.parts[ci]; parts != nil && i < len(parts.evidence) {
			pos = &parts.evidence[i]
		}
		r.finding(res, Medium, "stale-evidence", c.id,
			fmt.Sprintf(r.t("Evidence %q of %s is more than %d months old: %s", "Le justificatif «\u00a0%s\u00a0» du %s a plus de %d mois\u00a0: %s"),
				ev.Title, r.date(ev.Date), months, res.Criteria[ci].Question), pos)
	}
}

// monthsBefore returns the same day n months earlier, or the last day of
// that month when it is shorter (six months before 31 August is 28 February,
// where time.AddDate would roll over to 3 March).
func monthsBefore(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// signals flags what the description says but the facts do not declare.
func (r *run) signals(res *Result) {
	desc := append(r.desc[:0], ' ') // folded, between spaces, in the run's working memory
	desc = appendFold(desc, r.d.Project.Description)
	desc = append(desc, ' ')
	r.desc = desc
	if len(desc) == 2 {
		return
	}
	pos := place(&r.src.description)
	for _, sg := range r.a.signals {
		v := r.e.facts[sg.fact]
		if v.set && (v.s == sg.value || slices.Contains(v.list, sg.value) || v.kind == rubric.FactBool) {
			continue
		}
		for i, ph := range sg.phrases {
			if bytes.Contains(desc, sg.padded[i]) {
				f := r.a.facts[sg.fact].f
				r.finding(res, Low, "undeclared-signal", f.ID+"="+sg.value,
					fmt.Sprintf(r.t("The description mentions %q, which suggests %s: %s, not declared", "La description mentionne «\u00a0%s\u00a0», ce qui suggère %s\u00a0: %s, non déclaré"),
						ph, f.ID, sg.value), pos)
				break
			}
		}
	}
}
