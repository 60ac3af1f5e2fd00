package workshop

import (
	"reflect"
	"testing"
)

func TestSMART_AllSatisfied(t *testing.T) {
	sc := SMART(rulesCharter(FR), "o2")
	if !sc.Found || !sc.OK() || !(sc.S && sc.M && sc.A && sc.R && sc.T) {
		t.Fatalf("SMART(o2) = %+v, want all satisfied", sc)
	}
	if len(sc.Letters) != 5 || sc.Letters[0].Letter != "S" || sc.Letters[4].Code != RSMART5 {
		t.Errorf("letters = %+v", sc.Letters)
	}
	if len(sc.Why(EN)) != 0 {
		t.Errorf("Why = %v, want empty", sc.Why(EN))
	}
}

func TestSMART_WhyPerLetter(t *testing.T) {
	c := rulesCharter(EN)
	c.Objectives[0].Specific = "Win rate"
	c.Objectives[0].Deadline = "2027-06-30"
	sc := SMART(c, "o1")
	if sc.S || sc.T || !sc.M || !sc.A || !sc.R || sc.OK() {
		t.Fatalf("SMART(o1) = S%v M%v A%v R%v T%v", sc.S, sc.M, sc.A, sc.R, sc.T)
	}
	want := map[string]string{
		"S": "The specific statement only names a KPI (“Win rate”); say what changes, and for whom.",
		"T": "The deadline (2027-06-30) falls after the period ends (2027-03-31).",
	}
	if got := sc.Why(EN); !reflect.DeepEqual(got, want) {
		t.Errorf("Why(EN) = %v, want %v", got, want)
	}
	wantFR := nb("L’énoncé spécifique ne fait que nommer un indicateur («~Win rate~»)~; dites ce qui change, et pour qui.")
	if got := sc.Letters[0].Why(FR); got != wantFR {
		t.Errorf("Why(FR)\n got %q\nwant %q", got, wantFR)
	}
	if sc.Letters[1].Why(FR) != "" {
		t.Errorf("a satisfied letter has a reason: %q", sc.Letters[1].Why(FR))
	}
}

func TestSMART_UnknownObjective(t *testing.T) {
	sc := SMART(rulesCharter(EN), "nope")
	if sc.Found || sc.OK() || sc.Letters != nil {
		t.Errorf("SMART(unknown) = %+v", sc)
	}
	if sc := SMART(nil, "o1"); sc.Found {
		t.Errorf("SMART(nil) found an objective")
	}
}

// TestRSMART_FindingsComeFromSMART checks the one source of truth: the
// R-SMART findings of Validate are exactly the unsatisfied letters.
func TestRSMART_FindingsComeFromSMART(t *testing.T) {
	c := rulesCharter(EN)
	c.Objectives[0].Specific, c.Objectives[0].Relevant = "", ""
	c.Objectives[2].Deadline = "soon"
	c.KPIs[1].Objectives = nil
	var fromValidate, fromSMART []string
	for _, f := range Validate(c) {
		if len(f.Code) > 8 && f.Code[:8] == "R-SMART-" {
			fromValidate = append(fromValidate, f.Where.ID+"/"+string(f.Code)+"/"+f.Where.Field+"/"+f.Message(FR))
		}
	}
	for _, o := range c.Objectives {
		sc := SMART(c, o.ID)
		for _, lt := range sc.Letters {
			if !lt.OK {
				f := Finding{Code: lt.Code, Where: Where{StepObjectives, o.ID, lt.Field}, Args: append([]string{o.Title, "0", lt.Reason}, lt.Args...)}
				fromSMART = append(fromSMART, o.ID+"/"+string(lt.Code)+"/"+lt.Field+"/"+f.Message(FR))
			}
		}
	}
	want := []string{"o1/R-SMART-1/specific", "o1/R-SMART-4/relevant", "o2/R-SMART-2/kpis", "o3/R-SMART-5/deadline"}
	if len(fromValidate) != len(want) {
		t.Fatalf("Validate SMART findings = %v", fromValidate)
	}
	for i := range want {
		if fromValidate[i][:len(want[i])] != want[i] {
			t.Errorf("finding %d = %s, want %s…", i, fromValidate[i], want[i])
		}
	}
	if !reflect.DeepEqual(fromValidate, fromSMART) {
		t.Errorf("Validate and SMART disagree:\n%v\n%v", fromValidate, fromSMART)
	}
}
