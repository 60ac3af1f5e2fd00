package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"boussole/storage"
	"boussole/workshop"
)

// Create from a template on the home screen: the editor opens on the new
// session and the store holds it with the title typed.
func TestHomeCreateFromTemplate(t *testing.T) {
	env := newTestEnv(t)
	h := env.UI.home
	if h.empty.Hidden {
		t.Error("an empty store does not show the empty state")
	}
	f := h.newForm()
	if got := f.period.Text; got != "2027-Q2" {
		t.Errorf("default period = %q, want the next quarter 2027-Q2", got)
	}
	test.Type(f.title, "Sales & CS 2027")
	for i, id := range f.ids {
		if id == "sales-cycle" {
			f.template.SetSelectedIndex(i)
		}
	}
	if f.summary.Text == "" {
		t.Error("no template summary shown")
	}
	f.lang.SetSelected("French")
	f.dialog.Submit()
	env.UI.Wait()
	if env.UI.editor == nil {
		t.Fatal("the editor did not open")
	}
	list, err := env.Store.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("store list = %v, %v", list, err)
	}
	s := env.stored(t, list[0].ID)
	c := s.Current().Charter
	if c.Title != "Sales & CS 2027" || c.Lang != workshop.FR || c.Period.Label != "2027-Q2" || s.Template != "sales-cycle" {
		t.Errorf("stored %q %q %q template %q", c.Title, c.Lang, c.Period.Label, s.Template)
	}
	if len(c.Objectives) == 0 || len(c.KPIs) < 3 {
		t.Errorf("template content missing: %d objectives, %d KPIs", len(c.Objectives), len(c.KPIs))
	}
	if env.UI.editor.sess.ID != s.ID {
		t.Error("the editor shows another session")
	}
}

func seed(t *testing.T, env *testEnv, titles ...string) []string {
	var ids []string
	for i, title := range titles {
		s := newTemplateSession(t, "blank", workshop.EN)
		s.Current().Charter.Title = title
		s.Current().Charter.Period.Label = []string{"2027-Q1", "2027-Q2"}[i%2]
		if err := env.Store.Put(s); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	env.UI.home.reload()
	env.UI.Wait()
	return ids
}

// The search filters by title and by period.
func TestHomeSearch(t *testing.T) {
	env := newTestEnv(t)
	seed(t, env, "Retention push", "Pipeline ABM", "Cycle")
	h := env.UI.home
	if len(h.shown) != 3 || !h.empty.Hidden {
		t.Fatalf("shown %d, empty hidden %v", len(h.shown), h.empty.Hidden)
	}
	test.Type(h.search, "abm")
	if len(h.shown) != 1 || h.shown[0].Title != "Pipeline ABM" {
		t.Errorf("search abm shows %v", h.shown)
	}
	h.search.SetText("q2")
	if len(h.shown) != 1 || h.shown[0].Period != "2027-Q2" {
		t.Errorf("search q2 shows %v", h.shown)
	}
	h.search.SetText("nothing like this")
	if len(h.shown) != 0 || h.empty.Hidden || !strings.Contains(h.emptyText.Text, "No session matches") {
		t.Errorf("no match: shown %d, text %q", len(h.shown), h.emptyText.Text)
	}
}

// Duplicate makes a draft revision 1 copy titled "(copy)" with a new id.
func TestHomeDuplicate(t *testing.T) {
	env := newTestEnv(t)
	s := newTemplateSession(t, "net-retention", workshop.FR)
	if err := env.Store.Put(s); err != nil {
		t.Fatal(err)
	}
	h := env.UI.home
	h.reload()
	env.UI.Wait()
	h.list.Select(0)
	test.Tap(h.dupBtn)
	env.UI.Wait()
	list, _ := env.Store.List()
	if len(list) != 2 {
		t.Fatalf("%d sessions after duplicate", len(list))
	}
	var dup workshop.Summary
	for _, x := range list {
		if x.ID != s.ID {
			dup = x
		}
	}
	want := s.Current().Charter.Title + " (copie)"
	if dup.Title != want || dup.Revision != 1 || dup.Status != "draft" {
		t.Errorf("duplicate = %+v, want title %q rev 1 draft", dup, want)
	}
	got := env.stored(t, dup.ID)
	if len(got.Current().Charter.KPIs) != len(s.Current().Charter.KPIs) {
		t.Error("duplicate lost KPIs")
	}
}

// Delete asks for confirmation naming the session; cancel keeps it.
func TestHomeDeleteConfirms(t *testing.T) {
	env := newTestEnv(t)
	seed(t, env, "Keep me", "Delete me")
	h := env.UI.home
	for i, s := range h.shown {
		if s.Title == "Delete me" {
			h.list.Select(i)
		}
	}
	test.Tap(h.delBtn)
	if !strings.Contains(renderedText(env.Win), "“Delete me”") {
		t.Fatal("the confirmation does not name the session")
	}
	tapButton(t, env.Win, "Delete")
	env.UI.Wait()
	list, _ := env.Store.List()
	if len(list) != 1 || list[0].Title != "Keep me" {
		t.Fatalf("after delete: %v", list)
	}
}

// Export then import: a second copy appears (new id since the first is
// taken); a broken file is refused with its name, nothing stored changes.
func TestHomeExportImport(t *testing.T) {
	env := newTestEnv(t)
	ids := seed(t, env, "Exported")
	path := tempFile(t, "x.boussole")
	env.UI.exportTo(path, func() ([]byte, error) {
		s, err := env.Store.Get(ids[0])
		if err != nil {
			return nil, err
		}
		return storage.Export(s)
	})
	env.UI.Wait()
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `"boussole/2"`) {
		t.Fatalf("exported file: %v %q", err, data)
	}
	h := env.UI.home
	h.importFrom(path, func() ([]byte, error) { return os.ReadFile(path) })
	env.UI.Wait()
	if list, _ := env.Store.List(); len(list) != 2 {
		t.Fatalf("%d sessions after import", len(list))
	}
	bad := tempFile(t, "broken.boussole")
	os.WriteFile(bad, []byte(`{"format": "boussole/1", "session": {`), 0o600)
	h.importFrom(bad, func() ([]byte, error) { return os.ReadFile(bad) })
	env.UI.Wait()
	if list, _ := env.Store.List(); len(list) != 2 {
		t.Fatalf("%d sessions after a broken import", len(list))
	}
	if txt := renderedText(env.Win); !strings.Contains(txt, "broken.boussole") {
		t.Errorf("the import error does not name the file: %q", txt)
	}
}

func TestRelativeTime(t *testing.T) {
	now := time.Date(2027, 3, 10, 15, 0, 0, 0, time.Local)
	cases := []struct {
		t    time.Time
		want string
	}{
		{now.Add(-20 * time.Second), "just now"},
		{now.Add(-12 * time.Minute), "12 min ago"},
		{now.Add(-3 * time.Hour), "today 12:00"},
		{now.Add(-20 * time.Hour), "yesterday 19:00"},
		{time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local), "1 December 2026"},
	}
	for _, c := range cases {
		if got := relativeTime(c.t, now); got != c.want {
			t.Errorf("relativeTime(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}

func TestNextQuarter(t *testing.T) {
	for in, want := range map[time.Month]string{time.January: "2027-Q2", time.June: "2027-Q3", time.November: "2028-Q1"} {
		if got := nextQuarter(time.Date(2027, in, 5, 0, 0, 0, 0, time.UTC)); got != want {
			t.Errorf("nextQuarter(%v) = %s, want %s", in, got, want)
		}
	}
}
