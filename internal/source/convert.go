package source

import (
	"encoding/json"
	"math"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/diag"
)

// converter turns a node tree into JSON values within a budget. Aliases are
// expanded, and every expanded node counts against the budget, so a "billion
// laughs" file stops after MaxNodes values instead of exhausting memory.
type converter struct {
	file  string
	lim   Limits
	nodes int
	diags diag.Diagnostics
}

func (c *converter) fail(n *yaml.Node, p diag.Path, code diag.Code, args ...string) {
	c.diags = append(c.diags, diag.New(code, diag.Range{File: c.file, Start: posOf(n)}, p, args...))
}

// value returns the JSON value of n; fatal is true when the budget is spent
// and the rest of the document must not be looked at.
func (c *converter) value(n *yaml.Node, p diag.Path, depth int) (v any, fatal bool) {
	c.nodes++
	if c.lim.MaxNodes > 0 && c.nodes > c.lim.MaxNodes {
		c.fail(n, p, diag.CodeTooManyNodes, strconv.Itoa(c.lim.MaxNodes))
		return nil, true
	}
	if c.lim.MaxDepth > 0 && depth > c.lim.MaxDepth {
		c.fail(n, p, diag.CodeTooDeep, strconv.Itoa(c.lim.MaxDepth))
		return nil, true
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, false
		}
		return c.value(n.Alias, p, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, e := range n.Content {
			ev, fatal := c.value(e, p.Index(i), depth+1)
			if fatal {
				return nil, true
			}
			out = append(out, ev)
		}
		return out, false
	case yaml.MappingNode:
		return c.mapping(n, p, depth)
	case yaml.ScalarNode:
		return c.scalar(n, p), false
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, false
		}
		return c.value(n.Content[0], p, depth)
	}
	return nil, false
}

func (c *converter) mapping(n *yaml.Node, p diag.Path, depth int) (any, bool) {
	entries := len(n.Content) / 2
	if c.lim.MaxMappingSize > 0 && entries > c.lim.MaxMappingSize {
		c.fail(n, p, diag.CodeMappingTooLong, strconv.Itoa(entries), strconv.Itoa(c.lim.MaxMappingSize))
		return nil, true
	}
	out := make(map[string]any, entries)
	seen := make(map[string]*yaml.Node, entries)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			c.fail(k, p, diag.CodeKeyNotScalar)
			continue
		}
		if k.Tag == "!!merge" {
			merges = append(merges, val)
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			c.fail(k, p.Child(k.Value), diag.CodeDuplicateKey, strconv.Quote(k.Value), fmtPos(posOf(prev)))
			continue
		}
		seen[k.Value] = k
		v, fatal := c.value(val, p.Child(k.Value), depth+1)
		if fatal {
			return nil, true
		}
		out[k.Value] = v
	}
	// Keys written in the mapping win over merged ones, and earlier merges over later ones.
	for _, m := range merges {
		mv, fatal := c.value(m, p, depth+1)
		if fatal {
			return nil, true
		}
		list, ok := mv.([]any)
		if !ok {
			list = []any{mv}
		}
		for _, item := range list {
			mm, ok := item.(map[string]any)
			if !ok {
				c.fail(m, p, diag.CodeBadMerge)
				break
			}
			for k, v := range mm {
				if _, exists := out[k]; !exists {
					out[k] = v
				}
			}
		}
	}
	return out, false
}

func (c *converter) scalar(n *yaml.Node, p diag.Path) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	case "!!int":
		var i int64
		if err := n.Decode(&i); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		var u uint64
		if err := n.Decode(&u); err == nil {
			return json.Number(strconv.FormatUint(u, 10))
		}
		c.fail(n, p, diag.CodeNotJSON, n.Value)
		return nil
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			c.fail(n, p, diag.CodeNotJSON, n.Value)
			return nil
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	// !!str, !!timestamp (the author's text is kept: 2026-12-02 stays a
	// string), !!binary and custom tags.
	return n.Value
}
