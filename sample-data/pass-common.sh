# Sourced by the passes over the sample censuses (legitimize-, actions-,
# followup- and perimeter-samples.sh), from the repository root, after
# `set -euo pipefail` and with DAY set: the binary, an isolated
# configuration, the fixed clock and the helpers every pass uses.

PASS=$(basename "$0")
RECENSE=${RECENSE:-target/release/recense}
if [ ! -x "$RECENSE" ]; then
    echo "$PASS: $RECENSE not found; run \`cargo build --release\` or set RECENSE." >&2
    exit 1
fi

# Isolated configuration: the user's config.ron and default census are never touched.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
unset RECENSE_FILE RECENSE_AGENT

# Fixed clock: DAY at 09:00 UTC, one minute more for each action.
STEP=0
tick() {
    local h=$((9 + STEP / 60)) m=$((STEP % 60))
    RECENSE_NOW=$(printf '%sT%02d:%02d:00Z' "$DAY" "$h" "$m")
    export RECENSE_NOW
    STEP=$((STEP + 1))
}
new_day() { DAY=$1; STEP=0; }

# `r ARGS…`: recense on FILE as AGENT, quiet unless it fails.
FILE=
AGENT=
r() {
    tick
    "$RECENSE" --file "$FILE" --as "$AGENT" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
}

# The id of the initiative with this exact name (the CSV of list writes a
# quote before a name starting with @, =, + or -: taken off).
id_of() {
    "$RECENSE" --file "$FILE" list --format csv |
        awk -F';' -v name="$1" '{ n = $2; sub(/^\x27/, "", n) } n == name { print $1; found = 1 } END { exit !found }' ||
        { echo "$PASS: no initiative named « $1 » in $FILE" >&2; exit 1; }
}
