// Package assessment reads project declarations and assesses them against a
// set of rubrics.
package assessment
