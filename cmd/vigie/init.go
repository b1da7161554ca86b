package main

import (
	"fmt"
	"strings"

	"github.com/vigie-ai/vigie/rubric"
)

const initExamples = `  vigie init --rubric examples/rubrics/child-rights-maturity.yaml --lang fr > projet.yaml
  vigie validate --rubric examples/rubrics/child-rights-maturity.yaml projet.yaml`

// runInit writes a declaration template: every fact and every question of
// the rubrics as comments, in the chosen language, with the values allowed.
// The template validates as it is; a project team uncomments and answers.
func runInit(args []string, e *env) int {
	fs := newFlags("init", e, "vigie init [--rubric PATH]… [--lang fr|en]", initExamples)
	var rubrics repeated
	fs.Var(&rubrics, "rubric", fs.help("a rubric file or folder (repeatable; default: the embedded catalog)", "une grille, fichier ou dossier (répétable\u00a0; par défaut\u00a0: le catalogue intégré)"))
	if code, ok := fs.parse(args); !ok {
		return code
	}
	if len(fs.args) > 0 {
		fmt.Fprintln(e.stderr, e.t("vigie init: no argument but options", "vigie init\u00a0: aucun argument hormis les options"))
		fs.printUsage(e.stderr)
		return exitInvalid
	}
	set, code := loadSet(rubrics, e)
	if set == nil {
		return code
	}
	if _, err := fmt.Fprint(e.stdout, template(set, e)); err != nil {
		return e.internal("init", err)
	}
	return exitOK
}

func template(set *rubric.Set, e *env) string {
	var b strings.Builder
	lang := e.lang
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	text := func(t rubric.Text, r *rubric.Rubric) string {
		return strings.Join(strings.Fields(t.In(lang, r.Language)), " ")
	}
	var names []string
	for _, r := range set.Rubrics() {
		names = append(names, r.ID+" "+r.Version)
	}
	w("# yaml-language-server: $schema=https://raw.githubusercontent.com/vigie-ai/vigie/main/schemas/declaration.schema.json\n")
	w("# %s %s\n", e.t("Declaration of an AI project for vigie. Rubrics:", "Déclaration d'un projet d'IA pour vigie. Grilles\u00a0:"), strings.Join(names, ", "))
	w("# %s\n", e.t("Uncomment each fact and answer, and fill it in; check with vigie validate --rubric …",
		"Décommentez chaque fait et chaque réponse, et complétez-les\u00a0; vérifiez avec vigie validate --rubric …"))
	w("apiVersion: vigie/v1\nkind: Declaration\nproject:\n")
	w("  id: %s # %s\n", e.t("my-project", "mon-projet"), e.t("lower case letters, digits and hyphens", "minuscules, chiffres et tirets"))
	w("  name: %q\n", e.t("Name of the project", "Nom du projet"))
	w("  organisation: \"\"\n")
	w("  lifecycle: design # idea, design, pilot, production, retired\n")
	w("  description: >-\n    %s\n", e.t("What the AI system does, for whom, and how its output is used.",
		"Ce que fait le système d'IA, pour qui, et comment ses résultats sont utilisés."))
	// A fact's texts are in the language of the first rubric that declares it.
	owners := map[string]*rubric.Rubric{}
	for _, r := range set.Rubrics() {
		for i := range r.Facts {
			if _, ok := owners[r.Facts[i].ID]; !ok {
				owners[r.Facts[i].ID] = r
			}
		}
	}
	w("facts:\n")
	for _, f := range set.Facts() {
		owner := owners[f.ID]
		w("  # %s\n", text(f.Question, owner))
		if g := text(f.Guidance, owner); g != "" {
			w("  #   %s\n", g)
		}
		w("  #   %s\n", factShape(f, e, owner))
		w("  # %s: %s\n", f.ID, factPlaceholder(f))
	}
	w("answers:\n")
	for _, r := range set.Rubrics() {
		w("  # ==== %s%s%s ====\n", r.ID, e.colon(), text(r.Title, r))
		for _, s := range r.Sections {
			w("  # --- %s ---\n", text(s.Title, r))
			for _, c := range s.Criteria {
				w("  # %s\n", text(c.Question, r))
				var notes []string
				notes = append(notes, answerShape(r, &c, e))
				if c.Gate {
					notes = append(notes, "critère impératif") // the sector's term, in English too
				}
				if c.Evidence == rubric.EvidenceRequired {
					notes = append(notes, e.t("evidence required", "justificatif exigé"))
				}
				if c.NotApplicable {
					notes = append(notes, e.t("may be not_applicable, with a justification", "peut être not_applicable, avec une justification"))
				}
				w("  #   %s\n", strings.Join(notes, " — "))
				w("  # %s/%s:\n  #   value:\n", r.ID, c.ID)
				if c.Evidence == rubric.EvidenceRequired {
					w("  #   evidence: [{title: \"\", ref: \"\", date: \"\"}]\n")
				}
			}
		}
	}
	return b.String()
}

func factShape(f *rubric.Fact, e *env, r *rubric.Rubric) string {
	var values []string
	for _, v := range f.Values {
		if l := v.Label.In(e.lang, r.Language); l != "" {
			values = append(values, v.Value+" ("+l+")")
		} else {
			values = append(values, v.Value)
		}
	}
	switch f.Type {
	case rubric.FactEnum:
		return e.t("one of: ", "une valeur parmi\u00a0: ") + strings.Join(values, ", ")
	case rubric.FactSet:
		return e.t("a list of: ", "une liste parmi\u00a0: ") + strings.Join(values, ", ")
	case rubric.FactBool:
		return "true / false"
	case rubric.FactNumber:
		return e.t("a number", "un nombre")
	case rubric.FactDate:
		return e.t("a date YYYY-MM-DD", "une date AAAA-MM-JJ")
	}
	return e.t("a text", "un texte")
}

func factPlaceholder(f *rubric.Fact) string {
	switch f.Type {
	case rubric.FactSet:
		return "[]"
	case rubric.FactBool:
		return "false"
	case rubric.FactNumber:
		return "0"
	}
	return `""`
}

func answerShape(r *rubric.Rubric, c *rubric.Criterion, e *env) string {
	var values []string
	switch c.Type {
	case rubric.AnswerScale:
		for _, s := range r.Scales {
			if s.ID == c.Scale {
				for _, l := range s.Levels {
					values = append(values, l.Value)
				}
			}
		}
		return e.t("one of: ", "une valeur parmi\u00a0: ") + strings.Join(values, ", ")
	case rubric.AnswerBoolean:
		return "true / false"
	case rubric.AnswerNumber:
		return e.t("a number", "un nombre")
	}
	for _, ch := range c.Choices {
		values = append(values, ch.Value)
	}
	if c.Type == rubric.AnswerMulti {
		return e.t("a list of: ", "une liste parmi\u00a0: ") + strings.Join(values, ", ")
	}
	return e.t("one of: ", "une valeur parmi\u00a0: ") + strings.Join(values, ", ")
}
