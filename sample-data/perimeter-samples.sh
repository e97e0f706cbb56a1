#!/usr/bin/env bash
# Third pass over the sample censuses: their perimeters, so that
# `recense communes` and the dashboard show the communes of the territory
# that have no initiative yet (the white zones). Called at the end of
# make-samples.sh; can also be run alone on existing samples:
#   sample-data/perimeter-samples.sh
#
# Pays de Brest: Brest Métropole and the six other EPCI of the Pôle
# métropolitain du Pays de Brest. Grenoble: Grenoble-Alpes Métropole.
set -euo pipefail

cd "$(dirname "$0")/.."
RECENSE=${RECENSE:-target/release/recense}
if [ ! -x "$RECENSE" ]; then
    echo "perimeter-samples.sh: $RECENSE not found; run \`cargo build --release\` or set RECENSE." >&2
    exit 1
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
unset RECENSE_FILE RECENSE_AGENT
export RECENSE_NOW=2026-11-12T09:00:00Z

BREST_EPCI=(
    epci:242900314 # Brest Métropole
    epci:242900074 # CC du Pays d'Iroise
    epci:242900553 # CC du Pays des Abers
    epci:242900793 # CC Communauté Lesneven Côte des Légendes
    epci:242900801 # CA du Pays de Landerneau-Daoulas
    epci:200066868 # CC Presqu'île de Crozon-Aulne maritime
    epci:200067247 # CC Pleyben-Châteaulin-Porzay
)
# set FILE AGENT PERIMETER: quiet unless it fails.
set_perimeter() {
    "$RECENSE" --file "$1" --as "$2" perimeter set "$3" >/dev/null 2>"$WORK/err" ||
        { cat "$WORK/err" >&2; exit 1; }
}
set_perimeter sample-data/pays-de-brest.ron "Équipe recense Brest" "$(IFS=,; echo "${BREST_EPCI[*]}")"
set_perimeter sample-data/grenoble.ron "Équipe recense Grenoble" "epci:200040715"

rm -f sample-data/pays-de-brest.ron.bak sample-data/grenoble.ron.bak
