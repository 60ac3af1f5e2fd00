#!/usr/bin/env bash
# dist-check.sh — checks what make dist built (make dist-check runs it after
# make dist): checksums; the .deb's control fields, contents, metadata and
# lintian; its binary run from an extracted root (--version matches the
# tag, templates lists them); the tar.xz; the Windows zip (a windowed PE32+
# Boussole.exe with an icon and a version resource, a console
# boussole-cli.exe); the Windows build of the tests; and the Linux binary
# built again with an empty GOCACHE, byte for byte the same.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
GO=${GO:-go}
VERSION=${VERSION:-$(scripts/version.sh)}
APP_ID=${APP_ID:-fr.boussole.app}
DEB_VERSION=$(scripts/version.sh deb)
OUT=$ROOT/dist
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

failures=0
ok() { echo "dist-check: ok   $*"; }
fail() {
	echo "dist-check: FAIL $*" >&2
	failures=$((failures + 1))
}
check() { # check DESCRIPTION COMMAND…
	local what=$1
	shift
	if "$@" >"$TMP/out" 2>&1; then ok "$what"; else
		fail "$what"
		sed 's/^/    /' "$TMP/out" >&2
	fi
}

# main is read whole before it runs (see dist.sh).
main() {
	deb=$OUT/boussole_${DEB_VERSION}_amd64.deb
	tarball=$OUT/boussole_${VERSION}_linux_amd64.tar.xz
	zip=$OUT/boussole_${VERSION}_windows_amd64.zip

	# --- checksums: every artefact listed, every sum right.
	listed=$(cut -d' ' -f3- "$OUT/SHA256SUMS" | sed 's/^\*//' | sort)
	built=$(cd "$OUT" && ls boussole_* | sort)
	check "SHA256SUMS lists exactly the artefacts" test "$listed" = "$built"
	check "SHA256SUMS matches" bash -c "cd '$OUT' && sha256sum --strict -c SHA256SUMS"
	for f in "$deb" "$tarball" "$zip"; do
		check "$(basename "$f") exists" test -s "$f"
	done

	# --- the .deb's control fields.
	field() { dpkg-deb -f "$deb" "$1"; }
	check "deb Package is boussole" test "$(field Package)" = boussole
	check "deb Version is $DEB_VERSION" test "$(field Version)" = "$DEB_VERSION"
	check "deb Architecture is amd64" test "$(field Architecture)" = amd64
	for dep in libc6 libgl1 libx11-6 libxrandr2 libxcursor1 libxi6 libxinerama1 libxxf86vm1; do
		check "deb Depends names $dep" grep -qE "(^|, )$dep( |,|$)" <<<"$(field Depends)"
	done
	check "deb has Maintainer, Section, Priority, Installed-Size, Description" \
		bash -c "for f in Maintainer Section Priority Installed-Size Description; do [ -n \"\$(dpkg-deb -f '$deb' \$f)\" ] || { echo \"no \$f\"; exit 1; }; done"

	# --- its contents, owned by root.
	dpkg-deb -c "$deb" >"$TMP/contents"
	for p in ./usr/bin/boussole ./usr/share/applications/$APP_ID.desktop ./usr/share/mime/packages/$APP_ID.xml \
		./usr/share/metainfo/$APP_ID.metainfo.xml ./usr/share/doc/boussole/copyright ./usr/share/doc/boussole/changelog.gz \
		./usr/share/icons/hicolor/48x48/apps/$APP_ID.png ./usr/share/icons/hicolor/256x256/apps/$APP_ID.png; do
		check "deb holds $p" grep -q " $p\$" "$TMP/contents"
	done
	check "deb files are root/root" bash -c "! awk '{print \$2}' '$TMP/contents' | grep -v '^root/root\$'"

	# --- extracted: the binary runs, says the version, lists the templates.
	dpkg-deb -x "$deb" "$TMP/root"
	bin=$TMP/root/usr/bin/boussole
	check "deb binary is stripped" bash -c "file '$bin' | grep -q ', stripped'"
	check "deb binary --version is 'boussole $VERSION'" test "$("$bin" --version | head -1)" = "boussole $VERSION"
	if tag=$(git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null); then
		check "deb binary --version matches the tag $tag" test "$("$bin" --version | head -1)" = "boussole ${tag#v}"
	else
		echo "dist-check: note this commit is not tagged; the version is $VERSION"
	fi
	check "deb binary templates lists templates" bash -c "out=\$(env -u DISPLAY BOUSSOLE_DATA='$TMP/data' '$bin' templates) && [ \$(wc -l <<<\"\$out\") -ge 2 ] && echo \"\$out\""
	check "deb desktop entry is valid" desktop-file-validate "$TMP/root/usr/share/applications/$APP_ID.desktop"
	check "deb desktop entry opens .boussole files" grep -qx 'MimeType=application/x-boussole;' "$TMP/root/usr/share/applications/$APP_ID.desktop"
	check "deb MIME type is for *.boussole" grep -q '<glob pattern="\*.boussole"/>' "$TMP/root/usr/share/mime/packages/$APP_ID.xml"
	check "deb AppStream metainfo is valid (appstreamcli validate --no-net)" \
		appstreamcli validate --no-net "$TMP/root/usr/share/metainfo/$APP_ID.metainfo.xml"
	check "deb changelog names $DEB_VERSION" bash -c "zcat '$TMP/root/usr/share/doc/boussole/changelog.gz' | head -1 | grep -qF '($DEB_VERSION)'"

	# --- lintian: no error; the remaining tags are printed.
	if lintian --fail-on error --tag-display-limit 0 "$deb" >"$TMP/lintian" 2>&1; then
		ok "lintian --fail-on error"
	else
		fail "lintian --fail-on error"
	fi
	sed 's/^/    lintian: /' "$TMP/lintian"

	# --- the tar.xz: the Fyne tool's layout, the same binary.
	tar -tJf "$tarball" >"$TMP/tarlist"
	for p in 'bin/boussole$' "applications/$APP_ID.desktop\$" "pixmaps/$APP_ID.png\$" '/Makefile$'; do
		check "tar.xz holds ${p%\$}" grep -qE "$p" "$TMP/tarlist"
	done
	mkdir -p "$TMP/tar" && tar -xJf "$tarball" -C "$TMP/tar"
	check "tar.xz binary is the .deb's" cmp "$(find "$TMP/tar" -path '*/bin/boussole')" "$bin"

	# --- the Windows zip.
	mkdir -p "$TMP/zip" && unzip -q "$zip" -d "$TMP/zip"
	gui=$(find "$TMP/zip" -name Boussole.exe)
	cli=$(find "$TMP/zip" -name boussole-cli.exe)
	check "zip holds Boussole.exe and boussole-cli.exe" test -n "$gui" -a -n "$cli"
	x86_64-w64-mingw32-objdump -p "$gui" >"$TMP/gui.p" 2>&1 || true
	x86_64-w64-mingw32-objdump -p "$cli" >"$TMP/cli.p" 2>&1 || true
	check "Boussole.exe is PE32+ x86-64" bash -c "file '$gui' | grep -q 'PE32+ executable (GUI) x86-64'"
	check "Boussole.exe is a windowed program (subsystem 2)" grep -qE '^Subsystem[[:space:]]+0*2[[:space:]]+\(Windows GUI\)' "$TMP/gui.p"
	# The resource types, at the first level of objdump's .rsrc listing
	# (three spaces in): 3 icon, 0xe group icon, 0x10 version, 0x18 manifest.
	rtype() { grep -qE "^[0-9a-f]+   Entry: ID: 0x0*$1," "$TMP/gui.p"; }
	check "Boussole.exe has an icon resource (RT_ICON and RT_GROUP_ICON)" bash -c "$(declare -f rtype); TMP='$TMP'; rtype 3 && rtype e"
	check "Boussole.exe has a version resource and a manifest" bash -c "$(declare -f rtype); TMP='$TMP'; rtype 10 && rtype 18"
	check "Boussole.exe's version resource says $(scripts/version.sh windows)" \
		bash -c "strings -el '$gui' | grep -qxF '$(scripts/version.sh windows)'"
	check "boussole-cli.exe is a console program (subsystem 3)" grep -qE '^Subsystem[[:space:]]+0*3[[:space:]]+\(Windows CUI\)' "$TMP/cli.p"
	check "the zip's programs carry the version" bash -c "grep -qaF '$VERSION' '$gui' && grep -qaF '$VERSION' '$cli'"

	# --- the packaging left the tree as it was.
	check "FyneApp.toml untouched, no leftovers in cmd/boussole" \
		bash -c "git diff --exit-code -- FyneApp.toml && test -z \"\$(git status --porcelain --ignored -- cmd/boussole | grep -v '\\.test\$' || true)\""

	# --- the code for Windows: vet, and the tests compile.
	winenv=(env CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64)
	check "go vet for Windows" "${winenv[@]}" "$GO" vet ./...
	for p in storage workshop report ui; do
		check "go test -c ./$p for Windows" "${winenv[@]}" "$GO" test -c -o "$TMP/$p.test.exe" "./$p"
	done

	# --- reproducible: the Linux binary again, with an empty build cache.
	start=$SECONDS
	GOCACHE=$TMP/gocache VERSION=$VERSION scripts/dist.sh linux-binary "$TMP/boussole-again" 2>/dev/null
	check "Linux binary rebuilt with an empty GOCACHE is byte-identical ($((SECONDS - start)) s)" \
		cmp "$OUT/.build/linux/boussole" "$TMP/boussole-again"
	chmod -R u+w "$TMP/gocache" 2>/dev/null || true

	if ((failures > 0)); then
		echo "dist-check: $failures check(s) failed" >&2
		exit 1
	fi
	echo "dist-check: all checks passed for $VERSION"
}

main "$@"; exit
