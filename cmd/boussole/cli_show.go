package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"boussole/storage"
	"boussole/workshop"
)

var showVerb = &verb{
	usage:      "ID [--json] [--revision N]",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.BoolVar(&c.jsonOut, "json", false, "print the session as a .boussole file (every revision)")
		set.IntVar(&c.revision, "revision", 0, "revision number (default: the current one)")
	},
	do: func(c *cli, args []string) error {
		if c.jsonOut && c.revision != 0 {
			return usagef("--revision does not apply to --json: the .boussole file holds every revision")
		}
		return c.withStore(true, func(st *storage.Store) error {
			s, err := getSession(st, args[0])
			if err != nil {
				return err
			}
			if c.jsonOut {
				data, err := storage.Export(s)
				if err != nil {
					return err
				}
				_, err = c.stdout.Write(data)
				return err
			}
			rev := s.Current()
			if c.revision != 0 {
				if rev, err = s.Revision(c.revision); err != nil {
					return err
				}
			}
			own, err := st.InstallationPublicKey()
			if err != nil {
				return err
			}
			return showRevision(c.stdout, s, rev, own)
		})
	},
}

// showRevision writes the human-readable summary of a revision, in the
// charter's language: what a person checks before signing or exporting.
// own is this installation's public key (nil when it has none): a
// signature made with another key says so.
func showRevision(w io.Writer, s *workshop.Session, rev *workshop.Revision, own []byte) error {
	ch := &rev.Charter
	l := ch.Lang
	if !l.Valid() {
		l = workshop.EN
	}
	tr := func(key string) string { return cliSay(l, key) }
	colon := tr("colon")
	p := &printer{w: w}

	p.line("%s", orDash(ch.Title))
	p.field(tr("id"), s.ID)
	p.field(tr("scope"), orDash(ch.Scope))
	period := orDash(ch.Period.Label)
	if ch.Period.Start != "" || ch.Period.End != "" {
		period += fmt.Sprintf(" (%s – %s)", ch.Period.Start, ch.Period.End)
	}
	p.field(tr("period"), period)
	p.field(tr("language"), workshop.Label(l, string(ch.Lang)))
	p.field(tr("timezone"), orDash(ch.TimeZone))
	p.field(tr("facilitator"), orDash(ch.Facilitator))
	status := workshop.Label(l, rev.Stage())
	p.field(tr("status"), fmt.Sprintf("%s, %s %d/%d", status, tr("revision"), rev.Number, len(s.Revisions)))
	if rev.AmendReason != "" {
		p.field(tr("reason"), rev.AmendReason)
	}
	if rev.Seal != "" {
		p.field(tr("seal"), rev.Seal)
	}

	p.section(tr("objectives"), len(ch.Objectives))
	for i, o := range ch.Objectives {
		p.line("  %d. %s", i+1, orDash(o.Title))
		if o.Specific != "" {
			p.line("     %s", oneLine(o.Specific))
		}
		if o.Deadline != "" {
			p.line("     %s%s%s", tr("deadline"), colon, o.Deadline)
		}
	}

	p.section(tr("kpis"), len(ch.KPIs))
	for _, k := range ch.KPIs {
		kind := workshop.Label(l, string(k.Kind))
		name := orDash(k.Name)
		if k.Guardrail {
			name += " (" + tr("guardrail") + ")"
		}
		p.line("  - %s — %s, %s", name, kind, workshop.Label(l, string(k.Unit)))
		p.line("    %s %s · %s %s · %s %s · %s",
			workshop.Label(l, string(k.TargetType)), orDash(k.Target),
			tr("alert"), orDash(k.Alert),
			tr("baseline"), orDash(k.Baseline),
			workshop.Label(l, string(k.Frequency)))
		if k.Owner != "" {
			p.line("    %s%s%s", tr("owner"), colon, oneLine(k.Owner))
		}
	}

	approvers := rev.ApproverStates()
	p.section(tr("approvers"), len(approvers))
	for _, a := range approvers {
		// One line per approver whatever a name or a comment holds: a
		// newline in an imported name must not print a forged
		// "- Someone: signed on …" row of its own.
		p.line("  - %s%s%s", oneLine(a.Participant.Name), colon, oneLine(signatureState(rev, a, own, tr)))
	}

	findings := workshop.Validate(ch)
	if rev == s.Current() {
		findings = s.Findings() // with the board's (R-VOTE-1), as the window shows them
	}
	counts := map[workshop.Severity]int{}
	for _, f := range findings {
		counts[f.Severity]++
	}
	p.line("")
	p.line("%s (%d %s, %d %s, %d %s)", tr("findings"),
		counts[workshop.SevError], tr("errors"),
		counts[workshop.SevWarning], tr("warnings"),
		counts[workshop.SevInfo], tr("infos"))
	for _, f := range findings {
		p.line("  %-8s %-11s %s", f.Severity, f.Code, f.Message(l))
	}
	return p.err
}

// signatureState says whether an approver signed, declined or is awaited,
// and what can be said of the record's key (trustNote).
func signatureState(rev *workshop.Revision, st workshop.ApproverState, own []byte, tr func(key string) string) string {
	quote := func(s string) string { return tr("quote.open") + s + tr("quote.close") }
	switch st.Status {
	case workshop.ApproverSigned:
		s := tr("signed.on") + st.Signature.At.Format("2006-01-02")
		if st.Signature.Comment != "" {
			s += " — " + quote(st.Signature.Comment)
		}
		return s + trustNote(rev.SignatureTrust(st.Signature, own), st.Signature.PublicKey, tr)
	case workshop.ApproverUnverified:
		s := tr("unverified.on") + st.Signature.At.Format("2006-01-02")
		if st.Signature.Comment != "" {
			s += " — " + quote(st.Signature.Comment)
		}
		if !rev.Frozen() {
			s += " — " + tr("sign.again")
		}
		return s
	case workshop.ApproverDeclined:
		return fmt.Sprintf("%s %s — %s", tr("declined.on"), st.Decline.At.Format("2006-01-02"), quote(st.Decline.Reason)) +
			trustNote(rev.DeclineTrust(st.Decline, own), st.Decline.PublicKey, tr)
	}
	if rev.Frozen() {
		return tr("not.signed")
	}
	return tr("signature.wait")
}

// trustNote is what follows a signature or a decline made otherwise than
// with this installation's key: nothing for this computer's.
func trustNote(t workshop.Trust, key []byte, tr func(key string) string) string {
	switch t {
	case workshop.TrustOtherComputer:
		return " — " + tr("trust.other") + workshop.ShortFingerprint(key)
	case workshop.TrustEarlier:
		return " — " + tr("trust.earlier")
	case workshop.TrustUnverified:
		return " — " + tr("trust.unverified")
	case workshop.TrustInvalid:
		return " — " + tr("trust.invalid")
	}
	return ""
}

// printer writes lines and keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

func (p *printer) field(name, value string) {
	p.line("  %-12s %s", name, value)
}

func (p *printer) section(title string, n int) {
	p.line("")
	p.line("%s (%d)", title, n)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return oneLine(s)
}
