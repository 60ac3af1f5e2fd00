package storage

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func TestDecodeSummary_SameAsJSON(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	titles := []string{"", "Charte Q1", `guillemets "ici"`, "a<b & c>d", "ligne\nsuivante", "tab\there",
		"émoji 💶 Ωmega Жанна", "sep\u2028arator", "back\\slash", "\x7f del", "invalid \xff utf8"}
	for _, title := range titles {
		for _, at := range []time.Time{day, day.In(paris), time.Date(2027, 3, 1, 0, 0, 0, 123456789, time.UTC), {}} {
			in := summaryV1{ID: "0123456789abcdef", Title: title, Period: "2027-Q1", Lang: "fr", Status: "signing", Revision: 12, Updated: at}
			b, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			var want, got summaryV1
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if err := decodeSummary(b, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:\n got %+v\nwant %+v", b, got, want)
			}
		}
	}
	// Other shapes (a future field, another order) still decode.
	var got summaryV1
	if err := decodeSummary([]byte(`{"title":"T","id":"x","extra":1,"revision":2,"updated":"2027-01-11T09:30:00Z"}`), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "x" || got.Title != "T" || got.Revision != 2 || !got.Updated.Equal(day) {
		t.Fatalf("fallback = %+v", got)
	}
	if err := decodeSummary([]byte(`{"id":"x"`), &got); err == nil {
		t.Fatal("truncated summary decoded")
	}
}
