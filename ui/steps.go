package ui

// allSteps is the guided journey, in the order of workshop.Steps
// (PRODUCT.md §1). Each editor gets fresh steps.
func allSteps() []Step {
	return []Step{
		newSetupStep(),
		newIntentStep(),
		newIdeasStep(),
		newObjectivesStep(),
		newKPIsStep(),
		newRolesStep(),
		newCascadeStep(),
		newRitualsStep(),
		newIncentivesStep(),
		newLogStep(),
		newReviewStep(),
	}
}
