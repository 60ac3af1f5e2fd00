package workshop_test

import "boussole/workshop"

var testSigner = workshop.TestSigner

var (
	ecdsaKeyDER = workshop.EcdsaKeyDER
	rsaKeyDER   = workshop.RsaKeyDER
)
