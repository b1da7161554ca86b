package assessment

// Declaration is what a project team says about its AI project: facts, and
// answers to the criteria of the rubrics, with evidence.
type Declaration struct {
	// Always vigie/v1.
	APIVersion string `json:"apiVersion" jsonschema:"enum=vigie/v1"`
	// Always Declaration.
	Kind string `json:"kind" jsonschema:"enum=Declaration"`
	// The project.
	Project Project `json:"project"`
	// Facts about the project, by fact id (see the facts of the rubrics: vigie init lists them).
	Facts map[string]any `json:"facts,omitempty"`
	// Answers to criteria, by namespaced criterion id (rubric/criterion).
	Answers map[string]Answer `json:"answers,omitempty"`
}

// Project identifies the project a declaration is about.
type Project struct {
	// Identifier of the project, lower case with hyphens.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name of the project.
	Name string `json:"name"`
	// Organisation that runs or plans the project.
	Organisation string `json:"organisation,omitempty"`
	// What the AI system does, for whom, and how its output is used; free text in French or English.
	Description string `json:"description,omitempty"`
	// Stage of the project: idea, design, pilot, production or retired.
	Lifecycle string `json:"lifecycle,omitempty" jsonschema:"enum=idea,enum=design,enum=pilot,enum=production,enum=retired"`
	// Who to contact about the declaration.
	Contact string `json:"contact,omitempty"`
}

// Answer is a project's answer to one criterion.
type Answer struct {
	// The answer: a level of the criterion's scale, true or false, a number, a choice, a list of choices, or not_applicable.
	Value any `json:"value"`
	// Documents that back the answer.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Remarks on the answer.
	Comment string `json:"comment,omitempty"`
	// Why the criterion does not apply, when the value is not_applicable.
	Justification string `json:"justification,omitempty"`
}

// Evidence is a document that backs an answer.
type Evidence struct {
	// Title of the document.
	Title string `json:"title"`
	// Where to find it: a path, a link, a reference in a document system.
	Ref string `json:"ref,omitempty"`
	// Date of the document (YYYY-MM-DD); old evidence is flagged.
	Date string `json:"date,omitempty" jsonschema:"format=date"`
}
