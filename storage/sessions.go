package storage

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// maxIDLen bounds session ids (bbolt keys may be 32 KB; ours are 16 hex).
const maxIDLen = 200

// List returns the summaries of every session, most recently updated first
// (ties by id). It reads the summaries bucket only.
func (s *Store) List() ([]workshop.Summary, error) {
	var out []workshop.Summary
	if s.db == nil {
		return out, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSummaries)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var r summaryV1
			if err := decodeSummary(v, &r); err != nil {
				return corrupt(s.path, fmt.Errorf("summary %q: %w", k, err))
			}
			out = append(out, fromSummary(&r))
			return nil
		})
	})
	if err != nil {
		return nil, storeError(s.path, err, "cannot list the sessions")
	}
	slices.SortFunc(out, func(a, b workshop.Summary) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// Get returns the session with the given id (KindNotFound if none).
func (s *Store) Get(id string) (*workshop.Session, error) {
	var sess *workshop.Session
	if s.db == nil {
		return nil, workshop.Errorf(workshop.KindNotFound, "there is no session with id %q", id)
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		sess, err = getTx(tx, s.path, id)
		return err
	})
	if err != nil {
		return nil, storeError(s.path, err, "cannot read session %q", id)
	}
	return sess, nil
}

// getTx decodes a session inside the transaction (bbolt's bytes die with it).
func getTx(tx *bolt.Tx, path, id string) (*workshop.Session, error) {
	var v []byte
	if b := tx.Bucket(bucketSessions); b != nil && id != "" && len(id) <= maxIDLen {
		v = b.Get([]byte(id))
	}
	if v == nil {
		return nil, workshop.Errorf(workshop.KindNotFound, "there is no session with id %q", id)
	}
	var r sessionRecordV1
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, corrupt(path, fmt.Errorf("session %q: %w", id, err))
	}
	sess := fromRecord(&r)
	cis, err := checkInsTx(tx, path, id)
	if err != nil {
		return nil, err
	}
	sess.CheckIns = append(sess.CheckIns, cis...)
	return sess, nil
}

// Put creates or replaces a session and its summary in one transaction.
func (s *Store) Put(sess *workshop.Session) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := checkID(sess); err != nil {
		return err
	}
	rec, sum, err := encodeSession(sess)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		if err := putTx(tx, sess.ID, rec, sum); err != nil {
			return err
		}
		return putCheckInsTx(tx, sess)
	})
	if err != nil {
		return storeError(s.path, err, "cannot save session %q", sess.ID)
	}
	return nil
}

func checkID(sess *workshop.Session) error {
	if sess == nil {
		return workshop.Errorf(workshop.KindInvalid, "no session to save")
	}
	if sess.ID == "" {
		return workshop.Errorf(workshop.KindInvalid, "the session has no id")
	}
	if len(sess.ID) > maxIDLen {
		return workshop.Errorf(workshop.KindInvalid, "the session id is longer than %d bytes", maxIDLen)
	}
	return nil
}

// encodeSession marshals the record and the summary outside the transaction,
// so the write lock is held only for the two puts. The record leaves the
// check-ins out: they have their own bucket (checkins.go).
func encodeSession(sess *workshop.Session) (rec, sum []byte, err error) {
	bare := *sess
	bare.CheckIns = nil
	rec, err = json.Marshal(toRecord(&bare))
	if err == nil {
		sum, err = json.Marshal(toSummary(sess.Summary()))
	}
	if err != nil {
		return nil, nil, workshop.Wrap(workshop.KindInternal, err, "cannot encode session %q", sess.ID)
	}
	return rec, sum, nil
}

func putTx(tx *bolt.Tx, id string, rec, sum []byte) error {
	sb, err := tx.CreateBucketIfNotExists(bucketSessions)
	if err != nil {
		return err
	}
	xb, err := tx.CreateBucketIfNotExists(bucketSummaries)
	if err != nil {
		return err
	}
	if err := sb.Put([]byte(id), rec); err != nil {
		return err
	}
	return xb.Put([]byte(id), sum)
}

// Delete removes a session and its summary (KindNotFound if none).
func (s *Store) Delete(id string) error {
	if err := s.writable(); err != nil {
		return err
	}
	err := s.update(func(tx *bolt.Tx) error {
		sb := tx.Bucket(bucketSessions)
		if sb == nil || id == "" || len(id) > maxIDLen || sb.Get([]byte(id)) == nil {
			return workshop.Errorf(workshop.KindNotFound, "there is no session with id %q", id)
		}
		if err := sb.Delete([]byte(id)); err != nil {
			return err
		}
		if err := deleteCheckInsTx(tx, id); err != nil {
			return err
		}
		if xb := tx.Bucket(bucketSummaries); xb != nil {
			return xb.Delete([]byte(id))
		}
		return nil
	})
	if err != nil {
		return storeError(s.path, err, "cannot delete session %q", id)
	}
	return nil
}

// storeError keeps a workshop error as it is and wraps anything else
// (a bbolt or disk failure) as internal.
func storeError(path string, err error, format string, args ...any) error {
	if _, ok := err.(*workshop.Error); ok {
		return err
	}
	return workshop.Wrap(workshop.KindInternal, err, format+" in "+path+" ("+Reason(err)+")", args...)
}
