package ui

// idRow is a row or card on screen that stands for one charter item.
type idRow interface{ rowID() string }

// rowsMatch reports whether the rows on screen stand, in order, for the
// charter's items. A refresh then updates them in place instead of
// rebuilding them, which keeps the focus and what is being typed.
func rowsMatch[R idRow, I any](rows []R, items []I, itemID func(I) string) bool {
	if len(rows) != len(items) {
		return false
	}
	for i := range rows {
		if rows[i].rowID() != itemID(items[i]) {
			return false
		}
	}
	return true
}
