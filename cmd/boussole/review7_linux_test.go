//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupOnAFullDiskLeavesNothing_Issue7_5: backup -o with the data
// directory's disk full used to leave an empty .pending-output-… note
// beside the store; it says the disk is full and leaves the folder as it was.
func TestBackupOnAFullDiskLeavesNothing_Issue7_5(t *testing.T) {
	disk := tmpfs(t, 512<<10)
	dir := filepath.Join(disk, "data")
	newID(t, dir, "--title", "Full")
	before, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, disk)
	r := exe(t, runOpts{}, "--data", dir, "backup", "-o", filepath.Join(disk, "copy.db"))
	want(t, r, exitFailure, []string{"the disk is full"})
	after, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range after {
		names = append(names, e.Name())
	}
	if len(after) != len(before) {
		t.Errorf("the data directory now holds %s", strings.Join(names, ", "))
	}
}
