#!/usr/bin/env bash
# Fifth pass over the sample censuses: what the national standards and the
# reports read. Legal forms of CHATONS members, memberships of networks
# (data·inclusion `reseaux_porteurs`) and national programmes (mednum) where
# the organisation's own name states them; a few supports received with
# their year and amount, and an act of the collectivité as evidence. Called
# at the end of make-samples.sh; can also be run alone on existing samples:
#   sample-data/standards-samples.sh
#
# The legal forms and memberships are public facts. The amounts and the
# deliberation are a demonstration of the workflow by the samples' team
# (their notes say so), not facts about the organisations.
set -euo pipefail

cd "$(dirname "$0")/.."
DAY=2026-11-20
. sample-data/pass-common.sh

DEMO="Exemple de démonstration (montant fictif, non vérifié)."
set_fields() {
    local name=$1
    shift
    r edit "$(id_of "$name")" "$@"
}
# support NAME KIND YEAR FROM [AMOUNT]: in kind when no amount is given.
support() {
    local amount=()
    [ -n "${5:-}" ] && amount=(--amount "$5")
    r support add "$(id_of "$1")" --kind "$2" --year "$3" --from "$4" "${amount[@]}" --note "$DEMO"
}

# ------------------------------------------------------------------ Brest
FILE=sample-data/pays-de-brest.ron
AGENT="Équipe recense Brest"
set_fields "Infini (Internet Finistère)" --set forme_juridique=association
set_fields "Réseau des PAPI de Brest" --set reseaux_porteurs=espaces_publics_numeriques
set_fields "Ville de Brest – service Internet et expression multimédia" --set reseaux_porteurs=communes
support "Wiki-Brest" hebergement 2025 "Ville de Brest"
support "Maison du Libre (MDL29)" appel_a_projets 2025 "Ville de Brest" 1500
support "Maison du Libre (MDL29)" locaux 2026 "Ville de Brest"
r evidence add "$(id_of "Maison du Libre (MDL29)")" --kind deliberation --date 2025-12-15 \
    --note "Exemple de démonstration : délibération fictive accordant la subvention de l'appel à projets."

# ---------------------------------------------------------------- Grenoble
FILE=sample-data/grenoble.ron
AGENT="Équipe recense Grenoble"
set_fields "Restos du Cœur – centre de Grenoble" --set reseaux_porteurs=restos_du_coeur
set_fields "Secours populaire – Grenoble" --set reseaux_porteurs=secours_populaire
set_fields "Emmaüs Connect – Grenoble" --set reseaux_porteurs=emmaus --set dispositif_programmes_nationaux=emmaus_connect
support "La Casemate (CCSTI de Grenoble)" subvention_fonctionnement 2026 "Ville de Grenoble" 12000
support "La Casemate (CCSTI de Grenoble)" locaux 2026 "Ville de Grenoble"

rm -f sample-data/pays-de-brest.ron.bak sample-data/grenoble.ron.bak
