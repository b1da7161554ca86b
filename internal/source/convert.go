package source

import (
	"encoding/json"
	"math"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/vigie-ai/vigie/diag"
)

// converter walks a node tree within a budget and turns it into JSON
// values. Aliases are expanded, and every expanded node counts against the
// budget, so a "billion laughs" file stops after MaxNodes values instead of
// exhausting memory. The path of the node being visited is kept as a stack
// of segments and only made into a diag.Path when a problem is reported, so
// that keeping track of it allocates nothing.
type converter struct {
	file  string
	lim   Limits
	nodes int
	stack []diag.Segment
	diags diag.Diagnostics
}

func (c *converter) path() diag.Path {
	return diag.Root().Append(c.stack...)
}

func (c *converter) fail(n *yaml.Node, code diag.Code, args ...string) {
	c.diags = append(c.diags, diag.New(code, diag.Range{File: c.file, Start: posOf(n)}, c.path(), args...))
}

func (c *converter) push(s diag.Segment) { c.stack = append(c.stack, s) }
func (c *converter) pop()                { c.stack = c.stack[:len(c.stack)-1] }

// value returns the JSON value of n; fatal is true when the budget is spent
// and the rest of the document must not be looked at.
func (c *converter) value(n *yaml.Node, depth int) (v any, fatal bool) {
	c.nodes++
	if c.lim.MaxNodes > 0 && c.nodes > c.lim.MaxNodes {
		c.fail(n, diag.CodeTooManyNodes, strconv.Itoa(c.lim.MaxNodes))
		return nil, true
	}
	if c.lim.MaxDepth > 0 && depth > c.lim.MaxDepth {
		c.fail(n, diag.CodeTooDeep, strconv.Itoa(c.lim.MaxDepth))
		return nil, true
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, false
		}
		return c.value(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, e := range n.Content {
			c.push(diag.Segment{Index: i, IsIndex: true})
			ev, fatal := c.value(e, depth+1)
			c.pop()
			if fatal {
				return nil, true
			}
			out = append(out, ev)
		}
		return out, false
	case yaml.MappingNode:
		return c.mapping(n, depth)
	case yaml.ScalarNode:
		return c.scalar(n), false
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, false
		}
		return c.value(n.Content[0], depth)
	}
	return nil, false
}

// smallMapping is the size under which duplicate keys are found by a linear
// scan rather than a map: most mappings are small, and a scan allocates nothing.
const smallMapping = 12

func (c *converter) mapping(n *yaml.Node, depth int) (any, bool) {
	entries := len(n.Content) / 2
	if c.lim.MaxMappingSize > 0 && entries > c.lim.MaxMappingSize {
		c.fail(n, diag.CodeMappingTooLong, strconv.Itoa(entries), strconv.Itoa(c.lim.MaxMappingSize))
		return nil, true
	}
	out := make(map[string]any, entries)
	var seen map[string]*yaml.Node
	if entries > smallMapping {
		seen = make(map[string]*yaml.Node, entries)
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			c.fail(k, diag.CodeKeyNotScalar)
			continue
		}
		if k.Tag == "!!merge" {
			merges = append(merges, val)
			continue
		}
		if prev := c.earlier(n, i, k.Value, seen); prev != nil {
			c.push(diag.Segment{Key: k.Value})
			c.fail(k, diag.CodeDuplicateKey, strconv.Quote(k.Value), fmtPos(posOf(prev)))
			c.pop()
			continue
		}
		if seen != nil {
			seen[k.Value] = k
		}
		c.push(diag.Segment{Key: k.Value})
		v, fatal := c.value(val, depth+1)
		c.pop()
		if fatal {
			return nil, true
		}
		out[k.Value] = v
	}
	// Keys written in the mapping win over merged ones, and earlier merges over later ones.
	for _, m := range merges {
		mv, fatal := c.value(m, depth+1)
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
				c.fail(m, diag.CodeBadMerge)
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

// earlier returns the key before position i of mapping n that has the same
// value as key, or nil.
func (c *converter) earlier(n *yaml.Node, i int, key string, seen map[string]*yaml.Node) *yaml.Node {
	if seen != nil {
		return seen[key]
	}
	for j := 0; j < i; j += 2 {
		if k := n.Content[j]; k.Kind == yaml.ScalarNode && k.Tag != "!!merge" && k.Value == key {
			return k
		}
	}
	return nil
}

func (c *converter) scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	case "!!int":
		i, ierr := strconv.ParseInt(n.Value, 0, 64)
		if ierr != nil {
			var i64 int64
			if err := n.Decode(&i64); err == nil {
				i, ierr = i64, nil
			}
		}
		if ierr == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		var u uint64
		if err := n.Decode(&u); err == nil {
			return json.Number(strconv.FormatUint(u, 10))
		}
		c.fail(n, diag.CodeNotJSON, n.Value)
		return nil
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			c.fail(n, diag.CodeNotJSON, n.Value)
			return nil
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	// !!str, !!timestamp (the author's text is kept: 2026-12-02 stays a
	// string), !!binary and custom tags.
	return n.Value
}
