package workshop_test

import (
	"strings"
	"testing"
	"time"

	"boussole/workshop"
)

// states writes the approver states as "name=status[:seal prefix]" for
// comparison.
func states(r *workshop.Revision) string {
	var out []string
	for _, st := range r.ApproverStates() {
		s := st.Participant.Name + "=" + string(st.Status)
		if st.Signature != nil {
			s += ":" + st.Signature.Seal[:8]
		}
		if st.Decline != nil {
			s += ":" + st.Decline.Reason
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// TestApproverStates_SignedDeclinedAwaited is the one approver state, with
// the seal each signed: the window, the command line, the PDF and Sign read
// it.
func TestApproverStates_SignedDeclinedAwaited(t *testing.T) {
	t1, t2, t3 := lcNow.Add(time.Hour), lcNow.Add(2*time.Hour), lcNow.Add(3*time.Hour)
	cases := []struct {
		name string
		do   func(t *testing.T, s *workshop.Session)
		want func(seal string) string
	}{
		{"nobody signed", func(*testing.T, *workshop.Session) {},
			func(string) string { return "Chloé Durand=awaited, David Petit=awaited" }},
		{"one signed", func(t *testing.T, s *workshop.Session) { must(t, s.Sign("Chloé Durand", "ok", t1, testSigner)) },
			func(seal string) string { return "Chloé Durand=signed:" + seal[:8] + ", David Petit=awaited" }},
		{"both signed: frozen, the revision's seal", func(t *testing.T, s *workshop.Session) {
			must(t, s.Sign("Chloé Durand", "", t1, testSigner))
			must(t, s.Sign("David Petit", "", t2, testSigner))
		}, func(seal string) string {
			return "Chloé Durand=signed:" + seal[:8] + ", David Petit=signed:" + seal[:8]
		}},
		{"declined", func(t *testing.T, s *workshop.Session) {
			must(t, s.Sign("Chloé Durand", "", t1, testSigner))
			must(t, s.Decline("David Petit", "Targets too soft", t2, testSigner))
		}, func(string) string { return "Chloé Durand=awaited, David Petit=declined:Targets too soft" }},
		{"signed after declining", func(t *testing.T, s *workshop.Session) {
			must(t, s.Decline("David Petit", "Targets too soft", t1, testSigner))
			must(t, s.Sign("David Petit", "", t3, testSigner))
		}, func(seal string) string { return "Chloé Durand=awaited, David Petit=signed:" + seal[:8] }},
		{"a signature of an earlier content does not stand", func(t *testing.T, s *workshop.Session) {
			must(t, s.Sign("Chloé Durand", "", t1, testSigner))
			// As an import or an older file could hold it: the charter
			// changed without the stale signature being dropped.
			s.Current().Charter.Scope += " and Benelux"
		}, func(string) string { return "Chloé Durand=awaited, David Petit=awaited" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := lcSession()
			tc.do(t, s)
			r := s.Current()
			if got, want := states(r), tc.want(workshop.Seal(&r.Charter)); got != want {
				t.Errorf("states = %s\nwant     %s", got, want)
			}
		})
	}
}

func TestApproverStates_AwaitedAndNoApprovers(t *testing.T) {
	s := lcSession()
	must(t, s.Sign("David Petit", "", lcNow, testSigner))
	var names []string
	for _, p := range s.Current().Awaited() {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "Chloé Durand" {
		t.Errorf("Awaited = %q", got)
	}
	r := &workshop.Revision{}
	if st := r.ApproverStates(); st != nil {
		t.Errorf("no approver: states %v", st)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRevisionStage_DraftSigningSigned(t *testing.T) {
	s := lcSession()
	r := s.Current()
	if got := r.Stage(); got != "draft" {
		t.Errorf("unsigned: %q", got)
	}
	must(t, s.Sign("Chloé Durand", "", lcNow, testSigner))
	if got := r.Stage(); got != "signing" || s.Summary().Status != "signing" {
		t.Errorf("one of two: %q", got)
	}
	r.Charter.Scope += " and Benelux" // a stale signature, as a file could hold it
	if got := r.Stage(); got != "draft" {
		t.Errorf("with a stale signature only: %q", got)
	}
	r.Charter.Scope = strings.TrimSuffix(r.Charter.Scope, " and Benelux")
	must(t, s.Sign("David Petit", "", lcNow, testSigner))
	if got := r.Stage(); got != "signed" {
		t.Errorf("all signed: %q", got)
	}
}
