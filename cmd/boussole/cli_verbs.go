package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"

	"boussole/pades"
	"boussole/report"
	"boussole/storage"
	"boussole/workshop"
)

var listVerb = &verb{
	usage: "[--json]",
	flags: func(c *cli, set *flag.FlagSet) {
		set.BoolVar(&c.jsonOut, "json", false, "print a JSON array of the session summaries")
	},
	do: func(c *cli, _ []string) error {
		return c.withStore(true, func(st *storage.Store) error {
			list, err := st.List()
			if err != nil {
				return err
			}
			if c.jsonOut {
				if list == nil {
					list = []workshop.Summary{}
				}
				return writeJSON(c.stdout, list)
			}
			tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTITLE\tPERIOD\tSTATUS\tREVISION\tUPDATED")
			for _, s := range list {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", s.ID, oneLine(s.Title), s.Period, s.Status, s.Revision,
					s.Updated.Local().Format("2006-01-02 15:04"))
			}
			return tw.Flush()
		})
	},
}

var templatesVerb = &verb{
	do: func(c *cli, _ []string) error {
		l := uiLang(c.env)
		tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
		for _, t := range workshop.Templates() {
			fmt.Fprintf(tw, "%s\t%s\n", t.ID, t.Title[l])
		}
		return tw.Flush()
	},
}

var newVerb = &verb{
	usage: "[--title T] [--template ID] [--lang fr|en] [--period 2027-Q1]",
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&c.title, "title", "", "title of the charter (required for a blank session)")
		set.StringVar(&c.template, "template", "blank", "template (boussole templates lists them)")
		set.StringVar(&c.lang, "lang", "", "language of the charter (default: the system language)")
		set.StringVar(&c.period, "period", "", "2027-Q1, 2027-H1, 2027-03 or 2027 (default: the next quarter)")
	},
	do: func(c *cli, _ []string) error {
		l := uiLang(c.env)
		if c.lang != "" {
			l = workshop.Lang(strings.ToLower(strings.TrimSpace(c.lang)))
			if !l.Valid() {
				return usagef("--lang %q: expected fr or en", c.lang)
			}
		}
		if c.period != "" {
			if _, err := workshop.PeriodFromLabel(c.period); err != nil {
				return workshop.Wrap(workshop.KindInvalid, err, "--period: %s", workshop.Message(err))
			}
		}
		var ids []string
		for _, t := range workshop.Templates() {
			ids = append(ids, t.ID)
		}
		if !slices.Contains(ids, c.template) {
			return usagef("unknown template %q: expected one of %s", c.template, strings.Join(ids, ", "))
		}
		title := strings.TrimSpace(c.title)
		now := c.now()
		var s *workshop.Session
		var err error
		if c.template == "blank" {
			if title == "" {
				return usagef("--title is required for a blank session")
			}
			s, err = workshop.NewSession(title, l, c.period, now)
		} else {
			s, err = workshop.FromTemplate(c.template, l, c.period, now)
			if err == nil && title != "" {
				err = s.Edit(now, func(ch *workshop.Charter) { ch.Title = title })
			}
		}
		if err != nil {
			return err
		}
		// A new charter is held in this computer's zone (the set-up step
		// changes it); charters made before keep none (never back-filled).
		s.Current().Charter.TimeZone = workshop.ComputerTimeZone()
		return c.withStore(false, func(st *storage.Store) error {
			if err := st.Put(s); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, s.ID)
			return nil
		})
	},
}

var importVerb = &verb{
	usage:      "FILE",
	positional: []string{"FILE"},
	do: func(c *cli, args []string) error {
		file := args[0]
		data, err := readInput(file)
		if err != nil {
			return err
		}
		// Decode before the store is even opened: a file that is not a
		// session leaves the store file byte-identical.
		if _, err := storage.Decode(data); err != nil {
			return workshop.Wrap(workshop.KindOf(err), err, "%s: %s", file, workshop.Message(err))
		}
		return c.withStore(false, func(st *storage.Store) error {
			id, err := st.Import(data)
			if err != nil {
				return workshop.Wrap(workshop.KindOf(err), err, "%s: %s", file, workshop.Message(err))
			}
			fmt.Fprintln(c.stdout, id)
			return nil
		})
	},
}

var exportVerb = &verb{
	usage:      "ID --format pdf|boussole|csv|ics|review -o PATH [--revision N] [--paper A4|Letter] [--as-of DATE] [--ritual NAME]",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&c.format, "format", "", "what to write")
		set.StringVar(&c.output, "o", "", "file to write (- for standard output)")
		set.IntVar(&c.revision, "revision", 0, "revision number (default: the current one)")
		set.StringVar(&c.paper, "paper", "A4", "PDF paper size")
		reviewFlags(c, set)
	},
	do: func(c *cli, args []string) error {
		format := strings.ToLower(c.format)
		switch format {
		case "pdf", "boussole", "csv", "ics", "review":
		case "":
			return usagef("--format is required: pdf, boussole, csv, ics or review")
		default:
			return usagef("--format %q: expected pdf, boussole, csv, ics or review", c.format)
		}
		if err := checkReviewFlags(c, format); err != nil {
			return err
		}
		if c.output == "" {
			return usagef("-o PATH is required")
		}
		var paper string
		switch strings.ToLower(c.paper) {
		case "a4":
			paper = "A4"
		case "letter":
			paper = "Letter"
		default:
			return usagef("--paper %q: expected A4 or Letter", c.paper)
		}
		if format == "boussole" && c.revision != 0 {
			return usagef("--revision does not apply to a .boussole file: it holds every revision")
		}
		if format == "pdf" || format == "review" {
			// The faces are read on the other core while the store is.
			report.WarmFaces()
		}
		// The store is held only to read the session: other commands and
		// the window are not kept waiting while a large charter is laid out.
		var s *workshop.Session
		rev := 0
		err := c.withStore(true, func(st *storage.Store) error {
			var err error
			s, err = getSession(st, args[0])
			if err != nil {
				return err
			}
			rev = s.Current().Number
			if c.revision != 0 {
				r, err := s.Revision(c.revision)
				if err != nil {
					return err
				}
				rev = r.Number
			}
			return nil
		})
		if err != nil {
			return err
		}
		var data []byte
		switch format {
		case "pdf":
			// A signed revision's PDF is signed with the installation key
			// (carriesPDFSignature).
			var key *storage.InstallationKey
			if key, err = c.exportKey(s, rev); err == nil {
				data, err = charterPDF(s, rev, paper, key)
			}
		case "csv":
			data, err = report.KPICSV(s, rev)
		case "ics":
			data, err = report.RitualsICS(s, rev)
		case "boussole":
			data, err = storage.Export(s)
		case "review":
			data, err = reviewPack(c, s, paper)
		}
		if err != nil {
			return err
		}
		return c.write(c.output, data)
	},
}

var signVerb = &verb{
	usage:      "ID --as NAME [--comment TEXT]",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&c.as, "as", "", "the approver who signs")
		set.StringVar(&c.comment, "comment", "", "optional comment")
	},
	do: func(c *cli, args []string) error {
		if strings.TrimSpace(c.as) == "" {
			return usagef("--as NAME is required: the approver who signs")
		}
		return c.updateStore(args[0], func(st *storage.Store, s *workshop.Session) error {
			key, err := c.signingKey(st)
			if err != nil {
				return err
			}
			if err := s.Sign(c.as, c.comment, c.now(), key); err != nil {
				return err
			}
			rev := s.Current()
			if rev.Status == workshop.StatusSigned {
				fmt.Fprintf(c.stdout, "signed and sealed: %s\n", rev.Seal)
				return nil
			}
			var waiting []string
			for _, p := range rev.Awaited() {
				waiting = append(waiting, oneLine(p.Name))
			}
			signer := c.as
			if n := len(rev.Signatures); n > 0 {
				signer = rev.Signatures[n-1].Name // as the charter spells it
			}
			fmt.Fprintf(c.stdout, "signed by %s; waiting for %s\n", oneLine(signer), strings.Join(waiting, ", "))
			return nil
		})
	},
}

var declineVerb = &verb{
	usage:      "ID --as NAME --reason TEXT",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&c.as, "as", "", "the approver who declines")
		set.StringVar(&c.reason, "reason", "", "why (required)")
	},
	do: func(c *cli, args []string) error {
		if strings.TrimSpace(c.as) == "" {
			return usagef("--as NAME is required: the approver who declines")
		}
		if strings.TrimSpace(c.reason) == "" {
			return usagef("--reason TEXT is required: say why")
		}
		return c.updateStore(args[0], func(st *storage.Store, s *workshop.Session) error {
			key, err := c.signingKey(st)
			if err != nil {
				return err
			}
			if err := s.Decline(c.as, c.reason, c.now(), key); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "declined by %s; revision %d is a draft again\n", oneLine(c.as), s.Current().Number)
			return nil
		})
	},
}

var amendVerb = &verb{
	usage:      "ID --reason TEXT",
	positional: []string{"ID"},
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&c.reason, "reason", "", "why the charter changes (required)")
	},
	do: func(c *cli, args []string) error {
		if strings.TrimSpace(c.reason) == "" {
			return usagef("--reason TEXT is required: say why the signed charter changes")
		}
		return c.update(args[0], func(s *workshop.Session) error {
			if err := s.Amend(c.reason, c.now()); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "revision %d opened as a draft\n", s.Current().Number)
			return nil
		})
	},
}

var verifyVerb = &verb{
	usage:      "FILE.pdf",
	positional: []string{"FILE.pdf"},
	do: func(c *cli, args []string) error {
		pdf, err := readPDF(args[0])
		if err != nil {
			return err
		}
		if !report.IsPDF(pdf) {
			return workshop.Errorf(workshop.KindInvalid, "%s: not a PDF (it does not start with %%PDF-): give a charter PDF exported by Boussole", args[0])
		}
		// The store is held only to read the session the stamp names; the
		// charter is re-rendered and compared after it is released.
		var s *workshop.Session
		var getErr error
		if err := c.withStore(true, func(st *storage.Store) error {
			if id, ok := report.StampedSession(pdf); ok {
				s, getErr = st.Get(id)
			}
			return nil
		}); err != nil {
			return err
		}
		// Two checks: the PDF signature on its own (pades), and the seal:
		// the charter re-rendered from the store against the bytes the
		// signature covers (the file before its incremental update).
		sig := pades.Verify(pdf)
		get := func(string) (*workshop.Session, error) { return s, getErr }
		var res report.VerifyResult
		if sig.Status == pades.None {
			res = report.Verify(pdf, get)
		} else {
			res = report.VerifySigned(pdf, sig.Before, get)
		}
		mine, _ := storage.ReadKeyFingerprint(c.dir)
		msg, good := verdict(uiLang(c.env), res, sig, mine)
		if !good {
			return verifyMismatch{msg: msg}
		}
		fmt.Fprintln(c.stdout, msg)
		return nil
	},
}

// maxVerifyPDF bounds the file verify reads: four times the largest
// session import accepts, since a charter prints a text at most twice, at
// under two bytes a character even in its narrowest column (measured:
// 3.4 bytes of PDF for a byte of random text printed in two places).
const maxVerifyPDF = 4 * storage.MaxFileSize

// readPDF reads the file verify is given: a regular file no larger than
// maxVerifyPDF, both checked before a byte is read, so that a FIFO, a
// device or a huge file is refused at once rather than hanging or filling
// memory.
func readPDF(path string) ([]byte, error) {
	return readChecked(path, maxVerifyPDF, func(fi os.FileInfo) error { return checkPDFFile(path, fi) },
		func() error { return tooLargePDF(path) })
}

// readChecked reads a regular file given on the command line: check runs
// on the file before it is opened and again on the file opened (not swapped
// for a FIFO since), and no more than limit bytes are read (tooLarge when
// the file grew past it). A file that cannot be read is invalid input
// (exit status 2) named in the message.
func readChecked(path string, limit int64, check func(os.FileInfo) error, tooLarge func() error) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, workshop.Wrap(workshop.KindInvalid, err, "%s: cannot be read (%s)", path, osReason(err))
	}
	if err := check(fi); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, workshop.Wrap(workshop.KindInvalid, err, "%s: cannot be read (%s)", path, osReason(err))
	}
	defer f.Close()
	if ofi, err := f.Stat(); err != nil || !os.SameFile(fi, ofi) {
		return nil, workshop.Errorf(workshop.KindInvalid, "%s: changed while being opened; try again", path)
	} else if err := check(ofi); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, workshop.Wrap(workshop.KindInvalid, err, "%s: cannot be read (%s)", path, osReason(err))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge()
	}
	return data, nil
}

// checkPDFFile refuses what is not a regular file or is too large.
func checkPDFFile(path string, fi os.FileInfo) error {
	switch m := fi.Mode(); {
	case m.IsDir():
		return workshop.Errorf(workshop.KindInvalid, "%s: is a directory, not a PDF file", path)
	case !m.IsRegular():
		return workshop.Errorf(workshop.KindInvalid, "%s: is not a regular file (%s), not a PDF file", path, fileKind(m))
	}
	if fi.Size() > maxVerifyPDF {
		return tooLargePDF(path)
	}
	return nil
}

func tooLargePDF(path string) error {
	return workshop.Errorf(workshop.KindInvalid, "%s: larger than %d MB, too large for a charter PDF (a charter of the largest session Boussole imports, %d MB, is smaller)",
		path, maxVerifyPDF>>20, storage.MaxFileSize>>20)
}

// fileKind names a file mode that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// verifyMismatch is a PDF that matches no signed revision: exit status 1
// with the verdict as the message.
type verifyMismatch struct{ msg string }

func (e verifyMismatch) Error() string { return e.msg }

var backupVerb = &verb{
	usage: "-o PATH",
	flags: func(c *cli, set *flag.FlagSet) {
		set.StringVar(&c.output, "o", "", "file to write the backup to (- for standard output)")
	},
	do: func(c *cli, _ []string) error {
		if c.output == "" {
			return usagef("-o PATH is required")
		}
		if c.output == "-" {
			if isTerminal(c.raw) {
				return usagef("-o -: standard output is a terminal; redirect it to a file (boussole backup -o - > copy.db)")
			}
			if err := guardStdout(c); err != nil {
				return err
			}
			return c.withStore(true, func(st *storage.Store) error { return st.BackupTo(c.raw) })
		}
		return c.withStore(true, func(st *storage.Store) error {
			err := st.Backup(c.output)
			if err != nil && workshop.KindOf(err) == workshop.KindInternal && outputMistake(err) {
				// A path that does not exist or may not be written is
				// a usage mistake, as for export.
				return workshop.Wrap(workshop.KindInvalid, err, "%s", workshop.Message(err))
			}
			return err
		})
	},
}

// guardStdout refuses a standard output the shell opened on the store, its
// lock or a backup (storage.GuardStream).
func guardStdout(c *cli) error {
	if f, ok := c.raw.(*os.File); ok {
		return storage.GuardStream(c.dir, f)
	}
	return nil
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

var checkVerb = &verb{
	do: func(c *cli, _ []string) error {
		if err := c.withStore(true, func(st *storage.Store) error { return st.Check() }); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, "ok")
		return nil
	},
}

var restoreVerb = &verb{
	usage: "[--force]",
	flags: func(c *cli, set *flag.FlagSet) {
		set.BoolVar(&c.force, "force", false, "replace the store even when it passes the check")
	},
	do: func(c *cli, _ []string) error {
		r, err := storage.RestoreLatest(c.dir, storage.RestoreOptions{Force: c.force, Timeout: lockTimeout, Now: c.now})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "restored the backup %s, taken %s\n", r.Backup, r.Taken.Local().Format("2006-01-02 15:04:05"))
		switch {
		case r.Aside != "" && r.Replaced:
			fmt.Fprintf(c.stdout, "the store it replaced was sound; it is kept as %s\n", r.Aside)
		case r.Aside != "":
			fmt.Fprintf(c.stdout, "the damaged store is kept as %s\n", r.Aside)
		}
		return nil
	},
}

// update reads a session, applies fn and stores the result, in one opening
// of the store. Nothing is stored when fn fails. What fn prints reaches
// standard output only once the store has committed the change: "signed
// and sealed" is never printed for a signature the disk refused.
func (c *cli) update(id string, fn func(s *workshop.Session) error) error {
	return c.updateStore(id, func(_ *storage.Store, s *workshop.Session) error { return fn(s) })
}

// signingKey is the installation key that signs sign-off records, made at
// first use; a key made for a store that already held sessions (the old
// one is lost) is said on standard error.
func (c *cli) signingKey(st *storage.Store) (*storage.InstallationKey, error) {
	key, notice, err := st.SigningKeyNotice()
	if err != nil {
		return nil, err
	}
	if notice != nil {
		fmt.Fprintf(c.stderr, "boussole: note: %s\n", notice)
	}
	return key, nil
}

// updateStore is update for a change that needs the store besides the
// session (the installation key).
func (c *cli) updateStore(id string, fn func(st *storage.Store, s *workshop.Session) error) error {
	stdout := c.stdout
	var held bytes.Buffer
	c.stdout = &held
	defer func() { c.stdout = stdout }()
	err := c.withStore(false, func(st *storage.Store) error {
		s, err := getSession(st, id)
		if err != nil {
			return err
		}
		if err := fn(st, s); err != nil {
			return err
		}
		return st.Put(s)
	})
	if err != nil {
		return err
	}
	_, err = stdout.Write(held.Bytes())
	return err
}

// readInput reads the file import is given: like readPDF, a regular file
// no larger than the largest session import accepts, both checked before a
// byte is read, so that a FIFO or a device (/dev/zero) is refused at once
// rather than hanging or filling memory. A file that cannot be read is
// invalid input (exit status 2) named in the message.
func readInput(path string) ([]byte, error) {
	check := func(fi os.FileInfo) error {
		switch m := fi.Mode(); {
		case m.IsDir():
			return workshop.Errorf(workshop.KindInvalid, "%s: is a directory, not a Boussole file", path)
		case !m.IsRegular():
			return workshop.Errorf(workshop.KindInvalid, "%s: is not a regular file (%s), not a Boussole file", path, fileKind(m))
		case fi.Size() > storage.MaxFileSize:
			return tooLargeInput(path)
		}
		return nil
	}
	return readChecked(path, storage.MaxFileSize, check, func() error { return tooLargeInput(path) })
}

func tooLargeInput(path string) error {
	return workshop.Errorf(workshop.KindInvalid, "%s: larger than %d MB, too large for a Boussole file", path, storage.MaxFileSize>>20)
}

// osReason is the reason part of an *os.PathError ("no such file or
// directory"), without the path the message already names.
func osReason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// write writes an export atomically (or to standard output for "-").
func (c *cli) write(path string, data []byte) error {
	if path == "-" {
		if err := guardStdout(c); err != nil {
			return err
		}
		_, err := c.raw.Write(data)
		return err
	}
	if err := storage.GuardOutput(c.dir, path); err != nil {
		return err
	}
	if err := report.WriteFileAtomic(path, data); err != nil {
		// A path that does not exist or may not be written is a usage
		// mistake; anything else (a full disk) is a failure.
		kind := workshop.KindInternal
		if outputMistake(err) {
			kind = workshop.KindInvalid
		}
		return workshop.Wrap(kind, err, "%s: cannot be written (%s)", path, osReason(err))
	}
	return nil
}

// outputMistake reports whether writing an output failed because of the
// path given (missing folder, no permission, a folder): a usage mistake.
func outputMistake(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EISDIR)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// oneLine keeps a table row on one line whatever the title holds.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
