package assessment_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/rubric"
)

func encode(t *testing.T, res *assessment.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(res))
	return b.Bytes()
}

// TestConcurrentAssess uses one Assessor from many goroutines (run with
// -race): every result is the same, byte for byte.
func TestConcurrentAssess(t *testing.T) {
	t.Parallel()
	a := benchAssessor(t, 60)
	d, err := assessment.ParseDeclaration("bench.yaml", benchDeclaration(60, 0))
	require.NoError(t, err)
	res, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf), assessment.WithLanguage("fr"))
	require.NoError(t, err)
	want := encode(t, res)
	resEN, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf), assessment.WithLanguage("en"))
	require.NoError(t, err)
	wantEN := encode(t, resEN)
	require.NotEqual(t, string(want), string(wantEN), "the two languages differ")

	// The goroutines only record what they got: require stops the test
	// goroutine alone, so assertions wait for them.
	var wg sync.WaitGroup
	outs := make([][]byte, 16)
	errs := make([]error, len(outs))
	for i := range outs {
		wg.Go(func() {
			lang := "fr"
			if i%2 == 1 {
				lang = "en"
			}
			r, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf), assessment.WithLanguage(lang))
			if err != nil {
				errs[i] = err
				return
			}
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetIndent("", "  ")
			errs[i] = enc.Encode(r)
			outs[i] = b.Bytes()
		})
	}
	wg.Wait()
	for i, out := range outs {
		require.NoError(t, errs[i], "run %d", i)
		if i%2 == 1 {
			assert.Equal(t, string(wantEN), string(out), "run %d (en)", i)
		} else {
			assert.Equal(t, string(want), string(out), "run %d (fr)", i)
		}
	}
}

// TestDeterministic compiles the same rubrics and parses the same
// declaration anew, with one and with all cores: the JSON is the same bytes.
func TestDeterministic(t *testing.T) {
	var first []byte
	for i, procs := range []int{1, runtime.NumCPU(), 1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		a := benchAssessor(t, 60)
		d, err := assessment.ParseDeclaration("bench.yaml", benchDeclaration(60, 3000))
		require.NoError(t, err)
		res, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf))
		runtime.GOMAXPROCS(prev)
		require.NoError(t, err)
		got := encode(t, res)
		if i == 0 {
			first = got
			continue
		}
		assert.Equal(t, string(first), string(got))
	}
}

func TestAssessRefusesWhatDoesNotFit(t *testing.T) {
	t.Parallel()
	a := benchAssessor(t, 10)
	d, err := assessment.ParseDeclaration("d.yaml", []byte(`apiVersion: vigie/v1
kind: Declaration
project: {id: p, name: P}
facts:
  role: deplyer
  users: many
  colour: blue
answers:
  bench/c0: fully
  bench/c99: full
  c1: full
`))
	require.NoError(t, err)
	ds := a.Check(d)
	var got []string
	for _, dg := range ds {
		got = append(got, dg.Range.String()+" "+string(dg.Code)+" "+dg.Suggestion)
	}
	assert.Equal(t, []string{
		"d.yaml:5:9 unknown-value deployer",
		"d.yaml:6:10 type ",
		"d.yaml:7:11 unread-fact ",
		"d.yaml:9:13 unknown-value full",
		"d.yaml:10:14 unknown-answer bench/c9",
		"d.yaml:11:7 unknown-answer bench/c1",
	}, got)
	_, err = a.Assess(context.Background(), d)
	require.ErrorIs(t, err, assessment.ErrInvalid)
	var dds diag.Diagnostics
	require.True(t, errors.As(err, &dds))
	assert.Len(t, dds, 6)
}

// TestUpcomingFindingsNameTiersByTitle: the findings for a rule and for an
// obligation not yet in force name the tier as people read it, by its title
// in the result's language, as the classification does.
func TestUpcomingFindingsNameTiersByTitle(t *testing.T) {
	t.Parallel()
	a := benchAssessor(t, 10)
	d := &assessment.Declaration{APIVersion: "vigie/v1", Kind: "Declaration", Project: assessment.Project{ID: "p", Name: "P"},
		Facts: map[string]any{"public_body": true, "capabilities": []any{"scoring", "profiling", "conversational"}}}
	for lang, titles := range map[string][]string{"en": {"High risk", "Transparency"}, "fr": {"Haut risque", "Transparence"}} {
		res, err := a.Assess(context.Background(), d, assessment.WithAsOf(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), assessment.WithLanguage(lang))
		require.NoError(t, err)
		got := map[string]string{}
		for _, f := range res.Findings {
			got[f.Code+":"+f.Subject] = f.Message
		}
		require.Contains(t, got, "upcoming-obligation:bench#high", lang)
		require.Contains(t, got, "upcoming-rule:bench#chatbot", lang)
		assert.Contains(t, got["upcoming-obligation:bench#high"], titles[0], lang)
		assert.Contains(t, got["upcoming-rule:bench#chatbot"], titles[1], lang)
	}
}

func TestAssessHonoursContext(t *testing.T) {
	t.Parallel()
	a := benchAssessor(t, 10)
	d, err := assessment.ParseDeclaration("d.yaml", benchDeclaration(10, 0))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = a.Assess(ctx, d)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestNilDeclaration(t *testing.T) {
	t.Parallel()
	a := benchAssessor(t, 10)
	res, err := a.Assess(context.Background(), nil)
	assert.Nil(t, res)
	require.ErrorIs(t, err, assessment.ErrInvalid)
	assert.Empty(t, a.Check(nil))
}

func TestExampleDeclarationsAreValid(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../examples/declarations/*.yaml")
	require.NoError(t, err)
	more, err := filepath.Glob("../examples/declarations/*/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, append(files, more...))
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		_, err = assessment.ParseDeclaration(f, data)
		assert.NoError(t, err, f)
	}
}

// TestHostileDeclarations: declarations built to exhaust the parser get a
// diagnostic, not a crash.
func TestHostileDeclarations(t *testing.T) {
	t.Parallel()
	var keys bytes.Buffer
	keys.WriteString("apiVersion: vigie/v1\nkind: Declaration\nproject: {id: p, name: P}\nfacts:\n")
	for i := range 6000 {
		fmt.Fprintf(&keys, "  f%d: x\n", i)
	}
	var unknown bytes.Buffer
	unknown.WriteString("apiVersion: vigie/v1\nkind: Declaration\nproject:\n")
	for i := range 3000 {
		fmt.Fprintf(&unknown, "  k%d: x\n", i)
	}
	// Seven levels of eight aliases: 8^7 = 2,097,152 values once expanded.
	// The decoder never expands them: each fact gets one type error.
	var bomb bytes.Buffer
	bomb.WriteString("apiVersion: vigie/v1\nkind: Declaration\nproject: {id: p, name: P}\nfacts:\n  l0: &l0 [1,1,1,1,1,1,1,1]\n")
	for i := 1; i < 7; i++ {
		fmt.Fprintf(&bomb, "  l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d,", i-1), 8), ","))
	}
	tests := map[string]struct {
		data string
		code diag.Code
	}{
		"alias bomb":     {bomb.String(), diag.CodeType},
		"many facts":     {keys.String(), diag.CodeMappingTooLong},
		"many keys":      {unknown.String(), diag.CodeMappingTooLong},
		"duplicate fact": {"apiVersion: vigie/v1\nkind: Declaration\nproject: {id: p, name: P}\nfacts:\n  a: 1\n  a: 2\n", diag.CodeDuplicateKey},
		"nan":            {"apiVersion: vigie/v1\nkind: Declaration\nproject: {id: p, name: P}\nfacts:\n  a: .nan\n", diag.CodeNotJSON},
		"rubric":         {"apiVersion: vigie/v1\nkind: Rubric\nproject: {id: p, name: P}\n", diag.CodeWrongKind},
	}
	for name, tt := range tests {
		_, err := assessment.ParseDeclaration(name+".yaml", []byte(tt.data))
		var ds diag.Diagnostics
		require.True(t, errors.As(err, &ds), "%s: %v", name, err)
		var codes []diag.Code
		for _, d := range ds {
			codes = append(codes, d.Code)
		}
		assert.Contains(t, codes, tt.code, name)
		assert.LessOrEqual(t, len(ds), 10, "%s: a few diagnostics, not one per value", name)
	}
}

func TestSeverityAtLeast(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, min assessment.Severity
		want   bool
	}{
		{assessment.Critical, assessment.High, true},
		{assessment.High, assessment.High, true},
		{assessment.Medium, assessment.High, false},
		{assessment.Info, assessment.Low, false},
		{assessment.Low, assessment.Info, true},
		{0, assessment.Info, true}, // the zero Severity ranks with info
		{0, assessment.Low, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.s.AtLeast(tt.min), "%s at least %s", tt.s, tt.min)
	}
	assert.True(t, assessment.Medium.Known())
	assert.False(t, assessment.Severity(0).Known())
}

func TestStatusAndSeverityText(t *testing.T) {
	t.Parallel()
	for _, s := range []assessment.Status{assessment.Pass, assessment.Fail, assessment.Met, assessment.Partial,
		assessment.Unmet, assessment.NotApplicable, assessment.Unanswered} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s.String(), string(b))
		var back assessment.Status
		require.NoError(t, back.UnmarshalText(b), s.String())
		assert.Equal(t, s, back)
	}
	for _, s := range []assessment.Severity{assessment.Critical, assessment.High, assessment.Medium, assessment.Low, assessment.Info} {
		back, err := assessment.ParseSeverity(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, back)
	}
	assert.Equal(t, "not_applicable", assessment.NotApplicable.String())
	assert.Equal(t, "", assessment.Status(0).String())
	assert.Equal(t, "", assessment.Status(200).String())
	_, err := assessment.Status(0).MarshalText()
	require.Error(t, err)
	_, err = assessment.ParseSeverity("severe")
	require.EqualError(t, err, `unknown severity "severe"`)
	var st assessment.Status
	require.Error(t, st.UnmarshalText([]byte("")))
}

// TestSeverityOfRubricBuiltInGo: a criterion without a severity takes the
// parser's default, critical for a critère impératif and medium otherwise.
func TestSeverityOfRubricBuiltInGo(t *testing.T) {
	t.Parallel()
	r, err := rubric.Parse("bench.yaml", benchRubric(5))
	require.NoError(t, err)
	for _, id := range []string{"c3", "c4"} { // c4 is a critère impératif
		c, ok := r.Criterion(id)
		require.True(t, ok)
		c.Severity = ""
	}
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	require.NoError(t, err)
	a, err := assessment.Compile(set)
	require.NoError(t, err)
	d, err := assessment.ParseDeclaration("d.yaml", benchDeclaration(5, 0))
	require.NoError(t, err)
	res, err := a.Assess(context.Background(), d, assessment.WithAsOf(asOf))
	require.NoError(t, err)
	assert.Equal(t, assessment.Medium, res.Criteria[3].Severity)
	assert.Equal(t, assessment.Critical, res.Criteria[4].Severity)
}
