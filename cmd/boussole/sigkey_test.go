package main

import "boussole/storage"

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
