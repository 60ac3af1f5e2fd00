package workshop_test

import "boussole/workshop"

var testSigner = workshop.TestSigner
