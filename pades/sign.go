package pades

import (
	"bytes"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
)

// contentsSize is the room, in bytes, kept for the CMS in /Contents (twice
// as many hex digits). Boussole's CMS is about 1.6 KB with a 2048-bit key,
// 2.3 KB with a 4096-bit one.
const contentsSize = 4096

// byteRangeWidth is the width each number of /ByteRange is padded to, so
// that the dictionary is written once and the numbers filled in after.
const byteRangeWidth = 10

// Options describe one PDF signature.
type Options struct {
	// Host is the computer's name, in the certificate's subject.
	Host string
	// Time is the signing time written as /M and the day the certificate
	// starts: for a charter, the revision's signing time (its last
	// approver's), never the clock, so that the same revision signs to the
	// same bytes.
	Time time.Time
	// Name is the signature dictionary's /Name; Reason its /Reason.
	Name, Reason string
}

// Sign returns pdf with a PAdES signature (SubFilter ETSI.CAdES.detached)
// made with key, in an incremental update after the file's bytes: a
// signature dictionary with /ByteRange covering the whole file but its
// /Contents, and /Contents the detached CMS SignedData; an invisible
// signature field on the first page and an AcroForm in the catalog. The
// pdf must have a classic cross-reference table and no earlier update, as
// fpdf writes. The same pdf, key and options give the same bytes.
func Sign(pdf []byte, key *rsa.PrivateKey, opt Options) ([]byte, error) {
	if opt.Time.IsZero() {
		return nil, fmt.Errorf("a PDF signature needs its signing time")
	}
	d, err := parseDocument(pdf)
	if err != nil {
		return nil, err
	}
	catalog, err := d.object(d.root)
	if err != nil {
		return nil, err
	}
	if bytes.Contains(catalog, []byte("/AcroForm")) {
		return nil, fmt.Errorf("the PDF already has a form: Boussole signs the charters it writes")
	}
	pageNum, err := d.firstPage(catalog)
	if err != nil {
		return nil, err
	}
	page, _ := d.object(pageNum)
	cert, err := Certificate(key, opt.Host, opt.Time)
	if err != nil {
		return nil, fmt.Errorf("the signing certificate cannot be made: %w", err)
	}

	sigNum, fieldNum, formNum := d.size, d.size+1, d.size+2
	if bytes.Contains(catalog, []byte("/Extensions")) || bytes.Contains(catalog, []byte("/Version")) {
		return nil, fmt.Errorf("the PDF's catalog already declares a version: Boussole signs the charters it writes")
	}
	// The form with the signature field; the version and the ESIC
	// extension level a PAdES signature belongs to (ETSI EN 319 142-1).
	entries := fmt.Sprintf("/AcroForm %d 0 R\n/Version /1.7\n/Extensions <</ESIC <</BaseVersion /1.7 /ExtensionLevel 2>>>>", formNum)
	if catalog, err = addToDict(catalog, entries); err != nil {
		return nil, fmt.Errorf("the PDF's catalog is %w", err)
	}
	fieldRef := fmt.Sprintf("%d 0 R", fieldNum)
	if i := bytes.Index(page, []byte("/Annots")); i >= 0 {
		open := bytes.IndexByte(page[i:], '[')
		if open < 0 || len(bytes.TrimSpace(page[i+len("/Annots"):i+open])) != 0 {
			return nil, fmt.Errorf("the PDF's first page has annotations Boussole does not write")
		}
		at := i + open + 1
		page = slices.Concat(page[:at], []byte(fieldRef+" "), page[at:])
	} else if page, err = addToDict(page, "/Annots ["+fieldRef+"]"); err != nil {
		return nil, fmt.Errorf("the PDF's first page is %w", err)
	}

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)+2*contentsSize+2048))
	out.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		out.WriteByte('\n')
	}
	offsets := map[int]int{}
	obj := func(n int, body string) {
		offsets[n] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n%s\nendobj\n", n, body)
	}
	obj(d.root, string(catalog))
	obj(pageNum, string(page))
	obj(fieldNum, fmt.Sprintf("<</Type /Annot /Subtype /Widget /FT /Sig /T %s /V %d 0 R /F 132 /Rect [0 0 0 0] /P %d 0 R>>",
		textString("Boussole"), sigNum, pageNum))
	obj(formNum, fmt.Sprintf("<</Fields [%d 0 R] /SigFlags 3>>", fieldNum))

	// The signature dictionary: /ByteRange with room for its numbers,
	// /Contents last, zeros to be replaced by the CMS.
	placeholder := strings.Repeat(" ", byteRangeWidth)
	offsets[sigNum] = out.Len()
	fmt.Fprintf(out, "%d 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M %s /Name %s /Reason %s\n",
		sigNum, textString(pdfDate(opt.Time)), textString(opt.Name), textString(opt.Reason))
	out.WriteString("/ByteRange [0 ")
	rangeAt := out.Len()
	fmt.Fprintf(out, "%s %s %s]\n/Contents ", placeholder, placeholder, placeholder)
	contentsAt := out.Len()
	out.WriteString("<" + strings.Repeat("0", 2*contentsSize) + ">")
	contentsEnd := out.Len()
	out.WriteString(">>\nendobj\n")

	xref := out.Len()
	out.WriteString("xref\n0 1\n0000000000 65535 f \n")
	nums := make([]int, 0, len(offsets))
	for n := range offsets {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		fmt.Fprintf(out, "%d 1\n%010d 00000 n \n", n, offsets[n])
	}
	out.WriteString("trailer\n<<\n")
	fmt.Fprintf(out, "/Size %d\n/Root %d 0 R\n", d.size+3, d.root)
	if d.info != 0 {
		fmt.Fprintf(out, "/Info %d 0 R\n", d.info)
	}
	fmt.Fprintf(out, "/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n", d.startxref, xref)

	signed := out.Bytes()
	ranges := [4]int{0, contentsAt, contentsEnd, len(signed) - contentsEnd}
	nums3 := fmt.Sprintf("%-*d %-*d %-*d", byteRangeWidth, ranges[1], byteRangeWidth, ranges[2], byteRangeWidth, ranges[3])
	if len(nums3) != 3*byteRangeWidth+2 {
		return nil, fmt.Errorf("the PDF is too large to sign")
	}
	copy(signed[rangeAt:], nums3)
	h := sha256.New()
	h.Write(signed[:contentsAt])
	h.Write(signed[contentsEnd:])
	cms, err := signedData(key, cert, h.Sum(nil))
	if err != nil {
		return nil, fmt.Errorf("the PDF cannot be signed: %w", err)
	}
	if len(cms) > contentsSize {
		return nil, fmt.Errorf("the signature (%d bytes) does not fit the room kept for it (%d)", len(cms), contentsSize)
	}
	hex.Encode(signed[contentsAt+1:], cms)
	return signed, nil
}
