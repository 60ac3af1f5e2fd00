package report

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// TestKPICSV_MachineReadableNumbers_Issue10_12: read back with
// encoding/csv, every number column keeps the text as typed and has a
// twin a spreadsheet can chart (no thousands separator, no unit, the
// decimal mark of the file's language — comma in the semicolon-separated
// French file, dot in the English one; empty when unreadable), in French
// and English charters; the columns of the first releases keep their
// places; formulas stay defused.
func TestKPICSV_MachineReadableNumbers_Issue10_12(t *testing.T) {
	for _, tc := range []struct {
		l     workshop.Lang
		comma rune
		typed [4]string // baseline, target, alert of the Expansion MRR KPI; a check-in value
		heads [4]string
		dec   string // the decimal mark
	}{
		{workshop.FR, ';', [4]string{"40 000", "60\u202f000 €", "45 000,5", "1 234,5 %"},
			[4]string{"Départ (nombre)", "Cible (nombre)", "Seuil d’alerte (nombre)", "Valeur (nombre)"}, ","},
		{workshop.EN, ',', [4]string{"40,000", "€60,000", "45,000.5", "1,234.5%"},
			[4]string{"Baseline (number)", "Target (number)", "Alert threshold (number)", "Value (number)"}, "."},
	} {
		s := fullSession(t, tc.l, true)
		c := &s.Current().Charter
		k := &c.KPIs[2]
		k.Baseline, k.Target, k.Alert = tc.typed[0], tc.typed[1], tc.typed[2]
		c.KPIs[3].Baseline = "about ten" // unreadable: empty twin
		c.KPIs[3].Alert = "-7"           // a negative number is not a formula
		c.KPIs[1].Target = "=1+2"        // a formula: defused, not a number
		s.CheckIns = append(s.CheckIns,
			workshop.CheckIn{ID: "ci2", KPIID: k.ID, Date: "2027-02-01", Value: tc.typed[3], Confidence: 5},
			workshop.CheckIn{ID: "ci3", KPIID: k.ID, Date: "2027-02-08", Value: "@SUM(A1)"},
			workshop.CheckIn{ID: "ci4", KPIID: k.ID, Date: "2027-02-15", Value: "-12"})
		data, err := kpiCSV(s, 1, time.Date(2027, 2, 20, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, data, tc.comma)
		head := rows[0]
		if len(head) != 25 || head[9] != pick(tc.l, csvHeaders[9]) || head[17] != pick(tc.l, csvHeaders[17]) {
			t.Fatalf("%s header %q", tc.l, head)
		}
		col := map[string]int{}
		for i, h := range head {
			col[h] = i
		}
		for _, r := range rows[1:] {
			if len(r) != len(head) {
				t.Fatalf("%s row of %d cells: %q", tc.l, len(r), r)
			}
		}
		cell := func(row []string, h string) string {
			i, ok := col[h]
			if !ok {
				t.Fatalf("%s: no column %q in %q", tc.l, h, head)
			}
			return row[i]
		}
		mrr := rows[3]
		if mrr[7] != tc.typed[0] || mrr[8] != tc.typed[1] || mrr[9] != tc.typed[2] {
			t.Errorf("%s: typed values changed: %q", tc.l, mrr[7:10])
		}
		for h, want := range map[string]string{tc.heads[0]: "40000", tc.heads[1]: "60000", tc.heads[2]: "45000" + tc.dec + "5", tc.heads[3]: "-12"} {
			if got := cell(mrr, h); got != want {
				t.Errorf("%s MRR %s = %q, want %q", tc.l, h, got, want)
			}
		}
		if v := cell(rows[3], tc.heads[3]); v != "-12" || mrr[17] != "-12" {
			t.Errorf("%s last check-in of MRR %q / %q", tc.l, mrr[17], v)
		}
		guard := rows[4]
		if cell(guard, tc.heads[0]) != "" || guard[7] != "about ten" || cell(guard, tc.heads[2]) != "-7" || guard[9] != "-7" {
			t.Errorf("%s guardrail %q", tc.l, guard)
		}
		churn := rows[2]
		if churn[8] != "'=1+2" || cell(churn, tc.heads[1]) != "" {
			t.Errorf("%s formula target %q / %q", tc.l, churn[8], cell(churn, tc.heads[1]))
		}
		// Check-in rows: the value and its twin; a formula defused, no twin.
		byDate := map[string][]string{}
		for _, r := range rows[5:] {
			byDate[r[16]] = r
		}
		if r := byDate["2027-02-01"]; r[17] != tc.typed[3] || cell(r, tc.heads[3]) != "1234"+tc.dec+"5" || cell(r, tc.heads[1]) != "" {
			t.Errorf("%s check-in %q", tc.l, r)
		}
		if r := byDate["2027-02-08"]; r[17] != "'@SUM(A1)" || cell(r, tc.heads[3]) != "" {
			t.Errorf("%s formula check-in %q", tc.l, r)
		}
		// Every twin a program reads as a float (its decimal mark made a
		// dot), with no unit, space or thousands separator.
		for _, r := range rows[1:] {
			for _, h := range tc.heads {
				v := cell(r, h)
				if v == "" {
					continue
				}
				if strings.Count(v, tc.dec) > 1 || strings.ContainsAny(v, " \u00a0\u202f%€") || (tc.dec == "," && strings.Contains(v, ".")) {
					t.Errorf("%s %s = %q is not machine-readable", tc.l, h, v)
				} else if _, err := strconv.ParseFloat(strings.Replace(v, tc.dec, ".", 1), 64); err != nil {
					t.Errorf("%s %s = %q is not machine-readable", tc.l, h, v)
				}
			}
		}
	}
}
