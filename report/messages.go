package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vigie-ai/vigie/assessment"
)

// msg is a static text in English and French. A plural message has a
// singular and a plural form in each language: English uses the singular for
// 1, French for 0 and 1.
type msg struct {
	en, fr             string
	enPlural, frPlural string
}

// messages holds every static word of the reports, in the sector's vocabulary.
var messages = map[string]msg{
	"status.pass":           {en: "PASS", fr: "CONFORME"},
	"status.fail":           {en: "FAIL", fr: "NON CONFORME"},
	"as_of":                 {en: "as of %s", fr: "au %s"},
	"risk_tier":             {en: "Risk tier", fr: "Niveau de risque"},
	"no_classification":     {en: "no rubric classifies risk", fr: "aucune grille ne classe le niveau de risque"},
	"upcoming":              {en: "Upcoming", fr: "À venir"},
	"from_date":             {en: "from %s", fr: "à partir du %s"},
	"review":                {en: "judgement call: a person must confirm it", fr: "appréciation à faire confirmer par une personne"},
	"default_tier":          {en: "default tier: no rule applies", fr: "niveau par défaut\u00a0: aucune règle ne s'applique"},
	"failed_gates":          {en: "%d critère impératif not met", fr: "%d critère impératif non atteint", enPlural: "%d critères impératifs not met", frPlural: "%d critères impératifs non atteints"},
	"no_failed_gates":       {en: "every critère impératif is met", fr: "tous les critères impératifs sont atteints"},
	"tier_fails":            {en: "the risk tier %s fails the assessment", fr: "le niveau de risque %s rend l'évaluation non conforme"},
	"score":                 {en: "Score", fr: "Score"},
	"section":               {en: "Section", fr: "Section"},
	"weight":                {en: "Weight", fr: "Poids"},
	"criteria":              {en: "Criteria", fr: "Critères"},
	"criterion":             {en: "Criterion", fr: "Critère"},
	"status":                {en: "Status", fr: "Statut"},
	"answer":                {en: "Answer", fr: "Réponse"},
	"evidence":              {en: "Evidence", fr: "Justificatifs"},
	"references":            {en: "References", fr: "Références"},
	"completeness":          {en: "completeness %s", fr: "complétude %s"},
	"action_plan":           {en: "Action plan", fr: "Plan d'action"},
	"first_actions":         {en: "first %d of %d", fr: "%d premières sur %d"},
	"first_action":          {en: "%d of %d", fr: "%d sur %d"},
	"findings":              {en: "Findings", fr: "Constats"},
	"code":                  {en: "Code", fr: "Code"},
	"coverage":              {en: "Coverage of the referentials", fr: "Couverture des référentiels"},
	"item":                  {en: "Item", fr: "Article"},
	"recommendation":        {en: "Recommendation", fr: "Recommandation"},
	"gain":                  {en: "Gain (points)", fr: "Gain (points)"},
	"severity":              {en: "Severity", fr: "Gravité"},
	"project":               {en: "Project", fr: "Projet"},
	"organisation":          {en: "Organisation", fr: "Organisation"},
	"rubric":                {en: "Rubric", fr: "Grille"},
	"provenance":            {en: "Provenance", fr: "Provenance"},
	"declaration":           {en: "Declaration", fr: "Déclaration"},
	"generated_by":          {en: "Assessed by vigie %s as of %s.", fr: "Évaluation réalisée par vigie %s au %s."},
	"summary":               {en: "Summary", fr: "Synthèse"},
	"classification":        {en: "Classification", fr: "Classification"},
	"obligations":           {en: "Obligations", fr: "Obligations"},
	"in_force":              {en: "in force", fr: "en vigueur"},
	"none":                  {en: "none", fr: "aucun"},
	"met":                   {en: "%d met", fr: "%d atteint", enPlural: "%d met", frPlural: "%d atteints"},
	"partial":               {en: "%d partly met", fr: "%d partiellement atteint", enPlural: "%d partly met", frPlural: "%d partiellement atteints"},
	"unmet":                 {en: "%d not met", fr: "%d non atteint", enPlural: "%d not met", frPlural: "%d non atteints"},
	"unanswered":            {en: "%d unanswered", fr: "%d sans réponse", enPlural: "%d unanswered", frPlural: "%d sans réponse"},
	"not_applicable":        {en: "%d not applicable", fr: "%d non concerné", enPlural: "%d not applicable", frPlural: "%d non concernés"},
	"st.met":                {en: "met", fr: "atteint"},
	"st.partial":            {en: "partly met", fr: "partiellement atteint"},
	"st.unmet":              {en: "not met", fr: "non atteint"},
	"st.unanswered":         {en: "unanswered", fr: "sans réponse"},
	"st.not_applicable":     {en: "not applicable", fr: "non concerné"},
	"st.not_covered":        {en: "not covered", fr: "non couvert"},
	"sev.critical":          {en: "critical", fr: "critique"},
	"sev.high":              {en: "high", fr: "élevée"},
	"sev.medium":            {en: "medium", fr: "moyenne"},
	"sev.low":               {en: "low", fr: "faible"},
	"sev.info":              {en: "info", fr: "information"},
	"gate":                  {en: "critère impératif", fr: "critère impératif"},
	"findings_count":        {en: "%d finding", fr: "%d constat", enPlural: "%d findings", frPlural: "%d constats"},
	"no_action":             {en: "nothing to do: every applicable criterion is met", fr: "rien à faire\u00a0: tous les critères applicables sont atteints"},
	"reason":                {en: "Why", fr: "Pourquoi"},
	"comment":               {en: "Comment", fr: "Commentaire"},
	"doc.baseline":          {en: "Legal baseline", fr: "Base juridique"},
	"doc.checked":           {en: "Checked on", fr: "Vérifiée le"},
	"doc.judgement_calls":   {en: "Judgement calls", fr: "Choix d'interprétation"},
	"doc.evidence_required": {en: "evidence required", fr: "justificatif exigé"},
	"doc.may_not_apply":     {en: "may be declared not applicable", fr: "peut être non concerné"},
	"doc.referentials":      {en: "Referentials", fr: "Référentiels"},
	"readings":              {en: "Readings", fr: "Lectures possibles"},
	"gate_status":           {en: "critère impératif %s", fr: "critère impératif %s"},
	"gate_column":           {en: "Critère impératif", fr: "Critère impératif"},
	"project_id":            {en: "Project id", fr: "Identifiant du projet"},
	"question":              {en: "Question", fr: "Question"},
	"points":                {en: "Points", fr: "Points"},
	"evidence_count":        {en: "Evidence count", fr: "Nombre de justificatifs"},
	"yes":                   {en: "yes", fr: "oui"},
	"no":                    {en: "no", fr: "non"},
}

// t returns a static text in the report's language, formatted with args.
func (o *Options) t(key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := m.en
	if o.Language == "fr" {
		s = m.fr
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// n returns a plural message for count n.
func (o *Options) n(key string, n int) string {
	m := messages[key]
	s := m.en
	switch {
	case o.Language == "fr" && n > 1 && m.frPlural != "":
		s = m.frPlural
	case o.Language == "fr":
		s = m.fr
	case n != 1 && m.enPlural != "":
		s = m.enPlural
	}
	return fmt.Sprintf(s, n)
}

// verdict names an assessment's outcome: PASS or FAIL.
func (o *Options) verdict(s assessment.Status) string {
	if s == assessment.Fail {
		return o.t("status.fail")
	}
	return o.t("status.pass")
}

// colon is the colon between a label and its value: French puts a
// non-breaking space before it.
func (o *Options) colon() string {
	if o.Language == "fr" {
		return "\u00a0: "
	}
	return ": "
}

// semicolon is the separator of two clauses, spaced as the language wants.
func (o *Options) semicolon() string {
	if o.Language == "fr" {
		return "\u00a0; "
	}
	return "; "
}

// status names a criterion's status.
func (o *Options) status(s assessment.Status) string { return o.t("st." + s.String()) }

// severity names a severity.
func (o *Options) severity(s assessment.Severity) string { return o.t("sev." + s.String()) }

// number writes a number as people read it: French uses a decimal comma.
func (o *Options) number(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if o.Language == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// percent writes a percentage; French puts a space before the sign.
func (o *Options) percent(f *float64) string {
	if f == nil {
		return "—"
	}
	if o.Language == "fr" {
		return o.number(*f) + "\u00a0%"
	}
	return o.number(*f) + "%"
}

// date writes YYYY-MM-DD as people read it: 22/11/2026 in French.
func (o *Options) date(iso string) string {
	if o.Language == "fr" && len(iso) == 10 {
		return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
	}
	return iso
}

// counts summarises criteria by status.
func (o *Options) counts(c assessment.Counts) string {
	var parts []string
	for _, p := range []struct {
		key string
		n   int
	}{{"met", c.Met}, {"partial", c.Partial}, {"unmet", c.Unmet}, {"unanswered", c.Unanswered}, {"not_applicable", c.NotApplicable}} {
		if p.n > 0 {
			parts = append(parts, o.n(p.key, p.n))
		}
	}
	return strings.Join(parts, ", ")
}

// totals adds the counts of every section of every rubric of a result.
func totals(res *assessment.Result) assessment.Counts {
	var t assessment.Counts
	for _, rr := range res.Rubrics {
		for _, s := range rr.Sections {
			t.Met += s.Counts.Met
			t.Partial += s.Counts.Partial
			t.Unmet += s.Counts.Unmet
			t.Unanswered += s.Counts.Unanswered
			t.NotApplicable += s.Counts.NotApplicable
		}
	}
	return t
}
