#!/usr/bin/env bash
# Screenshots of the real binary under Xvfb for docs/: the editor's steps at
# 1280x800 and 1024x700, French and English interface (sales-cycle
# template, authors shown on the board). Needs Xvfb, xdotool and
# ImageMagick's import. Usage: scripts/screenshots.sh [bin/boussole]
set -euo pipefail
BIN=${1:-bin/boussole}
OUT=docs
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
disp=:$((150 + RANDOM % 40))
Xvfb "$disp" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
export DISPLAY=$disp

# shoot LANG SIZE NAME STEP... : opens the session, then for each "step:file"
# clicks the step in the navigator and saves the window.
shoot() {
	local lang=$1 w=$2 h=$3; shift 3
	local data=$work/data-$lang-$w
	"$BIN" --data "$data" new --title "Atelier cycle de vente" --template sales-cycle --lang "${lang:0:2}" >/dev/null
	env -i PATH="$PATH" HOME="$work/home-$lang-$w" DISPLAY="$disp" LANG="$lang" LC_ALL="$lang" \
		"$BIN" --data "$data" >/dev/null 2>&1 &
	local pid=$!
	local win
	win=$(xdotool search --sync --onlyvisible --name Boussole | head -1)
	xdotool windowsize --sync "$win" "$w" "$h"
	xdotool windowmove --sync "$win" 0 0
	sleep 1
	xdotool mousemove 300 97 click --repeat 2 --delay 120 1
	sleep 1.5
	for spec in "$@"; do
		local step=${spec%%:*} file=${spec#*:}
		xdotool mousemove 100 $((113 + 40 * step)) click 1
		sleep 1.2
		import -window root -crop "${w}x${h}+0+0" "$OUT/$file"
	done
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}

for l in fr en; do
	L=${l}_$( [ $l = fr ] && echo FR || echo US ).UTF-8
	shoot "$L" 1280 800 "0:ui-editor-$l.png" "2:ui-ideas-$l.png" "3:ui-objectives-$l.png" "4:ui-kpis-$l.png" "5:ui-roles-$l.png" "10:ui-review-$l.png"
	shoot "$L" 1024 700 "0:ui-1024-setup-$l.png" "2:ui-1024-ideas-$l.png" "4:ui-1024-kpis-$l.png" "7:ui-1024-rituals-$l.png"
done
