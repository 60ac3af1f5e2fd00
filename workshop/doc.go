// Package workshop is the domain of Boussole: workshop sessions and the
// objective charters they produce, with the rules that judge them (findings
// R-…), KPI status, number parsing, sign-off, the seal, revisions, templates
// and the KPI library.
//
// It depends on the standard library only (plus the embedded data of
// package assets); it knows nothing of the window, the store or the PDF.
package workshop
