// Package pades signs a PDF with a PAdES signature and checks one, with the
// standard library only.
//
// Sign appends an incremental update to a PDF written by fpdf (a classic
// cross-reference table, no earlier update): a signature dictionary
// (/Type /Sig, /Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached,
// /ByteRange, /Contents, /M, /Name, /Reason), an invisible signature field
// on the first page and an AcroForm in the catalog, and a cross-reference
// section for them with /Prev pointing at the original one. /Contents holds
// a detached CMS SignedData (RFC 5652) over the byte range: SHA-256, RSA
// PKCS #1 v1.5, signed attributes content-type, message-digest and ESS
// signing-certificate-v2 (PAdES requires it), no signing-time attribute,
// and the signer's self-signed certificate (Certificate). Nothing comes
// from the clock or a random source: the same PDF, key, computer name and
// signing time give the same bytes.
//
// Verify finds the last signature of any PDF and checks it: the byte range
// covers the whole file but the signature's /Contents (else it says bytes
// were appended after signing), the CMS message digest matches the bytes,
// and the RSA signature verifies against the certificate the CMS carries.
// It returns the file as it was before the signature's incremental update,
// which is what Boussole rendered and can render again to compare.
//
// The package depends on workshop only (for the key fingerprint).
package pades
