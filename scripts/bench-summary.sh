#!/usr/bin/env bash
# bench-summary.sh FILE — a readable table of the `go test -bench -benchmem`
# output in FILE: one line per benchmark, times in µs/ms/s, memory in KB/MB.
set -euo pipefail
file=${1:?usage: bench-summary.sh FILE}
echo
echo "Summary ($(grep -c '^Benchmark' "$file" || true) benchmarks)"
awk '
function t(ns) {
	if (ns >= 1e9) return sprintf("%.2f s", ns / 1e9)
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.1f µs", ns / 1e3)
	return sprintf("%.0f ns", ns)
}
function b(n) {
	if (n >= 1048576) return sprintf("%.1f MB", n / 1048576)
	if (n >= 1024) return sprintf("%.1f KB", n / 1024)
	return sprintf("%d B", n)
}
/^pkg: / { pkg = $2; sub(/^boussole\//, "", pkg) }
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	ns = ""; by = ""; al = ""; extra = ""
	for (i = 3; i < NF; i += 2) {
		if ($(i+1) == "ns/op") ns = t($i)
		else if ($(i+1) == "B/op") by = b($i)
		else if ($(i+1) == "allocs/op") al = $i
		else extra = extra sprintf(" %s %s", $i, $(i+1))
	}
	printf "  %-14s %-44s %12s %10s %8s allocs%s\n", pkg, name, ns, by, al, extra
}
' "$file"
if grep -q -e '^FAIL' -e '^--- FAIL' "$file"; then
	echo "some benchmarks failed: see $file" >&2
	exit 1
fi
