package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"boussole/workshop"
)

// reviewStep is step 11, review and sign-off (PRODUCT.md §1.11 and §3):
// every finding (errors block sign-off), a preview of the charter, the
// approvers' signatures, amend, next period, exports, and earlier revisions.
type reviewStep struct {
	ed *editor

	viewRev int // revision shown; 0 = the current one

	revSelect  *widget.Select
	banner     *fyne.Container
	bannerText *widget.Label
	seal       *widget.Label
	blocked    *widget.Label
	findings   *fyne.Container
	preview    *fyne.Container
	approvers  *fyne.Container
	signBtn    *widget.Button
	declineBtn *widget.Button
	amendBtn   *widget.Button
	nextBtn    *widget.Button
	pdfBtn     *widget.Button
	csvBtn     *widget.Button
	icsBtn     *widget.Button
	actions    *fyne.Container
}

func newReviewStep() Step { return &reviewStep{} }

func (r *reviewStep) ID() string    { return workshop.StepReview }
func (r *reviewStep) Title() string { return tr("review.title") }

// Build implements Step. The review needs the session-level actions of the
// shell's editor (sign, decline, amend), so it only runs in it.
func (r *reviewStep) Build(ed Editor) fyne.CanvasObject {
	r.ed = ed.(*editor)
	r.revSelect = widget.NewSelect(nil, func(string) {
		i := r.revSelect.SelectedIndex()
		if i < 0 {
			return
		}
		if n := i + 1; n != r.viewRev && !(r.viewRev == 0 && n == r.ed.sess.Current().Number) {
			r.viewRev = n
			r.Refresh()
		}
	})
	r.bannerText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.bannerText.Wrapping = fyne.TextWrapWord
	r.seal = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	r.seal.Wrapping = fyne.TextWrapBreak
	r.seal.Selectable = true
	r.banner = container.NewBorder(nil, nil, widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon())), nil,
		container.NewVBox(r.bannerText, r.seal))
	r.blocked = widget.NewLabel("")
	r.blocked.Wrapping = fyne.TextWrapWord
	r.blocked.Importance = widget.DangerImportance
	r.findings = container.NewVBox()
	r.preview = container.NewVBox()
	r.approvers = container.NewVBox()

	r.signBtn = widget.NewButtonWithIcon(tr("review.sign"), theme.ConfirmIcon(), r.onSign)
	r.signBtn.Importance = widget.HighImportance
	r.declineBtn = widget.NewButtonWithIcon(tr("review.decline"), theme.CancelIcon(), r.onDecline)
	r.amendBtn = widget.NewButtonWithIcon(tr("review.amend"), theme.DocumentCreateIcon(), r.onAmend)
	r.nextBtn = widget.NewButtonWithIcon(tr("review.nextperiod"), theme.MailForwardIcon(), r.onNextPeriod)
	r.pdfBtn = widget.NewButtonWithIcon(tr("review.pdf"), theme.DocumentSaveIcon(), func() { r.ed.app.exportPDF(r.ed.sess, r.rev().Number) })
	r.csvBtn = widget.NewButtonWithIcon(tr("review.csv"), theme.DocumentSaveIcon(), r.onCSV)
	r.icsBtn = widget.NewButtonWithIcon(tr("review.ics"), theme.DocumentSaveIcon(), r.onICS)
	r.actions = container.NewHBox()

	r.Refresh()
	return container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(tr("review.revision")), nil, r.revSelect),
		r.banner,
		sectionTitle("review.findings"), r.blocked, r.findings,
		sectionTitle("review.approvers"), r.approvers, r.actions,
		sectionTitle("review.exports"), container.NewHBox(r.pdfBtn, r.csvBtn, r.icsBtn),
		sectionTitle("review.preview"), r.preview,
	)
}

func sectionTitle(key string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(tr(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// rev is the revision shown.
func (r *reviewStep) rev() *workshop.Revision {
	if r.viewRev > 0 {
		if rv, err := r.ed.sess.Revision(r.viewRev); err == nil {
			return rv
		}
	}
	return r.ed.sess.Current()
}

// isCurrent reports whether the current revision is shown.
func (r *reviewStep) isCurrent() bool { return r.rev().Number == r.ed.sess.Current().Number }

// Refresh implements Step.
func (r *reviewStep) Refresh() {
	if r.ed == nil {
		return
	}
	s := r.ed.sess
	if r.viewRev > len(s.Revisions) {
		r.viewRev = 0
	}
	var opts []string
	for _, rv := range s.Revisions {
		opts = append(opts, tr("review.revoption", "N", rv.Number, "Status", statusLabel(revStatus(&rv))))
	}
	r.revSelect.Options = opts
	r.revSelect.SetSelectedIndex(r.rev().Number - 1)

	rv := r.rev()
	c := &rv.Charter
	l := langOf(c.Lang)
	fs := workshop.Validate(c)
	if r.isCurrent() {
		fs = r.ed.sess.Findings() // with the board's (R-VOTE-1), as the panel and "show" list them
	}
	if rv.Frozen() {
		r.bannerText.SetText(tr("review.signedbanner", "When", formatStamp(rv.SignedAt.Local())))
		r.seal.SetText(tr("review.seal", "Seal", rv.Seal))
		r.banner.Show()
	} else {
		r.banner.Hide()
	}
	r.fillFindings(fs, CurrentLang()) // the window's language; the preview is the charter's
	r.fillApprovers(rv, l)
	r.fillActions(rv, fs)
	r.fillPreview(c, l)
}

func revStatus(rv *workshop.Revision) string { return rv.Stage() }

func (r *reviewStep) fillFindings(fs []workshop.Finding, l workshop.Lang) {
	r.findings.Objects = nil
	errs, _, _ := severityCounts(fs)
	if errs > 0 {
		r.blocked.SetText(tr("review.blocked", "N", errs))
		r.blocked.Show()
	} else {
		r.blocked.Hide()
	}
	groups := []struct {
		sev workshop.Severity
		key string
	}{{workshop.SevError, "review.errors"}, {workshop.SevWarning, "review.warnings"}, {workshop.SevInfo, "review.infos"}}
	for _, g := range groups {
		var rows []fyne.CanvasObject
		for _, f := range fs {
			if f.Severity != g.sev {
				continue
			}
			f := f
			msg := widget.NewLabel(f.Message(l))
			msg.Wrapping = fyne.TextWrapWord
			var goBtn fyne.CanvasObject
			if r.isCurrent() {
				goBtn = widget.NewButtonWithIcon(tr("review.goto"), theme.NavigateNextIcon(), func() { r.ed.Goto(f.Where) })
			}
			rows = append(rows, container.NewBorder(nil, nil, widget.NewIcon(severityIcon(f.Severity)), goBtn, msg))
		}
		if len(rows) == 0 {
			continue
		}
		r.findings.Add(widget.NewLabelWithStyle(tr(g.key, "N", len(rows)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		r.findings.Objects = append(r.findings.Objects, rows...)
	}
	if len(fs) == 0 {
		r.findings.Add(widget.NewLabel(tr("findings.none")))
	}
	r.findings.Refresh()
}

func (r *reviewStep) fillApprovers(rv *workshop.Revision, l workshop.Lang) {
	r.approvers.Objects = nil
	states := rv.ApproverStates()
	if len(states) == 0 {
		r.approvers.Add(widget.NewLabel(tr("review.noapprovers")))
	}
	own := r.ed.app.ownKeyDER()
	for _, st := range states {
		p, sig, dec := st.Participant, st.Signature, st.Decline
		var icon fyne.Resource
		var text string
		switch st.Status {
		case workshop.ApproverSigned:
			icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
			text = tr("review.state.signed", "When", formatStamp(sig.At.Local()))
			if sig.Comment != "" {
				text += " — " + workshop.Quote(CurrentLang(), sig.Comment)
			}
			trust := rv.SignatureTrust(sig, own)
			text += trustNote(trust, sig.PublicKey)
			if trust == workshop.TrustInvalid {
				icon = theme.NewErrorThemedResource(theme.ErrorIcon())
			}
		case workshop.ApproverUnverified:
			icon = theme.NewWarningThemedResource(theme.QuestionIcon())
			text = tr("review.state.unverified", "When", formatStamp(sig.At.Local()))
			if sig.Comment != "" {
				text += " — " + workshop.Quote(CurrentLang(), sig.Comment)
			}
			if !rv.Frozen() {
				text += " — " + tr("review.state.signagain")
			}
		case workshop.ApproverDeclined:
			icon = theme.NewErrorThemedResource(theme.CancelIcon())
			text = tr("review.state.declined", "When", formatStamp(dec.At.Local()), "Reason", dec.Reason) +
				trustNote(rv.DeclineTrust(dec, own), dec.PublicKey)
		default:
			icon = theme.NewWarningThemedResource(theme.HistoryIcon())
			text = tr("review.state.pending")
		}
		name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		st := widget.NewLabel(text)
		st.Wrapping = fyne.TextWrapWord
		r.approvers.Add(container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(icon), name), nil, st))
	}
	if len(states) > 0 {
		// What the key proves, and what it does not (PRODUCT.md §3).
		note := tr("review.key.none")
		if own != nil {
			note = tr("review.key.note", "Fingerprint", workshop.KeyFingerprint(own))
		}
		lb := widget.NewLabelWithStyle(note, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		lb.Wrapping = fyne.TextWrapWord
		r.approvers.Add(lb)
	}
	r.approvers.Refresh()
}

// trustNote is what follows a signature or a decline made otherwise than
// with this installation's key: nothing for this computer's.
func trustNote(t workshop.Trust, key []byte) string {
	switch t {
	case workshop.TrustOtherComputer:
		return " — " + tr("review.trust.other", "Key", workshop.ShortFingerprint(key))
	case workshop.TrustEarlier:
		return " — " + tr("review.trust.earlier")
	case workshop.TrustUnverified:
		return " — " + tr("review.trust.unverified")
	case workshop.TrustInvalid:
		return " — " + tr("review.trust.invalid")
	}
	return ""
}

func (r *reviewStep) fillActions(rv *workshop.Revision, fs []workshop.Finding) {
	var objs []fyne.CanvasObject
	switch {
	case !r.isCurrent():
		objs = append(objs, widget.NewLabel(tr("review.earlier")))
	case rv.Frozen():
		objs = append(objs, r.amendBtn, r.nextBtn)
	default:
		if err := workshop.CanSign(&rv.Charter); err != nil || workshop.HasErrors(fs) {
			r.signBtn.Disable()
			why := widget.NewLabel(tr("review.cannotsign"))
			if err != nil && !workshop.HasErrors(fs) {
				why.SetText(workshop.Message(err))
			}
			why.Importance = widget.DangerImportance
			objs = append(objs, r.signBtn, why)
		} else {
			r.signBtn.Enable()
			objs = append(objs, r.signBtn)
		}
		if len(workshop.Approvers(&rv.Charter)) > 0 {
			r.declineBtn.Enable()
		} else {
			r.declineBtn.Disable()
		}
		objs = append(objs, r.declineBtn)
	}
	r.actions.Objects = objs
	r.actions.Refresh()
}

func (r *reviewStep) fillPreview(c *workshop.Charter, l workshop.Lang) {
	r.preview.Objects = nil
	add := func(o fyne.CanvasObject) { r.preview.Add(o) }
	text := func(s string, style fyne.TextStyle) {
		lb := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, style)
		lb.Wrapping = fyne.TextWrapWord
		add(lb)
	}
	text(c.Title, fyne.TextStyle{Bold: true})
	text(strings.Join(nonEmpty(c.Scope, c.Period.Label, periodDates(c.Period)), "  ·  "), fyne.TextStyle{})
	if c.Intent.Statement != "" {
		text(tr("review.intent"), fyne.TextStyle{Bold: true})
		text(c.Intent.Statement, fyne.TextStyle{Italic: true})
	}
	text(tr("review.objectives"), fyne.TextStyle{Bold: true})
	for i, o := range c.Objectives {
		line := fmt.Sprintf("%d. %s", i+1, o.Title)
		if o.Deadline != "" {
			line += "  (" + string(o.Deadline) + ")"
		}
		text(line, fyne.TextStyle{})
		if o.Specific != "" {
			text("    "+o.Specific, fyne.TextStyle{})
		}
	}
	text(tr("review.kpis"), fyne.TextStyle{Bold: true})
	grid := container.NewGridWithColumns(6)
	for _, h := range []string{"review.kpi.name", "review.kpi.baseline", "review.kpi.target", "review.kpi.alert", "review.kpi.frequency", "review.kpi.owner"} {
		// Headers wrap: at their natural width six columns widened the
		// window past 1280 px in English.
		hd := widget.NewLabelWithStyle(tr(h), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		hd.Wrapping = fyne.TextWrapWord
		grid.Add(hd)
	}
	for _, k := range c.KPIs {
		// valueUnit adds the unit unless typed ("102%" stays, never "102% %").
		cells := []string{k.Name, orDash(valueUnit(k.Baseline, k.Unit)), orDash(valueUnit(k.Target, k.Unit)), orDash(valueUnit(k.Alert, k.Unit)), workshop.Label(l, string(k.Frequency)), k.Owner}
		for _, s := range cells {
			lb := widget.NewLabel(s)
			lb.Wrapping = fyne.TextWrapWord
			grid.Add(lb)
		}
	}
	add(grid)
	text(tr("review.roles"), fyne.TextStyle{Bold: true})
	for _, o := range c.Objectives {
		var parts []string
		for _, role := range workshop.Roles {
			var names []string
			for _, a := range c.Roles {
				if a.ObjectiveID == o.ID && a.Role == role {
					names = append(names, participantName(c, a.ParticipantID))
				}
			}
			if len(names) > 0 {
				parts = append(parts, workshop.Label(l, string(role))+" : "+strings.Join(names, ", "))
			}
		}
		text(o.Title+" — "+strings.Join(parts, " ; "), fyne.TextStyle{})
	}
	r.preview.Refresh()
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func periodDates(p workshop.Period) string {
	if p.Start == "" && p.End == "" {
		return ""
	}
	return string(p.Start) + " → " + string(p.End)
}

// Focus implements Step: the review has no field of its own.
func (r *reviewStep) Focus(workshop.Where) {}

// pendingApprovers are the approvers who have not signed the current revision.
func (r *reviewStep) pendingApprovers() []string {
	rv := r.ed.sess.Current()
	var names []string
	for _, p := range rv.Awaited() {
		names = append(names, p.Name)
	}
	return names
}

// signForm is the "Sign…" dialog's fields (tests drive them).
type signForm struct {
	approver *widget.Select
	text     *textEntry // comment (sign) or reason (decline)
	dialog   *dialog.FormDialog
}

func (r *reviewStep) onSign() { r.signForm().dialog.Show() }

func (r *reviewStep) signForm() *signForm {
	return r.approverForm(r.pendingApprovers(), approverDialog{
		as: "review.sign.as", text: "review.sign.comment",
		title: "review.sign.title", confirm: "review.sign.confirm",
	}, func(name, comment string) { r.sign(name, comment) })
}

// sign records name's signature on the current revision.
func (r *reviewStep) sign(name, comment string) bool {
	key, err := r.ed.app.signingKey()
	if err != nil {
		showError(r.ed.win, "error.edit", err)
		return false
	}
	return r.act(func(s *workshop.Session, now time.Time) error { return s.Sign(name, comment, now, key) })
}

func (r *reviewStep) onDecline() { r.declineForm().dialog.Show() }

func (r *reviewStep) declineForm() *signForm {
	var names []string
	for _, p := range workshop.Approvers(r.ed.Charter()) {
		names = append(names, p.Name)
	}
	return r.approverForm(names, approverDialog{
		as: "review.decline.as", text: "review.reason",
		title: "review.decline.title", confirm: "review.decline.confirm",
		required: "review.reason.required",
	}, func(name, reason string) { r.decline(name, reason) })
}

func (r *reviewStep) decline(name, reason string) bool {
	key, err := r.ed.app.signingKey()
	if err != nil {
		showError(r.ed.win, "error.edit", err)
		return false
	}
	return r.act(func(s *workshop.Session, now time.Time) error { return s.Decline(name, reason, now, key) })
}

// act runs a sign-off action on the session and, when it went through,
// refreshes every step (the revision's state changed).
func (r *reviewStep) act(fn func(s *workshop.Session, now time.Time) error) bool {
	ok := r.ed.Act(fn)
	if ok {
		r.ed.refreshAll()
	}
	return ok
}

// approverDialog names the catalog keys of an approver's dialog; required,
// when set, is the message refusing a blank text.
type approverDialog struct {
	as, text, title, confirm, required string
}

// approverForm is the dialog in which an approver signs or declines: who,
// and a comment or reason; done receives both when confirmed.
func (r *reviewStep) approverForm(names []string, d approverDialog, done func(name, text string)) *signForm {
	f := &signForm{approver: widget.NewSelect(names, nil), text: newMultiLineEntry()}
	if len(names) > 0 {
		f.approver.SetSelectedIndex(0)
	}
	f.text.SetMinRowsVisible(3)
	f.text.Wrapping = fyne.TextWrapWord
	if d.required != "" {
		f.text.Validator = required(d.required)
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr(d.as), f.approver),
		widget.NewFormItem(tr(d.text), f.text),
	}
	f.dialog = dialog.NewForm(tr(d.title), tr(d.confirm), tr("dialog.cancel"), items, func(ok bool) {
		if ok && f.approver.Selected != "" {
			done(f.approver.Selected, strings.TrimSpace(f.text.Text))
		}
	}, r.ed.win)
	f.dialog.Resize(fyne.NewSize(520, 0))
	return f
}

// required is a validator refusing blank text, with a translated message.
func required(key string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s", tr(key))
		}
		return nil
	}
}

// amendForm is the "Amend…" dialog.
type amendForm struct {
	reason *textEntry
	dialog *dialog.FormDialog
}

func (r *reviewStep) onAmend() { r.amendForm().dialog.Show() }

func (r *reviewStep) amendForm() *amendForm {
	f := &amendForm{reason: newMultiLineEntry()}
	f.reason.SetMinRowsVisible(3)
	f.reason.Wrapping = fyne.TextWrapWord
	f.reason.Validator = required("review.reason.required")
	n := r.ed.sess.Current().Number
	items := []*widget.FormItem{{Text: tr("review.reason"), Widget: f.reason, HintText: tr("review.amend.hint", "N", n+1)}}
	f.dialog = dialog.NewForm(tr("review.amend.title"), tr("review.amend.confirm"), tr("dialog.cancel"), items, func(ok bool) {
		if ok {
			r.amend(strings.TrimSpace(f.reason.Text))
		}
	}, r.ed.win)
	f.dialog.Resize(fyne.NewSize(520, 0))
	return f
}

// amend opens revision N+1 as a draft.
func (r *reviewStep) amend(reason string) bool {
	ok := r.ed.Act(func(s *workshop.Session, now time.Time) error { return s.Amend(reason, now) })
	if ok {
		r.viewRev = 0
		r.ed.refreshAll()
	}
	return ok
}

// onNextPeriod creates the next period's session, stores it and opens it.
func (r *reviewStep) onNextPeriod() {
	if err := r.ed.saver.flush(); err != nil {
		showError(r.ed.win, "error.save", err)
		return
	}
	next, err := r.ed.sess.NextPeriod(r.ed.now())
	if err != nil {
		showError(r.ed.win, "error.nextperiod", err)
		return
	}
	a := r.ed.app
	var perr error
	a.background(func() { perr = a.d.Store.Put(next) }, func() {
		if perr != nil {
			showError(a.win, "error.nextperiod", perr)
			return
		}
		a.showEditor(next)
	})
}

func (r *reviewStep) onCSV() {
	r.exportWith(".csv", r.ed.app.d.KPICSV)
}

func (r *reviewStep) onICS() {
	// A calendar is refused for an e-mail that is not an address (it could
	// forge attendee lines), a ritual it cannot place, an unknown zone or a
	// period that ends before it starts: say so in the
	// person's language, with the findings to fix, before asking for a file.
	var blocking []string
	for _, f := range workshop.Validate(&r.rev().Charter) {
		if f.Code == workshop.RPEO1 || f.Code == workshop.RRIT2 || f.Code == workshop.RTZ1 || f.Code == workshop.RPER1 {
			blocking = append(blocking, "• "+f.Message(CurrentLang()))
		}
	}
	if len(blocking) > 0 {
		showProblem(r.ed.win, "error.export", tr("export.ics.blocked", "N", len(blocking))+"\n\n"+strings.Join(blocking, "\n"), "")
		return
	}
	r.exportWith(".ics", r.ed.app.d.RitualsICS)
}

// exportWith saves the shown revision through render.
func (r *reviewStep) exportWith(ext string, render func(*workshop.Session, int) ([]byte, error)) {
	a := r.ed.app
	snap := cloneSession(r.ed.sess)
	rv := r.rev()
	n := rv.Number
	saveAs(a, fileName(rv.Charter.Title, rv.Charter.Period.Label, n, ext), []string{ext}, func(path string) {
		a.exportTo(path, func() ([]byte, error) { return render(snap, n) })
	})
}
