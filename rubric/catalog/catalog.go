// Package catalog holds the rubrics shipped with vigie, embedded in the
// binary: the default set that vigie uses when no rubric is given.
//
//	set, err := catalog.Set()
//	a, err := assessment.Compile(set)
//
// The catalog holds the AI Act rubric (ai-act), the children's rights
// rubric (children-rights) and the child-protection practice rubric
// (child-protection-practice).
package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"github.com/vigie-ai/vigie/rubric"
)

//go:embed *.yaml
var files embed.FS

// Rubrics parses the embedded rubrics, in file-name order. Each call parses
// them anew, so callers own what they get.
func Rubrics() ([]*rubric.Rubric, error) {
	names, err := fs.Glob(files, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]*rubric.Rubric, 0, len(names))
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		r, err := rubric.Parse("catalog/"+name, data)
		if err != nil {
			return nil, fmt.Errorf("catalog rubric %s: %w", name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Set returns the embedded rubrics as a set: the default set.
func Set() (*rubric.Set, error) {
	rs, err := Rubrics()
	if err != nil {
		return nil, err
	}
	return rubric.NewSet(rs)
}

// Source returns the YAML of the embedded rubric with the given id.
func Source(id string) ([]byte, bool) {
	data, err := files.ReadFile(id + ".yaml")
	return data, err == nil
}
