#!/usr/bin/env bash
# Builds everything a release of recense ships, into target/dist/:
#   recense-VERSION-x86_64-linux-musl.tar.gz  the static binary, its man pages,
#                                             completions, README, LICENSE
#   recense_VERSION_amd64.deb                 the Debian package (cargo-deb)
#   SHA256SUMS
# The release binary is built once, for the musl target (static: no shared
# library needed); the man pages and completions are written by that very
# binary (`recense dev man`, `recense dev completions`). cargo-deb is
# installed at its pinned version into target/tools, where later runs find
# it (one already on the PATH at that version is used as it is). See
# docs/distribution.md.
#
#   dist/build.sh              the x86_64 artefacts
#   dist/build.sh --aarch64    also the aarch64 static binary (tarball only)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_DEB_VERSION=3.8.0
TARGET=x86_64-unknown-linux-musl
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
OUT=target/dist
TOOLS=target/tools
started=$(date +%s)

say() { printf 'dist: %s\n' "$*"; }
fail() { printf 'dist: %s\n' "$*" >&2; exit 1; }
# A tool that cannot be installed here (no network to its registry): exit 3,
# which .ci/run reports as the release check skipped.
unavailable() { printf 'dist: %s\n' "$*" >&2; exit 3; }

if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    say "adding the Rust target $TARGET"
    rustup target add "$TARGET" || unavailable "the target $TARGET cannot be installed (rustup target add $TARGET)"
fi
# cargo-deb at the pinned version: target/tools, else one on the PATH, else
# installed into target/tools.
CARGO_DEB=$TOOLS/bin/cargo-deb
pinned() { "$1" --version 2>/dev/null | grep -qx "cargo-deb $CARGO_DEB_VERSION"; }
if ! pinned "$CARGO_DEB"; then
    if command -v cargo-deb >/dev/null 2>&1 && pinned "$(command -v cargo-deb)"; then
        CARGO_DEB=$(command -v cargo-deb)
    else
        say "installing cargo-deb $CARGO_DEB_VERSION into $TOOLS"
        cargo install cargo-deb --version "$CARGO_DEB_VERSION" --locked --root "$TOOLS" \
            || unavailable "cargo-deb $CARGO_DEB_VERSION cannot be installed"
    fi
fi

say "building the static binary ($TARGET)"
# One codegen unit and whole-program LTO for the binary people download:
# about 1.5 MB smaller (under 10 MB) for a slower build; `cargo build
# --release` keeps the quicker thin LTO.
CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
    cargo build --release --locked --target "$TARGET"
BIN=target/$TARGET/release/recense
# `ldd` says "not a dynamic executable" (or "statically linked") and fails.
if ldd "$BIN" >/dev/null 2>&1 && ! ldd "$BIN" 2>&1 | grep -q "statically linked"; then
    fail "$BIN is not static: $(ldd "$BIN" 2>&1 | tr '\n' ' ')"
fi

rm -rf "$OUT"
mkdir -p "$OUT/man" "$OUT/completions"
"$BIN" dev man -o "$OUT/man" >/dev/null
"$BIN" dev completions -o "$OUT/completions" >/dev/null

stage() {
    # stage ARCH BINARY: the tarball of one architecture.
    local name="recense-$VERSION-$1-linux-musl" dir
    dir="$OUT/$name"
    mkdir -p "$dir/man/man1" "$dir/man/man5" "$dir/completions"
    cp "$2" "$dir/recense"
    "${STRIP:-strip}" "$dir/recense"
    cp "$OUT"/man/*.1 "$dir/man/man1/"
    cp dist/recense-format.5 "$dir/man/man5/"
    cp "$OUT"/completions/* "$dir/completions/"
    cp README.md LICENSE CHANGELOG.md "$dir/"
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' \
        -C "$OUT" -czf "$OUT/$name.tar.gz" "$name"
    rm -rf "$dir"
    say "$OUT/$name.tar.gz"
}
stage x86_64 "$BIN"

if [ "${1:-}" = "--aarch64" ]; then
    # Linked by the toolchain's own rust-lld against the target's bundled
    # musl: no cross compiler needed. Stripped by cargo (its own target dir).
    rustup target list --installed | grep -qx aarch64-unknown-linux-musl \
        || rustup target add aarch64-unknown-linux-musl \
        || unavailable "the target aarch64-unknown-linux-musl cannot be installed"
    say "building the static binary (aarch64-unknown-linux-musl)"
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER=rust-lld CARGO_PROFILE_RELEASE_STRIP=symbols \
        cargo build --release --locked --target aarch64-unknown-linux-musl
    STRIP=true stage aarch64 target/aarch64-unknown-linux-musl/release/recense
fi

say "building the Debian package"
"$CARGO_DEB" --no-build --target "$TARGET" --output "$OUT/recense_${VERSION}_amd64.deb" >/dev/null
say "$OUT/recense_${VERSION}_amd64.deb"

(cd "$OUT" && rm -rf man completions && sha256sum -- *.tar.gz *.deb > SHA256SUMS)
say "$OUT/SHA256SUMS"
say "done in $(( $(date +%s) - started )) s"
