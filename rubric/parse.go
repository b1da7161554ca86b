package rubric

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"weak"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/schema"
	"github.com/vigie-ai/vigie/internal/source"
	"github.com/vigie-ai/vigie/schemas"
)

// ErrInvalid is wrapped by errors about rubrics that cannot be used; the
// diagnostics themselves are reachable with errors.As(err, &diag.Diagnostics{}).
var ErrInvalid = errors.New("invalid rubric")

// Option configures parsing and validation.
type Option func(*config) error

type config struct {
	limits source.Limits
	strict bool
}

func newConfig(opts []Option) (*config, error) {
	c := &config{limits: source.DefaultLimits()}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// WithMaxBytes sets the size cap of one file (default 8 MiB).
func WithMaxBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("max bytes must be positive, got %d", n)
		}
		c.limits.MaxBytes = n
		return nil
	}
}

// WithStrictLanguages makes a text missing in one of the rubric's languages
// an error instead of a warning.
func WithStrictLanguages() Option {
	return func(c *config) error {
		c.strict = true
		return nil
	}
}

// The compiled rubric schema is a cache: kept while rubrics are being parsed,
// and let go by the garbage collector afterwards (through a weak pointer), so
// that a process assessing thousands of declarations does not carry its
// 800 KB of pointers through every collection. It is a trade-off, measured
// when it was made: held for good (sync.OnceValues), it made BenchmarkAssess
// half as slow again, since every collection marks it; let go, it is
// compiled again (about 6 ms) after a collection, which in a tight parsing
// loop is one parse in ten, and BenchmarkParse took half as long again.
// Assessing is the frequent path. It changes no result: it is a cache.
var schemaCache struct {
	mu sync.Mutex
	p  weak.Pointer[schema.Validator]
}

func rubricSchema() (*schema.Validator, error) {
	schemaCache.mu.Lock()
	defer schemaCache.mu.Unlock()
	if v := schemaCache.p.Value(); v != nil {
		return v, nil
	}
	v, err := schema.Compile(schemas.Rubric())
	if err != nil {
		return nil, err
	}
	schemaCache.p = weak.Make(v)
	return v, nil
}

// ReadFile reads and parses the rubric file at path. It never reads more
// than the size cap.
func ReadFile(path string, opts ...Option) (*Rubric, error) {
	c, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read rubric: %w", err)
	}
	defer f.Close()
	data, ds := source.Read(path, f, c.limits.MaxBytes)
	if ds != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, ds)
	}
	return parse(path, data, c)
}

// Parse parses and validates one rubric. name is the file name used in
// diagnostics; a name ending in .json is read as JSON, anything else as YAML.
//
// When the rubric has problems, the error wraps ErrInvalid and a
// diag.Diagnostics listing all of them. A rubric that extends another is
// checked for what can be checked alone; NewSet checks the rest once the
// base is known. Warnings of a valid rubric are returned by Warnings.
func Parse(name string, data []byte, opts ...Option) (*Rubric, error) {
	c, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return parse(name, data, c)
}

func parse(name string, data []byte, c *config) (*Rubric, error) {
	doc, ds := source.Parse(name, data, c.limits)
	if doc == nil {
		return nil, invalid(ds)
	}
	if dk := checkKind(doc, "Rubric"); dk != nil {
		return nil, invalid(append(ds, dk))
	}
	v, err := rubricSchema()
	if err != nil {
		return nil, err
	}
	sds, err := v.Validate(doc)
	if err != nil {
		return nil, err
	}
	// One problem, one diagnostic: a value the source step already refused
	// (a duplicate key, .nan) needs no schema error on top.
	reported := map[string]bool{}
	for _, d := range ds {
		reported[d.Path.String()] = true
	}
	// Go on past schema errors to report every problem at once: decode what
	// is valid, and drop what later checks would say about the invalid parts.
	var pruned []diag.Path
	for _, d := range sds {
		if reported[d.Path.String()] {
			continue
		}
		ds = append(ds, d)
		_, number := source.ValueAt(doc.Value, d.Path).(json.Number)
		switch {
		case d.Code == diag.CodeRange && number:
			source.Prune(doc.Value, d.Path) // defaults stand in for numbers out of range
			pruned = append(pruned, d.Path)
		case d.Code == diag.CodeUnknownKey, d.Code == diag.CodeType, d.Code == diag.CodeText, d.Code == diag.CodeSchema:
			source.Prune(doc.Value, d.Path) // the typed model cannot hold it
			pruned = append(pruned, d.Path)
		case d.Code == diag.CodeRequired:
			pruned = append(pruned, d.Path.Child(d.Args[0])) // nothing to say about what is missing
		}
	}
	r, err := decode(doc.Value)
	if err != nil {
		if ds.HasErrors() {
			return nil, invalid(ds)
		}
		return nil, fmt.Errorf("decode rubric %s: %w", name, err)
	}
	sum := sha256.Sum256(data)
	file := &sourceFile{name: name, data: bytes.Clone(data), doc: doc}
	r.src = &origin{file: file, sha256: hex.EncodeToString(sum[:]), hasScoring: r.Scoring != nil, hasLanguage: r.Language != ""}
	r.normalise()
	for _, d := range check(r, c, checkShapes|nameChecksUnlessExtends(r)) {
		if !underAny(d.Path, pruned) {
			ds = append(ds, d)
		}
	}
	ds.Sort()
	if ds.HasErrors() {
		return nil, invalid(ds)
	}
	r.src.warnings = ds
	file.forget() // positions are found again from the bytes if ever needed
	return r, nil
}

// underAny reports whether p is one of roots, inside one, or the parent of one.
func underAny(p diag.Path, roots []diag.Path) bool {
	ps := p.String()
	for _, r := range roots {
		rs := r.String()
		if ps == rs || strings.HasPrefix(ps, rs+".") || strings.HasPrefix(ps, rs+"[") {
			return true
		}
		segs := r.Segments()
		if len(segs) > 0 && parentString(segs) == ps {
			return true
		}
	}
	return false
}

func parentString(segs []diag.Segment) string {
	return diag.Root().Append(segs[:len(segs)-1]...).String()
}

func nameChecksUnlessExtends(r *Rubric) checkMode {
	if r.Extends != "" {
		return 0
	}
	return checkNames
}

func invalid(ds diag.Diagnostics) error {
	ds.Sort()
	return fmt.Errorf("%w: %w", ErrInvalid, ds)
}

// checkKind reports a document that is not of the wanted kind, which the
// schema would otherwise drown in unknown-key errors.
func checkKind(doc *source.Document, want string) *diag.Diagnostic {
	m, ok := doc.Value.(map[string]any)
	if !ok {
		return diag.New(diag.CodeNotMapping, doc.Locate(diag.Root()), diag.Root())
	}
	kind, _ := m["kind"].(string)
	if kind != "" && kind != want && (kind == "Rubric" || kind == "Declaration") {
		p := diag.NewPath("kind")
		names := map[string]string{"Rubric": diag.Bilingual("rubric", "grille"), "Declaration": diag.Bilingual("declaration", "déclaration")}
		return diag.New(diag.CodeWrongKind, doc.Locate(p), p, names[want], names[kind])
	}
	return nil
}

// decode turns a validated JSON value into the typed model.
func decode(v any) (*Rubric, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	r := &Rubric{}
	if err := dec.Decode(r); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return r, nil
}

// SHA256 returns the hex SHA-256 of the rubric file's bytes, or "" for a
// rubric built in memory.
func (r *Rubric) SHA256() string {
	if r.src == nil {
		return ""
	}
	return r.src.sha256
}

// File returns the name of the file the rubric was read from.
func (r *Rubric) File() string {
	if r.src == nil || r.src.file == nil {
		return ""
	}
	return r.src.file.name
}

// Warnings returns the warnings found while parsing a valid rubric.
func (r *Rubric) Warnings() diag.Diagnostics {
	if r.src == nil {
		return nil
	}
	return r.src.warnings
}

// normalise fills in the defaults, so that users of the model never see
// a missing weight or answer type.
func (r *Rubric) normalise() {
	if r.Language == "" {
		r.Language = "en"
		if len(r.Languages) > 0 {
			r.Language = r.Languages[0]
		}
	}
	one := 1.0
	for i := range r.Sections {
		s := &r.Sections[i]
		if s.Weight == nil {
			s.Weight = &one
		}
		for j := range s.Criteria {
			s.Criteria[j].normalise()
		}
	}
	for i := range r.Overrides {
		for j := range r.Overrides[i].AddCriteria {
			r.Overrides[i].AddCriteria[j].normalise()
		}
	}
	if r.Scoring == nil {
		r.Scoring = &Scoring{}
	}
	if r.Scoring.Method == "" {
		r.Scoring.Method = WeightedMean
	}
	if r.Scoring.Missing == "" {
		r.Scoring.Missing = MissingZero
	}
	if r.Scoring.Rounding == nil {
		r.Scoring.Rounding = &Rounding{}
	}
	if r.Scoring.Rounding.Digits == nil {
		d := 1
		r.Scoring.Rounding.Digits = &d
	}
	if r.Scoring.Rounding.Mode == "" {
		r.Scoring.Rounding.Mode = RoundHalfUp
	}
	for i := range r.Scoring.Scores {
		if r.Scoring.Scores[i].Basis == "" {
			r.Scoring.Scores[i].Basis = BasisPercent
		}
	}
}

func (c *Criterion) normalise() {
	one := 1.0
	if c.Weight == nil {
		c.Weight = &one
	}
	if c.Type == "" && c.Scale != "" {
		c.Type = AnswerScale
	}
	if c.Evidence == "" {
		c.Evidence = EvidenceOptional
	}
	if c.Severity == "" {
		c.defaultSeverity = true
	}
	c.followGate()
	if c.Type == AnswerBoolean && c.Expected == nil {
		t := true
		c.Expected = &t
	}
}

// followGate gives a criterion without a written severity the default of
// its gate: critical for a gate, medium otherwise.
func (c *Criterion) followGate() {
	if !c.defaultSeverity {
		return
	}
	c.Severity = SeverityMedium
	if c.Gate {
		c.Severity = SeverityCritical
	}
}
