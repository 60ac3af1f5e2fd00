package ui

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"boussole/workshop"
)

// importAndRead imports the file at path through the home screen and
// returns the text on screen afterwards.
func importAndRead(t *testing.T, env *testEnv, path string) string {
	t.Helper()
	env.UI.home.importFrom(path, func() ([]byte, error) { return os.ReadFile(path) })
	env.UI.Wait()
	if list, _ := env.Store.List(); len(list) != 0 {
		t.Fatalf("%d sessions stored after a refused import", len(list))
	}
	txt := renderedText(env.Win)
	env.Win.Canvas().Overlays().Top().Hide()
	env.Win.Canvas().Overlays().Remove(env.Win.Canvas().Overlays().Top())
	return txt
}

// A refused import says why in the person's language, chosen by the kind
// of error and naming the file, with the store's technical message (line
// and column) below it as detail — in French as in English.
func TestImportErrorTranslatedByKind(t *testing.T) {
	for _, lang := range []string{LangEN, LangFR} {
		t.Run(lang, func(t *testing.T) {
			t.Cleanup(func() { SetupLanguage(LangEN) })
			newTestEnv(t) // the catalogs first, then the language of this case
			SetupLanguage(lang)
			env := newTestEnv(t)

			broken := tempFile(t, "broken.boussole")
			os.WriteFile(broken, []byte("{\n  \"format\": \"boussole/1\",\n  \"id\": \"x\",,\n}"), 0o600)
			newer := tempFile(t, "newer.boussole")
			os.WriteFile(newer, []byte(`{"format": "boussole/3", "id": "x"}`), 0o600)
			missing := tempFile(t, "gone.boussole")

			want := map[string][2][]string{
				LangEN: {
					{"Import failed", "“broken.boussole” cannot be read by this version of Boussole", "Technical detail: not valid JSON at line 3, column 13"},
					{"“newer.boussole” cannot be read by this version of Boussole", "Technical detail: format \"boussole/3\" needs a newer Boussole"},
				},
				LangFR: {
					{"Échec de l’import", "«\u00a0broken.boussole\u00a0» ne peut pas être lu par cette version de Boussole", "Détail technique\u00a0: not valid JSON at line 3, column 13"},
					{"«\u00a0newer.boussole\u00a0» ne peut pas être lu par cette version de Boussole", "Détail technique\u00a0: format \"boussole/3\""},
				},
			}[lang]
			for i, path := range []string{broken, newer} {
				txt := importAndRead(t, env, path)
				for _, w := range want[i] {
					if !strings.Contains(txt, w) {
						t.Errorf("importing %s: screen lacks %q:\n%s", path, w, txt)
					}
				}
				if lang == LangFR && strings.Contains(txt, "cannot be read by") {
					t.Errorf("English sentence in the French interface:\n%s", txt)
				}
			}
			txt := importAndRead(t, env, missing)
			if w := tr("import.notfound", "File", "gone.boussole"); !strings.Contains(txt, w) {
				t.Errorf("missing file: screen lacks %q:\n%s", w, txt)
			}
		})
	}
}

// Each kind of import failure has its own sentence naming the file.
func TestImportProblemByKind(t *testing.T) {
	newTestEnv(t)
	for _, c := range []struct {
		err  error
		want string
	}{
		{workshop.Errorf(workshop.KindInvalid, "not valid JSON at line 1, column 2"), "“f.boussole” cannot be read by this version of Boussole"},
		{workshop.Errorf(workshop.KindTooNew, "needs a newer Boussole"), "“f.boussole” was written by a newer version of Boussole"},
		{workshop.Errorf(workshop.KindForbidden, "read-only"), "The data is open read-only, so “f.boussole” cannot be added"},
		{fmt.Errorf("open f.boussole: %w", fs.ErrPermission), "Boussole is not allowed to read “f.boussole”"},
		{workshop.Errorf(workshop.KindInternal, "disk full"), "“f.boussole” could not be imported. Nothing was changed."},
	} {
		if got := importProblem("f.boussole", c.err); !strings.HasPrefix(got, c.want) {
			t.Errorf("importProblem(%v) = %q, want %q…", c.err, got, c.want)
		}
	}
}
