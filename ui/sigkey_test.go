package ui

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	"boussole/storage"
)

// testSigner signs the tests' sign-off records: an installation key made
// once for the package (RSA key generation takes a while).
var testSigner = newTestKey()

func newTestKey() *storage.InstallationKey {
	k, err := storage.NewInstallationKey()
	if err != nil {
		panic(err)
	}
	return k
}

// writeTestKey puts testSigner in dir as its installation key, so that a
// test signing in the window does not wait for a new RSA key.
func writeTestKey(t testing.TB, dir string) {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(testSigner.Private)
	if err != nil {
		t.Fatal(err)
	}
	data := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if err := os.WriteFile(filepath.Join(dir, storage.KeyName), data, 0o600); err != nil {
		t.Fatal(err)
	}
}
