package rubric

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-ai/vigie/diag"
)

// checkMode selects the checks to run. Shape checks need the rubric alone;
// name checks resolve facts, scales, references, criteria, tiers and scores,
// which for a rubric that extends another needs the base.
type checkMode int

const (
	checkShapes checkMode = 1 << iota
	checkNames
)

// NotApplicable is the answer value a project gives to a criterion that
// allows it (not_applicable: true), with a justification.
const NotApplicable = "not_applicable"

// scope holds the names a rubric's content can use.
type scope struct {
	facts     map[string]*Fact
	scales    map[string]*Scale
	items     map[string]bool // referential:item
	itemList  []string
	sections  map[string]*Section
	criteria  map[string]*Criterion
	tiers     map[string]bool // nil: the rubric does not classify; tiers come from the set
	scores    map[string]*Score
	languages []string
	defLang   string
	method    ScoringMethod
	// foreign resolves names that may live in other rubrics of a set
	// (namespaced answers, tiers); nil when checking one rubric alone.
	foreign *foreignNames
}

// foreignNames are the names other rubrics of a set make visible.
type foreignNames struct {
	criteria map[string]*Criterion // rubric/criterion
	tiers    map[string]bool
	scales   map[string]map[string]*Scale // by rubric id
}

func newScope(r *Rubric) *scope {
	s := &scope{
		facts: map[string]*Fact{}, scales: map[string]*Scale{}, items: map[string]bool{},
		sections: map[string]*Section{}, criteria: map[string]*Criterion{}, scores: map[string]*Score{},
		defLang: r.Language, method: r.Scoring.Method,
	}
	for _, l := range r.Languages {
		if languageCode.MatchString(l) { // a malformed code has its own diagnostic
			s.languages = append(s.languages, l)
		}
	}
	for i := range r.Facts {
		s.facts[r.Facts[i].ID] = &r.Facts[i]
	}
	for i := range r.Scales {
		s.scales[r.Scales[i].ID] = &r.Scales[i]
	}
	for _, ref := range r.Referentials {
		for _, it := range ref.Items {
			k := ref.ID + ":" + it.ID
			if !s.items[k] {
				s.items[k] = true
				s.itemList = append(s.itemList, k)
			}
		}
	}
	for i := range r.Sections {
		sec := &r.Sections[i]
		s.sections[sec.ID] = sec
		for j := range sec.Criteria {
			if _, dup := s.criteria[sec.Criteria[j].ID]; !dup {
				s.criteria[sec.Criteria[j].ID] = &sec.Criteria[j]
			}
		}
	}
	if r.Classification != nil {
		s.tiers = map[string]bool{}
		for _, t := range r.Classification.Tiers {
			s.tiers[t.ID] = true
		}
	}
	if r.Scoring != nil {
		for i := range r.Scoring.Scores {
			s.scores[r.Scoring.Scores[i].ID] = &r.Scoring.Scores[i]
		}
	}
	return s
}

type checker struct {
	r      *Rubric
	o      *origin
	sc     *scope
	mode   checkMode
	strict bool
	ds     diag.Diagnostics
}

// check runs the checks of mode on r's own content.
func check(r *Rubric, c *config, mode checkMode) diag.Diagnostics {
	return checkIn(r, newScope(r), c, mode)
}

func checkIn(r *Rubric, sc *scope, c *config, mode checkMode) diag.Diagnostics {
	k := &checker{r: r, o: r.src, sc: sc, mode: mode, strict: c.strict}
	k.run()
	return k.ds
}

func (k *checker) shapes() bool { return k.mode&checkShapes != 0 }
func (k *checker) names() bool  { return k.mode&checkNames != 0 }

func (k *checker) add(code diag.Code, p diag.Path, args ...string) *diag.Diagnostic {
	d := diag.New(code, k.o.at(p), p, args...)
	k.ds = append(k.ds, d)
	return d
}

// addKey is add for a diagnostic about the key at the end of p, not its value.
func (k *checker) addKey(code diag.Code, p diag.Path, args ...string) *diag.Diagnostic {
	d := diag.New(code, k.o.atKey(p), p, args...)
	k.ds = append(k.ds, d)
	return d
}

func (k *checker) warn(code diag.Code, p diag.Path, args ...string) {
	k.add(code, p, args...).Severity = diag.Warning
}

func (k *checker) run() {
	r := k.r
	root := diag.Root()
	if k.shapes() {
		if r.Version != "" && !semver.MatchString(r.Version) {
			k.add(diag.CodeInvalidVersion, root.Child("version"), strconv.Quote(r.Version))
		}
		if len(k.sc.languages) > 0 && !slices.Contains(k.sc.languages, r.Language) && languageCode.MatchString(r.Language) {
			k.add(diag.CodeDefaultLanguage, root.Child("language"), r.Language)
		}
		if r.Extends == "" && len(r.Sections) == 0 {
			k.add(diag.CodeRequired, root, "sections")
		}
		if r.Extends == "" && len(r.Overrides) > 0 {
			k.addKey(diag.CodeRequired, root.Child("overrides"), "extends")
		}
		if r.Baseline != nil {
			k.date(r.Baseline.Checked, root.Child("baseline").Child("checked"))
		}
		k.texts()
		k.uniqueIDs()
	}
	k.referentials()
	k.facts()
	k.scales()
	k.sections()
	k.overrides()
	k.classification()
	k.scoring()
	if k.names() {
		k.cycles()
		k.scoreCycles()
	}
}

var languageCode = regexp.MustCompile(`^[a-z]{2}$`)

var semver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

func (k *checker) date(s string, p diag.Path) {
	if s == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		k.add(diag.CodeInvalidDate, p, strconv.Quote(s))
	}
}

// kinds names the things a rubric defines, in English and French.
var kinds = map[string][2]string{
	"referential": {"referential", "référentiel"}, "item": {"item", "article"}, "fact": {"fact", "fait"},
	"value": {"value", "valeur"}, "scale": {"scale", "échelle"}, "level": {"level", "niveau"},
	"section": {"section", "section"}, "criterion": {"criterion", "critère"}, "choice": {"choice", "choix"},
	"tier": {"tier", "niveau de risque"}, "rule": {"rule", "règle"}, "score": {"score", "score"},
	"band": {"band", "palier"}, "bracket": {"bracket", "tranche"},
	"bands": {"bands", "les paliers"}, "brackets": {"brackets", "les tranches"},
}

// kind returns the bilingual name of a kind of thing, optionally followed by an id.
func kind(name string, id ...string) string {
	k := kinds[name]
	if len(id) > 0 {
		return diag.Bilingual(k[0]+" "+id[0], k[1]+" "+id[0])
	}
	return diag.Bilingual(k[0], k[1])
}

// unique reports ids seen twice in one list; what names the kind of thing.
func (k *checker) unique(what string, n int, id func(int) string, path func(int) diag.Path) {
	first := map[string]int{}
	for i := range n {
		s := id(i)
		if j, dup := first[s]; dup {
			prev := k.o.at(path(j).Child("id"))
			k.add(diag.CodeDuplicateID, path(i).Child("id"), kind(what), strconv.Quote(s), fmt.Sprintf("%d:%d", prev.Start.Line, prev.Start.Column))
			continue
		}
		first[s] = i
	}
}

func (k *checker) uniqueIDs() {
	r, root := k.r, diag.Root()
	refs := root.Child("referentials")
	k.unique("referential", len(r.Referentials), func(i int) string { return r.Referentials[i].ID }, refs.Index)
	for i, ref := range r.Referentials {
		items := refs.Index(i).Child("items")
		k.unique("item", len(ref.Items), func(j int) string { return ref.Items[j].ID }, items.Index)
	}
	facts := root.Child("facts")
	k.unique("fact", len(r.Facts), func(i int) string { return r.Facts[i].ID }, facts.Index)
	for i, f := range r.Facts {
		vals := facts.Index(i).Child("values")
		k.uniqueValues("value", len(f.Values), func(j int) string { return f.Values[j].Value }, vals.Index)
	}
	scales := root.Child("scales")
	k.unique("scale", len(r.Scales), func(i int) string { return r.Scales[i].ID }, scales.Index)
	for i, s := range r.Scales {
		lv := scales.Index(i).Child("levels")
		k.uniqueValues("level", len(s.Levels), func(j int) string { return s.Levels[j].Value }, lv.Index)
	}
	secs := root.Child("sections")
	k.unique("section", len(r.Sections), func(i int) string { return r.Sections[i].ID }, secs.Index)
	// Criteria ids are unique across sections.
	type at struct{ s, c int }
	var all []at
	for i, s := range r.Sections {
		for j := range s.Criteria {
			all = append(all, at{i, j})
		}
	}
	k.unique("criterion", len(all), func(n int) string { return r.Sections[all[n].s].Criteria[all[n].c].ID },
		func(n int) diag.Path { return secs.Index(all[n].s).Child("criteria").Index(all[n].c) })
	if cl := r.Classification; cl != nil {
		cp := root.Child("classification")
		k.unique("tier", len(cl.Tiers), func(i int) string { return cl.Tiers[i].ID }, cp.Child("tiers").Index)
		k.unique("rule", len(cl.Rules), func(i int) string { return cl.Rules[i].ID }, cp.Child("rules").Index)
	}
	if r.Scoring != nil {
		sp := root.Child("scoring").Child("scores")
		k.unique("score", len(r.Scoring.Scores), func(i int) string { return r.Scoring.Scores[i].ID }, sp.Index)
		for i, s := range r.Scoring.Scores {
			bp := sp.Index(i).Child("bands")
			k.unique("band", len(s.Bands), func(j int) string { return s.Bands[j].ID }, bp.Index)
		}
	}
}

// uniqueValues is unique for lists whose key is "value", not "id".
func (k *checker) uniqueValues(what string, n int, val func(int) string, path func(int) diag.Path) {
	first := map[string]int{}
	for i := range n {
		v := val(i)
		if j, dup := first[v]; dup {
			prev := k.o.at(path(j).Child("value"))
			k.add(diag.CodeDuplicateID, path(i).Child("value"), kind(what), strconv.Quote(v), fmt.Sprintf("%d:%d", prev.Start.Line, prev.Start.Column))
			continue
		}
		first[v] = i
		if v == NotApplicable && what != "value" {
			k.add(diag.CodeAnswerDefinition, path(i).Child("value"), kind(what, v), diag.Bilingual("not_applicable is reserved for answers that declare a criterion not applicable", "not_applicable est réservé aux réponses qui déclarent un critère non concerné"))
		}
	}
}

// texts checks that every text exists in each declared language.
func (k *checker) texts() {
	if len(k.sc.languages) == 0 {
		return
	}
	for i, f := range k.r.Facts {
		for j, v := range f.Values {
			for lang := range v.Signals {
				if !slices.Contains(k.sc.languages, lang) {
					k.addKey(diag.CodeUnknownLanguage, diag.Root().Child("facts").Index(i).Child("values").Index(j).Child("signals").Child(lang), lang).Severity = diag.Warning
				}
			}
		}
	}
	walkTexts(k.r, func(t Text, p diag.Path) {
		if t.IsZero() {
			return
		}
		for _, lang := range k.sc.languages {
			_, ok := t[lang]
			if !ok && lang == k.sc.defLang {
				_, ok = t[""]
			}
			if ok {
				continue
			}
			d := k.add(diag.CodeMissingLanguage, p, lang)
			if !k.strict {
				d.Severity = diag.Warning
			}
		}
		for lang := range t {
			if lang != "" && !slices.Contains(k.sc.languages, lang) && len(k.sc.languages) == len(k.r.Languages) {
				k.addKey(diag.CodeUnknownLanguage, p.Child(lang), lang).Severity = diag.Warning
			}
		}
	})
}

// references checks that each reference names a referential item.
func (k *checker) references(refs []string, p diag.Path) {
	if !k.names() {
		return
	}
	for i, ref := range refs {
		if k.sc.items[ref] {
			continue
		}
		d := k.add(diag.CodeUnknownReference, p.Index(i), strconv.Quote(ref))
		d.Suggestion = diag.Suggest(ref, k.sc.itemList)
	}
}

func (k *checker) referentials() {}

func (k *checker) facts() {
	if !k.shapes() {
		return
	}
	for i, f := range k.r.Facts {
		p := diag.Root().Child("facts").Index(i)
		switch f.Type {
		case FactEnum, FactSet:
			if len(f.Values) == 0 {
				k.add(diag.CodeRequired, p, "values")
			}
		default:
			if len(f.Values) > 0 {
				k.addKey(diag.CodeAnswerDefinition, p.Child("values"), kind("fact", f.ID), diag.Bilingual("only enum and set facts have values", "seuls les faits enum et set ont des valeurs"))
			}
		}
		if (f.Min != nil || f.Max != nil) && f.Type != FactNumber {
			k.add(diag.CodeAnswerDefinition, p, kind("fact", f.ID), diag.Bilingual("only number facts have min and max", "seuls les faits number ont min et max"))
		}
		if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
			k.add(diag.CodeAnswerDefinition, p.Child("max"), kind("fact", f.ID), diag.Bilingual("max is below min", "max est inférieur à min"))
		}
	}
}

func (k *checker) scales() {
	if !k.shapes() || !k.names() {
		return
	}
	used := map[string]bool{}
	for _, s := range k.r.Sections {
		for _, c := range s.Criteria {
			used[c.Scale] = true
		}
	}
	for _, o := range k.r.Overrides {
		for _, c := range o.AddCriteria {
			used[c.Scale] = true
		}
	}
	for i, s := range k.r.Scales {
		if !used[s.ID] {
			k.warn(diag.CodeUnusedDefinition, diag.Root().Child("scales").Index(i).Child("id"), diag.Bilingual("scale", "l'échelle"), s.ID,
				diag.Bilingual("no criterion uses it: remove it, or answer a criterion with it", "aucun critère ne s'en sert\u00a0: supprimez-la, ou utilisez-la dans un critère"))
		}
	}
}

func (k *checker) sections() {
	secs := diag.Root().Child("sections")
	var weights []float64
	for i := range k.r.Sections {
		s := &k.r.Sections[i]
		p := secs.Index(i)
		weights = append(weights, *s.Weight)
		k.predicate(s.AppliesWhen, p.Child("applies_when"))
		k.criteria(s.Criteria, p.Child("criteria"))
		if k.shapes() {
			var cw []float64
			for _, c := range s.Criteria {
				cw = append(cw, *c.Weight)
			}
			k.weights(cw, p.Child("criteria"), kind("section", s.ID))
		}
	}
	if k.shapes() && k.r.Scoring.Method == WeightedMean && k.r.Extends == "" {
		k.weights(weights, secs, diag.Bilingual("the sections", "les sections"))
	}
}

func (k *checker) weights(ws []float64, p diag.Path, what string) {
	if len(ws) == 0 {
		return
	}
	for _, w := range ws {
		if w > 0 {
			return
		}
	}
	k.addKey(diag.CodeZeroWeights, p, what)
}

func (k *checker) criteria(cs []Criterion, p diag.Path) {
	for j := range cs {
		c := &cs[j]
		cp := p.Index(j)
		k.predicate(c.AppliesWhen, cp.Child("applies_when"))
		k.references(c.References, cp.Child("references"))
		k.answer(c, cp)
	}
}

// answer checks that a criterion's answer definition is complete and coherent.
func (k *checker) answer(c *Criterion, p diag.Path) {
	bad := func(at diag.Path, en, fr string) {
		k.add(diag.CodeAnswerDefinition, at, kind("criterion", c.ID), diag.Bilingual(en, fr))
	}
	if k.names() && c.Type == AnswerScale {
		if _, ok := k.sc.scales[c.Scale]; !ok {
			d := k.add(diag.CodeUnknownScale, p.Child("scale"), strconv.Quote(c.Scale))
			d.Suggestion = diag.Suggest(c.Scale, keys(k.sc.scales))
		}
	}
	points := k.sc.method == Points
	if k.names() && !points && c.Points != nil {
		k.warn(diag.CodeUnusedDefinition, p.Child("points"), diag.Bilingual("key points of criterion", "la clé points du critère"), c.ID,
			diag.Bilingual("weighted means read scores, not points: remove points, or use method points", "les moyennes pondérées lisent des scores, pas des points\u00a0: retirez points, ou utilisez la méthode points"))
	}
	if k.names() && points {
		switch {
		case (c.Type == AnswerChoice || c.Type == AnswerMulti) && !slices.ContainsFunc(c.Choices, func(ch Choice) bool { return ch.Points != 0 }):
			bad(p.Child("choices"), "no choice carries points, so the criterion can earn nothing", "aucun choix ne porte de points\u00a0: le critère ne peut rien rapporter")
		case c.Points == nil && (c.Type == AnswerScale || c.Type == AnswerBoolean || c.Type == AnswerNumber && !bracketsHavePoints(c.Brackets)):
			bad(p, "points-based scoring: say what the criterion is worth with `points:`", "notation par points\u00a0: indiquez ce que vaut le critère avec `points:`")
		}
	}
	if !k.shapes() {
		return
	}
	switch c.Type {
	case "":
		bad(p, "say how it is answered: `scale: <id>` or `type: bool|number|choice|multi`", "dites comment y répondre\u00a0: `scale: <id>` ou `type: bool|number|choice|multi`")
		return
	case AnswerScale:
		if c.Scale == "" {
			k.add(diag.CodeRequired, p, "scale")
		}
	case AnswerChoice, AnswerMulti:
		switch {
		case len(c.Choices) == 0:
			k.add(diag.CodeRequired, p, "choices")
		case len(c.Choices) == 1 && c.Type == AnswerChoice:
			bad(p.Child("choices"), "a choice criterion needs at least two choices", "un critère à choix a besoin d'au moins deux choix")
		}
		k.uniqueValues("choice", len(c.Choices), func(i int) string { return c.Choices[i].Value }, p.Child("choices").Index)
		if c.Type == AnswerMulti && !points && !slices.ContainsFunc(c.Choices, func(ch Choice) bool { return ch.Points > 0 }) {
			bad(p.Child("choices"), "a multi criterion scores the points of its choices: give some choices points", "un critère multi se note par les points de ses choix\u00a0: donnez des points à certains choix")
		}
	case AnswerNumber:
		if c.Min != nil && c.Max != nil && *c.Min >= *c.Max {
			bad(p.Child("max"), "max must be above min", "max doit être supérieur à min")
		}
		if len(c.Brackets) == 0 && (c.Min == nil || c.Max == nil) {
			bad(p, "a number criterion needs brackets, or min and max to score linearly", "un critère numérique a besoin de tranches (brackets), ou de min et max pour une note linéaire")
		}
		k.brackets(c, p.Child("brackets"))
	}
	if c.Scale != "" && c.Type != AnswerScale {
		bad(p.Child("scale"), "only scale criteria have a scale", "seuls les critères de type scale ont une échelle")
	}
	if len(c.Choices) > 0 && c.Type != AnswerChoice && c.Type != AnswerMulti {
		bad(p.Child("choices"), "only choice and multi criteria have choices", "seuls les critères choice et multi ont des choix")
	}
	if len(c.Brackets) > 0 && c.Type != AnswerNumber {
		bad(p.Child("brackets"), "only number criteria have brackets", "seuls les critères numériques ont des tranches")
	}
	if c.Expected != nil && c.Type != AnswerBoolean {
		bad(p.Child("expected"), "only bool criteria have an expected answer", "seuls les critères bool (oui/non) ont une réponse attendue")
	}
	if c.MaxPoints != nil && c.Type != AnswerMulti {
		bad(p.Child("max_points"), "only multi criteria have max_points", "seuls les critères multi ont max_points")
	}
}

func bracketsHavePoints(bs []Bracket) bool {
	return len(bs) > 0 && !slices.ContainsFunc(bs, func(b Bracket) bool { return b.Points == nil })
}

func (k *checker) brackets(c *Criterion, p diag.Path) {
	ranges := make([]namedBounds, len(c.Brackets))
	for i, b := range c.Brackets {
		ranges[i] = namedBounds{name: strconv.Itoa(i + 1), b: b.Bounds, path: p.Index(i)}
		if b.Score == nil && b.Points == nil {
			k.add(diag.CodeAnswerDefinition, p.Index(i), kind("criterion", c.ID), diag.Bilingual("a bracket needs a score or points", "une tranche a besoin d'une note (score) ou de points"))
		}
	}
	k.bands("bracket", ranges, true)
}

type namedBounds struct {
	name string
	b    Bounds
	path diag.Path
}

// bands checks that each range has one lower and one upper bound, and that
// consecutive ranges meet exactly, one side inclusive and the other
// exclusive. With open, the first range may have no lower bound and the
// last no upper bound. It reports whether all was well.
func (k *checker) bands(what string, bs []namedBounds, open bool) bool {
	before := len(k.ds)
	type lohi struct {
		lo, hi       float64
		loIn, hiIn   bool
		name         string
		path         diag.Path
		ok           bool
		loKey, hiKey string
	}
	var list []lohi
	for i, nb := range bs {
		b := nb.b
		if open && i == 0 && b.GTE == nil && b.GT == nil {
			b.GTE = new(math.Inf(-1))
		}
		if open && i == len(bs)-1 && b.LTE == nil && b.LT == nil {
			b.LTE = new(math.Inf(1))
		}
		l := lohi{name: nb.name, path: nb.path, ok: true}
		switch {
		case b.GTE != nil && b.GT != nil, b.LTE != nil && b.LT != nil:
			k.add(diag.CodeBandBounds, nb.path, kind(what), nb.name, diag.Bilingual("both an inclusive and an exclusive bound on the same side", "deux bornes du même côté, l'une incluse et l'autre exclue"))
			l.ok = false
		case b.GTE == nil && b.GT == nil || b.LTE == nil && b.LT == nil:
			k.add(diag.CodeBandBounds, nb.path, kind(what), nb.name, diag.Bilingual("needs a lower bound (gte or gt) and an upper bound (lte or lt)", "il faut une borne basse (gte ou gt) et une borne haute (lte ou lt)"))
			l.ok = false
		default:
			if b.GTE != nil {
				l.lo, l.loIn, l.loKey = *b.GTE, true, "gte"
			} else {
				l.lo, l.loKey = *b.GT, "gt"
			}
			if b.LTE != nil {
				l.hi, l.hiIn, l.hiKey = *b.LTE, true, "lte"
			} else {
				l.hi, l.hiKey = *b.LT, "lt"
			}
			if l.lo > l.hi || l.lo == l.hi && !(l.loIn && l.hiIn) {
				k.add(diag.CodeBandBounds, nb.path, kind(what), nb.name, diag.Bilingual("the lower bound is not below the upper bound", "la borne basse n'est pas sous la borne haute"))
				l.ok = false
			}
		}
		list = append(list, l)
	}
	for i := 1; i < len(list); i++ {
		a, b := list[i-1], list[i]
		if !a.ok || !b.ok {
			continue
		}
		switch {
		case b.lo < a.hi || b.lo == a.hi && a.hiIn && b.loIn:
			k.add(diag.CodeBandOverlap, b.path.Child(b.loKey), kind(what+"s"), a.name, b.name)
		case b.lo > a.hi || a.hiIn == b.loIn:
			k.add(diag.CodeBandGap, b.path.Child(b.loKey), kind(what+"s"), a.name, b.name, number(a.hi))
		}
	}
	return len(k.ds) == before
}

func (k *checker) overrides() {
	for i := range k.r.Overrides {
		o := &k.r.Overrides[i]
		p := diag.Root().Child("overrides").Index(i)
		if k.shapes() {
			switch {
			case (o.Section == "") == (o.Criterion == ""):
				k.add(diag.CodeOverride, p, strconv.Itoa(i+1), diag.Bilingual("an override names exactly one of section or criterion", "une surcharge nomme exactement une section ou un critère"))
			case o.Section != "":
				for _, f := range []struct {
					set  bool
					name string
				}{{!o.Question.IsZero(), "question"}, {!o.Guidance.IsZero(), "guidance"}, {!o.Recommendation.IsZero(), "recommendation"},
					{o.Gate != nil, "gate"}, {o.Severity != "", "severity"}, {o.Evidence != "", "evidence"}, {len(o.AddReferences) > 0, "add_references"}} {
					if f.set {
						k.addKey(diag.CodeOverride, p.Child(f.name), diag.Bilingual("of section "+o.Section, "de la section "+o.Section), diag.Bilingual(f.name+" applies to a criterion, not a section", f.name+" s'applique à un critère, pas à une section"))
					}
				}
			default:
				for _, f := range []struct {
					set  bool
					name string
				}{{!o.Title.IsZero(), "title"}, {!o.Description.IsZero(), "description"}, {len(o.AddCriteria) > 0, "add_criteria"}} {
					if f.set {
						k.addKey(diag.CodeOverride, p.Child(f.name), diag.Bilingual("of criterion "+o.Criterion, "du critère "+o.Criterion), diag.Bilingual(f.name+" applies to a section, not a criterion", f.name+" s'applique à une section, pas à un critère"))
					}
				}
			}
		}
		k.references(o.AddReferences, p.Child("add_references"))
		k.predicate(o.AppliesWhen, p.Child("applies_when"))
		k.criteria(o.AddCriteria, p.Child("add_criteria"))
	}
}

func (k *checker) classification() {
	cl := k.r.Classification
	if cl == nil {
		return
	}
	cp := diag.Root().Child("classification")
	tiers := keys(k.sc.tiers)
	tier := func(id string, p diag.Path) {
		if k.names() && !k.sc.tiers[id] {
			d := k.add(diag.CodeUnknownTier, p, strconv.Quote(id))
			d.Suggestion = diag.Suggest(id, tiers)
		}
	}
	if cl.Default != "" {
		tier(cl.Default, cp.Child("default"))
	}
	for i := range cl.Rules {
		r := &cl.Rules[i]
		p := cp.Child("rules").Index(i)
		tier(r.Tier, p.Child("tier"))
		k.predicate(&r.When, p.Child("when"))
		k.predicate(r.Unless, p.Child("unless"))
		k.references(r.References, p.Child("references"))
		if k.shapes() {
			k.date(r.Effective, p.Child("effective"))
		}
	}
	for i, o := range cl.Obligations {
		p := cp.Child("obligations").Index(i)
		tier(o.Tier, p.Child("tier"))
		k.references(o.References, p.Child("references"))
		if k.shapes() {
			k.date(o.Effective, p.Child("effective"))
		}
		for j, id := range o.Criteria {
			k.criterionRef(id, p.Child("criteria").Index(j))
		}
	}
}

// criterionRef resolves a criterion named locally or, in a set, as rubric/criterion.
func (k *checker) criterionRef(id string, p diag.Path) *Criterion {
	if !k.names() {
		return nil
	}
	if c, ok := k.sc.criteria[id]; ok {
		return c
	}
	if k.sc.foreign != nil {
		if c, ok := k.sc.foreign.criteria[id]; ok {
			return c
		}
	} else if strings.Contains(id, "/") {
		return nil // another rubric's criterion: checked when the set is built
	}
	d := k.add(diag.CodeUnknownCriterion, p, strconv.Quote(id))
	d.Suggestion = diag.Suggest(id, keys(k.sc.criteria))
	return nil
}

func (k *checker) scoring() {
	sc := k.r.Scoring
	sp := diag.Root().Child("scoring")
	if k.names() && sc.Overall != "" {
		if _, ok := k.sc.scores[sc.Overall]; !ok {
			d := k.add(diag.CodeUnknownScore, sp.Child("overall"), strconv.Quote(sc.Overall))
			d.Suggestion = diag.Suggest(sc.Overall, keys(k.sc.scores))
		}
	}
	for i := range sc.Scores {
		s := &sc.Scores[i]
		p := sp.Child("scores").Index(i)
		if k.shapes() {
			if sc.Method == WeightedMean && s.Basis == BasisPoints {
				k.add(diag.CodeScoringMethod, p.Child("basis"), diag.Bilingual("weighted-mean scores are percentages: use basis percent, or method points", "les scores en moyenne pondérée sont des pourcentages\u00a0: utilisez basis percent, ou la méthode points"))
			}
		}
		ranges := make([]namedBounds, len(s.Bands))
		for j, b := range s.Bands {
			ranges[j] = namedBounds{name: b.ID, b: b.Bounds, path: p.Child("bands").Index(j)}
		}
		if k.shapes() && !k.bands("band", ranges, false) || !k.names() {
			continue
		}
		for j, id := range s.Sections {
			if _, ok := k.sc.sections[id]; !ok {
				d := k.add(diag.CodeUnknownSection, p.Child("sections").Index(j), strconv.Quote(id))
				d.Suggestion = diag.Suggest(id, keys(k.sc.sections))
			}
		}
		if k.r.Extends == "" { // merge checks an extension's bands against the merged sections
			k.coverage(s, p)
		}
		for j, a := range s.Adjustments {
			ap := p.Child("adjustments").Index(j)
			if (a.Percent == nil) == (a.Add == nil) {
				k.add(diag.CodeScoringMethod, ap, diag.Bilingual("an adjustment gives exactly one of percent or add", "un ajustement donne exactement l'un de percent ou add"))
			}
			other, ok := k.sc.scores[a.Score]
			if !ok {
				d := k.add(diag.CodeUnknownScore, ap.Child("score"), strconv.Quote(a.Score))
				d.Suggestion = diag.Suggest(a.Score, keys(k.sc.scores))
				continue
			}
			bands := make([]string, len(other.Bands))
			for b := range other.Bands {
				bands[b] = other.Bands[b].ID
			}
			for b, id := range a.In {
				if !slices.Contains(bands, id) {
					d := k.add(diag.CodeUnknownBand, ap.Child("in").Index(b), a.Score, strconv.Quote(id))
					d.Suggestion = diag.Suggest(id, bands)
				}
			}
		}
	}
}

// scoreCycles reports adjustments that make scores depend on each other in a loop.
func (k *checker) scoreCycles() {
	scores := k.r.Scoring.Scores
	index := map[string]int{}
	roots := make([]int, len(scores))
	for i, s := range scores {
		index[s.ID] = i
		roots[i] = i
	}
	type adjustment struct{ score, adj int } // scores[score].Adjustments[adj]
	id := func(i int) string { return scores[i].ID }
	adjustments := func(i int) []adjustment {
		out := make([]adjustment, len(scores[i].Adjustments))
		for j := range out {
			out[j] = adjustment{i, j}
		}
		return out
	}
	to := func(a adjustment) (int, bool) {
		o, ok := index[scores[a.score].Adjustments[a.adj].Score]
		return o, ok
	}
	findCycles(roots, id, adjustments, to, func(loop []int, a adjustment) {
		names := make([]string, 0, len(loop)+1)
		for _, i := range loop {
			names = append(names, scores[i].ID)
		}
		names = append(names, scores[a.score].Adjustments[a.adj].Score)
		p := diag.Root().Child("scoring").Child("scores").Index(a.score).Child("adjustments").Index(a.adj).Child("score")
		k.add(diag.CodeScoreCycle, p, strings.Join(names, " → "))
	})
}

// coverage checks that the bands of a score cover every value it can take:
// 0 to 100 for a percentage, 0 to the most points its sections can earn.
func (k *checker) coverage(s *Score, p diag.Path) {
	if len(s.Bands) == 0 {
		return
	}
	top := 100.0
	if s.Basis == BasisPoints && k.sc.method == Points {
		top = k.r.scoreMaxPoints(s)
	}
	lo, hi := s.Bands[0].Bounds, s.Bands[len(s.Bands)-1].Bounds
	var from, to float64
	okLo, okHi := false, false
	switch {
	case lo.GTE != nil:
		from, okLo = *lo.GTE, *lo.GTE <= 0
	case lo.GT != nil:
		from, okLo = *lo.GT, *lo.GT < 0
	}
	switch {
	case hi.LTE != nil:
		to, okHi = *hi.LTE, *hi.LTE >= top
	case hi.LT != nil:
		to, okHi = *hi.LT, *hi.LT > top
	}
	if !okLo || !okHi {
		k.addKey(diag.CodeBandCoverage, p.Child("bands"), s.ID, number(from), number(to), "0", number(top))
	}
}

// number renders v for a message, with a decimal comma in French.
func number(v float64) string {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.Contains(s, ".") {
		return s
	}
	return diag.Bilingual(s, strings.Replace(s, ".", ",", 1))
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
