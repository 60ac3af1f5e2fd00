package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"

	"boussole/storage"
	"boussole/workshop"
)

// testSigner signs the tests' sign-off records: an installation key made
// once for the package (RSA key generation takes a while).
var testSigner = newTestKey()

func newTestKey() *storage.InstallationKey {
	rk, err := rsa.GenerateKey(rand.Reader, storage.KeyBits)
	if err != nil {
		panic(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&rk.PublicKey)
	if err != nil {
		panic(err)
	}
	return &storage.InstallationKey{Private: rk, PublicDER: der, Fingerprint: workshop.KeyFingerprint(der)}
}
