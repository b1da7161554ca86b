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
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	var ds diag.Diagnostics
	seen := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		color[n] = grey
		stack = append(stack, n)
		for _, e := range g.edges[n] {
			switch color[e.to] {
			case white:
				visit(e.to)
			case grey:
				i := slices.Index(stack, e.to)
				cycle := append(slices.Clone(stack[i:]), e.to)
				key := slices.Clone(cycle[:len(cycle)-1])
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
			}
		}
		stack = stack[:len(stack)-1]
		color[n] = black
	}
	for _, n := range g.nodes {
		if color[n] == white {
			visit(n)
		}
	}
	return ds
}

func (k *checker) cycles() {
	if k.sc.foreign != nil {
		return // a set checks the cycles of all its rubrics together
	}
	k.ds = append(k.ds, buildDeps([]*Rubric{k.r}).cycles()...)
}
