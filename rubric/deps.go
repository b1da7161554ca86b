package rubric

import (
	"slices"
	"strings"

	"github.com/vigie-ai/vigie/diag"
)

// Answer dependencies. A criterion whose applicability reads another
// criterion's answer depends on it; one that reads a tier depends on the
// classification of the rubric that defines the tier; the classification
// depends on the answers its rules read. These dependencies must not loop:
// an assessment evaluates them in order.

const classificationNode = "#classification"

type depEdge struct {
	to   string
	from *Rubric
	at   diag.Path // the condition that makes the dependency
}

type depGraph struct {
	edges map[string][]depEdge
	nodes []string
}

// buildDeps builds the dependency graph of rubrics; names are qualified by rubric id.
func buildDeps(rubrics []*Rubric) *depGraph {
	g := &depGraph{edges: map[string][]depEdge{}}
	tierOwner := map[string]string{}
	for _, r := range rubrics {
		if r.Classification != nil {
			for _, t := range r.Classification.Tiers {
				if _, ok := tierOwner[t.ID]; !ok {
					tierOwner[t.ID] = r.ID
				}
			}
		}
	}
	qualify := func(r *Rubric, id string) string {
		if strings.Contains(id, "/") {
			return id
		}
		return r.ID + "/" + id
	}
	link := func(r *Rubric, from string, p *Predicate, at diag.Path) {
		p.walk(at, func(q *Predicate, qp diag.Path) {
			if q.Answer != "" {
				g.edges[from] = append(g.edges[from], depEdge{to: qualify(r, q.Answer), from: r, at: qp.Child("answer")})
			}
			if owner, ok := tierOwner[q.Tier]; ok && q.Tier != "" {
				g.edges[from] = append(g.edges[from], depEdge{to: owner + classificationNode, from: r, at: qp.Child("tier")})
			}
		})
	}
	for _, r := range rubrics {
		for i, s := range r.Sections {
			sp := diag.Root().Child("sections").Index(i)
			for j, c := range s.Criteria {
				node := r.ID + "/" + c.ID
				g.nodes = append(g.nodes, node)
				link(r, node, s.AppliesWhen, sp.Child("applies_when"))
				link(r, node, c.AppliesWhen, sp.Child("criteria").Index(j).Child("applies_when"))
			}
		}
		if r.Classification != nil {
			node := r.ID + classificationNode
			g.nodes = append(g.nodes, node)
			for i := range r.Classification.Rules {
				rule := &r.Classification.Rules[i]
				rp := diag.Root().Child("classification").Child("rules").Index(i)
				link(r, node, &rule.When, rp.Child("when"))
				link(r, node, rule.Unless, rp.Child("unless"))
			}
		}
	}
	return g
}

// cycles returns one diagnostic per dependency cycle, at the condition that closes it.
func (g *depGraph) cycles() diag.Diagnostics {
	var ds diag.Diagnostics
	seen := map[string]bool{}
	same := func(n string) string { return n }
	edges := func(n string) []depEdge { return g.edges[n] }
	to := func(e depEdge) (string, bool) { return e.to, true }
	findCycles(g.nodes, same, edges, to, func(loop []string, e depEdge) {
		cycle := append(slices.Clone(loop), e.to)
		key := slices.Clone(loop)
		slices.Sort(key)
		if k := strings.Join(key, " "); !seen[k] {
			seen[k] = true
			en, fr := make([]string, len(cycle)), make([]string, len(cycle))
			for i, n := range cycle {
				en[i], fr[i] = n, n
				if r, ok := strings.CutSuffix(n, classificationNode); ok {
					en[i], fr[i] = "the classification of "+r, "la classification de "+r
				}
			}
			ds = append(ds, diag.New(diag.CodeAnswerCycle, e.from.src.at(e.at), e.at, diag.Bilingual(strings.Join(en, " → "), strings.Join(fr, " → "))))
		}
	})
	return ds
}

// findCycles searches a directed graph depth first, from each root that no
// earlier search reached, and calls found for every edge e that leads back
// to a node on the current path: loop is that path, from the node e leads
// to up to the source of e, valid only during the call. Nodes are told
// apart by their key; to returns false for an edge that leads out of the
// graph.
func findCycles[N any, K comparable, E any](roots []N, key func(N) K, edges func(N) []E, to func(E) (N, bool), found func(loop []N, e E)) {
	const (
		white = iota
		grey
		black
	)
	color := map[K]int{}
	var stack []N
	var visit func(n N)
	visit = func(n N) {
		color[key(n)] = grey
		stack = append(stack, n)
		for _, e := range edges(n) {
			m, ok := to(e)
			if !ok {
				continue
			}
			switch color[key(m)] {
			case white:
				visit(m)
			case grey:
				i := slices.IndexFunc(stack, func(s N) bool { return key(s) == key(m) })
				found(stack[i:], e)
			}
		}
		stack = stack[:len(stack)-1]
		color[key(n)] = black
	}
	for _, n := range roots {
		if color[key(n)] == white {
			visit(n)
		}
	}
}

func (k *checker) cycles() {
	if k.sc.foreign != nil {
		return // a set checks the cycles of all its rubrics together
	}
	k.ds = append(k.ds, buildDeps([]*Rubric{k.r}).cycles()...)
}
