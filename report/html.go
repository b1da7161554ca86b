package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/vigie-ai/vigie/assessment"
)

//go:embed html.tmpl
var htmlFiles embed.FS

// htmlTemplate is parsed once; each render clones it and binds the
// functions to its options.
var htmlTemplate = template.Must(template.New("html.tmpl").Funcs(htmlFuncs(&Options{})).ParseFS(htmlFiles, "html.tmpl"))

// htmlRenderer writes one self-contained HTML file: inline CSS with a print
// stylesheet, an SVG radar chart of section scores, no script and no
// external asset. Every text from a rubric or a declaration goes through
// html/template, which escapes it for where it lands.
type htmlRenderer struct{}

// htmlPage is what the template reads.
type htmlPage struct {
	Lang    string
	Title   string
	Results []htmlResult
}

type htmlResult struct {
	*assessment.Result
	Charts []radar
	refs   map[refKey]assessment.Reference
}

// RefURL is the link of a reference the result describes, or "".
func (r htmlResult) RefURL(rubric, id string) string { return r.refs[refKey{rubric, id}].URL }

// RefTitle names a reference by its referential and title, or by its
// identifier when the result does not describe it.
func (r htmlResult) RefTitle(rubric, id string) string {
	if ref, ok := r.refs[refKey{rubric, id}]; ok {
		return ref.Referential + " — " + ref.Title
	}
	return id
}

// radar is the chart of one rubric's section scores.
type radar struct {
	Title         string
	Width, Height int
	CX, CY        float64 // the centre
	Axes          []radarAxis
	Shape         string // the polygon of the scores
	Rings         []string
	Bars          bool // fewer than three sections: bars instead of a radar
}

type radarAxis struct {
	X, Y, LX, LY float64
	Label        string
	Value        string
	Anchor       string
	BarWidth     float64
	BarY         float64
}

func (htmlRenderer) render(w io.Writer, results []*assessment.Result, o *Options) error {
	page := htmlPage{Lang: o.Language}
	for _, res := range results {
		hr := htmlResult{Result: res, refs: references(res)}
		for _, rr := range res.Rubrics {
			hr.Charts = append(hr.Charts, newRadar(rr, o))
		}
		page.Results = append(page.Results, hr)
	}
	if len(results) == 1 {
		page.Title = results[0].Subject.Name
	} else {
		page.Title = "vigie"
	}
	tmpl, err := htmlTemplate.Clone()
	if err != nil {
		return fmt.Errorf("html template: %w", err)
	}
	return tmpl.Funcs(htmlFuncs(o)).Execute(w, page)
}

// htmlFuncs are the template's functions: words in the report's language,
// and numbers and dates as people read them.
func htmlFuncs(o *Options) template.FuncMap {
	return template.FuncMap{
		"t":           func(key string, args ...any) string { return o.t(key, args...) },
		"n":           func(key string, n int) string { return o.n(key, n) },
		"status":      func(s assessment.Status) string { return o.status(s) },
		"severity":    func(s assessment.Severity) string { return o.severity(s) },
		"percent":     func(f *float64) string { return o.percent(f) },
		"pct":         func(f float64) string { return o.percent(&f) },
		"add":         func(a, b float64) float64 { return a + b },
		"number":      func(f float64) string { return o.number(f) },
		"date":        func(s string) string { return o.date(s) },
		"counts":      func(c assessment.Counts) string { return o.counts(c) },
		"section":     func(s assessment.SectionResult) string { return o.percentOf(s) },
		"totals":      func(r *assessment.Result) string { return o.counts(totals(r)) },
		"join":        strings.Join,
		"failingTier": failingTier,
		"verdict":     func(s assessment.Status) string { return o.verdict(s) },
		"colon":       func() string { return o.colon() },
		"answer":      func(c assessment.CriterionResult) string { return o.answer(c) },
		"where":       func(f assessment.Finding, declaration string) string { return findingLine(f, declaration) },
		"itemstatus":  func(s string) string { return o.t("st." + s) },
	}
}

// newRadar lays out the radar chart of a rubric's section scores; sections
// without a score (non concernées) count as 0 on the chart and say so.
func newRadar(rr assessment.RubricResult, o *Options) radar {
	// Labels sit outside the circle: the chart is wider than tall to leave them room.
	const width, height, radius = 640, 380, 130
	cx, cy := float64(width)/2, float64(height)/2
	rd := radar{Title: rr.Title, Width: width, Height: height, CX: cx, CY: cy, Bars: len(rr.Sections) < 3}
	n := len(rr.Sections)
	pct := func(s assessment.SectionResult) float64 {
		if s.Value == nil || s.Max <= 0 {
			return 0
		}
		return math.Max(0, math.Min(1, *s.Value/s.Max))
	}
	if rd.Bars {
		rd.Width, rd.Height = 460, 30+40*n
		for i, s := range rr.Sections {
			rd.Axes = append(rd.Axes, radarAxis{Label: truncate(s.Title, 40), Value: o.percentOf(s), BarWidth: 300 * pct(s), BarY: float64(30 + 40*i)})
		}
		return rd
	}
	point := func(i int, r float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*math.Cos(a), cy + r*math.Sin(a)
	}
	for _, ring := range []float64{0.25, 0.5, 0.75, 1} {
		var pts []string
		for i := range n {
			x, y := point(i, radius*ring)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		}
		rd.Rings = append(rd.Rings, strings.Join(pts, " "))
	}
	var shape []string
	for i, s := range rr.Sections {
		x, y := point(i, radius)
		lx, ly := point(i, radius+18)
		anchor := "middle"
		switch {
		case lx < cx-5:
			anchor = "end"
		case lx > cx+5:
			anchor = "start"
		}
		if ly < cy-radius { // the top label sits above the circle
			ly -= 4
		} else if ly > cy+radius {
			ly += 10
		}
		rd.Axes = append(rd.Axes, radarAxis{X: x, Y: y, LX: lx, LY: ly, Label: truncate(s.Title, 30), Value: o.percentOf(s), Anchor: anchor})
		px, py := point(i, radius*pct(s))
		shape = append(shape, fmt.Sprintf("%.1f,%.1f", px, py))
	}
	rd.Shape = strings.Join(shape, " ")
	return rd
}
