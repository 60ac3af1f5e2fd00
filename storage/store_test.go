package storage

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

func TestRichSessionSetsEveryField(t *testing.T) {
	// The round-trip tests compare whole values; a field left zero in the
	// fixture could be dropped by the mapping unnoticed.
	if unset := unsetFields(richSession("x")); len(unset) > 0 {
		slices.Sort(unset)
		t.Fatalf("richSession leaves these fields zero everywhere (set them, and map them in records.go if new): %v", unset)
	}
}

func TestPutGet_RoundTripFullSession(t *testing.T) {
	s := openTest(t)
	in := richSession("0123456789abcdef")
	if err := s.Put(in); err != nil {
		t.Fatal(err)
	}
	out, err := s.Get(in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip differs:\n in: %+v\nout: %+v", in, out)
	}
	if got, want := workshop.Seal(&out.Revisions[0].Charter), in.Revisions[0].Seal; got != want {
		t.Fatalf("seal after round trip = %s, want %s", got, want)
	}
	if out.Revisions[1].Charter.Participants[0].Name != "Łukasz Żółw" {
		t.Fatalf("accented name = %q", out.Revisions[1].Charter.Participants[0].Name)
	}
}

func TestPut_ReplacesAndSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	a := richSession("aaaa")
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	a.Revisions[1].Charter.Title = "Nouveau titre"
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	s = openAt(t, dir, Options{Now: fixedNow})
	got, err := s.Get("aaaa")
	if err != nil {
		t.Fatal(err)
	}
	if got.Current().Charter.Title != "Nouveau titre" {
		t.Fatalf("title = %q", got.Current().Charter.Title)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	// The title changed under revision 2's signature, which no longer
	// stands: the list says draft, as the approver state does.
	if len(list) != 1 || list[0].Title != "Nouveau titre" || list[0].Revision != 2 || list[0].Status != "draft" {
		t.Fatalf("list = %+v", list)
	}
}

func TestList_NewestFirstFromSummaries(t *testing.T) {
	s := openTest(t)
	for i, id := range []string{"old", "new", "mid"} {
		sess := richSession(id)
		sess.Updated = day.Add(time.Duration([]int{1, 3, 2}[i]) * time.Hour)
		sess.Revisions = sess.Revisions[:1]
		sess.Revisions[0].Charter.Title = "T-" + id
		if err := s.Put(sess); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, x := range list {
		ids = append(ids, x.ID)
	}
	if !slices.Equal(ids, []string{"new", "mid", "old"}) {
		t.Fatalf("order = %v", ids)
	}
	want := workshop.Summary{ID: "new", Title: "T-new", Period: "2027-Q1", Lang: workshop.FR, Status: "signed", Revision: 1, Updated: day.Add(3 * time.Hour)}
	if !reflect.DeepEqual(list[0], want) {
		t.Fatalf("summary = %+v, want %+v", list[0], want)
	}
}

func TestGet_NotFoundNamesTheID(t *testing.T) {
	s := openTest(t)
	_, err := s.Get("nope42")
	wantKind(t, err, workshop.KindNotFound)
	if !strings.Contains(workshop.Message(err), "nope42") {
		t.Fatalf("message %q does not name the id", workshop.Message(err))
	}
}

func TestPut_RejectsEmptyID(t *testing.T) {
	s := openTest(t)
	sess := richSession("")
	wantKind(t, s.Put(sess), workshop.KindInvalid)
	list, _ := s.List()
	if len(list) != 0 {
		t.Fatalf("list after refused put = %v", list)
	}
}

func TestDelete_RemovesSessionAndSummary(t *testing.T) {
	s := openTest(t)
	for _, id := range []string{"a", "b"} {
		if err := s.Put(richSession(id)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete("a"); err != nil {
		t.Fatal(err)
	}
	wantKind(t, s.Delete("a"), workshop.KindNotFound)
	_, err := s.Get("a")
	wantKind(t, err, workshop.KindNotFound)
	list, _ := s.List()
	if len(list) != 1 || list[0].ID != "b" {
		t.Fatalf("list = %+v", list)
	}
}

func TestOpen_FileModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "boussole")
	s := openAt(t, dir, Options{Now: fixedNow})
	if s.Dir() != dir || s.Path() != filepath.Join(dir, FileName) {
		t.Fatalf("Dir/Path = %s %s", s.Dir(), s.Path())
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s mode = %o, want %o", path, got, want)
		}
	}
}

func TestOpen_CreatesBucketsAndStampsVersion(t *testing.T) {
	s := openTest(t)
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketSessions, bucketSummaries} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		if v := string(tx.Bucket(bucketMeta).Get(keyVersion)); v != strconv.Itoa(currentVersion()) {
			t.Errorf("version = %q", v)
		}
		if c := string(tx.Bucket(bucketMeta).Get(keyCreated)); c != "2027-01-11T09:30:00Z" {
			t.Errorf("created = %q", c)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpen_ReadOnlyRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	if err := s.Put(richSession("ro")); err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	before := fileSum(t, filepath.Join(dir, FileName))
	r, err := Open(dir, Options{ReadOnly: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Get("ro"); err != nil {
		t.Fatal(err)
	}
	wantKind(t, r.Put(richSession("other")), workshop.KindForbidden)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if after := fileSum(t, filepath.Join(dir, FileName)); after != before {
		t.Fatal("read-only open changed the file")
	}
	// No store yet: reading finds nothing and creates nothing.
	missing := filepath.Join(dir, "missing")
	e, err := Open(missing, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if list, err := e.List(); err != nil || len(list) != 0 {
		t.Fatalf("empty read-only list = %v, %v", list, err)
	}
	_, err = e.Get("x")
	wantKind(t, err, workshop.KindNotFound)
	wantKind(t, e.Put(richSession("x")), workshop.KindForbidden)
	if err := e.Check(); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("read-only open created %s", missing)
	}
}
