package report_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/vigie-ai/vigie/assessment"
	"github.com/vigie-ai/vigie/report"
	"github.com/vigie-ai/vigie/rubric"
)

// ExampleWrite writes the terminal summary of one of vigie's example
// projects, assessed against one of its example rubrics.
func ExampleWrite() {
	r, err := rubric.ReadFile("../examples/rubrics/child-rights-maturity.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	set, err := rubric.NewSet([]*rubric.Rubric{r})
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := assessment.Compile(set)
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := os.ReadFile("../examples/declarations/tri-informations-preoccupantes.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := assessment.ParseDeclaration("tri-informations-preoccupantes.yaml", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := a.Assess(context.Background(), d,
		assessment.WithAsOf(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)), assessment.WithLanguage("fr"))
	if err != nil {
		fmt.Println(err)
		return
	}
	// The report's own words follow Options.Language; the rubric's texts
	// follow the language the assessment was made in.
	if err := report.Write(os.Stdout, report.Text, []*assessment.Result{res}, report.Options{Language: "fr"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Aide au tri des informations préoccupantes (tri-informations-preoccupantes), au 22/11/2026
	// Statut : CONFORME — tous les critères impératifs sont atteints
	// Niveau de risque : Risque minimal
	//   À venir : Haut risque, à partir du 02/12/2027 (annex-iii-5-a — aiact:annex-iii-5-a, aiact:art-6-3)
	// Grille child-rights-maturity 1.0.0 : 28 % (Insuffisant)
	//   Gouvernance et décision humaine          68 %
	//   Intérêt supérieur de l'enfant et non-di… 22 %
	//   Participation et information des enfant… 8 %
	//   Vie privée, données et sécurité          75 %
	//   Suivi en service                         0 %
	// Critères : 4 atteints, 6 partiellement atteints, 1 non atteint, 4 sans réponse, 5 non concernés — complétude 73,3 %
	// Plan d'action (5 premières sur 11) :
	//   1. child-rights-maturity/cria — Conduire une analyse d'impact sur les droits de l'enfant avec les professionnels, les familles et, …
	//   2. child-rights-maturity/child-consultation — Organiser au moins une consultation d'enfants ou de jeunes accueillis, et leur rendre compte de ce …
	//   3. child-rights-maturity/bias-testing — Tester le système sur des données locales, par groupe d'enfants, avant et après sa mise en service.
	//   4. child-rights-maturity/incident-reporting — Créer un circuit de signalement des incidents, avec possibilité de suspendre le système.
	//   5. child-rights-maturity/ai-literacy — Mettre en place un parcours de formation pour chaque profil d'utilisateur, renouvelé à chaque évolu…
	// 15 constats : élevée : 2, moyenne : 7, faible : 3, information : 3
}

func ExampleParseFormat() {
	f, err := report.ParseFormat("markdown")
	fmt.Println(f == report.Markdown, err)
	_, err = report.ParseFormat("pdf")
	fmt.Println(errors.Is(err, report.ErrFormat))
	fmt.Println(err)
	// Output:
	// true <nil>
	// true
	// unknown report format "pdf" (known: [json text markdown html sarif junit github csv])
}

func ExampleFormats() {
	fmt.Println(report.Formats())
	// Output:
	// [json text markdown html sarif junit github csv]
}
