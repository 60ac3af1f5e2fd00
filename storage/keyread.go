package storage

// ReadKey returns dir's installation key from its key file, or nil when
// there is none: no lock, no store, nothing created or written, so that an
// export that only reads the store can sign with it. SigningKey makes the
// key when there is none.
func ReadKey(dir string) (*InstallationKey, error) {
	k, _, err := readKeyFile(dir)
	return k, err
}
