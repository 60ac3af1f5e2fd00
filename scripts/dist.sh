#!/usr/bin/env bash
# dist.sh — the installable builds, in dist/ (make dist runs it):
#
#   boussole_VERSION_linux_amd64.tar.xz   the Fyne tool's Linux package
#   boussole_DEBVERSION_amd64.deb         Debian/Ubuntu package
#   boussole_VERSION_windows_amd64.zip    Boussole.exe (window) and boussole-cli.exe (command line)
#   SHA256SUMS
#
# On a Mac it writes boussole_VERSION_macos_ARCH.zip (Boussole.app) instead.
#
#   scripts/dist.sh                   all of the above
#   scripts/dist.sh linux-binary OUT  only the Linux binary, to OUT (make dist-check
#                                     builds it again with an empty GOCACHE)
#
# The Linux binary is reproducible: the same commit gives the same bytes
# (-trimpath, no VCS stamp, an empty build id, the version from the tag).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
GO=${GO:-go}
VERSION=${VERSION:-$(scripts/version.sh)}
APP_ID=${APP_ID:-fr.boussole.app}
APP_NAME=${APP_NAME:-Boussole}
APP_ICON=${APP_ICON:-assets/icon.png}
BASE=$(scripts/version.sh base)
BUILD=$(scripts/version.sh build)
DEB_VERSION=$(scripts/version.sh deb)
DEB_MAINTAINER=${DEB_MAINTAINER:-The Boussole authors <boussole@boussole.invalid>}
# Every date in the packages is the commit's, so that two runs agree.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export SOURCE_DATE_EPOCH
umask 022
# The C flags are part of the binaries: none come from the environment.
unset CGO_CFLAGS CGO_CPPFLAGS CGO_CXXFLAGS CGO_LDFLAGS

OUT=$ROOT/dist
B=$OUT/.build
TAGS=migrated_fynedo,release
LDFLAGS="-s -w -buildid= -X main.version=$VERSION"

say() { echo "dist: $*" >&2; }

# go_build TARGET OUT: a release build of cmd/boussole. The cgo flags are
# Go's defaults unless the caller sets them (they are part of the binary).
go_build() {
	local target=$1 out=$2 unset=(-u GOFLAGS) set=()
	if [[ -v CGO_CFLAGS ]]; then set+=("CGO_CFLAGS=$CGO_CFLAGS"); else unset+=(-u CGO_CFLAGS); fi
	if [[ -v CGO_LDFLAGS ]]; then set+=("CGO_LDFLAGS=$CGO_LDFLAGS"); else unset+=(-u CGO_LDFLAGS); fi
	env "${unset[@]}" "${set[@]}" CGO_ENABLED=1 GOOS=${target%/*} GOARCH=${target#*/} \
		"$GO" build -trimpath -buildvcs=false -tags "$TAGS" -ldflags "$LDFLAGS" -o "$out" ./cmd/boussole
}

linux_binary() {
	say "Linux binary ($VERSION)"
	go_build linux/amd64 "$1"
}

# The Fyne tool pinned in tools/go.mod. It is run from its built binary
# (go tool -n prints where it is) because the Windows build sets CC to the
# MinGW compiler, which must not build the tool itself.
fyne_tool() {
	local bin
	bin=$(cd "$ROOT" && "$GO" tool -modfile=tools/go.mod -n fyne)
	env "${tool_env[@]}" "$bin" "$@"
}
tool_env=()

# The flags every Fyne packaging gets: it packages cmd/boussole, where no
# FyneApp.toml is, so it reads and writes none (run from the root it
# bumps Build there); id, name, icon, version and the fyneDo migration's
# tag are given instead.
fyne_flags=(--src "$ROOT/cmd/boussole" --name "$APP_NAME" --app-id "$APP_ID" --icon "$ROOT/$APP_ICON"
	--app-version "$BASE" --app-build "$BUILD")

# Files the Fyne tool leaves in cmd/boussole while it works (removed by it
# when it ends well, and here when it does not).
clean_src() {
	rm -f cmd/boussole/fyne.syso cmd/boussole/fyne_metadata_init.go cmd/boussole/boussole.exe \
		"cmd/boussole/$APP_NAME.exe"
}

linux_tarball() {
	local bin=$1 dir=$B/fyne-linux
	say "Linux tar.xz (Fyne tool)"
	rm -rf "$dir" && mkdir -p "$dir"
	(cd "$dir" && fyne_tool package --os linux --executable "$bin" "${fyne_flags[@]}")
	mv "$dir/$APP_NAME.tar.xz" "$OUT/boussole_${VERSION}_linux_amd64.tar.xz"
}

# deb BINARY: the Debian package, with dpkg-deb --root-owner-group.
deb() {
	local bin=$1 r=$B/deb date size shlibs
	say "Debian package $DEB_VERSION"
	rm -rf "$r" && mkdir -p "$r/DEBIAN"
	install -D -m 0755 "$bin" "$r/usr/bin/boussole"
	install -D -m 0644 packaging/linux/$APP_ID.desktop "$r/usr/share/applications/$APP_ID.desktop"
	install -D -m 0644 packaging/linux/$APP_ID.xml "$r/usr/share/mime/packages/$APP_ID.xml"
	date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)
	mkdir -p "$r/usr/share/metainfo"
	sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@DATE@/$date/" packaging/linux/$APP_ID.metainfo.xml.in \
		>"$r/usr/share/metainfo/$APP_ID.metainfo.xml"
	chmod 0644 "$r/usr/share/metainfo/$APP_ID.metainfo.xml"
	for s in 16 24 32 48 64 128 256 512; do
		mkdir -p "$r/usr/share/icons/hicolor/${s}x${s}/apps"
		convert "$APP_ICON" -resize "${s}x${s}" -strip -define png:exclude-chunks=date,time \
			"PNG32:$r/usr/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png"
		chmod 0644 "$r/usr/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png"
	done
	mkdir -p "$r/usr/share/man/man1"
	gzip -9n <packaging/linux/boussole.1 >"$r/usr/share/man/man1/boussole.1.gz"
	chmod 0644 "$r/usr/share/man/man1/boussole.1.gz"
	install -D -m 0644 packaging/linux/copyright "$r/usr/share/doc/boussole/copyright"
	changelog | gzip -9n >"$r/usr/share/doc/boussole/changelog.gz"
	chmod 0644 "$r/usr/share/doc/boussole/changelog.gz"

	# The shared libraries the binary links, as Debian package names.
	mkdir -p "$B/shlibs/debian"
	printf 'Source: boussole\n\nPackage: boussole\nArchitecture: amd64\n' >"$B/shlibs/debian/control"
	shlibs=$(cd "$B/shlibs" && dpkg-shlibdeps -O "$r/usr/bin/boussole" 2>/dev/null)
	shlibs=${shlibs#shlibs:Depends=}
	[[ -n $shlibs ]] || {
		say "dpkg-shlibdeps found no dependencies"
		exit 1
	}
	# GLFW opens these X libraries at run time (dlopen, unseen by
	# dpkg-shlibdeps): monitors for the projector view (Xrandr, Xinerama),
	# cursors, input, video modes.
	shlibs="$shlibs, libxrandr2, libxinerama1, libxcursor1, libxi6, libxxf86vm1, libxrender1, libx11-xcb1"
	size=$(du -sk --apparent-size --exclude=DEBIAN "$r" | cut -f1)
	cat >"$r/DEBIAN/control" <<CONTROL
Package: boussole
Version: $DEB_VERSION
Architecture: amd64
Maintainer: $DEB_MAINTAINER
Installed-Size: $size
Depends: $shlibs
Recommends: xdg-utils
Section: misc
Priority: optional
Description: collective objectives workshops and signed objective charters
 Boussole guides a facilitator through a workshop in which a go-to-market
 team co-constructs its collective objectives: intent, ideas and dot voting,
 SMART objectives, KPIs with targets and alert thresholds, roles, rituals
 and a decision log. The workshop ends with a signed objective charter,
 sealed and exported as a PDF.
 .
 Everything is in French and English, and everything stays on the disk:
 no accounts, no network.
CONTROL
	find "$r" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
	dpkg-deb --root-owner-group -Zxz --build "$r" "$OUT/boussole_${DEB_VERSION}_amd64.deb" >/dev/null
}

# changelog prints the Debian changelog of this version: the tag's message
# when the build is a tagged release, else where it was built from.
changelog() {
	local tag msg
	tag=$(git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null || true)
	if [[ -n $tag ]]; then
		msg=$(git tag -l --format='%(contents:subject)' "$tag")
	fi
	if [[ $DEB_VERSION != "$BASE" || -z ${msg:-} ]]; then
		msg="Development build from commit $(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)${tag:+, after $tag}."
	fi
	printf 'boussole (%s) unstable; urgency=medium\n\n' "$DEB_VERSION"
	fold -s -w 74 <<<"$msg" | sed '1s/^/  * /; 2,$s/^/    /'
	printf '\n -- %s  %s\n' "$DEB_MAINTAINER" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
}

# windows_zip: Boussole.exe from the Fyne tool (icon, version resource,
# windowed) and boussole-cli.exe for cmd.exe and PowerShell, where a
# windowed program loses its output and exit status.
windows_zip() {
	local w=$B/windows/Boussole-$VERSION cc=x86_64-w64-mingw32-gcc
	say "Windows Boussole.exe (Fyne tool, MinGW-w64 $cc)"
	rm -rf "$B/windows" && mkdir -p "$w"
	clean_src
	trap clean_src EXIT
	# The tool takes -ldflags from GOFLAGS for its first build only, not for
	# the build after it adds the icon and version resource: the go it runs
	# ($GO) is this wrapper, which adds them to every -ldflags it passes.
	cat >"$B/go-stamp" <<STAMP
#!/usr/bin/env bash
args=() prev=
for a in "\$@"; do
	[[ \$prev == -ldflags ]] && a="\$a -X=main.version=$VERSION -buildid="
	args+=("\$a")
	prev=\$1
	shift
done
exec "$(command -v "$GO")" "\${args[@]}"
STAMP
	chmod +x "$B/go-stamp"
	tool_env=(-u CGO_CFLAGS -u CGO_LDFLAGS CC=$cc CXX=x86_64-w64-mingw32-g++ GO="$B/go-stamp"
		GOFLAGS="-trimpath -buildvcs=false")
	fyne_tool package --os windows "${fyne_flags[@]}" --tags migrated_fynedo --release
	tool_env=()
	mv "cmd/boussole/$APP_NAME.exe" "$w/$APP_NAME.exe"
	clean_src
	trap - EXIT
	say "Windows boussole-cli.exe"
	# The C flags the Fyne tool gave the windowed build, so that the cgo
	# packages it compiled are reused rather than compiled again.
	CC=$cc CGO_CFLAGS="-O3 -pipe" CGO_LDFLAGS="" go_build windows/amd64 "$w/boussole-cli.exe"
	sed "s/@VERSION@/$VERSION/" packaging/windows/README.txt | sed 's/$/\r/' >"$w/README.txt"
	find "$B/windows" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
	(cd "$B/windows" && rm -f "$OUT/boussole_${VERSION}_windows_amd64.zip" &&
		zip -q -X -r -9 "$OUT/boussole_${VERSION}_windows_amd64.zip" "Boussole-$VERSION")
}

# macos_zip: Boussole.app, built by the Fyne tool on a Mac.
macos_zip() {
	local arch dir=$B/macos
	arch=$("$GO" env GOARCH)
	say "macOS Boussole.app ($arch)"
	rm -rf "$dir" && mkdir -p "$dir"
	tool_env=(GOFLAGS="-trimpath -buildvcs=false -ldflags=-X=main.version=$VERSION")
	(cd "$dir" && fyne_tool package --os darwin "${fyne_flags[@]}" --tags migrated_fynedo --release)
	tool_env=()
	clean_src
	(cd "$dir" && ditto -c -k --keepParent "$APP_NAME.app" "$OUT/boussole_${VERSION}_macos_$arch.zip")
}

sums() {
	(cd "$OUT" && if command -v sha256sum >/dev/null; then
		sha256sum -- boussole_* >SHA256SUMS
	else shasum -a 256 -- boussole_* >SHA256SUMS; fi)
}

# main is one function, read whole before it runs: editing this file while
# make dist runs cannot change what the run does.
main() {
	if [[ ${1:-} == linux-binary ]]; then
		linux_binary "${2:?linux-binary needs an output path}"
		exit 0
	fi

	rm -rf "$OUT" && mkdir -p "$B"
	start=$SECONDS
	case $("$GO" env GOHOSTOS) in
	darwin)
		macos_zip
		;;
	linux)
		linux_binary "$B/linux/boussole"
		linux_tarball "$B/linux/boussole"
		deb "$B/linux/boussole"
		windows_zip
		;;
	*)
		say "make dist runs on Linux (and on a Mac for the macOS build)"
		exit 1
		;;
	esac
	sums
	say "done in $((SECONDS - start)) s, version $VERSION:"
	(cd "$OUT" && ls -l boussole_* SHA256SUMS | awk '{printf "  %10d  %s\n", $5, $NF}') >&2
}

main "$@"; exit
