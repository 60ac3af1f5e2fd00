// Package storage keeps Boussole's sessions in one bbolt file and reads and
// writes the .boussole interchange format.
//
// The data directory (0700) holds:
//
//	DIR/boussole.db                         the store (0600)
//	DIR/boussole.db.damaged-YYYYMMDD-HHMMSS a damaged store set aside by RestoreLatestBackup
//	DIR/backups/boussole-YYYYMMDD-HHMMSS.db rotating backups (the newest Options.KeepBackups)
//
// Inside boussole.db (schema version 1):
//
//	meta/
//	    version    → decimal text, "1" (the schema version; see migrations)
//	    created    → RFC 3339 time the store was created
//	sessions/
//	    <id>       → JSON sessionRecordV1: the whole session, every revision,
//	                 the board and the check-ins
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
// process (KindLocked), damaged (KindCorrupt) or written by a newer Boussole
// (KindTooNew). Backups are made at the first open of each day and before
// any migration, with tx.WriteTo into a temporary file that is synced and
// renamed, never truncated in place.
//
// A read-only Open of a directory without a store returns an empty store
// (List finds nothing) and creates nothing.
//
// The interchange file (.boussole, "format": "boussole/1") is the session
// record with a format field, documented by docs/boussole.schema.json.
package storage
