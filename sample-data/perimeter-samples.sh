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
DAY=2026-11-12
. sample-data/pass-common.sh

BREST_EPCI=(
    epci:242900314 # Brest Métropole
    epci:242900074 # CC du Pays d'Iroise
    epci:242900553 # CC du Pays des Abers
    epci:242900793 # CC Communauté Lesneven Côte des Légendes
    epci:242900801 # CA du Pays de Landerneau-Daoulas
    epci:200066868 # CC Presqu'île de Crozon-Aulne maritime
    epci:200067247 # CC Pleyben-Châteaulin-Porzay
)
FILE=sample-data/pays-de-brest.ron AGENT="Équipe recense Brest"
r perimeter set "$(IFS=,; echo "${BREST_EPCI[*]}")"
new_day 2026-11-12
FILE=sample-data/grenoble.ron AGENT="Équipe recense Grenoble"
r perimeter set epci:200040715

rm -f sample-data/pays-de-brest.ron.bak sample-data/grenoble.ron.bak
