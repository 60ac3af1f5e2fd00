// Package storage keeps Boussole's sessions in one bbolt file and reads and
// writes the .boussole interchange format.
//
// The data directory (0700) holds:
//
//	DIR/boussole.db                          the store (0600)
//	DIR/boussole.lock                        the lock file: every Open takes it first (shared to
//	                                         read, exclusive to write), and restore for its whole
//	                                         duration; it is never replaced, unlike the store
//	DIR/boussole.db.damaged-YYYYMMDD-HHMMSS  a damaged store set aside by RestoreLatest
//	DIR/boussole.db.replaced-YYYYMMDD-HHMMSS a sound store replaced by a forced RestoreLatest
//	DIR/boussole.db.restoring.tmp-HEX        the copy a restore is putting in place
//	DIR/.pending-output-HEX                  the path of the temporary file a backup -o is writing
//	DIR/backups/boussole-YYYYMMDD-HHMMSS.db  rotating backups (the newest Options.KeepBackups)
//
// The last three, left by an interrupted restore or backup, are removed by
// the next exclusive Open. A backup's name is for people: each records, in
// its own bucket backup/record, when it was taken and its sequence number
// (backupRecordV1), and rotation and restore order by that record. A file
// of backups/ that fails the check is never counted as a backup, nor
// deleted.
//
// Inside boussole.db (schema version 1):
//
//	meta/
//	    version    → decimal text, "1" (the schema version; see migrations)
//	    created    → RFC 3339 time the store was created
//	    installation-key → PEM (PKCS#8) of the installation key, a copy of
//	                 boussole.key so that backups hold it (key.go)
//	sessions/
//	    <id>       → JSON sessionRecordV1: the whole session, every revision,
//	                 the board and the check-ins; each signature and decline
//	                 carries the public key and the signature of the
//	                 installation that made it (empty on older records)
//	summaries/
//	    <id>       → JSON summaryV1: id, title, period, lang, status,
//	                 revision, updated — what the session list shows, so the
//	                 list never decodes whole sessions
//
// A session and its summary are always written in the same transaction.
// Records are private, versioned types mapped to and from the workshop
// types (records.go), so that renaming a domain field never changes the
// bytes on disk; a change of shape is a new record version and a migration.
//
// Open refuses, without writing a byte, a store that is locked by another
// process (KindLocked), damaged, empty or missing beside its backups
// (KindCorrupt) or written by a newer Boussole (KindTooNew). Backups are made at the first open of each day and before
// any migration, with tx.WriteTo into a temporary file that is synced and
// renamed, never truncated in place.
//
// A read-only Open of a directory without a store returns an empty store
// (List finds nothing) and creates nothing.
//
// The interchange file (.boussole, "format": "boussole/1") is the session
// record with a format field, documented by docs/boussole.schema.json.
package storage
