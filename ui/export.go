package ui

import (
	"errors"
	"io"
	"io/fs"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"boussole/workshop"
)

// Import, export and the files the review step writes. Renders and writes
// run off the UI goroutine; the file is written atomically to the chosen
// path (Fyne's save dialog truncates the file it hands over, so the render
// never streams into it).

// onImport asks for a .boussole file and imports it.
func (h *home) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(h.a.win, "error.import", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		h.importFrom(path, func() ([]byte, error) { defer r.Close(); return io.ReadAll(r) })
	}, h.a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".boussole", ".json"}))
	d.SetConfirmText(tr("home.import"))
	d.SetTitleText(tr("dialog.import.title")) // Fyne's own title read "Import… File"
	d.SetDismissText(tr("dialog.cancel"))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// importFrom reads and imports a file off the UI goroutine, then selects it.
func (h *home) importFrom(path string, read func() ([]byte, error)) { h.importThen(path, read, nil) }

// ImportAndOpen imports the Boussole file at path and opens the imported
// session in the editor: a .boussole file double-clicked in the file
// manager starts Boussole with its path (the desktop entry's %f). read
// reads the file; a file that cannot be imported is said as the Import
// button says it, and the list stays.
func (a *App) ImportAndOpen(path string, read func() ([]byte, error)) {
	a.ShowHome()
	if a.editor != nil {
		return // the open session could not be saved: it stays open
	}
	a.home.importThen(path, read, a.openSession)
}

// importThen is importFrom, then (if any) given the imported session's id.
func (h *home) importThen(path string, read func() ([]byte, error), then func(id string)) {
	var id string
	var err error
	h.a.background(func() {
		var data []byte
		if data, err = read(); err != nil {
			return
		}
		id, err = h.a.d.Store.Import(data)
	}, func() {
		if err != nil {
			fyne.LogError(tr("error.import")+": "+path, err)
			showProblem(h.a.win, "error.import", importProblem(filepath.Base(path), err), workshop.Message(err))
			return
		}
		h.selected = id
		h.reload()
		if then != nil {
			then(id)
		}
	})
}

// importProblem says in the person's language why the file could not be
// imported, by the kind of error; the store's own message (English, with
// line and column) goes below it as the technical detail.
func importProblem(file string, err error) string {
	key := "import.failed"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		key = "import.notfound"
	case errors.Is(err, fs.ErrPermission):
		key = "import.denied"
	default:
		switch workshop.KindOf(err) {
		case workshop.KindInvalid:
			key = "import.invalid"
		case workshop.KindTooNew:
			key = "import.toonew"
		case workshop.KindForbidden:
			key = "import.readonly"
		}
	}
	return tr(key, "File", file)
}

// onExport saves the selected session as a .boussole file.
func (h *home) onExport() {
	id := h.selected
	if id == "" {
		return
	}
	s := h.summary(id)
	saveAs(h.a, fileName(s.Title, s.Period, 0, ".boussole"), []string{".boussole"}, func(path string) {
		h.a.exportTo(path, func() ([]byte, error) {
			sess, err := h.a.d.Store.Get(id)
			if err != nil {
				return nil, err
			}
			return h.a.d.ExportBoussole(sess)
		})
	})
}

// saveAs asks where to save, then calls write with the chosen path. The
// file the dialog creates is left for write to replace atomically.
func saveAs(a *App, name string, exts []string, write func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(a.win, "error.export", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		write(path)
	}, a.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetConfirmText(tr("dialog.save"))
	d.SetTitleText(tr("dialog.save.title")) // Fyne's own title read "Enregistrer Fichier"
	d.SetDismissText(tr("dialog.cancel"))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// exportTo renders and writes a file off the UI goroutine, then offers to
// open it.
func (a *App) exportTo(path string, render func() ([]byte, error)) {
	a.exportNoted(path, func() ([]byte, string, error) {
		data, err := render()
		return data, "", err
	})
}

// exportNoted is exportTo for a render that also has something to say
// about the file it made (a PDF's digital signature): the note is shown
// under the path once the file is written.
func (a *App) exportNoted(path string, render func() (data []byte, note string, err error)) {
	var err error
	var note string
	a.background(func() {
		var data []byte
		if data, note, err = render(); err != nil {
			return
		}
		err = a.d.WriteFileAtomic(path, data)
	}, func() {
		if err != nil {
			showError(a.win, "error.export", err)
			return
		}
		body := tr("export.done.body", "Path", path)
		if note != "" {
			body += "\n\n" + note
		}
		showConfirm(a.win, "export.done.title", body, "export.done.open", "dialog.close", func(open bool) {
			if open {
				a.openFile(path)
			}
		})
	})
}

// openFile opens a written file with the desktop's application.
func (a *App) openFile(path string) {
	if a.d.OpenFile != nil {
		if err := a.d.OpenFile(path); err != nil {
			showError(a.win, "error.openfile", err)
		}
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if err := a.app.OpenURL(u); err != nil {
		showError(a.win, "error.openfile", err)
	}
}

// fileName proposes a file name from a title and a period.
func fileName(title, period string, rev int, ext string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(title + " " + period) {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|':
			b.WriteRune('-')
		case r == ' ':
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	n := b.String()
	if n == "" {
		n = "boussole"
	}
	if rev > 1 {
		n += "_r" + strconv.Itoa(rev)
	}
	return n + ext
}
