package workshop_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

var csvNow = time.Date(2027, 2, 20, 8, 0, 0, 0, time.UTC)

// The French file is what the KPI CSV export writes for a French charter:
// byte-order mark, semicolons, CRLF, KPI rows first, French numbers.
const frCSV = "\ufeffEnregistrement;Id KPI;KPI;Définition;Nature;Unité;Type de cible;Départ;Cible;Seuil d’alerte;Fréquence;Source;Responsable;Objectifs;Garde-fou;Statut;Date;Valeur;Confiance (0–10);Note;Auteur\r\n" +
	"KPI;k-win;Win rate;;Résultat;%;Augmenter à;20;25;18;Mensuelle;CRM;Bob Leroy;Win more qualified deals;non;Pas de données;;;;;\r\n" +
	"Point d’avancement;k-win;Win rate;;;%;;;;;;;;;;;31/01/2027;21,5 %;7;Bon début;Bob Leroy\r\n" +
	"Point d’avancement;;Sales cycle length;;;jours;;;;;;;;;;;2027-01-31;58;;\"Deux deals; signés\";\r\n" +
	"Point d’avancement;k-meet;Meeting rate;;;%;;;;;;;;;;;07/02/2027;1\u202f200,5;0;;\r\n"

const enCSV = "KPI,Date,Value,Confidence,Note,Author\n" +
	"Win rate,2027-01-31,21.5,7,Good start,Bob Leroy\n" +
	"\n" +
	",,,,,\n" +
	"Meeting rate,\"February 7, 2027\",\"1,200.5\",,,\n"

func TestCheckInsCSV_GoodFileEachLanguage_Issue13_2(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		lang       workshop.Lang
		skipped    int
		values     []string
	}{
		// The French file for an English charter: numbers read the French
		// way, stored the charter's way.
		{"French export", frCSV, workshop.FR, 1, []string{"21.5", "58", "1,200.5"}},
		{"English", enCSV, workshop.EN, 1, []string{"21.5", "1,200.5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := lcFrozen()
			r, err := workshop.ReadCheckInsCSV(s, []byte(tc.data), csvNow)
			if err != nil {
				t.Fatal(err)
			}
			if r.Err() != nil {
				t.Fatalf("problems: %v", r.Err())
			}
			if r.Lang != tc.lang || r.Skipped != tc.skipped || len(r.CheckIns) != len(tc.values) {
				t.Fatalf("lang %s skipped %d, %d check-ins: %+v", r.Lang, r.Skipped, len(r.CheckIns), r)
			}
			for i, v := range tc.values {
				if r.CheckIns[i].Value != v {
					t.Errorf("check-in %d value %q, want %q", i, r.CheckIns[i].Value, v)
				}
			}
			first := r.CheckIns[0]
			if first.KPIID != "k-win" || first.Date != "2027-01-31" || first.Confidence != 7 || first.NoConfidence || first.Author != "Bob Leroy" {
				t.Fatalf("first %+v", first)
			}
			if len(s.CheckIns) != 0 {
				t.Fatal("reading the file changed the session")
			}
			// The same file again, once stored: every line is already recorded.
			if err := s.AddCheckIns(r.CheckIns...); err != nil {
				t.Fatal(err)
			}
			again, _ := workshop.ReadCheckInsCSV(s, []byte(tc.data), csvNow)
			if again.Err() != nil || len(again.CheckIns) != 0 || again.Known != len(tc.values) {
				t.Fatalf("the same file twice: %+v", again)
			}
		})
	}
}

func TestCheckInsCSV_BadLinesNamed_Issue13_2(t *testing.T) {
	s := lcFrozen()
	data := "KPI;Date;Valeur\n" +
		"Win rate;31/01/2027;21,5\n" + // line 2: good
		"Win rate;32/01/2027;21\n" + // line 3: bad date
		"\n" + // line 4: empty, skipped
		"Win rate;01/02/2027;vingt\n" + // line 5: unreadable number
		"Churn;01/02/2027;3\n" + // line 6: unknown KPI
		"Win rate;;3\n" + // line 7: no date
		"Win rate;02/02/2027;1,200.5\n" // line 8: an English number in a French file
	r, err := workshop.ReadCheckInsCSV(s, []byte(data), csvNow)
	if err != nil {
		t.Fatal(err)
	}
	msg := fmt.Sprint(r.Err())
	for _, want := range []string{"nothing was stored", "5 bad lines", `line 3: KPI "Win rate": date "32/01/2027" is not a date`,
		`line 5: KPI "Win rate": value "vingt"`, `line 6: KPI "Churn" is not in this charter`, "line 7: the date is empty", `line 8: KPI "Win rate": value "1,200.5"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if workshop.KindOf(r.Err()) != workshop.KindInvalid || len(r.CheckIns) != 1 || r.Lines[0] != 2 {
		t.Fatalf("%+v", r)
	}
	for _, tc := range []struct{ data, want string }{
		{"", "the file is empty"},
		{"\ufeff\n", "the file is empty"},
		{"Date;Valeur\n31/01/2027;3\n", "line 1: no KPI column"},
		{"KPI;Valeur\nWin rate;3\n", `no "Date" column`},
		{"KPI;Date\nWin rate;31/01/2027\n", "no value column"},
		{"KPI,Date,Value\nWin rate,2027-01-31,\"3\n", "line 2"},
		{"KPI,Date,Value\nWin rate,2027-01-31,\xff\n", "line 2 is not UTF-8"},
	} {
		r, err := workshop.ReadCheckInsCSV(s, []byte(tc.data), csvNow)
		if err == nil && r != nil {
			err = r.Err()
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.data, err, tc.want)
		}
	}
}

func TestCheckInsCSV_TenThousandLines_Issue13_2(t *testing.T) {
	s := lcFrozen()
	var b strings.Builder
	b.WriteString("\ufeffKPI id,Date,Value\r\n")
	start := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 10_000 {
		fmt.Fprintf(&b, "k-meet,%s,%d.5\r\n", start.AddDate(0, 0, i%3000).Format(workshop.DateLayout), i)
	}
	r, err := workshop.ReadCheckInsCSV(s, []byte(b.String()), csvNow)
	if err != nil || r.Err() != nil {
		t.Fatal(err, r.Err())
	}
	if len(r.CheckIns) != 10_000 || r.Lines[9999] != 10_001 {
		t.Fatalf("%d check-ins, last on line %d", len(r.CheckIns), r.Lines[len(r.Lines)-1])
	}
	// Lines on a day already in the file correct the earlier one.
	if r.CheckIns[3000].Supersedes != r.CheckIns[0].ID {
		t.Fatalf("line 3002 should correct line 2: %+v", r.CheckIns[3000])
	}
	if err := s.AddCheckIns(r.CheckIns...); err != nil {
		t.Fatal(err)
	}
}
