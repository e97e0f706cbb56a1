#!/usr/bin/env bash
# Checks the Debian package built by dist/build.sh as a user would: installs
# it with dpkg, runs recense, its man pages and its bash completion, opens a
# sample census, removes it with dpkg -r and checks that nothing is left in
# /usr. Needs root (or sudo without a password): otherwise it says it
# skipped and exits 0. Run by .ci/run after dist/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
DEB=target/dist/recense_${VERSION}_amd64.deb
say() { printf 'package check: %s\n' "$*"; }
fail() { printf 'package check FAILED: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    say "SKIPPED: installing a package needs root or sudo without a password"
    exit 0
fi
[ -f "$DEB" ] || fail "$DEB is missing: run dist/build.sh first"
if dpkg -s recense >/dev/null 2>&1; then
    fail "a recense package is already installed: remove it first (dpkg -r recense)"
fi
# What a user's machine has: man and the bash completion framework.
missing=()
command -v man >/dev/null 2>&1 || missing+=(man-db)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

before=$(mktemp)
after=$(mktemp)
home=$(mktemp -d)
trap 'rm -rf "$before" "$after" "$home"' EXIT
find /usr -xdev | sort > "$before"

"${SUDO[@]}" dpkg -i "$DEB" >/dev/null
installed=yes
remove() {
    if [ "$installed" = yes ]; then
        "${SUDO[@]}" dpkg -r recense >/dev/null
        installed=no
    fi
}
trap 'remove; rm -rf "$before" "$after" "$home"' EXIT

# Run as a user: a home and folders of its own, the French locale default.
run() { env -i PATH=/usr/bin:/bin HOME="$home" LC_ALL=C.UTF-8 "$@"; }

out=$(run recense --version)
printf '%s\n' "$out"
grep -q "^recense $VERSION$" <<<"$out" || fail "recense --version does not name $VERSION"
grep -q "x86_64-unknown-linux-musl" <<<"$out" || fail "recense --version does not name the musl target"
[ "$(run man -w recense)" = /usr/share/man/man1/recense.1.gz ] || fail "man -w recense: $(run man -w recense)"
run man -w recense-merge >/dev/null || fail "no page recense-merge(1)"
page=$(run man -P cat recense-format 2>/dev/null)
grep -q "le fichier d'un recensement des communs numériques" <<<"$page" \
    || fail "recense-format(5) does not render its accents"
run bash -c 'source /usr/share/bash-completion/completions/recense && complete -p recense' >/dev/null \
    || fail "the bash completion cannot be sourced"
grep -q "legitime" /usr/share/bash-completion/completions/recense \
    || fail "the bash completion does not offer the statuses"
[ -f /usr/share/zsh/vendor-completions/_recense ] || fail "no zsh completion"
[ -f /usr/share/fish/vendor_completions.d/recense.fish ] || fail "no fish completion"
list=$(run recense --file /usr/share/doc/recense/sample-data/pays-de-brest.ron list --format csv)
grep -q "Wiki-Brest" <<<"$list" || fail "recense list on the sample census: $list"
help=$(run recense --lang en --help)
grep -q "^Usage: recense" <<<"$help" || fail "recense --lang en --help is not in English"

remove
find /usr -xdev | sort > "$after"
if ! diff "$before" "$after" >/dev/null; then
    diff "$before" "$after" >&2 || true
    fail "dpkg -r recense left files in /usr"
fi
say "installed, used and removed cleanly"
