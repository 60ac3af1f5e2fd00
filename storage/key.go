package storage

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// KeyName is the installation key's file in the data directory: an RSA
// private key (PKCS#8, PEM), readable only by the user. RSA because PDF
// readers (Acrobat, poppler) verify it, and PKCS#1 v1.5 signatures are
// deterministic, which keeps a signed PDF byte-reproducible.
//
// A copy lives in the store's meta bucket, so that every backup holds the
// key that signed its records; a `.boussole` export never does (it holds
// sessions only). The file wins when both exist.
const KeyName = "boussole.key"

// KeyBits is the size of a new installation key.
const KeyBits = 2048

var keyInstallation = []byte("installation-key")

const pemPrivateKey = "PRIVATE KEY"

// InstallationKey is the key that signs this installation's sign-off
// records and charter PDFs.
type InstallationKey struct {
	Private *rsa.PrivateKey
	// PublicDER is the public key as PKIX DER, the form records carry.
	PublicDER []byte
	// Fingerprint is workshop.KeyFingerprint(PublicDER).
	Fingerprint string
}

// KeyNotice says that SigningKey had to make a new installation key
// although the store already held records signed with one
// (HasKeySignedRecords): the old key is gone, the signatures it made stay
// verifiable from the public keys they carry.
type KeyNotice struct {
	Fingerprint string
}

func (n KeyNotice) String() string {
	return fmt.Sprintf("no installation key was found; Boussole made a new one (%s). Signatures made with the old key stay verifiable from the public keys recorded with them", n.Fingerprint)
}

func parseKey(path string, data []byte) (*InstallationKey, error) {
	bad := func(why string) error {
		return workshop.Errorf(workshop.KindCorrupt,
			"the installation key %s is damaged (%s): move it aside and Boussole makes a new one; signatures already made stay verifiable", path, why)
	}
	block, rest := pem.Decode(data)
	if block == nil || block.Type != pemPrivateKey || len(bytes.TrimSpace(rest)) != 0 {
		return nil, bad("not a PEM private key")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, bad(err.Error())
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, bad(fmt.Sprintf("a %T key, Boussole signs with RSA", k))
	}
	if rk.N.BitLen() < 2048 {
		return nil, bad(fmt.Sprintf("an RSA key of %d bits, fewer than 2048", rk.N.BitLen()))
	}
	return newInstallationKey(rk)
}

// NewInstallationKey makes a new key (RSA, KeyBits), not stored anywhere:
// SigningKey stores the one it makes; tests sign records with one.
func NewInstallationKey() (*InstallationKey, error) {
	rk, err := rsa.GenerateKey(rand.Reader, KeyBits)
	if err != nil {
		return nil, workshop.Wrap(workshop.KindInternal, err, "cannot make an installation key")
	}
	return newInstallationKey(rk)
}

func newInstallationKey(rk *rsa.PrivateKey) (*InstallationKey, error) {
	der, err := x509.MarshalPKIXPublicKey(&rk.PublicKey)
	if err != nil {
		return nil, err
	}
	return &InstallationKey{Private: rk, PublicDER: der, Fingerprint: workshop.KeyFingerprint(der)}, nil
}

func encodeKey(rk *rsa.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(rk)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemPrivateKey, Bytes: der}), nil
}

// readKeyFile reads dir's key file: (nil, nil) when there is none.
func readKeyFile(dir string) (*InstallationKey, []byte, error) {
	path := filepath.Join(dir, KeyName)
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, workshop.Wrap(workshop.KindInternal, err, "cannot read the installation key %s (%s)", path, Reason(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, workshop.Errorf(workshop.KindCorrupt,
			"the installation key %s is not a regular file: move it aside and Boussole makes a new one", path)
	}
	if fi.Size() > 64<<10 {
		return nil, nil, workshop.Errorf(workshop.KindCorrupt,
			"the installation key %s is damaged (%d bytes, a key is a few KB): move it aside and Boussole makes a new one", path, fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, workshop.Wrap(workshop.KindInternal, err, "cannot read the installation key %s (%s)", path, Reason(err))
	}
	k, err := parseKey(path, data)
	if err != nil {
		return nil, nil, err
	}
	return k, data, nil
}

// ReadKeyFingerprint returns the fingerprint of dir's installation key,
// or "" when there is none. It reads the key file only: no lock, no store,
// nothing created, so `boussole --version` may call it while the window
// runs.
func ReadKeyFingerprint(dir string) (string, error) {
	k, _, err := readKeyFile(dir)
	if err != nil || k == nil {
		return "", err
	}
	return k.Fingerprint, nil
}

// SigningKey returns the installation key, making it at first use: from
// the key file; else from the copy in the store (the file is written
// again); else a new key, written to both, with created true. A damaged
// key file is an error naming it, and nothing is written. The store must
// be open for writing.
func (s *Store) SigningKey() (key *InstallationKey, created bool, err error) {
	if err := s.writable(); err != nil {
		return nil, false, err
	}
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	if s.key != nil {
		return s.key, false, nil
	}
	fileKey, fileData, err := readKeyFile(s.dir)
	if err != nil {
		return nil, false, err
	}
	stored, err := s.keyCopy()
	if err != nil {
		return nil, false, err
	}
	path := filepath.Join(s.dir, KeyName)
	switch {
	case fileKey != nil:
		if !bytes.Equal(stored, fileData) {
			if err := s.putKey(fileData); err != nil {
				return nil, false, err
			}
		}
		s.key = fileKey
		return fileKey, false, nil
	case stored != nil:
		k, err := parseKey(s.path+" (its copy of the installation key)", stored)
		if err != nil {
			return nil, false, err
		}
		if err := writeKeyFile(path, stored); err != nil {
			return nil, false, err
		}
		s.key = k
		return k, false, nil
	}
	k, err := NewInstallationKey()
	if err != nil {
		return nil, false, err
	}
	data, err := encodeKey(k.Private)
	if err != nil {
		return nil, false, err
	}
	if err := writeKeyFile(path, data); err != nil {
		return nil, false, err
	}
	if err := s.putKey(data); err != nil {
		return nil, false, err
	}
	s.key = k
	return k, true, nil
}

// HasSessions tells whether the store holds any session (a key made for
// a store with sessions is news: KeyNotice).
func (s *Store) HasSessions() bool {
	if s.db == nil {
		return false
	}
	found := false
	_ = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketSessions); b != nil {
			k, _ := b.Cursor().First()
			found = k != nil
		}
		return nil
	})
	return found
}

func (s *Store) putKey(data []byte) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		return b.Put(keyInstallation, data)
	})
}

func writeKeyFile(path string, data []byte) error {
	err := writeAtomic(path, func(w io.Writer) (int64, error) {
		n, err := w.Write(data)
		return int64(n), err
	}, nil, nil)
	if err != nil {
		return workshop.Wrap(workshop.KindInternal, err, "cannot write the installation key %s (%s)", path, Reason(err))
	}
	return nil
}

// PublicKeyDER implements workshop.RecordSigner: the key as records carry it.
func (k *InstallationKey) PublicKeyDER() []byte { return k.PublicDER }

// SignRecord implements workshop.RecordSigner: RSA PKCS#1 v1.5 over a
// SHA-256 digest (deterministic, no randomness needed).
func (k *InstallationKey) SignRecord(digest []byte) ([]byte, error) {
	return rsa.SignPKCS1v15(nil, k.Private, crypto.SHA256, digest)
}

var _ workshop.RecordSigner = (*InstallationKey)(nil)

// InstallationPublicKey returns this installation's public key (PKIX DER)
// without making one: from the key file, else from the store's copy; nil
// when there is none yet. It works on a store opened read-only.
func (s *Store) InstallationPublicKey() ([]byte, error) {
	if k, _, err := readKeyFile(s.dir); err != nil || k != nil {
		if k != nil {
			return k.PublicDER, nil
		}
		return nil, err
	}
	stored, err := s.keyCopy()
	if err != nil || stored == nil {
		return nil, err
	}
	k, err := parseKey(s.path+" (its copy of the installation key)", stored)
	if err != nil {
		return nil, err
	}
	return k.PublicDER, nil
}

// SigningKeyNotice is SigningKey for the window and the command line: with
// the KeyNotice to tell the person when the key had to be made anew for a
// store that already held records signed with one (the old key is lost),
// nil otherwise.
func (s *Store) SigningKeyNotice() (*InstallationKey, *KeyNotice, error) {
	key, created, err := s.SigningKey()
	if err != nil || !created || !s.HasKeySignedRecords() {
		return key, nil, err
	}
	return key, &KeyNotice{Fingerprint: key.Fingerprint}, nil
}

// HasKeySignedRecords tells whether a stored session holds a sign-off
// record signed with an installation key. A key made for such a store
// replaces one that was lost: KeyNotice is news then. For a store that
// never had a key (new, or from before keys) it is not, and is not said.
func (s *Store) HasKeySignedRecords() bool {
	if s.db == nil {
		return false
	}
	found := false
	_ = s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSessions)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			if bytes.Contains(v, []byte(`"keySignature":`)) {
				found = true
				return errStopScan
			}
			return nil
		})
	})
	return found
}

var errStopScan = errors.New("stop")

// keyCopy is the copy of the installation key the store holds (the key
// file's bytes), nil when it holds none.
func (s *Store) keyCopy() (stored []byte, err error) {
	if s.db == nil {
		return nil, nil
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil {
			stored = bytes.Clone(b.Get(keyInstallation))
		}
		return nil
	})
	return stored, err
}
