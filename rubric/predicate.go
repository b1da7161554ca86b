package rubric

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-ai/vigie/diag"
)

// operators lists the operators that apply to each kind of value.
var operators = map[FactType][]string{
	FactBool:   {"equals", "exists"},
	FactEnum:   {"equals", "in", "exists"},
	FactSet:    {"contains", "contains_any", "exists"},
	FactNumber: {"equals", "in", "gte", "gt", "lte", "lt", "exists"},
	FactString: {"equals", "in", "exists"},
	FactDate:   {"equals", "gte", "gt", "lte", "lt", "exists"},
}

var orderOps = []string{"gte", "gt", "lte", "lt"}

// isRange reports whether p's operators are one lower and one upper bound.
func isRange(p *Predicate) bool {
	oneLower := (p.GTE == nil) != (p.GT == nil)
	oneUpper := (p.LTE == nil) != (p.LT == nil)
	return oneLower && oneUpper && len(p.operators()) == 2
}

// subject describes what a condition reads: its type and, for enum and set
// values, the values allowed.
type subject struct {
	name    string // for messages: the fact x, the answer to criterion y (bilingual)
	typ     FactType
	values  []string
	ordered bool // a scale answer: its levels compare by score
}

// Operators returns the operators used by p itself (not by nested conditions), in a fixed order.
func (p *Predicate) operators() []string {
	var ops []string
	for _, o := range []struct {
		set  bool
		name string
	}{{p.Equals != nil, "equals"}, {p.In != nil, "in"}, {p.Contains != nil, "contains"},
		{p.ContainsAny != nil, "contains_any"}, {p.Exists != nil, "exists"}, {p.GTE != nil, "gte"}, {p.LTE != nil, "lte"}, {p.GT != nil, "gt"}, {p.LT != nil, "lt"}} {
		if o.set {
			ops = append(ops, o.name)
		}
	}
	return ops
}

func (p *Predicate) subjects() []string {
	var s []string
	for _, o := range []struct {
		set  bool
		name string
	}{{p.Fact != "", "fact"}, {p.Answer != "", "answer"}, {p.Tier != "", "tier"},
		{p.All != nil, "all"}, {p.Any != nil, "any"}, {p.Not != nil, "not"}} {
		if o.set {
			s = append(s, o.name)
		}
	}
	return s
}

func (k *checker) predicate(p *Predicate, at diag.Path) {
	if p == nil {
		return
	}
	subjects, ops := p.subjects(), p.operators()
	if k.shapes() {
		found := strings.Join(append(slices.Clone(subjects), ops...), ", ")
		if found == "" {
			found = diag.Bilingual("nothing", "rien")
		}
		shape := func(en, fr string) { k.add(diag.CodePredicateShape, at, diag.Bilingual(en, fr), found) }
		switch {
		case len(subjects) != 1:
			shape("a condition names one subject (fact, answer or tier) or combines conditions with one of all, any or not",
				"une condition nomme un sujet (fact, answer ou tier) ou combine des conditions avec un seul de all, any ou not")
			return
		case subjects[0] == "fact" || subjects[0] == "answer":
			if len(ops) != 1 && !isRange(p) {
				shape("a fact or an answer takes one operator, or a lower and an upper bound for a range",
					"un fait ou une réponse prend un opérateur, ou une borne basse et une borne haute pour un intervalle")
			}
		case subjects[0] == "tier":
			if len(ops) > 0 {
				shape("tier takes no operator: {tier: high} holds when the tier applies", "tier ne prend pas d'opérateur\u00a0: {tier: high} est vrai quand le niveau de risque s'applique")
			}
		default:
			if len(ops) > 0 {
				shape("all, any and not combine conditions and take no operator", "all, any et not combinent des conditions et ne prennent pas d'opérateur")
			}
		}
		if p.All != nil && len(p.All) == 0 || p.Any != nil && len(p.Any) == 0 {
			shape("all and any need at least one condition", "all et any demandent au moins une condition")
		}
	}
	for i := range p.All {
		k.predicate(&p.All[i], at.Child("all").Index(i))
	}
	for i := range p.Any {
		k.predicate(&p.Any[i], at.Child("any").Index(i))
	}
	k.predicate(p.Not, at.Child("not"))
	if !k.names() || len(subjects) != 1 {
		return
	}
	switch {
	case p.Fact != "":
		f, ok := k.sc.facts[p.Fact]
		if !ok {
			d := k.add(diag.CodeUnknownFact, at.Child("fact"), strconv.Quote(p.Fact))
			d.Suggestion = diag.Suggest(p.Fact, keys(k.sc.facts))
			return
		}
		s := subject{name: diag.Bilingual("the fact "+f.ID, "le fait "+f.ID), typ: f.Type}
		for _, v := range f.Values {
			s.values = append(s.values, v.Value)
		}
		k.operands(p, s, at)
	case p.Answer != "":
		c := k.criterionRef(p.Answer, at.Child("answer"))
		if c == nil {
			return
		}
		k.operands(p, k.answerSubject(p.Answer, c), at)
	case p.Tier != "":
		known := k.sc.tiers
		if k.sc.foreign != nil && !known[p.Tier] {
			known = k.sc.foreign.tiers
		}
		if known == nil {
			return // the rubric does not classify: the set will say whether the tier exists
		}
		if !known[p.Tier] {
			d := k.add(diag.CodeUnknownTier, at.Child("tier"), strconv.Quote(p.Tier))
			d.Suggestion = diag.Suggest(p.Tier, keys(known))
		}
	}
}

// answerSubject describes the answer to c as a value a condition can read.
func (k *checker) answerSubject(ref string, c *Criterion) subject {
	s := subject{name: diag.Bilingual("the answer to criterion "+ref, "la réponse au critère "+ref)}
	switch c.Type {
	case AnswerBoolean:
		s.typ = FactBool
	case AnswerNumber:
		s.typ = FactNumber
	case AnswerMulti:
		s.typ = FactSet
	case AnswerChoice:
		s.typ = FactEnum
	case AnswerScale:
		// A scale answer compares by level: gte partial means partial or better.
		scales := k.sc.scales
		if rid, _, ok := strings.Cut(ref, "/"); ok && k.sc.foreign != nil && k.sc.foreign.scales[rid] != nil {
			scales = k.sc.foreign.scales[rid]
		}
		if sc, ok := scales[c.Scale]; ok {
			s.typ, s.ordered = FactEnum, true
			for _, l := range sc.Levels {
				s.values = append(s.values, l.Value)
			}
		}
	}
	for _, ch := range c.Choices {
		s.values = append(s.values, ch.Value)
	}
	if c.NotApplicable {
		s.values = append(s.values, NotApplicable)
	}
	return s
}

// operands checks that the operator fits the subject's type and its operands its values.
func (k *checker) operands(p *Predicate, s subject, at diag.Path) {
	allowed, known := operators[s.typ]
	if !known {
		return // a criterion of an invalid type or unknown scale: reported there already
	}
	if s.ordered {
		allowed = append(slices.Clone(allowed), orderOps...)
	}
	for _, op := range p.operators() {
		if !slices.Contains(allowed, op) {
			k.addKey(diag.CodePredicateOperator, at.Child(op), op, s.name, string(s.typ), strings.Join(allowed, ", "))
		}
	}
	if isRange(p) && s.typ == FactNumber {
		lo, _ := cmp.Or(p.GTE, p.GT).(float64)
		hi, _ := cmp.Or(p.LTE, p.LT).(float64)
		if lo > hi {
			k.add(diag.CodePredicateValue, at, diag.Bilingual("the range", "l'intervalle"), s.name,
				diag.Bilingual("the lower bound is above the upper bound: nothing can match", "la borne basse dépasse la borne haute\u00a0: rien ne peut convenir"), "")
		}
	}
	one := func(op string, v any) {
		if v != nil {
			k.operand(op, v, s, at.Child(op))
		}
	}
	list := func(op string, vs []any) {
		if vs != nil && len(vs) == 0 {
			k.add(diag.CodePredicateValue, at.Child(op), op, s.name, diag.Bilingual("the list is empty", "la liste est vide"), "")
		}
		for i, v := range vs {
			k.operand(op, v, s, at.Child(op).Index(i))
		}
	}
	one("equals", p.Equals)
	one("contains", p.Contains)
	one("gte", p.GTE)
	one("lte", p.LTE)
	one("gt", p.GT)
	one("lt", p.LT)
	list("in", p.In)
	list("contains_any", p.ContainsAny)
}

func (k *checker) operand(op string, v any, s subject, at diag.Path) {
	bad := func(en, fr string) {
		found := show(v)
		hint := ""
		if _, isList := v.([]any); isList && (op == "equals" || op == "contains") {
			hint = diag.Bilingual("to match any of several values, use in (or contains_any for a set)", "pour accepter plusieurs valeurs, utilisez in (ou contains_any pour un ensemble)")
		}
		k.add(diag.CodePredicateValue, at, op, s.name, diag.Bilingual(en+", found "+found, fr+", trouvé "+found), hint)
	}
	switch s.typ {
	case FactBool:
		if _, ok := v.(bool); !ok {
			bad("expected true or false", "true ou false attendu")
		}
	case FactNumber:
		if _, ok := v.(float64); !ok {
			bad("expected a number", "nombre attendu")
		}
	case FactString:
		if _, ok := v.(string); !ok {
			bad("expected a string", "chaîne attendue")
		}
	case FactDate:
		str, ok := v.(string)
		if _, err := time.Parse(time.DateOnly, str); !ok || err != nil {
			bad("expected a date YYYY-MM-DD", "date AAAA-MM-JJ attendue")
		}
	case FactEnum, FactSet:
		str, ok := v.(string)
		if !ok {
			bad("expected one of the values", "une des valeurs attendue")
			return
		}
		if !slices.Contains(s.values, str) {
			d := k.add(diag.CodeUnknownValue, at, strconv.Quote(str), s.name, strings.Join(s.values, ", "))
			d.Suggestion = diag.Suggest(str, s.values)
		}
	}
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// walk calls fn with p and every nested condition, with their paths.
func (p *Predicate) walk(at diag.Path, fn func(*Predicate, diag.Path)) {
	if p == nil {
		return
	}
	fn(p, at)
	for i := range p.All {
		p.All[i].walk(at.Child("all").Index(i), fn)
	}
	for i := range p.Any {
		p.Any[i].walk(at.Child("any").Index(i), fn)
	}
	p.Not.walk(at.Child("not"), fn)
}
