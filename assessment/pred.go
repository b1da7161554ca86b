package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-ai/vigie/rubric"
)

// A compiled condition. Names are resolved to indexes and operands to the
// form the values they are compared with take, once, at Compile.
type cpred struct {
	kind  pkind
	kids  []*cpred
	fact  int // -1 when the subject is not a fact
	crit  int // -1 when the subject is not an answer
	tier  int // -1 when the subject is not a tier
	op    opcode
	b     bool
	n     float64
	s     string
	strs  []string
	nums  []float64
	lo    float64
	hi    float64
	hasLo bool
	hasHi bool
	loIn  bool
	hiIn  bool
}

type pkind uint8

const (
	pAll pkind = iota
	pAny
	pNot
	pValue // a fact or an answer
	pTier
)

type opcode uint8

const (
	opEquals opcode = iota
	opIn
	opContains
	opContainsAny
	opExists
	opRange
)

// value is a fact or the effective answer to a criterion, as conditions read it.
type value struct {
	set  bool
	kind rubric.FactType
	b    bool
	n    float64 // numbers; dates as days since 1970; scale answers as the level's score
	s    string  // enum, string, date as written, scale level, choice
	list []string
}

// env is what conditions read during one assessment.
type env struct {
	facts   []value
	answers []value // effective answers: absent when the criterion does not apply
	tiers   []bool
}

func (p *cpred) walk(fn func(*cpred)) {
	if p == nil {
		return
	}
	fn(p)
	for _, k := range p.kids {
		k.walk(fn)
	}
}

// eval reports whether p holds; a nil condition always holds.
func (p *cpred) eval(e *env) bool {
	if p == nil {
		return true
	}
	switch p.kind {
	case pAll:
		for _, k := range p.kids {
			if !k.eval(e) {
				return false
			}
		}
		return true
	case pAny:
		for _, k := range p.kids {
			if k.eval(e) {
				return true
			}
		}
		return false
	case pNot:
		return !p.kids[0].eval(e)
	case pTier:
		return p.tier >= 0 && e.tiers[p.tier]
	}
	var v value
	if p.fact >= 0 {
		v = e.facts[p.fact]
	} else if p.crit >= 0 {
		v = e.answers[p.crit]
	}
	if p.op == opExists {
		return v.set == p.b
	}
	if !v.set {
		return false
	}
	switch p.op {
	case opEquals:
		switch v.kind {
		case rubric.FactBool:
			return v.b == p.b
		case rubric.FactNumber:
			return v.n == p.n
		default:
			return v.s == p.s
		}
	case opIn:
		if v.kind == rubric.FactNumber {
			return slices.Contains(p.nums, v.n)
		}
		return slices.Contains(p.strs, v.s)
	case opContains:
		return slices.Contains(v.list, p.s)
	case opContainsAny:
		for _, s := range p.strs {
			if slices.Contains(v.list, s) {
				return true
			}
		}
		return false
	case opRange:
		if p.hasLo && (v.n < p.lo || !p.loIn && v.n == p.lo) {
			return false
		}
		if p.hasHi && (v.n > p.hi || !p.hiIn && v.n == p.hi) {
			return false
		}
		return true
	}
	return false
}

type predCompiler struct {
	a      *Assessor
	rubric *rubric.Rubric
	cr     *crubric // the compiled rubric
	errs   []error
}

func (c *predCompiler) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("rubric %s: "+format, append([]any{c.rubric.ID}, args...)...))
}

func (c *predCompiler) compile(p *rubric.Predicate) *cpred {
	if p == nil {
		return nil
	}
	out := &cpred{fact: -1, crit: -1, tier: -1}
	switch {
	case p.All != nil:
		out.kind = pAll
		for i := range p.All {
			out.kids = append(out.kids, c.compile(&p.All[i]))
		}
	case p.Any != nil:
		out.kind = pAny
		for i := range p.Any {
			out.kids = append(out.kids, c.compile(&p.Any[i]))
		}
	case p.Not != nil:
		out.kind = pNot
		out.kids = []*cpred{c.compile(p.Not)}
	case p.Tier != "":
		out.kind = pTier
		// The rubric's own tier of that id, else the first rubric's that defines it.
		out.tier = c.a.localTier(c.cr, p.Tier)
		if out.tier < 0 {
			if t, ok := c.a.tierIdx[p.Tier]; ok {
				out.tier = t
			} else {
				c.fail("unknown tier %s", p.Tier)
			}
		}
	case p.Fact != "":
		out.kind = pValue
		fi, ok := c.a.factIdx[p.Fact]
		if !ok {
			c.fail("unknown fact %s", p.Fact)
			return out
		}
		out.fact = fi
		c.operands(out, p, c.a.facts[fi].f.Type, nil)
	case p.Answer != "":
		out.kind = pValue
		id := p.Answer
		if !strings.Contains(id, "/") {
			id = c.rubric.ID + "/" + id
		}
		ci, ok := c.a.critIdx[id]
		if !ok {
			c.fail("unknown criterion %s", p.Answer)
			return out
		}
		out.crit = ci
		cc := c.a.crits[ci]
		cc.read = true
		c.operands(out, p, cc.kind, cc.levels)
	default:
		c.fail("empty condition")
	}
	return out
}

// answerKind is the type of value the answer to c is, for conditions.
func answerKind(c *rubric.Criterion) rubric.FactType {
	switch c.Type {
	case rubric.AnswerBoolean:
		return rubric.FactBool
	case rubric.AnswerNumber:
		return rubric.FactNumber
	case rubric.AnswerMulti:
		return rubric.FactSet
	}
	return rubric.FactEnum
}

func (c *predCompiler) operands(out *cpred, p *rubric.Predicate, kind rubric.FactType, levels []rubric.Level) {
	num := func(v any) float64 {
		switch x := v.(type) {
		case float64:
			return x
		case string:
			if kind == rubric.FactDate {
				return dayNumber(x)
			}
			for _, l := range levels { // a scale answer compares by level score
				if l.Value == x {
					return l.Score
				}
			}
		}
		c.fail("operand %v does not fit %s", v, kind)
		return 0
	}
	str := func(v any) string {
		if s, ok := v.(string); ok {
			return s
		}
		return fmt.Sprint(v)
	}
	switch {
	case p.Equals != nil:
		out.op = opEquals
		switch x := p.Equals.(type) {
		case bool:
			out.b = x
		case float64:
			out.n = x
		default:
			out.s = str(x)
		}
	case p.In != nil:
		out.op = opIn
		for _, v := range p.In {
			if kind == rubric.FactNumber {
				out.nums = append(out.nums, num(v))
			} else {
				out.strs = append(out.strs, str(v))
			}
		}
	case p.Contains != nil:
		out.op, out.s = opContains, str(p.Contains)
	case p.ContainsAny != nil:
		out.op = opContainsAny
		for _, v := range p.ContainsAny {
			out.strs = append(out.strs, str(v))
		}
	case p.Exists != nil:
		out.op, out.b = opExists, *p.Exists
	default:
		out.op = opRange
		for _, b := range []struct {
			v         any
			low, incl bool
		}{{p.GTE, true, true}, {p.GT, true, false}, {p.LTE, false, true}, {p.LT, false, false}} {
			if b.v == nil {
				continue
			}
			if b.low {
				out.lo, out.hasLo, out.loIn = num(b.v), true, b.incl
			} else {
				out.hi, out.hasHi, out.hiIn = num(b.v), true, b.incl
			}
		}
	}
}

// dayNumber turns YYYY-MM-DD into days since 1970-01-01; -1e9 when malformed.
func dayNumber(s string) float64 {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return -1e9
	}
	return float64(t.Unix() / 86400)
}

// fold lowers case and removes the accents of French and other Latin
// letters, so that phrases match whatever the typing. What is neither a
// letter nor a digit separates words: "familles," matches "familles". Words
// are separated by one space.
func fold(s string) string { return string(appendFold(nil, s)) }

// appendFold appends the folded s to dst.
func appendFold(dst []byte, s string) []byte {
	start, space := len(dst), false
	for _, r := range s {
		r = unicode.ToLower(r)
		var ascii string // what r folds to, when it is not itself
		switch r {
		case 'à', 'â', 'ä', 'á', 'ã', 'å':
			ascii = "a"
		case 'ç':
			ascii = "c"
		case 'é', 'è', 'ê', 'ë':
			ascii = "e"
		case 'î', 'ï', 'í', 'ì':
			ascii = "i"
		case 'ô', 'ö', 'ó', 'ò', 'õ':
			ascii = "o"
		case 'ù', 'û', 'ü', 'ú':
			ascii = "u"
		case 'ÿ', 'ý':
			ascii = "y"
		case 'ñ':
			ascii = "n"
		case 'œ':
			ascii = "oe"
		case 'æ':
			ascii = "ae"
		default:
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				space = true
				continue
			}
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if ascii != "" {
			dst = append(dst, ascii...)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}
