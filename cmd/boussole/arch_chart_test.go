package main

import "testing"

// TestArchChartDependsOnWorkshopOnly: chart, the one model of a KPI's trend
// chart that the window (ui) and the review pack (report) both draw, sits
// on the domain: the standard library and workshop only (issue 13 item 6),
// so that ui and report, which do not import each other, share it.
func TestArchChartDependsOnWorkshopOnly(t *testing.T) {
	dependsOnly(t, "chart", "the standard library and workshop only", "workshop", "assets")
}
