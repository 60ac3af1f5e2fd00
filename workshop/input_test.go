package workshop

import (
	"strings"
	"testing"
)

// Issue 9 (minor): dates typed by the conventions of the charter's
// language are read into the stored ISO form; numeric day/month is French
// only (ambiguous in English).
func TestParseDateInput_Issue9(t *testing.T) {
	cases := []struct {
		l    Lang
		text string
		want Date // "" when refused
	}{
		{FR, "2027-03-31", "2027-03-31"},
		{EN, "2027-03-31", "2027-03-31"},
		{FR, "2027-3-5", "2027-03-05"},
		{FR, "31/03/2027", "2027-03-31"},
		{FR, "31/03/27", "2027-03-31"},
		{FR, "1/4/2027", "2027-04-01"},
		{FR, " 31 / 03 / 2027 ", "2027-03-31"},
		{FR, "31.03.2027", "2027-03-31"},
		{FR, "31-03-2027", "2027-03-31"},
		{FR, "31 mars 2027", "2027-03-31"},
		{FR, "1er avril 2027", "2027-04-01"},
		{FR, "15 août 2027", "2027-08-15"},
		{FR, "15 AOÛT 2027", "2027-08-15"},
		{FR, "3 févr. 2027", "2027-02-03"},
		{FR, "3\u00a0décembre\u202f2027", "2027-12-03"},
		{EN, "31 Mar 2027", "2027-03-31"},
		{EN, "31 March 2027", "2027-03-31"},
		{EN, "March 31, 2027", "2027-03-31"},
		{EN, "Mar. 31, 2027", "2027-03-31"},
		{EN, "march 31 2027", "2027-03-31"},
		{EN, "1st April 2027", "2027-04-01"},
		{EN, "April 1st, 2027", "2027-04-01"},
		// Refused.
		{EN, "31/03/2027", ""}, // numeric day/month: ISO only in English
		{EN, "03/04/2027", ""},
		{EN, "31/03/27", ""},
		{EN, "31 mars 2027", ""}, // a French month in an English charter
		{FR, "March 31, 2027", ""},
		{EN, "1er April 2027", ""},
		{FR, "1st avril 2027", ""},
		{FR, "31/02/2027", ""}, // no such day
		{FR, "29/02/2027", ""},
		{FR, "29/02/2028", "2028-02-29"},
		{EN, "2027-02-30", ""},
		{FR, "2027-13-01", ""},
		{FR, "0/03/2027", ""},
		{FR, "31/03/202", ""}, // half typed
		{FR, "31/03", ""},
		{FR, "", ""},
		{EN, "   ", ""},
		{FR, "demain", ""},
		{EN, "Foo 31, 2027", ""},
		{FR, "٣١/٠٣/٢٠٢٧", ""}, // digits of another script are not read as ours
		{FR, strings.Repeat("31/", 100000) + "2027", ""},
		{Lang("de"), "31.03.2027", ""},
		{Lang("de"), "2027-03-31", "2027-03-31"},
	}
	for _, c := range cases {
		got, ok := ParseDateInput(c.l, c.text)
		if ok != (c.want != "") || got != c.want {
			name := c.text
			if len(name) > 40 {
				name = name[:40] + "…"
			}
			t.Errorf("ParseDateInput(%s, %q) = %q, %v; want %q", c.l, name, got, ok, c.want)
		}
		if ok {
			if _, valid := got.Time(); !valid {
				t.Errorf("ParseDateInput(%s, %q) = %q, not a stored Date", c.l, c.text, got)
			}
		}
	}
}

// Issue 9 (minor): times "8h30" / "8 h 30" in French, "8:30 AM" in
// English, "08:30" in both, stored "HH:MM".
func TestParseTimeInput_Issue9(t *testing.T) {
	cases := []struct {
		l    Lang
		text string
		want string
	}{
		{FR, "08:30", "08:30"},
		{EN, "08:30", "08:30"},
		{FR, "8:30", "08:30"},
		{EN, "14:05", "14:05"},
		{FR, "8h30", "08:30"},
		{FR, "8 h 30", "08:30"},
		{FR, "8H30", "08:30"},
		{FR, "14h", "14:00"},
		{FR, "0h05", "00:05"},
		{FR, "23 h 59", "23:59"},
		{FR, "8\u00a0h\u00a030", "08:30"},
		{EN, "8:30 AM", "08:30"},
		{EN, "8:30am", "08:30"},
		{EN, "8:30 p.m.", "20:30"},
		{EN, "8 PM", "20:00"},
		{EN, "12:00 AM", "00:00"},
		{EN, "12:15 PM", "12:15"},
		{EN, "11:59 pm", "23:59"},
		// Refused.
		{EN, "8h30", ""},
		{FR, "8:30 AM", ""},
		{EN, "13:00 PM", ""},
		{EN, "0:30 AM", ""},
		{FR, "24h00", ""},
		{FR, "24:00", ""},
		{FR, "8h60", ""},
		{FR, "8h3", ""},
		{EN, "8:5", ""},
		{FR, "", ""},
		{FR, "h30", ""},
		{FR, "huit heures", ""},
		{EN, strings.Repeat("8", 100000) + ":30", ""},
	}
	for _, c := range cases {
		got, ok := ParseTimeInput(c.l, c.text)
		if ok != (c.want != "") || got != c.want {
			name := c.text
			if len(name) > 40 {
				name = name[:40] + "…"
			}
			t.Errorf("ParseTimeInput(%s, %q) = %q, %v; want %q", c.l, name, got, ok, c.want)
		}
	}
}
