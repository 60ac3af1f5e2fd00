#!/usr/bin/env bash
# install-deps.sh — make sure everything Boussole needs to build and test is
# present, and install only what is missing.
#
#   scripts/install-deps.sh          check, install what is missing (Debian/Ubuntu)
#   scripts/install-deps.sh --check  check only, install nothing; exit 1 if something is missing
#   scripts/install-deps.sh --dist   also what make dist needs (add --check to check only)
#
# Needed: Go >= 1.26; a C compiler and the OpenGL/X11 headers for Fyne (cgo);
# Xvfb, xauth, xdotool, x11-utils and ImageMagick for the window smoke test;
# poppler-utils (pdftotext, pdfinfo, pdfsig) to read back PDFs and their
# signatures in tests; qpdf to re-save a signed PDF as another program would
# (verify's tests); python3-icalendar to read the rituals calendar back
# (report's tests); an en_US.UTF-8 locale so tests run with LANG=en_US.UTF-8.
# chromium for the participants' room test in a real browser (driven by
# chromedp, no download).
# make dist (--dist) also needs: the MinGW-w64 C cross compiler and binutils
# for the Windows build (cgo), dpkg-dev (dpkg-shlibdeps) and lintian for the
# .deb, appstream (appstreamcli) and desktop-file-utils to validate its
# metadata, xz-utils, zip and unzip, binutils (strip, objdump) and file.
set -euo pipefail

GO_MIN_MAJOR=1
GO_MIN_MINOR=26

# Debian/Ubuntu package names, in the order they are reported.
DEB_PACKAGES=(gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev xvfb xauth
	poppler-utils qpdf imagemagick xdotool x11-utils locales python3-icalendar chromium)

# Commands and pkg-config modules that prove the packages are usable,
# whatever the system: the cheap check.
COMMANDS=(gcc pkg-config Xvfb xvfb-run xauth pdftotext pdfinfo pdftoppm pdfsig pdffonts qpdf convert xdotool xwininfo chromium)
PC_MODULES=(gl x11 xcursor xrandr xinerama xi xxf86vm xkbcommon)

# What make dist needs on top (--dist).
DIST_DEB_PACKAGES=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 dpkg-dev lintian appstream
	desktop-file-utils xz-utils zip unzip binutils file)
DIST_COMMANDS=(x86_64-w64-mingw32-gcc x86_64-w64-mingw32-objdump dpkg-deb dpkg-shlibdeps lintian
	appstreamcli desktop-file-validate xz zip unzip strip objdump file sha256sum)

mode=install
for arg in "$@"; do
	case "$arg" in
	--check) mode=check ;;
	--dist)
		DEB_PACKAGES+=("${DIST_DEB_PACKAGES[@]}")
		COMMANDS+=("${DIST_COMMANDS[@]}")
		;;
	-h | --help)
		awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0" | sed 's/^# \{0,1\}//' # the header comment, however long
		exit 0
		;;
	*)
		echo "install-deps.sh: unknown option $arg (use --check, --dist or nothing)" >&2
		exit 2
		;;
	esac
done

say() { echo "install-deps: $*" >&2; }

# check_go prints nothing and returns 0 when Go >= 1.26 is on PATH.
check_go() {
	if ! command -v go >/dev/null 2>&1; then
		say "Go is not installed (or not on PATH). Boussole needs Go ${GO_MIN_MAJOR}.${GO_MIN_MINOR} or newer:"
		say "  download it from https://go.dev/dl/ and follow https://go.dev/doc/install"
		say "  (e.g. tar -C /usr/local -xzf go1.26.*.linux-amd64.tar.gz; export PATH=\$PATH:/usr/local/go/bin)"
		return 1
	fi
	local v major minor
	v=$(go env GOVERSION 2>/dev/null || true) # "go1.26.8"
	v=${v#go}
	major=${v%%.*}
	minor=${v#*.}
	minor=${minor%%[!0-9]*}
	if ! [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]]; then
		say "cannot read the Go version ($(go version 2>&1)); Boussole needs Go ${GO_MIN_MAJOR}.${GO_MIN_MINOR} or newer."
		return 1
	fi
	if ((major < GO_MIN_MAJOR || (major == GO_MIN_MAJOR && minor < GO_MIN_MINOR))); then
		say "Go $v is too old; Boussole needs Go ${GO_MIN_MAJOR}.${GO_MIN_MINOR} or newer: https://go.dev/dl/"
		return 1
	fi
}

# has_locale reports whether the en_US.UTF-8 locale is installed.
has_locale() {
	locale -a 2>/dev/null | grep -iE '^en_US\.utf-?8$' >/dev/null
}

# cheap_missing prints what the portable check finds missing, one per line.
cheap_missing() {
	local c m
	for c in "${COMMANDS[@]}"; do
		command -v "$c" >/dev/null 2>&1 || echo "command $c"
	done
	if command -v pkg-config >/dev/null 2>&1; then
		for m in "${PC_MODULES[@]}"; do
			pkg-config --exists "$m" 2>/dev/null || echo "pkg-config module $m"
		done
	fi
	has_locale || echo "locale en_US.UTF-8"
	has_icalendar || echo "python3 module icalendar"
}

# has_icalendar reports whether a python3 imports icalendar (the system's
# /usr/bin/python3 first: the one Debian's python3-icalendar serves).
has_icalendar() {
	local py
	for py in /usr/bin/python3 python3; do
		"$py" -c 'import icalendar, dateutil, pytz' >/dev/null 2>&1 && return 0
	done
	return 1
}

go_ok=0
check_go || go_ok=1

if [[ $mode == check ]]; then
	missing=$(cheap_missing)
	if [[ -n $missing ]]; then
		say "missing:"
		sed 's/^/  /' <<<"$missing" >&2
		exit 1
	fi
	exit "$go_ok"
fi

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
	# Debian/Ubuntu: dpkg is the source of truth, one query for all packages.
	to_install=()
	for p in "${DEB_PACKAGES[@]}"; do
		status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		[[ $status == "install ok installed" ]] || to_install+=("$p")
	done
	sudo=()
	if ((${#to_install[@]} > 0)) || ! has_locale; then
		if [[ $(id -u) -ne 0 ]]; then
			if ! command -v sudo >/dev/null 2>&1; then
				say "not root and no sudo; as root, run:"
				((${#to_install[@]} > 0)) && say "  apt-get update && apt-get install -y ${to_install[*]}"
				has_locale || say "  sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen && locale-gen"
				exit 1
			fi
			sudo=(sudo)
		fi
	fi
	if ((${#to_install[@]} > 0)); then
		say "installing ${to_install[*]}"
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${to_install[@]}"
	fi
	if ! has_locale; then
		say "generating the en_US.UTF-8 locale"
		if [[ -f /etc/locale.gen ]] && command -v locale-gen >/dev/null 2>&1; then
			# Debian: uncomment the line, then generate.
			grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen ||
				"${sudo[@]}" sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen
			grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen ||
				echo 'en_US.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
			"${sudo[@]}" locale-gen >/dev/null
		elif command -v locale-gen >/dev/null 2>&1; then
			# Ubuntu without /etc/locale.gen.
			"${sudo[@]}" locale-gen en_US.UTF-8 >/dev/null
		fi
		has_locale || say "warning: en_US.UTF-8 is still missing; tests will run with LANG=C.UTF-8"
	fi
	exit "$go_ok"
fi

# Another system: nothing is installed for you; say exactly what is needed.
missing=$(cheap_missing)
if [[ -z $missing ]]; then
	exit "$go_ok"
fi
say "this is not a Debian/Ubuntu system, so nothing was installed. Missing:"
sed 's/^/  /' <<<"$missing" >&2
cat >&2 <<'TXT'
install-deps: install the equivalent of these Debian packages:
  gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev xvfb xauth
  poppler-utils qpdf imagemagick xdotool x11-utils python3-icalendar, and an en_US.UTF-8 locale.
  Fedora: sudo dnf install gcc pkgconf-pkg-config mesa-libGL-devel libXcursor-devel libXrandr-devel \
            libXinerama-devel libXi-devel libXxf86vm-devel libxkbcommon-devel xorg-x11-server-Xvfb \
            xorg-x11-xauth poppler-utils qpdf ImageMagick xdotool xorg-x11-utils glibc-langpack-en python3-icalendar
  Arch:   sudo pacman -S --needed gcc pkgconf mesa libxcursor libxrandr libxinerama libxi libxxf86vm \
            libxkbcommon xorg-server-xvfb xorg-xauth poppler qpdf imagemagick xdotool xorg-xwininfo python-icalendar
  macOS:  xcode-select --install; brew install pkg-config poppler qpdf imagemagick; pip3 install icalendar
          (the Xvfb smoke test is skipped without Xvfb)
TXT
exit 1
