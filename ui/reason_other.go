//go:build !windows

package ui

func isDiskFull(error) bool { return false }
