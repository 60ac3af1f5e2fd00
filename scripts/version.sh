#!/usr/bin/env bash
# version.sh — Boussole's one version, from the last git tag (vX.Y.Z), in
# the form each consumer needs.
#
#   scripts/version.sh          the application version: 0.2.0 on the tag,
#                               0.2.0+3.gabc1234 three commits after it
#   scripts/version.sh deb      the Debian version (the same string)
#   scripts/version.sh windows  the numeric Windows version: 0.2.0.3 (0.2.0.1 on the tag)
#   scripts/version.sh base     X.Y.Z alone (the Fyne tool's --app-version)
#   scripts/version.sh build    commits since the tag (the Fyne tool's --app-build)
#
# Where no tag is reachable (a shallow clone, an export without history) the
# version is 0.0.0+<short commit>, or 0.0.0+unknown outside git. A tree with
# uncommitted changes adds .dirty, so such a build never passes for the
# tagged one.
set -euo pipefail
cd "$(dirname "$0")/.."

base=0.0.0 count=0 commit="" dirty=""
if desc=$(git describe --tags --long --match 'v[0-9]*' --dirty 2>/dev/null); then
	# v0.2.0-3-gabc1234[-dirty]
	[[ $desc == *-dirty ]] && dirty=.dirty && desc=${desc%-dirty}
	commit=${desc##*-g}
	desc=${desc%-g*}
	count=${desc##*-}
	base=${desc%-*}
	base=${base#v}
	if ! [[ $base =~ ^[0-9]+\.[0-9]+\.[0-9]+$ && $count =~ ^[0-9]+$ ]]; then
		echo "version.sh: the tag of $(git describe --tags --match 'v[0-9]*') is not vX.Y.Z" >&2
		exit 1
	fi
	full=$base
	if ((count > 0)) || [[ -n $dirty ]]; then
		full="$base+$count.g$commit$dirty"
	fi
elif commit=$(git rev-parse --short=7 HEAD 2>/dev/null); then
	git diff --quiet HEAD 2>/dev/null || dirty=.dirty
	full="0.0.0+$commit$dirty"
else
	full=0.0.0+unknown
fi

case "${1:-}" in
"" | deb) echo "$full" ;;
windows) echo "$base.$((count > 0 ? count : 1))" ;; # the Fyne tool's build numbers start at 1
base) echo "$base" ;;
build) echo "$count" ;;
*)
	echo "version.sh: unknown form $1 (deb, windows, base, build or nothing)" >&2
	exit 2
	;;
esac
