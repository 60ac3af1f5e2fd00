# Boussole — the two commands a newcomer needs:
#
#   make run    install what is missing, build, open the application
#   make test   install what is missing, vet, check formatting, lint, run every test
#
# Other targets: deps, build, lint, bench, package, dist, dist-check, clean.
# `make help` lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
BIN := bin/boussole
DEPS_STAMP := bin/.deps-ok
ARGS ?=

# The application's one version comes from the last git tag (see
# scripts/version.sh) and is stamped into the binary; the packages carry it
# too. Id, name and icon are FyneApp.toml's (a test keeps them equal).
VERSION := $(shell scripts/version.sh)
APP_ID := fr.boussole.app
APP_NAME := Boussole
APP_ICON := assets/icon.png
VERSION_LDFLAGS = -X main.version=$(VERSION)
# The Fyne tool, pinned in tools/go.mod (never @latest).
FYNE = $(GO) tool -modfile=tools/go.mod fyne

# Tests run in English whatever the machine's language. Recursive (=) so that
# it is evaluated after `deps` has generated the locale.
TEST_LANG = $(shell locale -a 2>/dev/null | grep -iE '^en_US\.utf-?8$$' >/dev/null && echo en_US.UTF-8 || echo C.UTF-8)
TEST_ENV = env -u LANGUAGE LANG=$(TEST_LANG) LC_ALL=$(TEST_LANG)

# -race doubles the cgo build of Fyne and slows its tests a lot, so it is on
# for the packages without Fyne's driver (workshop, storage, report, assets …)
# and off for ui and cmd. RACE_ALL=1 turns it on everywhere. Measured from a
# clean clone with an empty build cache on 2 shared cores: 8 min in all.
RACE_ALL ?=
ALL_PKGS = $(shell $(GO) list ./...)
PLAIN_PKGS = $(if $(RACE_ALL),,$(filter boussole/ui boussole/ui/% boussole/cmd/%,$(ALL_PKGS)))
RACE_PKGS = $(filter-out $(PLAIN_PKGS),$(ALL_PKGS))

# A hung test fails the run (report's megabyte cases take 2-3 min under -race
# on a loaded 2-core machine; 10 min is the bound).
TEST_TIMEOUT ?= 10m

# Tests and benchmarks that open windows get a virtual display when there is
# none.
XVFB = $(if $(DISPLAY),,$(shell command -v xvfb-run >/dev/null 2>&1 && echo 'xvfb-run -a -s "-screen 0 1280x1024x24"'))

.PHONY: help deps dist-deps build run test vet fmt-check lint bench package dist dist-check clean

help:
	@echo "make run     install what is missing, build bin/boussole and open it (ARGS='list' to pass arguments)"
	@echo "make test    go vet, gofmt check, lint and every test (-race on the packages without Fyne's driver)"
	@echo "make lint    staticcheck, and go.mod tidy and go fix applied"
	@echo "make bench   every benchmark, with a summary"
	@echo "make build   build bin/boussole"
	@echo "make package build a desktop package for this system with the Fyne tool"
	@echo "make dist    installable builds in dist/: .deb, .tar.xz, Windows .zip, SHA256SUMS (a macOS .zip on a Mac)"
	@echo "make dist-check  make dist, then check what it built (packages, lintian, checksums, reproducibility)"
	@echo "make deps    check the system packages and Go, install what is missing"
	@echo "make clean   remove bin/ and packages"

# The stamp makes `deps` quick: while it is newer than the script, only a cheap
# check runs (commands, pkg-config modules, locale, Go version); the full
# check-and-install runs when that finds something missing.
deps:
	@if [ -f $(DEPS_STAMP) ] && [ $(DEPS_STAMP) -nt scripts/install-deps.sh ] \
		&& scripts/install-deps.sh --check 2>/dev/null; then :; else \
		scripts/install-deps.sh && mkdir -p bin && touch $(DEPS_STAMP); fi

build:
	$(GO) build -ldflags "$(VERSION_LDFLAGS)" -o $(BIN) ./cmd/boussole

run: deps build
	./$(BIN) $(ARGS)

vet:
	@echo "== go vet"
	$(TEST_ENV) $(GO) vet ./...
	$(GO) -C third_party/fpdf vet .

fmt-check:
	@echo "== gofmt"
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then \
		echo "these files need gofmt -w:"; echo "$$out"; exit 1; fi

# staticcheck is pinned in tools/go.mod, a module of its own: a tool line in
# the app's go.mod would upgrade the app's dependencies to the tool's. The
# tidy and fix checks print the change to make and fail when there is one;
# `go mod tidy` or `go fix ./...` applies it.
lint:
	@echo "== staticcheck"
	$(TEST_ENV) $(GO) tool -modfile=tools/go.mod staticcheck ./...
	@echo "== go mod tidy"
	$(GO) mod tidy -diff
	$(GO) -C tools mod tidy -diff
	@echo "== go fix"
	$(TEST_ENV) $(GO) fix -diff ./...

test: deps vet fmt-check lint
	@echo "== go test -race ($(words $(RACE_PKGS)) packages, and the patched fpdf in third_party)"
	$(TEST_ENV) $(GO) test -race -count=1 -timeout $(TEST_TIMEOUT) $(RACE_PKGS)
	$(TEST_ENV) $(GO) -C third_party/fpdf test -race -count=1 .
	@if [ -n "$(strip $(PLAIN_PKGS))" ]; then \
		echo "== go test ($(words $(PLAIN_PKGS)) Fyne packages, without -race)"; \
		$(TEST_ENV) $(XVFB) $(GO) test -count=1 -timeout $(TEST_TIMEOUT) $(PLAIN_PKGS); fi

bench: deps
	@mkdir -p bin
	$(TEST_ENV) $(XVFB) $(GO) test -run '^$$' -bench . -benchmem ./... | tee bin/bench.txt
	@scripts/bench-summary.sh bin/bench.txt

# The Fyne tool packages the main package in cmd/boussole with the id, name,
# icon and version given as flags: it reads no FyneApp.toml there, so it
# writes none either (run from the root it would bump Build in it), and the
# fyneDo migration FyneApp.toml declares is passed as its build tag.
package: deps
	GOFLAGS="-ldflags=$(VERSION_LDFLAGS)" $(FYNE) package --os $$($(GO) env GOOS) --src ./cmd/boussole \
		--name $(APP_NAME) --app-id $(APP_ID) --icon $(CURDIR)/$(APP_ICON) \
		--app-version $$(scripts/version.sh base) --app-build $$(scripts/version.sh build) --tags migrated_fynedo
	@for f in cmd/boussole/$(APP_NAME).tar.xz cmd/boussole/$(APP_NAME).app cmd/boussole/$(APP_NAME).exe; do \
		if [ -e "$$f" ]; then rm -rf "$$(basename $$f)"; mv "$$f" .; fi; done

# make dist needs more system packages than make test (the Windows cross
# compiler, lintian, dpkg-dev, appstream …): they are installed here only.
dist-deps:
	@scripts/install-deps.sh --check --dist 2>/dev/null || scripts/install-deps.sh --dist

# On a Mac the Linux test and packaging tools are not needed: the Fyne tool
# and Xcode's command-line tools build Boussole.app.
DIST_DEPS := $(if $(filter Darwin,$(shell uname -s)),,deps dist-deps)
dist: $(DIST_DEPS)
	VERSION=$(VERSION) APP_ID=$(APP_ID) APP_NAME=$(APP_NAME) APP_ICON=$(APP_ICON) GO=$(GO) scripts/dist.sh

dist-check: dist
	VERSION=$(VERSION) APP_ID=$(APP_ID) APP_NAME=$(APP_NAME) APP_ICON=$(APP_ICON) GO=$(GO) scripts/dist-check.sh

clean:
	rm -rf bin dist Boussole.tar.xz Boussole.app Boussole.exe
