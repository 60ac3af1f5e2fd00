// Command boussole is the Boussole application: run without a verb it opens
// the window; with a verb (list, new, show, export, sign, verify …) it serves
// scripts on the same data. It is the only package that creates the Fyne app;
// it wires the domain (workshop), the store (storage), the exports (report)
// and the screens (ui) together.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	// Before Fyne's lang package reads the locale: see its doc.
	_ "boussole/cmd/boussole/internal/plainlocale"
	"boussole/storage"
	"boussole/workshop"
)

// Exit statuses (PRODUCT.md §6).
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2 // invalid usage or invalid input
	exitLocked  = 3 // the store is in use by another Boussole
)

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		startCommand = collectLessOften
	}
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// startCommand, when set, is called as a verb that runs once starts (main
// sets it; the tests, which run many verbs in one process, leave it nil).
var startCommand func()

// collectLessOften lets a command that reads, writes and exits grow its
// heap to five times what it holds before collecting, instead of twice
// (the garbage collector took a tenth of a PDF export's time, collecting
// a heap the exit frees anyway); above 1 GiB it collects as needed. GOGC
// or GOMEMLIMIT set in the environment are left to rule.
func collectLessOften() {
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(1 << 30)
}

const usageText = `Boussole — collective objectives workshops and signed objective charters.

Usage:
  boussole [--data DIR]                      open the application
  boussole [--data DIR] FILE.boussole        open the application and import the file
  boussole [--data DIR] VERB [ARGS]          serve scripts on the same data

Verbs:
  list [--json]                              sessions with id, title, period, status, revision
  templates                                  template ids and titles
  new [--title T] [--template ID] [--lang fr|en] [--period 2027-Q1]
                                             create a session; prints its id
  show ID [--json] [--revision N]            summary of a charter; --json prints the .boussole file
  import FILE                                import a .boussole file; prints the id
  export ID --format pdf|boussole|csv|ics|review -o PATH [--revision N] [--paper A4|Letter]
         [--as-of DATE] [--ritual NAME]      review: the pack of a ritual as of a day
  sign ID --as NAME [--comment TEXT]         sign as one of the charter's approvers
  decline ID --as NAME --reason TEXT         decline to sign; the charter goes back to draft
  amend ID --reason TEXT                     open the next revision of a signed charter
  verify FILE.pdf                            does this PDF match a signed revision?
  checkin ID --kpi KPI --value V [--date D] [--confidence N] [--note T] [--as NAME]
                                             record a check-in of a KPI (id or name)
  checkins ID [--json]                       dashboard and history of the check-ins
  checkins ID --import FILE.csv              add the check-ins of a CSV file, all or none
  backup -o PATH|-                           copy the store to PATH (- for standard output)
  check                                      integrity check of the store
  restore [--force]                          replace a damaged store by its latest good backup
  room ID [--listen ADDR] [--allow-more]     open the participants' room without the window; prints the
                                             join address and code; commands on standard input:
                                             collect, vote, reveal, close

Options:
  --data DIR     data directory (default: $BOUSSOLE_DATA, else %s)
  --version      print the version and the installation key's fingerprint
  -h, --help     print this help

Exit status: 0 success, 1 failure, 2 invalid usage or input, 3 store in use by another Boussole.
`

// run is the whole program: it returns the exit status instead of exiting so
// that tests can call it. Everything it prints goes through visible (see
// termWriter); only a file's bytes sent to standard output (-o -) go raw.
func run(args []string, env func(string) string, rawOut, rawErr io.Writer) int {
	stdout, stderr := newTermWriter(rawOut), newTermWriter(rawErr)
	defer stderr.flush()
	defer stdout.flush()
	g := flag.NewFlagSet("boussole", flag.ContinueOnError)
	g.SetOutput(io.Discard)
	var dataFlag string
	var help, showVersion bool
	g.StringVar(&dataFlag, "data", "", "data directory")
	g.BoolVar(&help, "h", false, "help")
	g.BoolVar(&help, "help", false, "help")
	g.BoolVar(&showVersion, "version", false, "version")
	if err := g.Parse(args); err != nil {
		fmt.Fprintf(stderr, "boussole: %s\n\n", err)
		printUsage(stderr, env)
		return exitUsage
	}
	if help {
		printUsage(stdout, env)
		return exitOK
	}
	if showVersion {
		printVersion(stdout)
		printKeyFingerprint(dataFlag, env, stdout, stderr)
		return exitOK
	}
	rest := g.Args()
	if len(rest) == 0 {
		dir, err := dataDir(dataFlag, env)
		if err != nil {
			fmt.Fprintf(stderr, "boussole: %s\n", err)
			return exitFailure
		}
		setAppMetadata()
		return runWindow(dir, stderr, "")
	}
	name, verbArgs := rest[0], rest[1:]
	if name == "help" {
		printUsage(stdout, env)
		return exitOK
	}
	v, ok := verbs[name]
	if !ok && len(rest) == 1 && strings.HasSuffix(strings.ToLower(name), ".boussole") {
		// A .boussole file alone, as the desktop passes a double-clicked
		// one (Exec=boussole %f): the window opens and imports it.
		dir, err := dataDir(dataFlag, env)
		if err != nil {
			fmt.Fprintf(stderr, "boussole: %s\n", err)
			return exitFailure
		}
		setAppMetadata()
		return runWindow(dir, stderr, name)
	}
	if !ok {
		fmt.Fprintf(stderr, "boussole: unknown verb %q\n\n", name)
		printUsage(stderr, env)
		return exitUsage
	}
	if startCommand != nil && !v.serves {
		startCommand()
	}
	c := &cli{verb: name, env: env, stdout: stdout, stderr: stderr, raw: rawOut, dataFlag: dataFlag}
	return c.exec(v, verbArgs)
}

// printKeyFingerprint prints the installation key's fingerprint as the
// second line of --version, when the data directory holds a key: it reads
// the key file only (no store, no lock, nothing created), so it answers
// while the window runs and leaves a missing directory missing. A key that
// cannot be read is said on standard error; --version still succeeds.
func printKeyFingerprint(dataFlag string, env func(string) string, stdout, stderr io.Writer) {
	dir, err := dataDir(dataFlag, env)
	if err != nil {
		return
	}
	fp, err := storage.ReadKeyFingerprint(dir)
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "boussole: %s\n", workshop.Message(err))
	case fp != "":
		fmt.Fprintf(stdout, "installation key %s\n", fp)
	}
}

func printUsage(w io.Writer, env func(string) string) {
	def, err := defaultDataDir(env)
	if err != nil {
		def = "the per-user application directory"
	}
	fmt.Fprintf(w, usageText, def)
}

// dataDir resolves the data directory: --data, else $BOUSSOLE_DATA, else the
// per-user application directory.
func dataDir(flagValue string, env func(string) string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if d := env("BOUSSOLE_DATA"); d != "" {
		return d, nil
	}
	return defaultDataDir(env)
}

// defaultDataDir is os.UserConfigDir()/boussole, computed from env so that
// tests control it: ~/.config/boussole (or $XDG_CONFIG_HOME/boussole) on
// Linux and BSD, ~/Library/Application Support/boussole on macOS,
// %AppData%\boussole on Windows.
func defaultDataDir(env func(string) string) (string, error) {
	return defaultDataDirOn(runtime.GOOS, env)
}

// defaultDataDirOn is defaultDataDir for the system goos, so that the
// Windows rules are tested on Linux too (issue 14 item 4).
func defaultDataDirOn(goos string, env func(string) string) (string, error) {
	var base string
	switch goos {
	case "windows":
		// The roaming profile: C:\Users\<name>\AppData\Roaming, private
		// to the user by Windows' own access rules; names with spaces and
		// any script are fine (Go speaks UTF-16 to Windows).
		base = env("AppData")
		if base == "" {
			return "", errors.New("%AppData% is not set: use --data DIR or BOUSSOLE_DATA")
		}
		if !windowsAbs(base) {
			return "", fmt.Errorf("%%AppData%% is %q, not a full path (such as C:\\Users\\you\\AppData\\Roaming): use --data DIR or BOUSSOLE_DATA", base)
		}
		return strings.TrimRight(base, `\/`) + `\boussole`, nil
	case "darwin", "ios":
		home := env("HOME")
		if home == "" {
			return "", errors.New("$HOME is not set: use --data DIR or BOUSSOLE_DATA")
		}
		base = filepath.Join(home, "Library", "Application Support")
	case "plan9":
		home := env("home")
		if home == "" {
			return "", errors.New("$home is not set: use --data DIR or BOUSSOLE_DATA")
		}
		base = filepath.Join(home, "lib")
	default:
		base = env("XDG_CONFIG_HOME")
		if base == "" || !filepath.IsAbs(base) {
			home := env("HOME")
			if home == "" {
				return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME is set: use --data DIR or BOUSSOLE_DATA")
			}
			base = filepath.Join(home, ".config")
		}
	}
	return filepath.Join(base, "boussole"), nil
}

// windowsAbs reports whether p is a full Windows path: a drive and a
// backslash (C:\…) or a network share (\\server\share…).
func windowsAbs(p string) bool {
	if len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') {
		c := p[0] | 0x20
		return c >= 'a' && c <= 'z'
	}
	return strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//")
}

// uiLang is the language of the person at the terminal, from the POSIX
// locale variables: French for fr*, English otherwise.
func uiLang(env func(string) string) workshop.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := env(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "fr") {
				return workshop.FR
			}
			return workshop.EN
		}
	}
	return workshop.EN
}

// exitStatus maps an error to the exit status of §6.
func exitStatus(err error) int {
	switch workshop.KindOf(err) {
	case workshop.KindInvalid, workshop.KindNotFound, workshop.KindForbidden, workshop.KindConflict:
		return exitUsage
	case workshop.KindLocked:
		return exitLocked
	default:
		return exitFailure
	}
}
