package assessment

import "github.com/vigie-ai/vigie/diag"

// Declaration is what a project team says about its AI project: facts, and
// answers to the criteria of the rubrics, with evidence.
type Declaration struct {
	// Always vigie/v1.
	APIVersion string `json:"apiVersion" jsonschema:"enum=vigie/v1"`
	// Always Declaration.
	Kind string `json:"kind" jsonschema:"enum=Declaration"`
	// The project.
	Project Project `json:"project"`
	// Facts about the project, by fact id (vigie init lists them): true or false, a value, a list of values, a number, a text or a date.
	Facts map[string]any `json:"facts,omitempty"`
	// Answers to criteria, by namespaced criterion id (rubric/criterion): the answer itself, or a mapping with the answer, evidence and comments.
	Answers map[string]Answer `json:"answers,omitempty"`

	src *declSource
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

// declSource records where a declaration was read from.
type declSource struct {
	file   string
	sha256 string
	// Positions of the values of facts and answers, and of the keys of the
	// mappings that hold them, to point findings at lines.
	facts                map[string]diag.Range
	factsKey, answersKey diag.Range
	answerParts          map[string]*answerPos
	description          diag.Range
}

// answerPos locates the parts of one answer.
type answerPos struct {
	value    diag.Range
	evidence []diag.Range // each evidence item's date, or the item
}

// File returns the name of the file the declaration was read from.
func (d *Declaration) File() string {
	if d.src == nil {
		return ""
	}
	return d.src.file
}

// SHA256 returns the hex SHA-256 of the declaration file's bytes.
func (d *Declaration) SHA256() string {
	if d.src == nil {
		return ""
	}
	return d.src.sha256
}
