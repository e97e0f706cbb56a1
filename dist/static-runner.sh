#!/bin/sh
# Cargo's runner for the release check (.ci/run): `cargo test --test cli`
# with CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER set to this script runs
# the CLI tests against the static binary RECENSE_STATIC instead of
# target/debug/recense; the test programs themselves run as usual.
case "$(basename "$1")" in
    recense)
        shift
        exec "${RECENSE_STATIC:?RECENSE_STATIC names the static binary}" "$@"
        ;;
    *) exec "$@" ;;
esac
