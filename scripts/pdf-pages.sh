#!/usr/bin/env bash
# Page images of the charter PDF for docs/: the net-retention template,
# signed by its approvers, exported by the real binary in French and in
# English, each page rendered by poppler's pdftoppm at 100 dpi (A4 is
# 827x1170). Writes docs/pdf-cover-LANG.png (page 1, the one-page charter)
# and docs/pdf-kpis-LANG.png (the page of the KPI section).
# Usage: scripts/pdf-pages.sh [bin/boussole]
set -euo pipefail
BIN=${1:-bin/boussole}
OUT=docs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for l in fr en; do
	data=$work/data-$l
	id=$("$BIN" --data "$data" new --template net-retention --lang "$l" --period 2027-Q1)
	# The approvers as `show` lists them, in the charter's language:
	# "Approvers (2)" / "Approbateurs (2)", then "  - Name: to sign".
	"$BIN" --data "$data" show "$id" | sed -n '/^Appro/,/^$/p' | sed -n 's/^  - \(.*[^ ]\) *: .*/\1/p' |
		while IFS= read -r name; do
			"$BIN" --data "$data" sign "$id" --as "$name" >/dev/null
		done
	pdf=$work/charter-$l.pdf
	"$BIN" --data "$data" export "$id" --format pdf -o "$pdf"
	if pdftotext "$pdf" - | grep -qE '^(DRAFT|BROUILLON)$'; then
		echo "pdf-pages: the $l charter is not signed" >&2
		exit 1
	fi
	pdftoppm -r 100 -png "$pdf" "$work/page-$l"
	cp "$work/page-$l-1.png" "$OUT/pdf-cover-$l.png"
	kpi=$(case $l in fr) echo "3. KPI et seuils" ;; en) echo "3. KPIs and thresholds" ;; esac)
	n=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	for p in $(seq 1 "$n"); do
		if pdftotext -f "$p" -l "$p" "$pdf" - | grep -qF "$kpi"; then
			cp "$work/page-$l-$p.png" "$OUT/pdf-kpis-$l.png"
			break
		fi
	done
done
