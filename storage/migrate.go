package storage

import (
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"boussole/workshop"
)

// migration moves the store from version-1 to version. Migrations are
// appended, never edited or reordered: a store records the version it
// reached, and every later one runs in order. Each has its own test
// (TestMigration_<version>_…), which TestMigrationsAllTested enforces.
type migration struct {
	version int
	name    string
	fn      func(tx *bolt.Tx, now time.Time) error
}

var migrations = []migration{
	{1, "create the meta, sessions and summaries buckets and stamp the schema", migrate1},
	{2, "move check-ins to their own bucket keyed by session, KPI and time; tracking digests", migrate2},
}

// currentVersion is the schema version this binary writes.
func currentVersion() int { return migrations[len(migrations)-1].version }

func migrate1(tx *bolt.Tx, now time.Time) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	for _, name := range [][]byte{bucketSessions, bucketSummaries} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if meta.Get(keyCreated) == nil {
		return meta.Put(keyCreated, []byte(now.UTC().Format(time.RFC3339)))
	}
	return nil
}

// migrate runs, in one transaction, every migration above version, stamps
// the new version, and makes sure every bucket exists. A failure rolls the
// whole transaction back: the store stays at its old version.
func (s *Store) migrate(from int) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, m := range migrations {
			if m.version <= from {
				continue
			}
			if err := m.fn(tx, s.opts.Now()); err != nil {
				return workshop.Wrap(workshop.KindInternal, err, "migration %d (%s) failed; the store was left at schema %d", m.version, m.name, from)
			}
		}
		for _, name := range [][]byte{bucketMeta, bucketSessions, bucketSummaries, bucketCheckIns, bucketTracking} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		if from < currentVersion() {
			return tx.Bucket(bucketMeta).Put(keyVersion, []byte(strconv.Itoa(currentVersion())))
		}
		return nil
	})
	if err != nil {
		return storeError(s.path, err, "cannot prepare the store")
	}
	return nil
}

// SchemaVersion returns the schema version recorded in the store.
func (s *Store) SchemaVersion() (int, error) {
	v := 0
	if s.db == nil {
		return 0, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil {
			v, _ = strconv.Atoi(string(b.Get(keyVersion)))
		}
		return nil
	})
	return v, err
}
