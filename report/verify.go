package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"boussole/workshop"
)

// Verify outcomes.
const (
	OutcomeMatch          = "match"           // the PDF is exactly the stored signed revision
	OutcomeMismatch       = "mismatch"        // a Boussole PDF that differs from what is stored
	OutcomeDraft          = "draft"           // a PDF of a draft: nothing sealed to verify
	OutcomeUnknownSession = "unknown-session" // its session is not in this store
	OutcomeNotBoussole    = "not-boussole"    // a PDF without a Boussole stamp
	OutcomeNotPDF         = "not-pdf"         // not a PDF at all (empty, text, random bytes)
)

// VerifyResult says whether a PDF matches a signed revision of the store.
type VerifyResult struct {
	Outcome    string
	SessionID  string
	Title      string
	Revision   int
	Seal       string
	Signatures []workshop.Signature
	// Detail explains a mismatch, an unknown session or a file that is not
	// a Boussole PDF, in English (for logs); Message gives the sentence for
	// a person.
	Detail string
	// why is the kind of mismatch, used by Message.
	why string
}

// Mismatch reasons.
const (
	whyBytes      = "bytes" // re-rendered bytes differ: not the file Boussole exported
	whyNoRevision = "no-revision"
	whyNotSigned  = "not-signed" // the stored revision is not signed
	whySealStore  = "seal-store" // the stored content no longer matches its seal
	whySealStamp  = "seal-stamp" // the PDF names another seal
	whyLate       = "late"       // the PDF lists more late entries than stored
	whyRender     = "render"
	whyLayout     = "layout" // a PDF of another page layout: bytes cannot be compared
)

var stampRE = regexp.MustCompile(`/Keywords \(boussole:v1 session=([0-9A-Za-z_-]+) revision=([0-9]+) seal=([0-9a-f]+|draft) paper=(A4|Letter) late=([0-9]+)(?: layout=([0-9]{1,6}))?\)`)

// creatorRE finds the version in the Creator the export wrote.
var creatorRE = regexp.MustCompile(`/Creator \(Boussole(?: ([ -'*-\[\]-~]{1,64}))?\)`)

// parseVersion returns the Boussole version the PDF's Creator names, or ""
// when it names none: the export is re-rendered with the same one, so that
// a PDF exported by another version of the same layout still matches.
func parseVersion(pdf []byte) string {
	if m := creatorRE.FindSubmatch(pdf); m != nil {
		return string(m[1])
	}
	return ""
}

// parseStamp finds the Boussole stamp in the PDF's information dictionary.
func parseStamp(pdf []byte) (stamp, bool) {
	m := stampRE.FindSubmatch(pdf)
	if m == nil {
		return stamp{}, false
	}
	rev, err1 := strconv.Atoi(string(m[2]))
	late, err2 := strconv.Atoi(string(m[5]))
	if err1 != nil || err2 != nil {
		return stamp{}, false
	}
	layout := 1 // stamps written before the layout's version was
	if len(m[6]) > 0 {
		if layout, err1 = strconv.Atoi(string(m[6])); err1 != nil {
			return stamp{}, false
		}
	}
	return stamp{Session: string(m[1]), Revision: rev, Seal: string(m[3]), Paper: string(m[4]), Late: late, Layout: layout}, true
}

// StampedSession returns the session id the Boussole stamp of a PDF names,
// so that a caller can fetch that session before calling Verify.
func StampedSession(pdf []byte) (string, bool) {
	if !IsPDF(pdf) {
		return "", false
	}
	st, ok := parseStamp(pdf)
	return st.Session, ok
}

// Verify reads the stamp of a charter PDF, finds its session with get,
// re-renders the revision it names with the same paper and the same number
// of late decision-log entries, and compares the bytes; it also recomputes
// the seal of the stored content and compares it with the stamp's and the
// revision's. get returns an error of kind KindNotFound for an unknown id.
func Verify(pdf []byte, get func(id string) (*workshop.Session, error)) VerifyResult {
	return verify(pdf, pdf, false, get)
}

// VerifySigned is Verify for a PDF that carries a digital signature: the
// stamp is read from pdf, and the revision it names, re-rendered as a PDF
// to be signed (PDFOptions.DigitalSignature), is compared with signed, the
// file as it was before the signature's incremental update (pades.Verify
// returns it). The signature itself is checked by package pades.
func VerifySigned(pdf, signed []byte, get func(id string) (*workshop.Session, error)) VerifyResult {
	return verify(pdf, signed, true, get)
}

func verify(pdf, signed []byte, digital bool, get func(id string) (*workshop.Session, error)) VerifyResult {
	if !IsPDF(pdf) {
		return VerifyResult{Outcome: OutcomeNotPDF, Detail: "the file is not a PDF"}
	}
	st, ok := parseStamp(pdf)
	if !ok {
		return VerifyResult{Outcome: OutcomeNotBoussole, Detail: "the PDF carries no Boussole stamp"}
	}
	res := VerifyResult{SessionID: st.Session, Revision: st.Revision, Seal: st.Seal}
	s, err := get(st.Session)
	if err != nil || s == nil {
		res.Outcome = OutcomeUnknownSession
		res.Detail = fmt.Sprintf("session %s is not in this store", st.Session)
		if err != nil && workshop.KindOf(err) != workshop.KindNotFound {
			res.Detail += ": " + workshop.Message(err)
		}
		return res
	}
	r, err := s.Revision(st.Revision)
	if err != nil {
		res.Outcome, res.why = OutcomeMismatch, whyNoRevision
		res.Title = s.Current().Charter.Title
		res.Detail = workshop.Message(err)
		return res
	}
	res.Title = r.Charter.Title
	if st.Seal == "draft" {
		res.Outcome = OutcomeDraft
		res.Seal = ""
		res.Detail = fmt.Sprintf("revision %d was exported as a draft: nothing is sealed", r.Number)
		return res
	}
	res.Signatures = append([]workshop.Signature(nil), r.Signatures...)
	mismatch := func(why, detail string) VerifyResult {
		res.Outcome, res.why, res.Detail = OutcomeMismatch, why, detail
		return res
	}
	if r.Status != workshop.StatusSigned {
		return mismatch(whyNotSigned, fmt.Sprintf("revision %d is not signed in the store", r.Number))
	}
	if computed := workshop.Seal(&r.Charter); computed != r.Seal {
		return mismatch(whySealStore, fmt.Sprintf("the stored content of revision %d no longer matches its seal (%s, stored %s)", r.Number, computed, r.Seal))
	}
	if st.Seal != r.Seal {
		return mismatch(whySealStamp, fmt.Sprintf("the PDF names seal %s, revision %d is sealed %s", st.Seal, r.Number, r.Seal))
	}
	if st.Late > len(r.LateDecisions) {
		return mismatch(whyLate, fmt.Sprintf("the PDF lists %d entries added after signing, the store has %d", st.Late, len(r.LateDecisions)))
	}
	again, err := renderCharter(s, r, PDFOptions{Paper: st.Paper, DigitalSignature: digital, Version: parseVersion(pdf)}, st.Late)
	if err != nil {
		return mismatch(whyRender, "re-rendering failed: "+workshop.Message(err))
	}
	if pdf = signed; !bytes.Equal(again, pdf) && st.Layout != LayoutVersion {
		return mismatch(whyLayout, fmt.Sprintf("the PDF was laid out by another version of Boussole (layout %d, this one writes %d): its pages cannot be compared byte for byte; its stamp names signed revision %d with the seal the store holds (%s)",
			st.Layout, LayoutVersion, r.Number, r.Seal))
	} else if !bytes.Equal(again, pdf) {
		// Another program re-saving the file (qpdf, a viewer's "save as",
		// linearisation) changes its bytes as surely as an edit does: the
		// verdict says which revision the stamp names and what the store's
		// seal is, not that the content was altered.
		return mismatch(whyBytes, fmt.Sprintf("the PDF is not byte-identical to revision %d as exported (first difference at byte %d); its stamp names signed revision %d, sealed %s in the store",
			r.Number, firstDiff(again, pdf), r.Number, r.Seal))
	}
	res.Outcome = OutcomeMatch
	res.Detail = fmt.Sprintf("identical to revision %d as stored", r.Number)
	return res
}

// IsPDF reports whether data starts like a PDF file: "%PDF-" within its
// first kilobyte, as readers accept.
func IsPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// plain is a text from the store or a file as a message shows it: on one
// line, shortened, with control and invisible format characters (escape
// sequences, bidi overrides) shown as U+FFFD.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return utf8.RuneError
		}
		return r
	}, shorten(strings.ToValidUTF8(s, "\uFFFD"), maxRef))
}

func firstDiff(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// Message is the outcome as a plain sentence in the language.
func (v VerifyResult) Message(l workshop.Lang) string {
	fr := l == workshop.FR
	q := func(s string) string { return workshop.Quote(l, plain(s)) }
	colon := workshop.Colon(l)
	switch v.Outcome {
	case OutcomeMatch:
		var who []string
		for _, sg := range v.Signatures {
			who = append(who, fmt.Sprintf("%s (%s)", plain(sg.Name), sg.At.UTC().Format(workshop.DateLayout)))
		}
		if fr {
			return fmt.Sprintf("Conforme%s%s, révision %d, signée par %s. Sceau %s.", colon, q(v.Title), v.Revision, listJoin(l, who), v.Seal)
		}
		return fmt.Sprintf("Match%s%s, revision %d, signed by %s. Seal %s.", colon, q(v.Title), v.Revision, listJoin(l, who), v.Seal)
	case OutcomeDraft:
		if fr {
			return fmt.Sprintf("Brouillon%s%s, révision %d, a été exporté comme brouillon%s il n’est pas scellé et ne peut pas être vérifié.", colon, q(v.Title), v.Revision, nbsp+":")
		}
		return fmt.Sprintf("Draft%s%s, revision %d, was exported as a draft: it is not sealed and cannot be verified.", colon, q(v.Title), v.Revision)
	case OutcomeUnknownSession:
		if fr {
			return fmt.Sprintf("Inconnu%sla charte de ce PDF (session %s) n’est pas dans ces données.", colon, v.SessionID)
		}
		return fmt.Sprintf("Unknown%sthe charter of this PDF (session %s) is not in this data.", colon, v.SessionID)
	case OutcomeNotBoussole:
		if fr {
			return "Ce fichier est un PDF, mais pas une charte exportée par Boussole" + nbsp + ": il ne porte aucun tampon Boussole."
		}
		return "This file is a PDF but not a charter exported by Boussole: it carries no Boussole stamp."
	case OutcomeNotPDF:
		if fr {
			return "Ce fichier n’est pas un PDF."
		}
		return "This file is not a PDF."
	case OutcomeMismatch:
		return v.mismatchMessage(l, q, colon)
	}
	return v.Detail
}

func (v VerifyResult) mismatchMessage(l workshop.Lang, q func(string) string, colon string) string {
	fr := l == workshop.FR
	title := q(v.Title)
	switch v.why {
	case whyNoRevision:
		if fr {
			return fmt.Sprintf("Non conforme%s%s n’a pas de révision %d dans ces données.", colon, title, v.Revision)
		}
		return fmt.Sprintf("Mismatch%s%s has no revision %d in this data.", colon, title, v.Revision)
	case whyNotSigned:
		if fr {
			return fmt.Sprintf("Non conforme%sla révision %d de %s n’est pas signée dans ces données.", colon, v.Revision, title)
		}
		return fmt.Sprintf("Mismatch%srevision %d of %s is not signed in this data.", colon, v.Revision, title)
	case whySealStore:
		if fr {
			return fmt.Sprintf("Non conforme%sle contenu enregistré de la révision %d de %s ne correspond plus à son sceau%s les données ont été modifiées.", colon, v.Revision, title, nbsp+":")
		}
		return fmt.Sprintf("Mismatch%sthe stored content of revision %d of %s no longer matches its seal: the data was modified.", colon, v.Revision, title)
	case whyLayout:
		if fr {
			return fmt.Sprintf("Autre version%sce PDF a été mis en page par une autre version de Boussole%s ses pages ne peuvent pas être comparées octet pour octet et son contenu ne peut donc pas être garanti. "+
				"Son tampon désigne la révision %d de %s, dont le sceau %s est bien celui de ces données. "+
				"Exportez de nouveau cette révision avec cette version pour obtenir un PDF vérifiable.", colon, nbsp+":", v.Revision, title, v.Seal)
		}
		return fmt.Sprintf("Other version%sthis PDF was laid out by another version of Boussole: its pages cannot be compared byte for byte, so its content cannot be vouched for. "+
			"Its stamp names revision %d of %s, whose seal %s is the one in this data. "+
			"Export the revision again with this version to get a PDF that can be verified.", colon, v.Revision, title, v.Seal)
	case whySealStamp:
		if fr {
			return fmt.Sprintf("Non conforme%sle sceau de ce PDF n’est pas celui de la révision %d de %s.", colon, v.Revision, title)
		}
		return fmt.Sprintf("Mismatch%sthe seal of this PDF is not the seal of revision %d of %s.", colon, v.Revision, title)
	}
	var who []string
	for _, sg := range v.Signatures {
		who = append(who, plain(sg.Name))
	}
	by := listJoin(l, who)
	if by == "" {
		by = "—"
	}
	if fr {
		return fmt.Sprintf("Pas le fichier exporté%sce PDF n’est pas, octet pour octet, le fichier que Boussole a exporté pour la révision %d de %s"+
			"%s son contenu ne peut donc pas être garanti (un autre programme l’a peut-être réenregistré, ou il a été modifié). "+
			"Son tampon désigne la révision %d, signée dans ces données par %s%s le sceau de cette révision dans ces données est %s. "+
			"Demandez le fichier original pour le vérifier.", colon, v.Revision, title, nbsp+";", v.Revision, by, nbsp+";", v.Seal)
	}
	return fmt.Sprintf("Not the exported file%sthis PDF is not, byte for byte, the file Boussole exported for revision %d of %s, "+
		"so its content cannot be vouched for (another program may have re-saved it, or it was altered). "+
		"Its stamp names revision %d, signed in this data by %s; the seal of that revision in this data is %s. "+
		"Ask for the original file to verify it.", colon, v.Revision, title, v.Revision, by, v.Seal)
}
