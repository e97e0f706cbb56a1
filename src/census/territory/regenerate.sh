#!/usr/bin/env bash
# Regenerates src/census/territory/communes.tsv.gz, the official geography
# embedded in recense, from the npm package @etalab/decoupage-administratif
# (MIT; INSEE's Code officiel géographique under the Licence Ouverte).
#
# Run from anywhere, with npm and python3 on the PATH:
#   src/census/territory/regenerate.sh            # the pinned version
#   src/census/territory/regenerate.sh 7.0.0      # next year's
# It downloads nothing but the package itself (`npm pack`), and writes the
# source version in the file's first line. Commit the new file, then run
# `cargo test --lib census::territory` and read docs/territory.md.
set -euo pipefail

VERSION=${1:-6.0.0}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "@etalab/decoupage-administratif@$VERSION" >/dev/null && tar xzf ./*.tgz)
python3 "$HERE/regenerate.py" "$WORK/package" "$VERSION" | gzip -9 -n > "$HERE/communes.tsv.gz.new"
mv "$HERE/communes.tsv.gz.new" "$HERE/communes.tsv.gz"
echo "communes.tsv.gz: $(stat -c %s "$HERE/communes.tsv.gz") bytes, from @etalab/decoupage-administratif $VERSION"
