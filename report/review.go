package report

import (
	"fmt"
	"strings"
	"time"

	"boussole/chart"
	"boussole/workshop"
)

// The review pack (PRODUCT.md §5, issue 13 item 5): for a ritual as of a
// day, a cover, the status table of objectives and KPIs, one vector trend
// chart per KPI, the check-in notes and decisions since the ritual's
// previous occurrence, its agenda and room for this review's decisions.
// Same fonts, language, DRAFT marking and reproducibility as the charter:
// the bytes depend only on the session and the as-of day.

// ReviewOptions tunes the review pack.
type ReviewOptions struct {
	Paper  string    // "A4" (default) or "Letter"
	AsOf   time.Time // the day of the review
	Ritual string    // the ritual's id, name, kind or cadence; empty: the first
	// Version is the Boussole version the Creator names (PDFOptions.Version).
	Version string
}

// reviewText is the review pack's own words, French then English.
var reviewText = map[string][2]string{
	"kind":        {"Dossier de revue", "Review pack"},
	"subject":     {"Dossier de revue — %s — %s", "Review pack — %s — %s"},
	"asOf":        {"Au", "As of"},
	"since":       {"Depuis", "Since"},
	"ritual":      {"Rituel", "Ritual"},
	"noRitual":    {"Revue (la charte n’a pas de rituel)", "Review (the charter has no ritual)"},
	"charter":     {"Charte", "Charter"},
	"attendees":   {"Participants", "Attendees"},
	"rehearsal":   {"Brouillon : la charte n’est pas signée ; ce dossier sert de répétition.", "Draft: the charter is not signed; this pack is a rehearsal."},
	"glance":      {"En bref", "At a glance"},
	"sec.status":  {"Statut des objectifs et des KPI", "Status of objectives and KPIs"},
	"sec.trends":  {"Tendances", "Trends"},
	"sec.notes":   {"Notes des points d’avancement depuis le %s", "Check-in notes since %s"},
	"sec.dec":     {"Décisions depuis le %s", "Decisions since %s"},
	"sec.agenda":  {"Ordre du jour", "Agenda"},
	"sec.record":  {"Décisions de cette revue", "Decisions of this review"},
	"col.obj":     {"Objectif", "Objective"},
	"col.status":  {"Statut", "Status"},
	"col.current": {"Valeur", "Current"},
	"col.prog":    {"Progrès", "Progress"},
	"col.next":    {"Prochain", "Next due"},
	"col.value":   {"Valeur", "Value"},
	"col.conf":    {"Conf.", "Conf."},
	"col.note":    {"Note", "Note"},
	"col.who":     {"Qui", "Who"},
	"col.due":     {"Échéance", "Due"},
	"col.type":    {"Type", "Type"},
	"overdue":     {"%s — en retard", "%s — overdue"},
	"pilot":       {"Pilote : %s", "Pilot: %s"},
	"contrib":     {"Contributeurs : %s", "Contributors: %s"},
	"objStatus":   {"Statut de l’objectif : %s", "Objective status: %s"},
	"kpiLine":     {"%s · valeur %s · départ %s · alerte %s · cible %s", "%s · current %s · baseline %s · alert %s · target %s"},
	"noNotes":     {"Aucune note depuis la dernière revue.", "No note since the previous review."},
	"noDec":       {"Aucune décision depuis la dernière revue.", "No decision since the previous review."},
	"noAgenda":    {"Aucun ordre du jour.", "No agenda."},
	"noObj":       {"Aucun objectif.", "No objective."},
	"record.note": {"À remplir pendant la revue, puis à saisir dans le journal des décisions.", "To fill in during the review, then enter in the decision log."},
	"count":       {"%d KPI : %s", "%d KPIs: %s"},
}

func rtr(l workshop.Lang, key string, args ...any) string { return text(reviewText, l, key, args...) }

// ReviewPDF renders the review pack of session s (its tracked revision:
// the latest signed one, else the draft, marked DRAFT).
func ReviewPDF(s *workshop.Session, opt ReviewOptions) ([]byte, error) {
	paper, err := PDFOptions{Paper: opt.Paper}.paper()
	if err != nil {
		return nil, err
	}
	rv, err := s.ReviewOf(opt.Ritual, opt.AsOf)
	if err != nil {
		return nil, err
	}
	fs := loadFonts()
	if fs.err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, fs.err, "the PDF font cannot be read")
	}
	r := rv.Revision
	c := &r.Charter
	l := c.Lang
	if !l.Valid() {
		l = workshop.EN
	}
	creator, err := PDFOptions{Version: opt.Version}.creator()
	if err != nil {
		return nil, err
	}
	ritualID := "none"
	if rv.Ritual != nil {
		ritualID = rv.Ritual.ID
	}
	title := sanitize(orDash(c.Title))
	w := newDocument(paper, l, rv.AsOf, fs, docInfo{
		title:    rtr(l, "kind") + " — " + title,
		author:   c.Facilitator,
		subject:  rtr(l, "subject", ritualName(l, rv.Ritual), longDate(l, rv.AsOf)),
		creator:  creator,
		keywords: fmt.Sprintf("boussole-review:v1 session=%s revision=%d asof=%s ritual=%s", s.ID, r.Number, workshop.DateOf(rv.AsOf), ref(ritualID)),
	})
	ch := &charter{w: w, l: l, s: s, r: r, c: c, title: title}
	ch.index()
	p := &reviewPack{charter: ch, rv: rv}
	p.cover()
	p.status()
	p.trends()
	p.notes()
	p.decisions()
	p.agenda()
	p.record()
	p.decorate()
	return w.output("the review pack")
}

type reviewPack struct {
	*charter
	rv *workshop.Review
}

func (p *reviewPack) rt(key string, args ...any) string { return rtr(p.l, key, args...) }

func ritualName(l workshop.Lang, r *workshop.Ritual) string {
	switch {
	case r == nil:
		return rtr(l, "noRitual")
	case strings.TrimSpace(r.Name) != "":
		return r.Name
	}
	return workshop.Label(l, string(r.Kind))
}

func (p *reviewPack) cover() {
	w, l, rv := p.w, p.l, p.rv
	pdf := w.pdf
	pdf.AddPage()
	pdf.SetY(36)
	w.font("B", 10)
	w.text(muted)
	pdf.CellFormat(w.pg.contentW(), 6, sanitize(strings.ToUpper(p.rt("kind"))), "", 1, "L", false, 0, "")
	pdf.SetY(pdf.GetY() + 2)
	w.paragraph(sanitize(ritualName(l, rv.Ritual)), "B", 24, navy, 0)
	pdf.SetY(pdf.GetY() + 1)
	w.paragraph(p.title, "", 13, ink, 0)
	pdf.SetY(pdf.GetY() + 6)
	fields := [][2]string{
		{p.rt("asOf"), longDate(l, rv.AsOf)},
		{p.rt("since"), longDate(l, rv.Since)},
	}
	if rv.Ritual != nil {
		fields = append(fields, [2]string{p.rt("ritual"), ritualWhen(l, *rv.Ritual)})
	}
	var who []string
	for _, a := range rv.Attendees {
		who = append(who, ref(a.Name))
	}
	fields = append(fields,
		[2]string{p.rt("attendees"), listJoin(l, who)},
		[2]string{p.t("cover.period"), p.c.Period.Label},
		[2]string{p.t("cover.revision"), fmt.Sprintf("%d · %s", p.r.Number, workshop.Label(l, string(p.r.Status)))},
	)
	if p.r.Status == workshop.StatusSigned {
		fields = append(fields, [2]string{p.t("sig.seal"), p.r.Seal})
	}
	p.fields(fields)
	if p.draft() {
		pdf.SetY(pdf.GetY() + 3)
		w.paragraph(p.rt("rehearsal"), "B", 10, alarm, 0)
	}
	// At a glance: how many KPIs per status, worst first.
	count := map[workshop.KPIStatus]int{}
	n := 0
	for _, k := range p.c.KPIs {
		for _, o := range rv.Dashboard {
			found := false
			for _, t := range o.KPIs {
				if t.KPI.ID == k.ID {
					count[t.Report.Status]++
					n++
					found = true
					break
				}
			}
			if found {
				break
			}
		}
	}
	var parts []string
	for i := len(workshop.KPIStatuses) - 1; i >= 0; i-- {
		st := workshop.KPIStatuses[i]
		if count[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[st], strings.ToLower(workshop.Label(l, string(st)))))
		}
	}
	pdf.SetY(pdf.GetY() + 6)
	p.label(p.rt("glance"))
	w.paragraph(p.rt("count", n, strings.Join(parts, ", ")), "", 11, ink, 0)
	for _, o := range rv.Dashboard {
		w.paragraph(sanitize(ref(o.Objective.Title))+" — "+workshop.Label(l, string(o.Status)), "", 10, statusColour(o.Status), 0)
	}
}

// statusColour is a status's colour in the PDF (always beside its word).
func statusColour(s workshop.KPIStatus) rgb {
	switch s {
	case workshop.StatusAlert:
		return alarm
	case workshop.StatusAtRisk:
		return rgb{0x9A, 0x5B, 0x00}
	case workshop.StatusAchieved, workshop.StatusOnTrack:
		return chartTarget
	}
	return muted
}

func (p *reviewPack) status() {
	l := p.l
	p.newSection(p.rt("sec.status"), true)
	if len(p.rv.Dashboard) == 0 {
		p.w.paragraph(p.rt("noObj"), "I", 10, muted, 0)
		return
	}
	var rows [][]string
	for _, o := range p.rv.Dashboard {
		rows = append(rows, []string{ref(o.Objective.Title), workshop.Label(l, string(o.Status)), "", "", "", "", "", ""})
		for _, t := range o.KPIs {
			cur := "—"
			if t.Report.Last != nil {
				cur = t.Report.Last.Value
			}
			prog := "—"
			if t.Report.HasProgress && t.KPI.TargetType.Linear() {
				prog = workshop.FormatNumber(float64(int(t.Report.Progress*100+0.5)), l) + nbsp + "%"
			}
			next := "—"
			if t.NextDue != "" {
				next = shortDate(l, t.NextDue)
				if t.Overdue {
					next = p.rt("overdue", next)
				}
			}
			rows = append(rows, []string{"   " + ref(t.KPI.Name), workshop.Label(l, string(t.Report.Status)), cur,
				orDash(t.KPI.Baseline), orDash(t.KPI.Alert), orDash(t.KPI.Target), prog, next})
		}
	}
	p.w.drawTable(p.w.layoutTable([]column{{p.rt("col.obj"), 34, "L", false}, {p.rt("col.status"), 14, "L", false}, {p.rt("col.current"), 10, "R", true},
		{p.t("kpi.baseline"), 9, "R", true}, {p.t("kpi.alert"), 9, "R", true}, {p.t("kpi.target"), 9, "R", true},
		{p.rt("col.prog"), 8, "R", true}, {p.rt("col.next"), 14, "L", false}}, rows, tableStyle{pt: 8, header: true, zebra: true}))
}

func (p *reviewPack) trends() {
	w, l := p.w, p.l
	p.newSection(p.rt("sec.trends"), true)
	for _, o := range p.rv.Dashboard {
		p.subsection(o.Objective.Title, lineH(8.5)+lineH(10)+lineH(8.5)+62)
		var contrib []string
		for _, c := range o.Contributors {
			contrib = append(contrib, ref(c.Name))
		}
		pilot := "—"
		if o.Pilot != nil {
			pilot = ref(o.Pilot.Name)
		}
		w.paragraph(p.rt("pilot", pilot)+" · "+p.rt("contrib", orDash(listJoin(l, contrib)))+" · "+p.rt("objStatus", workshop.Label(l, string(o.Status))), "", 8.5, muted, 0)
		for _, t := range o.KPIs {
			const chartH = 58.0
			w.room(lineH(10) + lineH(8.5) + chartH + 4)
			w.paragraph(ref(t.KPI.Name)+" — "+workshop.Label(l, string(t.Report.Status)), "B", 10, statusColour(t.Report.Status), 0)
			cur := "—"
			if t.Report.Last != nil {
				cur = t.Report.Last.Value
			}
			line := p.rt("kpiLine", workshop.Label(l, string(t.KPI.TargetType)), orDash(cur), orDash(t.KPI.Baseline), orDash(t.KPI.Alert), orDash(t.KPI.Target))
			if t.NextDue != "" {
				next := shortDate(l, t.NextDue)
				if t.Overdue {
					next = p.rt("overdue", next)
				}
				line += " · " + p.rt("col.next") + workshop.Colon(l) + next
			}
			w.paragraph(line, "", 8.5, muted, 0)
			tr := chart.Of(p.c, t, p.rv.AsOf)
			lt := tr.Place(w.pg.contentW(), chartH, 2.5)
			y := w.pdf.GetY() + 1
			w.chart(lt, w.pg.left, y)
			w.pdf.SetY(y + chartH + 3)
		}
	}
}

func (p *reviewPack) notes() {
	l := p.l
	p.newSection(p.rt("sec.notes", longDate(l, p.rv.Since)), true)
	if len(p.rv.Notes) == 0 {
		p.w.paragraph(p.rt("noNotes"), "I", 10, muted, 0)
		return
	}
	rows := make([][]string, len(p.rv.Notes))
	for i, ci := range p.rv.Notes {
		conf := "—"
		if !ci.NoConfidence {
			conf = fmt.Sprintf("%d/10", ci.Confidence)
		}
		rows[i] = []string{shortDate(l, ci.Date), p.linkName(ci.KPIID), ci.Value, conf, ci.Note, orDash(ref(ci.Author))}
	}
	p.w.drawTable(p.w.layoutTable([]column{{p.t("log.date"), 12, "L", true}, {p.t("kpi.name"), 20, "L", false}, {p.rt("col.value"), 10, "R", true},
		{p.rt("col.conf"), 7, "R", true}, {p.rt("col.note"), 40, "L", false}, {p.t("log.author"), 15, "L", false}}, rows, tableStyle{pt: 8, header: true, zebra: true}))
}

func (p *reviewPack) decisions() {
	p.newSection(p.rt("sec.dec", longDate(p.l, p.rv.Since)), false)
	if len(p.rv.Decisions) == 0 {
		p.w.paragraph(p.rt("noDec"), "I", 10, muted, 0)
		return
	}
	p.w.drawTable(p.decisionTable(p.rv.Decisions))
}

func (p *reviewPack) agenda() {
	p.newSection(p.rt("sec.agenda"), false)
	if p.rv.Ritual == nil {
		p.w.paragraph(p.rt("noAgenda"), "I", 10, muted, 0)
		return
	}
	p.w.numbered(p.rv.Ritual.AgendaOrDefault(p.named, p.l), 9.5)
}

// record leaves ruled room for the decisions taken during the review.
func (p *reviewPack) record() {
	w := p.w
	p.newSection(p.rt("sec.record"), false)
	w.paragraph(p.rt("record.note"), "I", 9, muted, 0)
	rows := make([][]string, 8)
	for i := range rows {
		rows[i] = []string{"\n", "", "", ""}
	}
	w.drawTable(w.layoutTable([]column{{p.rt("col.type"), 14, "L", false}, {p.rt("col.note"), 60, "L", false}, {p.rt("col.who"), 18, "L", false},
		{p.rt("col.due"), 14, "L", false}}, rows, tableStyle{pt: 10, header: true}))
}

// decorate draws the running header, the footer and, for a charter not
// signed yet, the DRAFT badge and watermark, as the charter does.
func (p *reviewPack) decorate() {
	w := p.w
	mark := ""
	if p.draft() {
		mark = p.t("doc.draft")
	}
	w.font("", 8)
	left := sanitize(ritualName(p.l, p.rv.Ritual)) + " · " + p.rt("asOf") + " " + longDate(p.l, p.rv.AsOf)
	w.decoratePages(p.rt("kind")+" · "+p.title, w.truncate(left, w.pg.contentW()-32), mark)
}

// newSection starts a section of the review pack, on a page of its own
// when newPage says so (the status, the trends and the notes each open
// one), else where the previous one ended.
func (p *reviewPack) newSection(title string, newPage bool) {
	if newPage && p.w.pdf.GetY() > p.w.pg.top+0.01 {
		p.w.pdf.AddPage()
	}
	p.section(title, lineH(10)*2)
}
