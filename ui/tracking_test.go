package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"boussole/chart"
	"boussole/workshop"
)

// signedTemplate is a template charter signed by its approvers.
func signedTemplate(t testing.TB, id string, l workshop.Lang) *workshop.Session {
	t.Helper()
	s := newTemplateSession(t, id, l)
	for _, p := range workshop.Approvers(&s.Current().Charter) {
		if err := s.Sign(p.Name, "", time.Date(2027, 1, 10, 10, 0, 0, 0, time.UTC), testSigner); err != nil {
			t.Fatal(err)
		}
	}
	if !s.Current().Frozen() {
		t.Fatal("not signed")
	}
	return s
}

// badgeText is the word of the status badge in c.
func badgeText(c *fyne.Container) string {
	var out string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			out += x.Text
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(c)
	return out
}

func (env *testEnv) openTracking(t *testing.T, s *workshop.Session) *trackingView {
	t.Helper()
	if err := env.Store.Put(s); err != nil {
		t.Fatal(err)
	}
	env.UI.showTracking(s.ID)
	env.UI.Wait()
	if env.UI.tracking == nil {
		t.Fatal("the Tracking view did not open")
	}
	return env.UI.tracking
}

// TestTracking_EnterSavesAndMovesOn_Issue13_2: a value typed then Enter is
// stored (the session record untouched), the KPI's status changes and the
// next KPI's field takes the focus; a value that does not read is refused
// where it was typed, the store unchanged and the text kept.
func TestTracking_EnterSavesAndMovesOn_Issue13_2(t *testing.T) {
	env := newTestEnv(t)
	s := signedTemplate(t, "net-retention", workshop.EN)
	v := env.openTracking(t, s)
	row := v.rows[0] // NRR: 102 % → 110 %, alert 105 %
	if got := badgeText(row.status); got != "No data" {
		t.Fatalf("status before any check-in %q", got)
	}
	if env.Win.Canvas().Focused() != row.value {
		t.Fatal("the first KPI's field has not the focus")
	}
	v.date.SetText("2027-01-11")
	test.Type(row.value, "103 %")
	row.value.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	env.UI.Wait()
	stored := env.stored(t, s.ID)
	if len(stored.CheckIns) != 1 || stored.CheckIns[0].Value != "103 %" || stored.CheckIns[0].Date != "2027-01-11" || stored.CheckIns[0].KPIID != row.kpi.ID {
		t.Fatalf("stored %+v", stored.CheckIns)
	}
	if got := badgeText(row.status); got != "Alert" { // 103 % < alert 105 %
		t.Fatalf("status after the check-in %q, want Alert", got)
	}
	if row.value.Text != "" || env.Win.Canvas().Focused() != v.rows[1].value {
		t.Fatal("Enter did not clear the field and move to the next KPI")
	}
	// "103 %" typed in an English charter reads "103%"; a KPI without a
	// check-in reads a dash, not "—%".
	if txt := renderedText(env.Win); !strings.Contains(txt, "Current 103%") || strings.Contains(txt, "—%") {
		t.Errorf("the dashboard does not show the current values as expected:\n%s", txt)
	}

	// A value that does not read: refused in place, nothing stored.
	next := v.rows[1]
	test.Type(next.value, "lots")
	next.value.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	env.UI.Wait()
	if !next.err.Visible() || !strings.Contains(next.err.Text, `"lots"`) || next.value.Text != "lots" {
		t.Fatalf("bad value: error %q (visible %v), field %q", next.err.Text, next.err.Visible(), next.value.Text)
	}
	if n := len(env.stored(t, s.ID).CheckIns); n != 1 {
		t.Fatalf("%d check-ins stored after a refused value", n)
	}
}

// TestTracking_ImportPreviewNamesBadLines_Issue13_2: the preview of a bad
// file names each bad line and stores nothing; a good one stores all.
func TestTracking_ImportPreviewNamesBadLines_Issue13_2(t *testing.T) {
	env := newTestEnv(t)
	s := signedTemplate(t, "net-retention", workshop.EN)
	v := env.openTracking(t, s)
	bad := v.previewImport("bad.csv", []byte("KPI,Date,Value\nkpi-nrr,2027-01-31,104\nkpi-nrr,2027-02-30,104\nChurn,2027-01-31,3\n"))
	if !strings.Contains(bad.summary.Text, "2 bad lines.") || !strings.Contains(bad.lines.Text, "Line 3: KPI") || !strings.Contains(bad.lines.Text, `Line 4: KPI "Churn"`) {
		t.Fatalf("preview: %q\n%s", bad.summary.Text, bad.lines.Text)
	}
	bad.dialog.Confirm()
	env.UI.Wait()
	if n := len(env.stored(t, s.ID).CheckIns); n != 0 {
		t.Fatalf("a bad file stored %d check-ins", n)
	}
	good := v.previewImport("good.csv", []byte("\ufeffKPI;Date;Valeur\nkpi-nrr;31/01/2027;104,5\nkpi-nps;31/01/2027;33\n"))
	if !strings.Contains(good.summary.Text, "2 check-ins to add") {
		t.Fatalf("preview: %q", good.summary.Text)
	}
	good.dialog.Confirm()
	env.UI.Wait()
	if cis := env.stored(t, s.ID).CheckIns; len(cis) != 2 || cis[0].Value != "104.5" {
		t.Fatalf("stored %+v", cis)
	}
}

// TestHome_NeedsAttentionSort_Issue13_4: the home list shows each signed
// charter's status and overdue count; one click puts the one in alert first.
func TestHome_NeedsAttentionSort_Issue13_4(t *testing.T) {
	env := newTestEnv(t)
	env.Now = time.Date(2027, 2, 15, 10, 0, 0, 0, time.UTC)
	calm := signedTemplate(t, "net-retention", workshop.EN)
	calm.Updated = env.Now.Add(-time.Minute) // listed first by date
	alarm := signedTemplate(t, "net-retention", workshop.EN)
	alarm.ID = workshop.NewID()
	alarm.Updated = env.Now.Add(-time.Hour)
	draft := newTemplateSession(t, "sales-cycle", workshop.EN)
	draft.Updated = env.Now
	for _, s := range []*workshop.Session{calm, alarm, draft} {
		if err := env.Store.Put(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range calm.Current().Charter.KPIs {
		ci, err := calm.NewCheckIn(workshop.CheckInInput{KPI: k.ID, Value: k.Target, Date: "2027-02-14"}, env.Now)
		if err != nil {
			t.Fatal(err)
		}
		if err := env.Store.AddCheckIns(calm.ID, []workshop.CheckIn{ci}); err != nil {
			t.Fatal(err)
		}
	}
	ci, _ := alarm.NewCheckIn(workshop.CheckInInput{KPI: "kpi-nrr", Value: "100 %", Date: "2027-02-14"}, env.Now)
	if err := env.Store.AddCheckIns(alarm.ID, []workshop.CheckIn{ci}); err != nil {
		t.Fatal(err)
	}
	h := env.UI.home
	h.reload()
	env.UI.Wait()
	if h.shown[0].ID != draft.ID {
		t.Fatalf("newest first: %s", h.shown[0].Title)
	}
	if a := h.attention[alarm.ID]; a.Status != workshop.StatusAlert || a.Overdue == 0 {
		t.Fatalf("alarm attention %+v", a)
	}
	test.Tap(h.byAttention)
	if h.shown[0].ID != alarm.ID || h.shown[2].ID != draft.ID {
		t.Fatalf("needs attention first: %s, %s, %s", h.shown[0].ID, h.shown[1].ID, h.shown[2].ID)
	}
	text := renderedText(env.Win)
	if !strings.Contains(text, "Alert") || !strings.Contains(text, "overdue") {
		t.Errorf("the home list does not show the status and overdue count:\n%s", text)
	}
}

// TestTrendChart_WindowDrawsTheModel_Issue13_6: the window's chart is the
// model's shapes: the series' segments join the model's points.
func TestTrendChart_WindowDrawsTheModel_Issue13_6(t *testing.T) {
	s := signedTemplate(t, "net-retention", workshop.EN)
	c := &s.Current().Charter
	s.CheckIns = []workshop.CheckIn{{ID: "1", KPIID: "kpi-nrr", Date: "2027-01-15", Value: "103"}, {ID: "2", KPIID: "kpi-nrr", Date: "2027-02-15", Value: "106"}}
	asOf := time.Date(2027, 2, 20, 0, 0, 0, 0, time.UTC)
	tr := chart.Of(c, workshop.TrackKPI(c, c.KPIs[0], s.CheckIns, asOf), asOf)
	lt := tr.Place(400, 160, 10)
	objs := chartObjects(lt)
	var series []chart.Pt
	for _, sh := range lt.Shapes {
		if sh.Kind == chart.Polyline {
			series = sh.P
		}
	}
	found := false
	for _, o := range objs {
		if l, ok := o.(*canvas.Line); ok && l.StrokeColor == chartSeriesColour {
			if l.Position1 == fyne.NewPos(float32(series[0].X), float32(series[0].Y)) && l.Position2 == fyne.NewPos(float32(series[1].X), float32(series[1].Y)) {
				found = true
			}
		}
	}
	if len(series) != 2 || !found {
		t.Fatalf("the window does not draw the model's series %v", series)
	}
}

// BenchmarkDashboard_Issue13: the Tracking view of a charter with 5 KPIs ×
// about 800 check-ins each, built headless (issue 13: < 50 ms).
func BenchmarkDashboard_Issue13(b *testing.B) {
	env := newTestEnv(b)
	s := signedTemplate(b, "sales-cycle", workshop.EN)
	c := &s.Current().Charter
	c.KPIs = c.KPIs[:5]
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	for _, k := range c.KPIs {
		for i := range 800 {
			s.CheckIns = append(s.CheckIns, workshop.CheckIn{ID: workshop.NewID(), KPIID: k.ID, Date: workshop.DateOf(start.AddDate(0, 0, i*11/8)),
				Value: workshop.FormatNumber(40+float64(i%37), workshop.EN), NoConfidence: true})
		}
	}
	env.Now = time.Date(2027, 3, 31, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		v := newTrackingView(env.UI, s)
		w := test.NewWindow(v.build())
		w.Resize(fyne.NewSize(1280, 800))
		w.Close()
	}
}

// TestTracking_ProjectorShowsADashboard_Issue13_3: the projector window
// shows one objective's dashboard; Page Down moves to the next one.
func TestTracking_ProjectorShowsADashboard_Issue13_3(t *testing.T) {
	env := newTestEnv(t)
	s := signedTemplate(t, "net-retention", workshop.EN)
	v := env.openTracking(t, s)
	p := v.project()
	defer p.win.Close()
	n := len(s.Current().Charter.Objectives)
	if !strings.HasSuffix(p.head.Text, "1/"+itoa(n)) {
		t.Fatalf("projector head %q", p.head.Text)
	}
	first := s.Current().Charter.Objectives[0].Title
	if !strings.Contains(renderedText(p.win), first) {
		t.Fatalf("the projector does not show %q", first)
	}
	p.onKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if !strings.HasSuffix(p.head.Text, "2/"+itoa(n)) || !strings.Contains(renderedText(p.win), s.Current().Charter.Objectives[1].Title) {
		t.Fatalf("Page Down: head %q", p.head.Text)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
