// Package schemas holds vigie's JSON Schemas (draft-07), generated from the
// Go types by go generate and committed, so that editors can complete vigie
// files from a modeline:
//
//	# yaml-language-server: $schema=https://raw.githubusercontent.com/vigie-ai/vigie/main/schemas/rubric.schema.json
package schemas

import _ "embed"

//go:generate go run ../internal/schemagen/gen ..

//go:embed rubric.schema.json
var rubricSchema []byte

//go:embed declaration.schema.json
var declarationSchema []byte

//go:embed report.schema.json
var reportSchema []byte

// Rubric returns the JSON Schema of rubric files.
func Rubric() []byte { return clone(rubricSchema) }

// Declaration returns the JSON Schema of declaration files.
func Declaration() []byte { return clone(declarationSchema) }

// Report returns the JSON Schema of assessment results (vigie assess --format json).
func Report() []byte { return clone(reportSchema) }

func clone(b []byte) []byte { return append([]byte(nil), b...) }
