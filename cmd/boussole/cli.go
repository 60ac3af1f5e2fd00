package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"boussole/storage"
	"boussole/workshop"
)

// lockTimeout bounds the wait for a store held by another Boussole: the
// promise is to say so within 2 seconds.
const lockTimeout = time.Second

// verb is one command-line verb.
type verb struct {
	usage string // after "boussole VERB "
	// positional is the number of positional arguments (ID, FILE …).
	positional []string
	// flags declares the verb's flags on fs.
	flags func(c *cli, fs *flag.FlagSet)
	// do runs the verb with its positional arguments.
	do func(c *cli, args []string) error
	// serves: the verb runs until it is stopped (the room's server), not
	// once.
	serves bool
}

var verbs map[string]*verb

func init() {
	// Assigned in init because the verbs refer to the table through cli.exec.
	verbs = map[string]*verb{
		"list":      listVerb,
		"templates": templatesVerb,
		"new":       newVerb,
		"show":      showVerb,
		"import":    importVerb,
		"export":    exportVerb,
		"sign":      signVerb,
		"decline":   declineVerb,
		"amend":     amendVerb,
		"verify":    verifyVerb,
		"backup":    backupVerb,
		"check":     checkVerb,
		"restore":   restoreVerb,
		"room":      roomVerb,
		"checkin":   checkinVerb,
		"checkins":  checkinsVerb,
	}
}

// cli is one command-line invocation.
type cli struct {
	verb           string
	env            func(string) string
	stdout, stderr io.Writer // what Boussole says, through visible
	raw            io.Writer // standard output for a file's bytes (-o -)
	dataFlag       string
	dir            string // resolved data directory
	now            func() time.Time

	// Verb flags, shared by the verbs that use them.
	jsonOut  bool
	title    string
	template string
	lang     string
	period   string
	format   string
	output   string
	revision int
	paper    string
	as       string
	comment  string
	reason   string
	force    bool
	track    trackFlags // checkin, checkins, export --format review (cli_tracking.go)
}

// usageError is invalid usage of a verb: exit status 2 with the verb's usage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// exec parses the verb's arguments (flags may come before or after the
// positional arguments), runs it and turns its error into a message and an
// exit status.
func (c *cli) exec(v *verb, args []string) int {
	fs := newFlagSetFor(c, v)
	verbUsage := func(w io.Writer) {
		fmt.Fprintf(w, "usage: boussole %s %s\n", c.verb, v.usage)
		fs.VisitAll(func(f *flag.Flag) {
			if f.Name == "data" {
				return
			}
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			fmt.Fprintf(w, "  %-30s %s\n", strings.TrimSpace(dash+f.Name+" "+placeholders[f.Name]), f.Usage)
		})
	}
	if err := fs.Parse(reorder(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			verbUsage(c.stdout)
			return exitOK
		}
		fmt.Fprintf(c.stderr, "boussole: %s: %s\n", c.verb, err)
		verbUsage(c.stderr)
		return exitUsage
	}
	pos := fs.Args()
	if len(pos) != len(v.positional) {
		switch {
		case len(pos) < len(v.positional):
			fmt.Fprintf(c.stderr, "boussole: %s: missing %s\n", c.verb, v.positional[len(pos)])
		default:
			fmt.Fprintf(c.stderr, "boussole: %s: unexpected argument %q\n", c.verb, pos[len(v.positional)])
		}
		verbUsage(c.stderr)
		return exitUsage
	}
	dir, err := dataDir(c.dataFlag, c.env)
	if err != nil {
		fmt.Fprintf(c.stderr, "boussole: %s\n", err)
		return exitFailure
	}
	c.dir = dir
	if c.now == nil {
		c.now = time.Now
	}
	err = v.do(c, pos)
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(c.stderr, "boussole: %s: %s\n", c.verb, ue.msg)
		verbUsage(c.stderr)
		return exitUsage
	}
	for line := range strings.SplitSeq(c.message(err), "\n") {
		fmt.Fprintf(c.stderr, "boussole: %s\n", line)
	}
	return exitStatus(err)
}

// placeholders name the value of each flag in the usage text.
var placeholders = map[string]string{
	"title": "T", "template": "ID", "lang": "fr|en", "period": "2027-Q1",
	"format": "pdf|boussole|csv|ics", "o": "PATH", "revision": "N", "paper": "A4|Letter",
	"as": "NAME", "comment": "TEXT", "reason": "TEXT", "listen": "ADDR",
}

// newFlagSetFor declares the verb's flags, and --data, which may also come
// after the verb.
func newFlagSetFor(c *cli, v *verb) *flag.FlagSet {
	fs := flag.NewFlagSet("boussole "+c.verb, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dataFlag, "data", c.dataFlag, "data directory")
	if v.flags != nil {
		v.flags(c, fs)
	}
	return fs
}

// message is what a person reads, one or more lines: the locked store gets
// the sentence of the promise, a damaged one the way out, everything else the
// verb and the domain message.
func (c *cli) message(err error) string {
	switch workshop.KindOf(err) {
	case workshop.KindLocked:
		return fmt.Sprintf("Boussole is already open on this data (%s). Close it and try again.", c.dir)
	case workshop.KindCorrupt:
		if errors.Is(err, storage.ErrNoGoodBackup) {
			return fmt.Sprintf("%s: %s", c.verb, workshop.Message(err)) // it says what there is and where
		}
		way := wayOut(c.dir)
		msg := workshop.Message(err)
		if !strings.HasPrefix(way, "The way out") {
			msg = strings.TrimSuffix(msg, " "+storage.RestoreAdvice) // no good backup to restore
		}
		return fmt.Sprintf("%s: %s\n%s", c.verb, msg, way)
	}
	return fmt.Sprintf("%s: %s", c.verb, workshop.Message(err))
}

// wayOut tells a person what to do with a damaged store: restore, when a
// good backup exists; otherwise that none does, and where the damaged files
// are kept.
func wayOut(dir string) string {
	if good, err := storage.GoodBackups(dir); err == nil && len(good) == 0 {
		return fmt.Sprintf("No good backup exists in %s, so restore cannot help: keep the damaged file as it is "+
			"(a copy of your sessions may exist elsewhere: an exported .boussole file or a backup -o copy); "+
			"any damaged backups are kept in that folder too.", shellQuote(storage.BackupFolder(dir)))
	}
	return fmt.Sprintf("The way out: close every Boussole on this data, then run  boussole --data %s restore  "+
		"to put back the latest good backup (the damaged file is kept aside, never deleted).", shellQuote(dir))
}

// shellQuote quotes a path for a command a person may paste.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:,@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// reorder moves the flags (and their values) in front of the positional
// arguments so that "export ID --format pdf -o x.pdf" parses like
// "export --format pdf -o x.pdf ID". Everything after "--" stays positional.
func reorder(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // Parse reports it
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(append(flags, "--"), pos...)
}

// openStore opens the store of the data directory, waiting at most
// lockTimeout for another Boussole to let go of it.
func (c *cli) openStore(readOnly bool) (*storage.Store, error) {
	opts := storage.Options{Timeout: lockTimeout, ReadOnly: readOnly}
	if injectFaults != nil {
		injectFaults(&opts, c.env)
	}
	return storage.Open(c.dir, opts)
}

// injectFaults is nil in Boussole; the test build of the binary (build tag
// boussole_faults) sets it to fail commits on demand.
var injectFaults func(opts *storage.Options, env func(string) string)

// withStore runs fn on the open store and closes it, reporting a close
// error only when fn succeeded.
func (c *cli) withStore(readOnly bool, fn func(st *storage.Store) error) (err error) {
	st, err := c.openStore(readOnly)
	if err != nil {
		return err
	}
	for _, n := range st.Notices() {
		fmt.Fprintf(c.stderr, "boussole: note: %s\n", n)
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = workshop.Wrap(workshop.KindInternal, cerr, "close the store")
		}
	}()
	return fn(st)
}

// getSession reads a session, with a not-found message that says how to find
// the right id.
func getSession(st *storage.Store, id string) (*workshop.Session, error) {
	s, err := st.Get(id)
	if err != nil {
		if workshop.KindOf(err) == workshop.KindNotFound {
			return nil, workshop.Errorf(workshop.KindNotFound, "no session with id %q (boussole list shows the ids)", id)
		}
		return nil, err
	}
	return s, nil
}
