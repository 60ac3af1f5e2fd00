package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// TestInstallationKeyMadeOnceAndPrivate_Issue11_1: the first SigningKey
// makes an RSA key in boussole.key, readable only by the user, and a copy
// in the store; later calls and later opens return the same key.
func TestInstallationKeyMadeOnceAndPrivate_Issue11_1(t *testing.T) {
	dir := t.TempDir()
	if fp, err := ReadKeyFingerprint(dir); err != nil || fp != "" {
		t.Fatalf("before any key: %q, %v", fp, err)
	}
	s := openAt(t, dir, Options{Now: fixedNow})
	k, created, err := s.SigningKey()
	if err != nil || !created {
		t.Fatalf("SigningKey: created=%v err=%v", created, err)
	}
	if k.Private.N.BitLen() != KeyBits {
		t.Errorf("key of %d bits", k.Private.N.BitLen())
	}
	fi, err := os.Stat(filepath.Join(dir, KeyName))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}
	if k2, created, _ := s.SigningKey(); created || k2.Fingerprint != k.Fingerprint {
		t.Errorf("second call: created=%v", created)
	}
	closeNow(t, s)
	if fp, err := ReadKeyFingerprint(dir); err != nil || fp != k.Fingerprint {
		t.Errorf("ReadKeyFingerprint = %q, %v; want %q", fp, err, k.Fingerprint)
	}
	s = openAt(t, dir, Options{Now: fixedNow})
	if k3, created, err := s.SigningKey(); err != nil || created || k3.Fingerprint != k.Fingerprint {
		t.Errorf("after reopening: %v created=%v", err, created)
	}
	if len(k.Fingerprint) != 24 {
		t.Errorf("fingerprint %q: want five groups of four hex digits", k.Fingerprint)
	}
}

// TestInstallationKeyRestoredFromTheStore_Issue11_1: a key file lost while
// the store (or a backup put back) holds its copy comes back from it.
func TestInstallationKeyRestoredFromTheStore_Issue11_1(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	k, _, err := s.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	closeNow(t, s)
	if err := os.Remove(filepath.Join(dir, KeyName)); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, dir, Options{Now: fixedNow})
	k2, created, err := s.SigningKey()
	if err != nil || created || k2.Fingerprint != k.Fingerprint {
		t.Fatalf("restored key: %v created=%v", err, created)
	}
	if fp, _ := ReadKeyFingerprint(dir); fp != k.Fingerprint {
		t.Errorf("file not written back: %q", fp)
	}
}

// TestInstallationKeyLostMakesANewOne_Issue11_1: with neither the file nor
// the store's copy (a store from before keys), a new key is made and the
// caller is told (created), nothing else changes.
func TestInstallationKeyLostMakesANewOne_Issue11_1(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	if err := s.Put(richSession("s1")); err != nil {
		t.Fatal(err)
	}
	k, _, _ := s.SigningKey()
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyInstallation) }); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(filepath.Join(dir, KeyName))
	s.key = nil
	if !s.HasSessions() {
		t.Fatal("HasSessions = false")
	}
	k2, created, err := s.SigningKey()
	if err != nil || !created || k2.Fingerprint == k.Fingerprint {
		t.Fatalf("new key: %v created=%v", err, created)
	}
	if got := (KeyNotice{k2.Fingerprint}).String(); !bytes.Contains([]byte(got), []byte(k2.Fingerprint)) {
		t.Errorf("notice %q", got)
	}
}

// TestDamagedInstallationKeyIsAnErrorNamingIt_Issue11_1: a damaged key
// file is reported with its path; neither it nor the store changes.
func TestDamagedInstallationKeyIsAnErrorNamingIt_Issue11_1(t *testing.T) {
	for name, content := range map[string][]byte{
		"garbage":   []byte("not a key"),
		"truncated": []byte("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"),
		"empty":     {},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := openAt(t, dir, Options{Now: fixedNow})
			if err := s.Put(richSession("s1")); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, KeyName)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			closeNow(t, s)
			s = openAt(t, dir, Options{Now: fixedNow})
			before := fileSum(t, filepath.Join(dir, FileName))
			_, _, err := s.SigningKey()
			if after := fileSum(t, filepath.Join(dir, FileName)); after != before {
				t.Error("the store changed")
			}
			wantKind(t, err, workshop.KindCorrupt)
			if err == nil || !bytes.Contains([]byte(err.Error()), []byte(path)) {
				t.Errorf("error does not name %s: %v", path, err)
			}
			closeNow(t, s)
			if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
				t.Error("the damaged key was changed")
			}
			if _, err := ReadKeyFingerprint(dir); err == nil {
				t.Error("ReadKeyFingerprint accepted a damaged key")
			}
		})
	}
}

// The installation's public key is read without making one (a read-only
// store included), and a key made for a store whose records were signed
// with a lost key is news (HasKeySignedRecords), not for a new store.
func TestInstallationPublicKeyAndLostKey_Issue11_1(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	if k, err := s.InstallationPublicKey(); err != nil || k != nil {
		t.Fatalf("before any key: %v %v", k, err)
	}
	if _, err := os.Stat(filepath.Join(dir, KeyName)); !os.IsNotExist(err) {
		t.Fatal("InstallationPublicKey made a key file")
	}
	sess := richSession("0123456789abcdef")
	sess.Revisions[0].Signatures[0].KeySig, sess.Revisions[1].Declines[0].KeySig = nil, nil
	if err := s.Put(sess); err != nil {
		t.Fatal(err)
	}
	if s.HasKeySignedRecords() {
		t.Fatal("records without signature counted as signed with a key")
	}
	k, created, err := s.SigningKey()
	if err != nil || !created {
		t.Fatal(created, err)
	}
	if pub, err := s.InstallationPublicKey(); err != nil || !bytes.Equal(pub, k.PublicDER) {
		t.Fatalf("public key %v, %v", pub, err)
	}
	if err := s.Put(richSession("0123456789abcdee")); err != nil {
		t.Fatal(err)
	}
	if !s.HasKeySignedRecords() {
		t.Fatal("a signed record not seen")
	}
	closeNow(t, s)
	ro := openAt(t, dir, Options{Now: fixedNow, ReadOnly: true})
	if pub, err := ro.InstallationPublicKey(); err != nil || !bytes.Equal(pub, k.PublicDER) {
		t.Fatalf("read-only: %v, %v", pub, err)
	}
	closeNow(t, ro)
}

// SigningKeyNotice tells of a new key only when it replaces a lost one: a
// store whose records were signed with a key that is gone; not for a new
// store, nor once the key exists.
func TestSigningKeyNotice_Issue11_1(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir, Options{Now: fixedNow})
	if _, notice, err := s.SigningKeyNotice(); err != nil || notice != nil {
		t.Fatalf("a new store: notice %v, %v", notice, err)
	}
	if err := s.Put(richSession("0123456789abcdef")); err != nil { // records signed with testKey
		t.Fatal(err)
	}
	closeNow(t, s)
	if err := os.Remove(filepath.Join(dir, KeyName)); err != nil {
		t.Fatal(err)
	}
	// The store's copy of the key goes too: the key is lost.
	s = openAt(t, dir, Options{Now: fixedNow})
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyInstallation) }); err != nil {
		t.Fatal(err)
	}
	k, notice, err := s.SigningKeyNotice()
	if err != nil || notice == nil || notice.Fingerprint != k.Fingerprint {
		t.Fatalf("a lost key replaced: notice %v, %v", notice, err)
	}
	if _, again, err := s.SigningKeyNotice(); err != nil || again != nil {
		t.Fatalf("the key once made: notice %v, %v", again, err)
	}
	closeNow(t, s)
}
