package ui

import "testing"

// Counts read as a person writes them: "1 vote", "2 votes" in English; in
// French 0 and 1 are singular ("1 vote", "0 vote", "2 votes").
func TestCatalogPlurals(t *testing.T) {
	t.Cleanup(func() { SetupLanguage(LangEN) })
	cases := []struct {
		lang string
		key  string
		args []any
		want string
	}{
		{LangEN, "ideas.card.votes", []any{"N", 0}, "0 votes"},
		{LangEN, "ideas.card.votes", []any{"N", 1}, "1 vote"},
		{LangEN, "ideas.card.votes", []any{"N", 7}, "7 votes"},
		{LangEN, "findings.counts", []any{"Errors", 1, "Warnings", 2, "Infos", 0}, "1 error · 2 warnings · 0 infos"},
		{LangEN, "review.blocked", []any{"N", 1}, "1 error blocks sign-off: fix it before asking for signatures."},
		{LangFR, "ideas.card.votes", []any{"N", 0}, "0 vote"},
		{LangFR, "ideas.card.votes", []any{"N", 1}, "1 vote"},
		{LangFR, "present.votes", []any{"N", 7}, "7 votes"},
		{LangFR, "findings.counts", []any{"Errors", 0, "Warnings", 1, "Infos", 3}, "0 erreur · 1 avertissement · 3 infos"},
		{LangFR, "review.blocked", []any{"N", 2}, "2 erreurs bloquent la signature\u00a0: corrigez-les avant de faire signer."},
	}
	for _, c := range cases {
		SetupLanguage(c.lang)
		if got := tr(c.key, c.args...); got != c.want {
			t.Errorf("%s %s %v: %q, want %q", c.lang, c.key, c.args, got, c.want)
		}
	}
}
