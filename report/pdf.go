package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"boussole/workshop"
)

// PDFOptions tunes the charter PDF.
type PDFOptions struct {
	Paper string // "A4" (default) or "Letter"
	// DigitalSignature says that the caller signs the PDF of a signed
	// revision (package pades): the page then says what that signature
	// proves. Without it, a signed revision's page says that its PDF
	// carries no digital signature (revisions signed before installations
	// had keys). Drafts say neither.
	DigitalSignature bool
	// Version is the Boussole version the PDF's Creator names ("Boussole
	// 0.1.0", as pdfinfo shows it); blank names Boussole alone. Printable
	// ASCII without parentheses or backslashes, at most 64 characters.
	Version string
}

// maxVersion is the longest version a Creator carries.
const maxVersion = 64

// creator returns the Creator of the information dictionary, or an error
// naming a version that cannot be written there as plain ASCII.
func (o PDFOptions) creator() (string, error) {
	v := strings.TrimSpace(o.Version)
	if v == "" {
		return "Boussole", nil
	}
	if len(v) > maxVersion || strings.ContainsFunc(v, func(r rune) bool { return r < ' ' || r > '~' || r == '(' || r == ')' || r == '\\' }) {
		return "", workshop.Errorf(workshop.KindInvalid, "version %q cannot be written in the PDF: use at most %d printable ASCII characters without parentheses or backslashes", shorten(v, maxVersion), maxVersion)
	}
	return "Boussole " + v, nil
}

// paper returns the normalised paper name, or an error naming the value.
func (o PDFOptions) paper() (string, error) {
	switch strings.ToLower(strings.TrimSpace(o.Paper)) {
	case "", "a4":
		return "A4", nil
	case "letter":
		return "Letter", nil
	}
	return "", workshop.Errorf(workshop.KindInvalid, "paper %q is not supported: choose A4 or Letter", o.Paper)
}

// CharterPDF renders revision rev (1-based) of the session's charter as a
// PDF in the charter's language. The bytes depend only on the content and
// the revision's date (SignedAt when signed, else the session's Updated), so
// the same content exports to the same bytes.
func CharterPDF(s *workshop.Session, rev int, opt PDFOptions) ([]byte, error) {
	r, err := s.Revision(rev)
	if err != nil {
		return nil, err
	}
	return renderCharter(s, r, opt, len(r.LateDecisions))
}

// revisionDate is the date a revision's exports carry.
func revisionDate(s *workshop.Session, r *workshop.Revision) time.Time {
	if r.Status == workshop.StatusSigned && !r.SignedAt.IsZero() {
		return r.SignedAt.UTC()
	}
	return s.Updated.UTC()
}

// stamp is the machine-readable line Verify reads back from the Keywords
// of the PDF's information dictionary.
type stamp struct {
	Session  string
	Revision int
	Seal     string // the revision's seal, or "draft"
	Paper    string
	Late     int // number of LateDecisions printed
	Layout   int // the page layout's version (LayoutVersion when written)
}

// LayoutVersion is the version of the charter's page layout, written in
// the stamp. verify re-renders a revision and compares bytes, which only
// a PDF of the same layout can pass; a PDF of an earlier layout gets its
// own verdict instead of "not the exported file". Bump it with every
// change of what a page looks like.
//
// 1: the layout before the stamp carried it (no "layout=" in the stamp).
// 2: the one-page cover, fallback faces, PDF signatures (issues 10, 11).
// 3: a level to hold on the cover as "27 %, to stay ≥ 25 %", lines never
// broken at a no-break space, a long title kept out of the band's edge,
// deadlines in long form in agendas, no "— —" in the Subject (issue 10).
const LayoutVersion = 3

func (st stamp) String() string {
	return fmt.Sprintf("boussole:v1 session=%s revision=%d seal=%s paper=%s late=%d layout=%d", st.Session, st.Revision, st.Seal, st.Paper, st.Late, LayoutVersion)
}

// renderCharter renders revision r with its first late LateDecisions.
func renderCharter(s *workshop.Session, r *workshop.Revision, opt PDFOptions, late int) ([]byte, error) {
	paper, err := opt.paper()
	if err != nil {
		return nil, err
	}
	creator, err := opt.creator()
	if err != nil {
		return nil, err
	}
	fs := loadFonts()
	if fs.err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, fs.err, "the PDF font cannot be read")
	}
	late = max(0, min(late, len(r.LateDecisions)))
	c := &r.Charter
	l := c.Lang
	if !l.Valid() {
		l = workshop.EN
	}

	// The title is sanitized once: a title of a megabyte is printed in full on
	// the cover and shortened everywhere else (metadata, bookmark, header).
	title := sanitize(orDash(c.Title))
	seal := "draft"
	if r.Status == workshop.StatusSigned {
		seal = r.Seal
	}
	// Plain ASCII, not UTF-16: Verify finds the stamp with a byte search.
	w := newDocument(paper, l, revisionDate(s, r), fs, docInfo{
		title:    title,
		author:   c.Facilitator,
		subject:  docSubject(l, c),
		creator:  creator,
		keywords: stamp{Session: s.ID, Revision: r.Number, Seal: seal, Paper: paper, Late: late}.String(),
	})

	ch := &charter{w: w, l: l, s: s, r: r, c: c, title: title, late: r.LateDecisions[:late], digital: opt.DigitalSignature}
	ch.index()
	ch.cover()
	ch.body()
	ch.decorate()
	return w.output("the charter PDF")
}

// docInfo is what a document's information dictionary says.
type docInfo struct {
	title             string // sanitized by the caller; shortened here
	author, subject   string // as typed: sanitized and shortened here
	creator, keywords string // plain ASCII
}

// newDocument starts a PDF of the charter's family (the charter, the
// review pack): the paper, the embedded faces, dates, information
// dictionary and language, the margins; its writer is ready for the first
// page. when is the document's date (never the clock: same data, same
// bytes).
func newDocument(paper string, l workshop.Lang, when time.Time, fs *fontSet, info docInfo) *writer {
	WarmFaces()
	pdf := newTextPDF(fpdf.New("P", "mm", paper, ""))
	pdf.french = l == workshop.FR
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AddUTF8FontFromBytes(fontFamily, "", fs.regular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", fs.bold)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", fs.italic)
	pdf.SetCellMargin(0)
	pdf.SetTitle(shorten(info.title, maxLabel), true)
	pdf.SetAuthor(shorten(sanitize(info.author), maxLabel), true)
	pdf.SetSubject(shorten(sanitize(info.subject), maxLabel), true)
	pdf.SetCreator(info.creator, false)
	pdf.SetProducer(info.creator, false)
	if l == workshop.FR {
		pdf.SetLang("fr-FR")
	} else {
		pdf.SetLang("en")
	}
	pdf.SetKeywords(info.keywords, false)
	pw, ph := pdf.GetPageSize()
	w := &writer{pdf: pdf, pg: page{w: pw, h: ph, left: 20, right: 20, top: 24, bottom: 20}}
	pdf.SetMargins(w.pg.left, w.pg.top, w.pg.right)
	pdf.SetAutoPageBreak(true, w.pg.bottom)
	return w
}

// output is the finished document's bytes, or why it could not be made
// (what names the document in the message).
func (w *writer) output(what string) ([]byte, error) {
	if err := w.pdf.Error(); err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "%s could not be laid out", what)
	}
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "%s could not be written", what)
	}
	return buf.Bytes(), nil
}

// charter lays out one revision.
type charter struct {
	w    *writer
	l    workshop.Lang
	s    *workshop.Session
	r    *workshop.Revision
	c    *workshop.Charter
	late []workshop.Decision
	// digital: the PDF is to carry a digital signature (PDFOptions).
	digital bool
	// title is the charter's title, sanitized.
	title string
	// named is the charter with its objective titles, KPI names and
	// participant names shortened as references (ref), for the texts
	// generated from them, such as a ritual's default agenda.
	named *workshop.Charter

	people map[string]workshop.Participant
	objs   map[string]workshop.Objective
	kpis   map[string]workshop.KPI
	num    int // section counter
}

func (ch *charter) index() {
	ch.people = map[string]workshop.Participant{}
	for _, p := range ch.c.Participants {
		ch.people[p.ID] = p
	}
	ch.objs = map[string]workshop.Objective{}
	for _, o := range ch.c.Objectives {
		ch.objs[o.ID] = o
	}
	ch.kpis = map[string]workshop.KPI{}
	for _, k := range ch.c.KPIs {
		ch.kpis[k.ID] = k
	}
	named := *ch.c
	named.Objectives = append([]workshop.Objective(nil), ch.c.Objectives...)
	for i := range named.Objectives {
		named.Objectives[i].Title = ref(named.Objectives[i].Title)
	}
	named.KPIs = append([]workshop.KPI(nil), ch.c.KPIs...)
	for i := range named.KPIs {
		named.KPIs[i].Name = ref(named.KPIs[i].Name)
	}
	named.Participants = append([]workshop.Participant(nil), ch.c.Participants...)
	for i := range named.Participants {
		named.Participants[i].Name = ref(named.Participants[i].Name)
	}
	ch.named = &named
}

func (ch *charter) t(key string, args ...any) string { return tr(ch.l, key, args...) }

func (ch *charter) draft() bool { return ch.r.Status != workshop.StatusSigned }

// section starts a numbered section with its bookmark, on the current page
// when the heading and need millimetres of what follows fit there (the
// section's first block, measured by the caller), else on the next one.
func (ch *charter) section(title string, need float64) {
	w := ch.w
	ch.num++
	if w.pdf.GetY() > w.pg.top+0.01 {
		w.pdf.SetY(w.pdf.GetY() + 4)
	}
	w.keep(sectionH - 4 + need)
	label := fmt.Sprintf("%d. %s", ch.num, sanitize(title))
	w.pdf.Bookmark(shorten(label, maxLabel), 0, -1)
	w.font("B", 15)
	w.text(navy)
	w.pdf.CellFormat(w.pg.contentW(), 8, label, "", 1, "L", false, 0, "")
	y := w.pdf.GetY() + 0.8
	w.draw(navy)
	w.pdf.SetLineWidth(0.6)
	w.pdf.Line(w.pg.left, y, w.pg.left+18, y)
	w.draw(rule)
	w.pdf.SetLineWidth(0.2)
	w.pdf.Line(w.pg.left+18, y, w.pg.left+w.pg.contentW(), y)
	w.pdf.SetY(y + 4)
}

// subsection writes a second-level heading with its bookmark, keeping it
// on one page with the need millimetres that follow it.
func (ch *charter) subsection(title string, need float64) {
	w := ch.w
	h := w.subsectionH(title)
	if w.pdf.GetY() > w.pg.top+0.01 {
		w.pdf.SetY(w.pdf.GetY() + 2)
	}
	w.keep(h - 2 + need)
	t := sanitize(title)
	w.pdf.Bookmark(shorten(t, maxLabel), 1, -1)
	w.font("B", 11.5)
	w.text(navy)
	for _, line := range w.split(t, w.pg.contentW()) {
		w.pdf.CellFormat(w.pg.contentW(), lineH(11.5), line, "", 1, "L", false, 0, "")
	}
	w.pdf.SetY(w.pdf.GetY() + 1.5)
}

// label writes a small muted caption above a block.
func (ch *charter) label(text string) {
	w := ch.w
	w.room(12)
	w.font("B", 8)
	w.text(muted)
	w.pdf.CellFormat(w.pg.contentW(), lineH(8)+0.5, sanitize(strings.ToUpper(text)), "", 1, "L", false, 0, "")
}

// fields draws label/value pairs as a two-column table.
func (ch *charter) fields(pairs [][2]string) { ch.w.drawTable(ch.w.fieldsLayout(pairs)) }

func (ch *charter) participantName(id string) string {
	if p, ok := ch.people[id]; ok {
		return ref(p.Name)
	}
	return id
}

func (ch *charter) linkName(id string) string {
	if id == "" {
		return ""
	}
	if o, ok := ch.objs[id]; ok {
		return ref(o.Title)
	}
	if k, ok := ch.kpis[id]; ok {
		return ref(k.Name)
	}
	return id
}

// cover draws the title page.
func (ch *charter) cover() {
	w, c, l := ch.w, ch.c, ch.l
	pdf := w.pdf
	pdf.AddPage()
	// 24 pt when the title fits on three lines, else 17 pt; past a dozen
	// lines the rest continues at the size of body text, so that a pasted
	// page of text costs pages of text, not of headlines.
	size := 24.0
	w.font("B", size)
	var titleLines, rest []string
	if pdf.GetStringWidth(ch.title) <= 3*w.pg.contentW() {
		titleLines = w.split(ch.title, w.pg.contentW())
	}
	if titleLines == nil || len(titleLines) > 3 {
		size = 17
		w.font("B", size)
		titleLines = w.split(ch.title, w.pg.contentW())
	}
	const coverLines = 12
	if len(titleLines) > coverLines {
		w.font("B", 10)
		rest = w.split(strings.Join(titleLines[coverLines:], " "), w.pg.contentW())
		titleLines = titleLines[:coverLines]
	}

	// The navy band holds the kind of document, the title and the scope,
	// and is as tall as they need: the title up to maxBand (a line is
	// never cut by the band's edge; what does not fit continues below it
	// in navy), the scope in what is left up to scopeBand. When the scope
	// runs longer, its last line ends with "…" at a word boundary (the full
	// scope is the first of the key facts below).
	inBand, titleEnd := titleInBand(len(titleLines), size)
	titleOverflows := inBand < len(titleLines) || len(rest) > 0
	var scope []string
	if !titleOverflows && titleEnd < scopeBand-12 {
		w.font("", 12)
		scope = w.split(sanitize(oneLine(c.Scope)), w.pg.contentW())
		if strings.TrimSpace(c.Scope) == "" {
			scope = nil
		}
		room := max(0, int((scopeBand-6-titleEnd-2)/lineH(12)))
		if len(scope) > room && room > 0 {
			scope = append(scope[:room-1], w.ellipsis(strings.Join(scope[room-1:room+1], " "), w.pg.contentW()))
		}
		scope = scope[:min(room, len(scope))]
	}
	bandH := titleEnd + 6
	if !titleOverflows && titleEnd < scopeBand-12 {
		bandH = min(scopeBand, max(58, titleEnd+2+float64(len(scope))*lineH(12)+12))
	}
	w.fill(navy)
	pdf.Rect(0, 0, w.pg.w, bandH, "F")
	pdf.SetXY(w.pg.left, titleTop)
	w.font("B", 9.5)
	pdf.SetTextColor(0xC9, 0xD6, 0xE8)
	pdf.CellFormat(w.pg.contentW(), 5, sanitize(strings.ToUpper(ch.t("doc.kind"))), "", 1, "L", false, 0, "")
	pdf.SetY(coverFirstLine)
	w.text(white)
	drawn := 0
	titleLine := func(line string, size float64) {
		if drawn == inBand {
			// A title too long for the band continues below it in navy.
			pdf.SetY(bandH + 4)
			w.text(navy)
		}
		drawn++
		pdf.SetX(w.pg.left)
		pdf.CellFormat(w.pg.contentW(), lineH(size), line, "", 1, "L", false, 0, "")
	}
	w.font("B", size)
	for _, line := range titleLines {
		titleLine(line, size)
	}
	if len(rest) > 0 {
		w.font("B", 10)
		for _, line := range rest {
			titleLine(line, 10)
		}
	}
	pdf.Bookmark(shorten(ch.title, maxLabel), 0, 0)
	if len(scope) > 0 {
		pdf.SetY(pdf.GetY() + 2)
		w.font("", 12)
		pdf.SetTextColor(0xDD, 0xE5, 0xF0)
		for _, line := range scope {
			pdf.SetX(w.pg.left)
			pdf.CellFormat(w.pg.contentW(), lineH(12), line, "", 1, "L", false, 0, "")
		}
	}
	pdf.SetY(max(bandH+8, pdf.GetY()+8))

	// Key facts.
	period := c.Period.Label
	if c.Period.Start != "" || c.Period.End != "" {
		period += " (" + dateText(l, c.Period.Start) + " – " + dateText(l, c.Period.End) + ")"
	}
	status := workshop.Label(l, ch.r.Stage())
	names := make([]string, 0, len(c.Participants))
	for _, p := range c.Participants {
		names = append(names, ref(p.Name))
	}
	ch.fields([][2]string{
		{ch.t("cover.scope"), c.Scope},
		{ch.t("cover.period"), period},
		{ch.t("cover.revision"), fmt.Sprint(ch.r.Number) + " · " + status + " · " + longDate(l, revisionDate(ch.s, ch.r))},
		{ch.t("cover.facil"), c.Facilitator},
		{ch.t("cover.people"), strings.Join(names, ", ")},
	})

	// At a glance: the charter on one page, each objective with its pilot
	// and its KPIs' baseline → target (alert).
	pdf.SetY(pdf.GetY() + 1)
	if len(c.Objectives) > 0 {
		// The caption is never left alone at the foot of the page.
		_, _, _, first := ch.glanceBlock(0, c.Objectives[0])
		w.keep(labelH() + first)
	}
	ch.label(ch.t("cover.brief"))
	if len(c.Objectives) == 0 {
		w.paragraph(ch.t("obj.none"), "I", 9.5, muted, 0)
	}
	for i, o := range c.Objectives {
		ch.glance(i, o)
	}

	// Sign-off state, at the foot of the cover: the detail follows on the
	// next pages. A charter without objectives yet has a cover with room
	// to spare: the box follows the facts and the body starts below it.
	var msg string
	if ch.draft() {
		msg = ch.t("cover.draft")
	} else {
		signers := make([]string, 0, len(ch.r.Signatures))
		for _, sg := range ch.r.Signatures {
			signers = append(signers, ref(sg.Name))
		}
		msg = ch.t("cover.signedBy", longDate(l, ch.r.SignedAt.UTC()), listJoin(l, signers))
	}
	w.font("", 9.5)
	lines := w.split(sanitize(msg), w.pg.contentW()-12)
	h := float64(len(lines))*lineH(9.5) + 8
	if !ch.draft() {
		h += lineH(8) * 2
	}
	y := pdf.GetY() + 4
	overflow := y+h > w.pg.limit()
	if overflow {
		pdf.AddPage()
		y = w.pg.top
	} else if len(c.Objectives) > 0 || y+h+8+sectionH+ch.intentNeed() > w.pg.limit() {
		y = w.pg.limit() - h - 4
	}
	w.fill(paleNav)
	pdf.Rect(w.pg.left, y, w.pg.contentW(), h, "F")
	w.fill(navy)
	if ch.draft() {
		w.fill(alarm)
	}
	pdf.Rect(w.pg.left, y, 1.6, h, "F")
	pdf.SetY(y + 4)
	w.text(ink)
	for _, line := range lines {
		pdf.SetX(w.pg.left + 6)
		pdf.CellFormat(w.pg.contentW()-12, lineH(9.5), line, "", 1, "L", false, 0, "")
	}
	if !ch.draft() {
		w.font("", 8)
		w.text(muted)
		pdf.SetX(w.pg.left + 6)
		pdf.CellFormat(w.pg.contentW()-12, lineH(8), sanitize(ch.t("sig.seal"))+frColon(l), "", 1, "L", false, 0, "")
		pdf.SetX(w.pg.left + 6)
		pdf.CellFormat(w.pg.contentW()-12, lineH(8), ch.r.Seal, "", 1, "L", false, 0, "")
	}
	pdf.SetY(y + h + 4)
	if len(c.Objectives) > 0 && !overflow {
		pdf.AddPage()
		pdf.SetY(w.pg.top)
	}
}

// glance writes objective i on the cover: its number and title, its pilot,
// and one line per KPI measuring it: "NRR: 102% → 110% (alert 104%)".
func (ch *charter) glance(i int, o workshop.Objective) {
	w := ch.w
	title, pilot, kpis, h := ch.glanceBlock(i, o)
	w.keep(h)
	w.paragraph(title, "B", 10, navy, 0)
	w.paragraph(pilot, "", 8.5, muted, 0)
	w.bullets(kpis, 9)
	w.pdf.SetY(w.pdf.GetY() + 1.2)
}

// glanceBlock is what the cover says of objective i, and its height.
func (ch *charter) glanceBlock(i int, o workshop.Objective) (title, pilot string, kpis []string, h float64) {
	w, l := ch.w, ch.l
	title = fmt.Sprintf("%d. %s", i+1, orDash(ref(o.Title)))
	var pilots []string
	for _, a := range ch.c.Roles {
		if a.ObjectiveID == o.ID && a.Role == workshop.RolePilot {
			pilots = append(pilots, ch.participantName(a.ParticipantID))
		}
	}
	pilot = ch.t("cover.pilot") + workshop.Colon(l) + orDash(strings.Join(pilots, ", "))
	for _, k := range ch.kpisOf(o.ID) {
		line := ref(k.Name)
		if k.Guardrail {
			line += " (" + ch.t("kpi.guardrail") + ")"
		}
		// Values as references: a value pasted by mistake (a megabyte)
		// is printed whole in the KPI table, not on the cover.
		line += workshop.Colon(l) + ch.glanceValues(k)
		if strings.TrimSpace(k.Alert) != "" {
			line += " (" + ch.t("cover.alert", withUnit(l, ref(k.Alert), k.Unit)) + ")"
		}
		kpis = append(kpis, line)
	}
	if len(kpis) == 0 {
		kpis = []string{ch.t("obj.noKPI")}
	}
	w.font("B", 10)
	h = float64(len(w.split(sanitize(title), w.pg.contentW())))*lineH(10) + lineH(8.5) + w.listH(kpis, 9, 6) + 2
	return title, pilot, kpis, h
}

// The cover's navy band: the kind of document at titleTop, the title's
// first line at coverFirstLine; the band ends at maxBand at most, and
// holds the scope only up to scopeBand.
const (
	titleTop       = 26.0
	coverFirstLine = titleTop + 8
	scopeBand      = 80.0
	maxBand        = 110.0
)

// titleInBand says how many of a title's lines of the font size are drawn
// in the band, whole (the rest continue below it), and where the last of
// them ends; the band ends 6 mm below that.
func titleInBand(lines int, size float64) (inBand int, end float64) {
	inBand = min(lines, max(1, int((maxBand-6-coverFirstLine)/lineH(size))))
	return inBand, coverFirstLine + float64(inBand)*lineH(size)
}

// glanceValues is a KPI's values on the cover: "102% → 110%" for a target
// to reach; for a level to hold, the bound it holds, so that a CFO does not
// read a planned fall in "27% → 25%": "27%, to stay ≥ 25%".
func (ch *charter) glanceValues(k workshop.KPI) string {
	l := ch.l
	baseline, target := withUnit(l, ref(k.Baseline), k.Unit), withUnit(l, ref(k.Target), k.Unit)
	if !k.TargetType.Holds() {
		return baseline + " → " + target
	}
	bound := "≥" + workshop.NBSP + target
	if k.TargetType.Direction() < 0 {
		bound = "≤" + workshop.NBSP + target
	}
	if strings.TrimSpace(k.Baseline) == "" {
		return ch.t("cover.hold", bound)
	}
	return ch.t("cover.holdFrom", baseline, bound)
}

func (ch *charter) kpisOf(objID string) []workshop.KPI {
	var out []workshop.KPI
	for _, k := range ch.c.KPIs {
		if slices.Contains(k.Objectives, objID) {
			out = append(out, k)
		}
	}
	return out
}

// body draws every section after the cover.
func (ch *charter) body() {
	ch.intent()
	ch.objectives()
	ch.kpiTable()
	ch.roles()
	ch.cascades()
	ch.rituals()
	ch.incentives()
	ch.decisionLog()
	if ch.r.Number > 1 {
		ch.changes()
	}
	ch.signatures()
}

// intentFields is the intent's table of fields.
func (ch *charter) intentFields() [][2]string {
	purpose := ""
	if p := ch.c.Intent.Purpose; p != "" {
		purpose = workshop.Label(ch.l, string(p))
	}
	return [][2]string{
		{ch.t("intent.purpose"), purpose},
		{ch.t("intent.statement"), ch.c.Intent.Statement},
	}
}

// intentNeed is the room the intent section's first block takes.
func (ch *charter) intentNeed() float64 {
	return ch.w.startNeed(ch.w.fieldsLayout(ch.intentFields()))
}

func (ch *charter) intent() {
	c, l := ch.c, ch.l
	fields := ch.w.fieldsLayout(ch.intentFields())
	ch.section(ch.t("sec.intent"), ch.w.startNeed(fields))
	ch.w.drawTable(fields)
	ch.list(ch.t("intent.company"), c.Intent.CompanyObjectives)
	ch.list(ch.t("intent.hyp"), c.Intent.Hypotheses)

	if len(c.Participants) > 0 {
		rows := make([][]string, len(c.Participants))
		for i, p := range c.Participants {
			fn := ""
			if p.Function != "" {
				fn = workshop.Label(l, string(p.Function))
			}
			rows[i] = []string{p.Name, fn, p.Email}
		}
		t := ch.w.layoutTable([]column{{ch.t("people.name"), 40, "L", false}, {ch.t("people.func"), 30, "L", false}, {ch.t("people.email"), 50, "L", false}},
			rows, tableStyle{pt: 8.5, header: true, firstBold: true, zebra: true})
		ch.subsection(ch.t("sec.people"), ch.w.startNeed(t))
		ch.w.drawTable(t)
	}
}

// list writes a captioned bullet list, or the caption and a dash.
func (ch *charter) list(caption string, items []string) {
	ch.w.pdf.SetY(ch.w.pdf.GetY() + 1)
	ch.label(caption)
	var kept []string
	for _, it := range items {
		if strings.TrimSpace(it) != "" {
			kept = append(kept, it)
		}
	}
	if len(kept) == 0 {
		ch.w.paragraph(ch.t("empty"), "I", 9.5, muted, 0)
		ch.w.pdf.SetY(ch.w.pdf.GetY() + 2)
		return
	}
	ch.w.bullets(kept, 9.5)
	ch.w.pdf.SetY(ch.w.pdf.GetY() + 1)
}

// objectiveBlock is one objective's part of the objectives section,
// measured: its heading, SMART table and side effects.
type objectiveBlock struct {
	title  string
	fields *tableLayout
	side   []string // the side effects, or nil
}

func (ch *charter) objectiveBlock(i int, o workshop.Objective) objectiveBlock {
	l := ch.l
	var m []string
	for _, k := range ch.kpisOf(o.ID) {
		m = append(m, ch.t("obj.kpiLine", ref(k.Name), withUnit(l, k.Target, k.Unit), withUnit(l, k.Alert, k.Unit)))
	}
	mText := strings.Join(m, "\n")
	if mText == "" {
		mText = ch.t("obj.noKPI")
	}
	deadline := ""
	if o.Deadline != "" {
		deadline = dateText(l, o.Deadline)
	}
	b := objectiveBlock{title: fmt.Sprintf("%d.%d  %s", ch.num, i+1, orDash(o.Title))}
	b.fields = ch.w.fieldsLayout([][2]string{
		{ch.t("obj.S"), o.Specific},
		{ch.t("obj.M"), mText},
		{ch.t("obj.A"), o.Achievable},
		{ch.t("obj.R"), o.Relevant},
		{ch.t("obj.T"), deadline},
	})
	for _, se := range o.SideEffects {
		item := orDash(se.Description)
		if k, ok := ch.kpis[se.GuardrailID]; ok {
			item += " (" + ch.t("obj.guardrail", ref(k.Name)) + ")"
		}
		b.side = append(b.side, item)
	}
	return b
}

// height is the block's height below its heading.
func (b objectiveBlock) height(w *writer) float64 {
	h := b.fields.height(len(b.fields.lines)) + labelH()
	if len(b.side) == 0 {
		return h + w.paragraphH("-", "I", 9.5, 0)
	}
	return h + w.listH(b.side, 9.5, 6)
}

func (ch *charter) objectives() {
	c := ch.c
	if len(c.Objectives) == 0 {
		ch.section(ch.t("sec.objectives"), ch.w.paragraphH(ch.t("obj.none"), "I", 10, 0))
		ch.none("obj.none")
		return
	}
	blocks := make([]objectiveBlock, len(c.Objectives))
	ch.num++ // the numbers of the subsections are the section's
	for i, o := range c.Objectives {
		blocks[i] = ch.objectiveBlock(i, o)
	}
	ch.num--
	// The heading stays with the first objective's heading and block.
	ch.section(ch.t("sec.objectives"), ch.w.subsectionH(blocks[0].title)+blocks[0].height(ch.w))
	for _, b := range blocks {
		// An objective's block is kept on one page when it fits on one.
		ch.subsection(b.title, b.height(ch.w))
		ch.w.drawTable(b.fields)
		ch.label(ch.t("obj.side"))
		if len(b.side) == 0 {
			ch.w.paragraph(ch.t("obj.noSide"), "I", 9.5, muted, 0)
			continue
		}
		ch.w.bullets(b.side, 9.5)
	}
}

// value is a KPI value in the table, with its unit; one that does not read
// as a number (R-NUM-1, which blocks sign-off, so only in a draft) says so,
// rather than look as valid as the others.
func (ch *charter) value(v string, u workshop.Unit) string {
	s := withUnit(ch.l, v, u)
	if strings.TrimSpace(v) != "" {
		if _, err := workshop.ParseNumber(v, ch.l); err != nil {
			s += " (" + ch.t("kpi.unreadable") + ")"
		}
	}
	return s
}

func (ch *charter) kpiTable() {
	c, l := ch.c, ch.l
	if len(c.KPIs) == 0 {
		ch.section(ch.t("sec.kpis"), ch.w.paragraphH(ch.t("kpi.none"), "I", 10, 0))
		ch.none("kpi.none")
		return
	}
	// Every value carries its unit ("€12,000", "€18,000"), so the table
	// needs no unit column.
	cols := []column{
		{ch.t("kpi.name"), 27, "L", false}, {ch.t("kpi.kind"), 12, "L", false},
		{ch.t("kpi.type"), 17, "L", false}, {ch.t("kpi.baseline"), 13, "R", true}, {ch.t("kpi.target"), 13, "R", true},
		{ch.t("kpi.alert"), 12, "R", true}, {ch.t("kpi.freq"), 15, "L", false}, {ch.t("kpi.source"), 28, "L", false},
		{ch.t("kpi.owner"), 20, "L", false},
	}
	rows := make([][]string, len(c.KPIs))
	for i, k := range c.KPIs {
		name := ref(k.Name)
		if k.Guardrail {
			name += " (" + ch.t("kpi.guardrail") + ")"
		}
		lbl := func(v string) string {
			if v == "" {
				return "—"
			}
			return workshop.Label(l, v)
		}
		rows[i] = []string{name, lbl(string(k.Kind)), lbl(string(k.TargetType)),
			ch.value(k.Baseline, k.Unit), ch.value(k.Target, k.Unit), ch.value(k.Alert, k.Unit), lbl(string(k.Frequency)), orDash(k.Source), orDash(k.Owner)}
		if k.Kind == workshop.KindResult {
			rows[i][1] = kindLabel(l, k.Kind)
		}
	}
	t := ch.w.layoutTable(cols, rows, tableStyle{pt: 7.5, header: true, firstBold: true, zebra: true})
	ch.section(ch.t("sec.kpis"), ch.w.startNeed(t))
	ch.w.drawTable(t)

	defs := make([][2]string, 0, len(c.KPIs))
	for _, k := range c.KPIs {
		text := k.Definition
		var objs []string
		for _, id := range k.Objectives {
			objs = append(objs, ch.linkName(id))
		}
		if len(objs) > 0 {
			if text != "" {
				text += "\n"
			}
			sep := "; "
			if ch.l == workshop.FR {
				sep = nbsp + "; "
			}
			text += ch.t("kpi.measures", strings.Join(objs, sep))
		}
		label := ref(k.Name)
		if label != k.Name {
			// The name in full, once, where there is room for it.
			text = k.Name + "\n" + text
		}
		defs = append(defs, [2]string{label, text})
	}
	dt := ch.w.fieldsLayout(defs)
	ch.subsection(ch.t("kpi.defs"), ch.w.startNeed(dt))
	ch.w.drawTable(dt)
}

func (ch *charter) roles() {
	c, l := ch.c, ch.l
	if len(c.Roles) == 0 || len(c.Objectives) == 0 {
		ch.section(ch.t("sec.roles"), ch.w.paragraphH(ch.t("roles.none"), "I", 10, 0))
		ch.none("roles.none")
		return
	}
	cell := map[[2]string]string{}
	for _, a := range c.Roles {
		key := [2]string{a.ParticipantID, a.ObjectiveID}
		v := workshop.Label(l, string(a.Role))
		if prev, ok := cell[key]; ok {
			v = prev + ", " + v
		}
		cell[key] = v
	}
	cols := []column{{ch.t("roles.who"), 34, "L", false}}
	objW := 66.0 / float64(len(c.Objectives))
	for _, o := range c.Objectives {
		cols = append(cols, column{ref(o.Title), objW, "L", false})
	}
	var rows [][]string
	for _, p := range c.Participants {
		row := []string{ref(p.Name)}
		any := false
		for _, o := range c.Objectives {
			v := cell[[2]string{p.ID, o.ID}]
			any = any || v != ""
			row = append(row, v)
		}
		if !any {
			for i := 1; i < len(row); i++ {
				row[i] = "—"
			}
		}
		rows = append(rows, row)
	}
	t := ch.w.layoutTable(cols, rows, tableStyle{pt: 8, header: true, firstBold: true, zebra: true})
	ch.section(ch.t("sec.roles"), ch.w.startNeed(t))
	ch.w.drawTable(t)
}

func (ch *charter) cascades() {
	c, l := ch.c, ch.l
	if len(c.Cascades) == 0 {
		ch.section(ch.t("sec.cascade"), ch.w.paragraphH(ch.t("cas.none"), "I", 10, 0))
		ch.none("cas.none")
		return
	}
	for i, cs := range c.Cascades {
		k, ok := ch.kpis[cs.KPIID]
		name := k.Name
		if !ok {
			name = ch.t("cas.unknown")
		}
		dim := "—"
		if cs.Dimension != "" {
			dim = strings.ToLower(workshop.Label(l, string(cs.Dimension)))
		}
		title := ch.t("cas.title", name, dim)
		rows := make([][]string, len(cs.Lines))
		for i, ln := range cs.Lines {
			rows[i] = []string{orDash(ln.Team), withUnit(l, ln.Target, k.Unit)}
		}
		t := ch.w.layoutTable([]column{{ch.t("cas.team"), 70, "L", false}, {ch.t("cas.target"), 30, "R", true}}, rows,
			tableStyle{pt: 8.5, header: true, zebra: true})
		check := ch.cascadeCheck(k, cs)
		// The table and the sentence that checks it stay together when
		// they fit on a page.
		need := ch.w.startNeed(t)
		if need >= t.height(len(rows)) {
			need += ch.w.paragraphH(check, "I", 9, 0)
		}
		if i == 0 {
			ch.section(ch.t("sec.cascade"), ch.w.subsectionH(title)+need)
		}
		ch.subsection(title, need)
		ch.w.drawTable(t)
		ch.w.paragraph(check, "I", 9, muted, 0)
		ch.w.pdf.SetY(ch.w.pdf.GetY() + 2)
	}
}

// cascadeCheck is the sentence comparing the team targets with the
// collective target: what R-CAS-1 (workshop.CheckCascade) says of it.
func (ch *charter) cascadeCheck(k workshop.KPI, cs workshop.Cascade) string {
	l := ch.l
	coll := withUnit(l, k.Target, k.Unit)
	sum := workshop.CheckCascade(ch.c, &cs)
	sumText := withUnit(l, workshop.FormatNumber(sum.Sum, l), k.Unit)
	switch sum.Verdict {
	case workshop.CascadeNotAdditive:
		unit := workshop.Label(l, string(k.Unit))
		if unit == "" {
			unit = "—"
		}
		return ch.t("cas.nosum", unit, coll)
	case workshop.CascadeNoKPI:
		return ch.t("cas.nokpi")
	case workshop.CascadeEmpty:
		return ch.t("cas.empty")
	case workshop.CascadeNoTarget:
		return ch.t("cas.notarget", sumText)
	case workshop.CascadeBelow:
		return ch.t("cas.short", sumText, coll)
	case workshop.CascadeAbove:
		return ch.t("cas.over", sumText, coll)
	case workshop.CascadeConsistent:
		return ch.t("cas.ok", sumText, coll)
	}
	return ch.t("cas.unread")
}

func (ch *charter) rituals() {
	c, l := ch.c, ch.l
	if len(c.Rituals) == 0 {
		ch.section(ch.t("sec.rituals"), ch.w.paragraphH(ch.t("rit.none"), "I", 10, 0))
		ch.none("rit.none")
		return
	}
	for i, rt := range c.Rituals {
		name := rt.Name
		if name == "" {
			name = workshop.Label(l, string(rt.Kind))
		}
		when := ritualWhen(l, rt)
		var who []string
		for _, id := range rt.Attendees {
			who = append(who, ch.participantName(id))
		}
		whoText := ""
		if len(who) > 0 {
			whoText = ch.t("rit.who") + workshop.Colon(l) + strings.Join(who, ", ")
		}
		agenda := rt.AgendaOrDefault(ch.named, l)
		// A ritual's heading stays with its times, attendees and first
		// three agenda lines; a longer agenda may go on overleaf.
		need := ch.w.paragraphH(when, "", 9.5, 0) + 1.5 + labelH() + ch.w.listH(agenda[:min(3, len(agenda))], 9, 7)
		if whoText != "" {
			need += ch.w.paragraphH(whoText, "", 9.5, 0)
		}
		if i == 0 {
			ch.section(ch.t("sec.rituals"), ch.w.subsectionH(name)+need)
		}
		ch.subsection(name, need)
		ch.w.paragraph(when, "", 9.5, ink, 0)
		if whoText != "" {
			ch.w.paragraph(whoText, "", 9.5, muted, 0)
		}
		ch.w.pdf.SetY(ch.w.pdf.GetY() + 1.5)
		ch.label(ch.t("rit.agenda"))
		ch.w.numbered(agenda, 9)
	}
}

// ritualWhen is "Weekly, Monday at 09:30, 45 min".
func ritualWhen(l workshop.Lang, rt workshop.Ritual) string {
	cad := workshop.Label(l, string(rt.Cadence))
	day := workshop.WeekdayLabel(l, rt.Weekday)
	at := orDash(rt.Time)
	switch rt.Cadence {
	case workshop.CadenceMonthly:
		return tr(l, "rit.whenM", cad, day, at, rt.Minutes)
	case workshop.CadenceQuarterly:
		return tr(l, "rit.whenQ", cad, day, at, rt.Minutes)
	}
	return tr(l, "rit.when", cad, day, at, rt.Minutes)
}

func (ch *charter) incentives() {
	c, l := ch.c, ch.l
	text := ch.t("inc.off")
	if c.Incentive.Enabled {
		text = ch.t("inc.on", withUnit(l, c.Incentive.Share, workshop.UnitPercent))
	}
	ch.section(ch.t("sec.incentives"), ch.w.paragraphH(text, "", 10, 0))
	ch.w.paragraph(text, "", 10, ink, 0)
	if strings.TrimSpace(c.Incentive.Note) != "" {
		ch.w.pdf.SetY(ch.w.pdf.GetY() + 2)
		ch.fields([][2]string{{ch.t("inc.note"), c.Incentive.Note}})
	}
}

func (ch *charter) decisionTable(ds []workshop.Decision) *tableLayout {
	l := ch.l
	rows := make([][]string, len(ds))
	for i, d := range ds {
		typ := ""
		if d.Type != "" {
			typ = workshop.Label(l, string(d.Type))
		}
		rows[i] = []string{shortDate(l, d.Date), typ, orDash(d.Text), orDash(ref(d.Author)), orDash(ch.linkName(d.LinkID))}
	}
	return ch.w.layoutTable([]column{{ch.t("log.date"), 15, "L", true}, {ch.t("log.type"), 14, "L", false}, {ch.t("log.text"), 60, "L", false},
		{ch.t("log.author"), 17, "L", false}, {ch.t("log.link"), 20, "L", false}}, rows, tableStyle{pt: 8, header: true, zebra: true})
}

func (ch *charter) decisionLog() {
	if len(ch.c.Decisions) == 0 {
		ch.section(ch.t("sec.log"), ch.w.paragraphH(ch.t("log.none"), "I", 10, 0))
		ch.none("log.none")
	} else {
		t := ch.decisionTable(ch.c.Decisions)
		ch.section(ch.t("sec.log"), ch.w.startNeed(t))
		ch.w.drawTable(t)
	}
	if len(ch.late) > 0 {
		t := ch.decisionTable(ch.late)
		ch.subsection(ch.t("log.late"), ch.w.paragraphH(ch.t("log.lateNote"), "I", 9, 0)+2+ch.w.startNeed(t))
		ch.w.paragraph(ch.t("log.lateNote"), "I", 9, muted, 0)
		ch.w.pdf.SetY(ch.w.pdf.GetY() + 2)
		ch.w.drawTable(t)
	}
}

func (ch *charter) changes() {
	prev, err := ch.s.Revision(ch.r.Number - 1)
	if err != nil {
		return
	}
	reason := ch.w.fieldsLayout([][2]string{{ch.t("chg.reason"), ch.r.AmendReason}})
	ch.section(ch.t("sec.changes", prev.Number), ch.w.startNeed(reason))
	ch.w.drawTable(reason)
	items := workshop.ChangeItems(&prev.Charter, ch.c, ch.l)
	if len(items) == 0 {
		ch.none("chg.none")
		return
	}
	// A change whose line fits the width is printed on it; a longer one
	// (an objective renamed, a statement rewritten) gets its old and new
	// texts whole, each on its own lines.
	w := ch.w
	w.font("", 9.5)
	width := w.pg.contentW() - 6
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = it.String()
		if it.Old == "" && it.New == "" || w.pdf.GetStringWidth(sanitize(lines[i])) <= width {
			continue
		}
		head := it.Subject
		if it.Field != "" {
			head += workshop.Colon(ch.l) + it.Field
		}
		lines[i] = head + "\n" + ch.t("chg.before") + workshop.Colon(ch.l) + it.Old + "\n" + ch.t("chg.after") + workshop.Colon(ch.l) + it.New
	}
	w.bullets(lines, 9.5)
}

// signingKey says which key signed a sign-off record, as every reader
// of the PDF may check it: the first three groups of the key's
// fingerprint when its signature verifies, else why there is none. The
// same words on every computer, so that the PDF stays reproducible.
func (ch *charter) signingKey(t workshop.Trust, pub []byte) string {
	switch t {
	case workshop.TrustThisComputer, workshop.TrustOtherComputer:
		return ch.t("sig.keyOf", workshop.KeyFingerprint(pub)[:14])
	case workshop.TrustUnverified:
		return ch.t("sig.unverif")
	case workshop.TrustInvalid:
		return ch.t("sig.invalid")
	}
	return ch.t("sig.earlier")
}

func (ch *charter) signatures() {
	l, r, w := ch.l, ch.r, ch.w
	states := r.ApproverStates()
	standing := map[*workshop.Signature]bool{}
	for _, st := range states {
		if st.Status == workshop.ApproverSigned {
			standing[st.Signature] = true
		}
	}
	var rows [][]string
	for i := range r.Signatures {
		sg := &r.Signatures[i]
		if !standing[sg] {
			continue // a signature of an earlier content no longer stands
		}
		fn := ""
		if p, ok := ch.people[sg.ParticipantID]; ok && p.Function != "" {
			fn = workshop.Label(l, string(p.Function))
		}
		rows = append(rows, []string{ref(sg.Name), ch.t("sig.approver", orDash(fn)), longDate(l, sg.At.UTC()), ch.signingKey(r.SignatureTrust(sg, nil), sg.PublicKey), orDash(sg.Comment)})
	}
	var signed *tableLayout
	if len(rows) > 0 {
		signed = w.layoutTable([]column{{ch.t("sig.name"), 28, "L", false}, {ch.t("sig.role"), 26, "L", false}, {ch.t("sig.date"), 22, "L", false}, {ch.t("sig.key"), 27, "L", false}, {ch.t("sig.comment"), 27, "L", false}},
			rows, tableStyle{pt: 8.5, header: true, firstBold: true, zebra: true})
	}
	var pending []string
	for _, st := range states {
		if p := st.Participant; st.Status != workshop.ApproverSigned {
			fn := ""
			if p.Function != "" {
				fn = " (" + workshop.Label(l, string(p.Function)) + ")"
			}
			pending = append(pending, ref(p.Name)+fn)
		}
	}
	var declined *tableLayout
	if len(r.Declines) > 0 {
		drows := make([][]string, len(r.Declines))
		for i, d := range r.Declines {
			drows[i] = []string{ref(d.Name), longDate(l, d.At.UTC()), ch.signingKey(r.DeclineTrust(&r.Declines[i], nil), d.PublicKey), orDash(d.Reason)}
		}
		declined = w.layoutTable([]column{{ch.t("sig.name"), 28, "L", false}, {ch.t("sig.date"), 22, "L", false}, {ch.t("sig.key"), 22, "L", false}, {ch.t("sig.reason"), 58, "L", false}},
			drows, tableStyle{pt: 8.5, header: true, firstBold: true, zebra: true})
	}
	// The sign-off is kept on one page when it fits on one.
	const sealH = 3 + 27
	need := sealH + w.paragraphH(ch.t("sig.sealNote"), "I", 8, 0)
	if signed != nil {
		need += signed.height(len(signed.lines))
	} else {
		need += w.paragraphH(ch.t("sig.none"), "I", 10, 0) + 2
	}
	if len(pending) > 0 {
		need += labelH() + w.listH(pending, 9.5, 6)
	}
	if declined != nil {
		need += labelH() + declined.height(len(declined.lines))
	}
	ch.section(ch.t("sec.signatures"), need)
	if signed == nil {
		ch.none("sig.none")
		w.pdf.SetY(w.pdf.GetY() + 2)
	} else {
		w.drawTable(signed)
	}
	if len(pending) > 0 {
		ch.label(ch.t("sig.pending"))
		w.bullets(pending, 9.5)
	}
	if declined != nil {
		ch.label(ch.t("sig.declines"))
		w.drawTable(declined)
	}

	// The seal, in full, in a box.
	w.pdf.SetY(w.pdf.GetY() + 3)
	w.room(sealH)
	y := w.pdf.GetY()
	w.fill(paleNav)
	w.pdf.Rect(w.pg.left, y, w.pg.contentW(), 24, "F")
	w.fill(navy)
	if ch.draft() {
		w.fill(alarm)
	}
	w.pdf.Rect(w.pg.left, y, 1.6, 24, "F")
	w.pdf.SetXY(w.pg.left+6, y+3)
	w.font("B", 8.5)
	w.text(muted)
	w.pdf.CellFormat(w.pg.contentW()-12, lineH(8.5), sanitize(strings.ToUpper(ch.t("sig.seal"))), "", 1, "L", false, 0, "")
	w.pdf.SetX(w.pg.left + 6)
	if ch.draft() {
		w.font("B", 11)
		w.text(alarm)
		w.pdf.CellFormat(w.pg.contentW()-12, lineH(11), ch.t("sig.draft"), "", 1, "L", false, 0, "")
	} else {
		w.font("B", 9.6)
		w.text(navy)
		w.pdf.CellFormat(w.pg.contentW()-12, lineH(11), r.Seal, "", 1, "L", false, 0, "")
	}
	w.pdf.SetY(y + 27)
	w.paragraph(ch.t("sig.sealNote"), "I", 8, muted, 0)
	switch {
	case ch.draft():
	case ch.digital:
		w.pdf.SetY(w.pdf.GetY() + 1.5)
		w.paragraph(ch.t("sig.digital"), "I", 8, muted, 0)
	default:
		w.pdf.SetY(w.pdf.GetY() + 1.5)
		w.paragraph(ch.t("sig.noDigital"), "I", 8, muted, 0)
	}
}

// decorate draws, on every page once the page count is known, the running
// header (title, draft badge), the footer ("n / N") and, for a draft, a
// light diagonal watermark.
func (ch *charter) decorate() {
	mark := ""
	if ch.draft() {
		mark = ch.t("doc.draft")
	}
	left := ch.t("doc.kind") + " · " + ch.t("cover.revision") + " " + fmt.Sprint(ch.r.Number) + " · " + workshop.Label(ch.l, string(ch.r.Status))
	ch.w.decoratePages(ch.title, sanitize(left), mark)
}

// decoratePages draws on every page the running header (head, from the
// second page), the footer (foot and "page / pages") and, when mark is
// not empty, the draft badge at the top right and the diagonal watermark,
// drawn as the letters' outlines so that text extraction and screen
// readers skip it. The charter and the review pack share it.
func (w *writer) decoratePages(head, foot, mark string) {
	pdf := w.pdf
	n := pdf.PageCount()
	pdf.SetAutoPageBreak(false, 0)
	var outline *outline
	if mark != "" {
		var err error
		if outline, err = markOutline(loadFonts().bold, mark); err != nil {
			pdf.SetError(err)
			return
		}
	}
	// The running header's title, shortened once for every page.
	maxW := w.pg.contentW() - 40
	w.font("", 8)
	t := w.truncate(oneLine(head), maxW)
	for p := 1; p <= n; p++ {
		pdf.SetPage(p)
		if p > 1 {
			// Running header: the title, a hairline.
			w.font("", 8)
			w.text(muted)
			pdf.SetXY(w.pg.left, 11)
			pdf.CellFormat(maxW, 5, t, "", 0, "L", false, 0, "")
			w.draw(rule)
			pdf.SetLineWidth(0.2)
			pdf.Line(w.pg.left, 17, w.pg.w-w.pg.right, 17)
		}
		// Footer.
		w.draw(rule)
		pdf.SetLineWidth(0.2)
		pdf.Line(w.pg.left, w.pg.h-14, w.pg.w-w.pg.right, w.pg.h-14)
		w.font("", 8)
		w.text(muted)
		pdf.SetXY(w.pg.left, w.pg.h-12.5)
		pdf.CellFormat(w.pg.contentW()-30, 5, foot, "", 0, "L", false, 0, "")
		pdf.SetXY(w.pg.w-w.pg.right-30, w.pg.h-12.5)
		pdf.CellFormat(30, 5, fmt.Sprintf("%d / %d", p, n), "", 0, "R", false, 0, "")

		if mark != "" {
			// Badge at the top right.
			w.font("B", 8)
			bw := pdf.GetStringWidth(mark) + 6
			x := w.pg.w - w.pg.right - bw
			w.fill(alarm)
			pdf.RoundedRect(x, 10, bw, 6, 1.2, "1234", "F")
			w.text(white)
			pdf.SetXY(x, 10)
			pdf.CellFormat(bw, 6, mark, "", 0, "C", false, 0, "")
			// Diagonal watermark.
			if outline != nil {
				pdf.SetAlpha(0.07, "Normal")
				w.fill(alarm)
				w.watermark(outline, 96, 52)
				pdf.SetAlpha(1, "Normal")
			}
		}
	}
}

// none says, in the muted italic of empty sections, that a section has
// nothing yet.
func (ch *charter) none(key string) { ch.w.paragraph(ch.t(key), "I", 10, muted, 0) }

// docSubject is the PDF's Subject: the kind of document, the scope and the
// period, leaving out what is blank ("— — —" read like a glitch).
func docSubject(l workshop.Lang, c *workshop.Charter) string {
	var parts []string
	for _, p := range []string{c.Scope, c.Period.Label} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	switch len(parts) {
	case 2:
		return tr(l, "doc.subject", parts[0], parts[1])
	case 1:
		return tr(l, "doc.subject1", parts[0])
	}
	return tr(l, "doc.kind")
}
