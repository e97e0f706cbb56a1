#!/usr/bin/env bash
# Third pass over the sample censuses: the follow-up over the years, in the
# Grenoble sample (the Brest one is the tests' fixed ground). Dated editions
# of the network's events, with their number of participants and who took
# part; three structures relais spotted from a list in spring 2025 and left
# since, one verified this year, two still to re-check. Called at the end of make-samples.sh;
# can also be run alone on freshly made samples:
#   sample-data/followup-samples.sh
#
# The editions' dates, places and numbers are a demonstration of the
# workflow by the samples' team, not facts about the events.
set -euo pipefail

cd "$(dirname "$0")/.."
DAY=2026-11-20
. sample-data/pass-common.sh

# --------------------------------------------------------------- Grenoble
FILE=sample-data/grenoble.ron
AGENT="Équipe recense Grenoble"
# Spotted from a list of food banks in spring 2025, not looked at since.
new_day 2025-05-12
r add --set "nom=Restos du Cœur – centre de Grenoble" --set type=aide_alimentaire \
    --set commune=Grenoble --set "notes=Structure relais repérée sur une liste ; à contacter." >/dev/null
r add --set "nom=Secours populaire – Grenoble" --set type=aide_alimentaire \
    --set commune=Grenoble --set "notes=Structure relais repérée sur une liste ; à contacter." >/dev/null
r add --set "nom=Emmaüs Connect – Grenoble" --set type=association \
    --set commune=Grenoble --set "notes=Repérée sur une liste ; à contacter." >/dev/null
new_day 2026-11-20
r verify "$(id_of "Restos du Cœur – centre de Grenoble")" --note "Toujours ouvert ; à contacter." >/dev/null
r verify "$(id_of "La Casemate (CCSTI de Grenoble)")" --note "Programme de la saison consulté." >/dev/null
r edition add "$(id_of "Biennale des villes en transition")" --date 2026-03-20 \
    --place "Grenoble" --participants 250 --note "Édition de démonstration." \
    --with "$(id_of "Ville de Grenoble – mission Communs")" >/dev/null
r edition add "$(id_of "Assemblée des Communs de Grenoble")" --date 2026-06-13 \
    --place "Grenoble" --participants 60 --note "Édition de démonstration." \
    --with "$(id_of "Framasoft")" --with "$(id_of "La Turbine.coop")" \
    --with "$(id_of "Groupe local OpenStreetMap de Grenoble")" >/dev/null

rm -f sample-data/grenoble.ron.bak
