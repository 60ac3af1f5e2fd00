package ui

import (
	"os"
	"strings"
	"testing"

	"boussole/storage"
)

// TestImportAndOpenDoubleClickedFile_Issue14_1: a .boussole file the
// desktop hands to Boussole (double-click: Exec=boussole %f) is imported
// and opened in the editor, even from inside another session; a broken one
// is refused naming the file, and nothing is stored.
func TestImportAndOpenDoubleClickedFile_Issue14_1(t *testing.T) {
	env := newTestEnv(t)
	ids := seed(t, env, "Plan Q3 équipe")
	s, err := env.Store.Get(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	data, err := storage.Export(s)
	if err != nil {
		t.Fatal(err)
	}
	path := tempFile(t, "Zoë Martin's plan.boussole")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	env.UI.openSession(ids[0])
	env.UI.Wait()
	env.UI.ImportAndOpen(path, func() ([]byte, error) { return os.ReadFile(path) })
	env.UI.Wait()
	list, _ := env.Store.List()
	if len(list) != 2 {
		t.Fatalf("%d sessions after the import, want 2", len(list))
	}
	if env.UI.editor == nil || env.UI.editor.sess.ID == ids[0] || env.UI.editor.sess.Current().Charter.Title != "Plan Q3 équipe" {
		t.Fatalf("the editor does not show the imported copy: %+v", env.UI.editor)
	}

	bad := tempFile(t, "broken.boussole")
	os.WriteFile(bad, []byte(`{"format": "boussole/1", "session": {`), 0o600)
	env.UI.ImportAndOpen(bad, func() ([]byte, error) { return os.ReadFile(bad) })
	env.UI.Wait()
	if list, _ := env.Store.List(); len(list) != 2 {
		t.Fatalf("%d sessions after a broken import", len(list))
	}
	if env.UI.editor != nil {
		t.Error("a refused file left an editor open; the list should show")
	}
	if txt := renderedText(env.Win); !strings.Contains(txt, "broken.boussole") {
		t.Errorf("the import error does not name the file: %q", txt)
	}
}
