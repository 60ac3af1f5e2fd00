package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// maxProblems bounds the details a failed check reports.
const maxProblems = 10

// Check verifies the whole store: bbolt's page check, every session and
// summary decodes, and the summaries match the sessions. A failure is
// KindCorrupt with the details.
func (s *Store) Check() error {
	if s.db == nil {
		return nil // a read-only store with no file yet: nothing to damage
	}
	return checkDB(s.db, s.path, true)
}

// checkDB runs bbolt's page check and, when records is set, decodes every
// record too (seconds on a large store: Open's daily check skips it).
func checkDB(db *bolt.DB, path string, records bool) error {
	var problems []string
	add := func(format string, args ...any) {
		if len(problems) < maxProblems {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	// tx.Check is safe beside writers only in a writable transaction: on a
	// writable store take the write lock (and roll back), else a reader.
	tx, err := db.Begin(!db.IsReadOnly())
	if err != nil {
		return corrupt(path, err)
	}
	defer func() { _ = tx.Rollback() }()
	err = func() error {
		for err := range tx.Check() {
			add("%v", err)
		}
		if len(problems) > 0 || !records {
			return nil // unsound pages are not walked
		}
		sessions := tx.Bucket(bucketSessions)
		summaries := tx.Bucket(bucketSummaries)
		if sessions == nil || summaries == nil {
			if sessions != nil || summaries != nil {
				add("one of the sessions and summaries buckets is missing")
			}
			return nil
		}
		err := sessions.ForEach(func(k, v []byte) error {
			var r sessionRecordV1
			if err := json.Unmarshal(v, &r); err != nil {
				add("session %q does not decode: %v", k, err)
				return nil
			}
			if r.ID != string(k) {
				add("session stored under %q says its id is %q", k, r.ID)
			}
			sum := summaries.Get(k)
			if sum == nil {
				add("session %q has no summary", k)
				return nil
			}
			want, err := json.Marshal(toSummary(fromRecord(&r).Summary()))
			if err != nil {
				return err
			}
			var got summaryV1
			if err := json.Unmarshal(sum, &got); err != nil {
				add("summary %q does not decode: %v", k, err)
			} else if again, _ := json.Marshal(got); !bytes.Equal(again, want) {
				add("summary %q does not match its session", k)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := summaries.ForEach(func(k, v []byte) error {
			if sessions.Get(k) == nil {
				add("summary %q has no session", k)
			}
			return nil
		}); err != nil {
			return err
		}
		return checkCheckIns(tx, sessions, add)
	}()
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return corrupt(path, errors.New(strings.Join(problems, "; ")))
	}
	return nil
}
