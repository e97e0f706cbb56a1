#!/usr/bin/env bash
# Second pass over the sample censuses: legitimizing. Statuses, evidence,
# colleagues' confirmations, and the digital inclusion fields of the national
# standard where the sources state them. Called at the end of make-samples.sh;
# can also be run alone on existing samples:
#   sample-data/legitimize-samples.sh
#
# The evidence links are the organisations' real public pages, and the study
# (Sciences Po, 2023). The statuses and the days they were set are a
# demonstration of the workflow by the samples' team, not facts about the
# organisations.
set -euo pipefail

cd "$(dirname "$0")/.."
DAY=2026-11-10
. sample-data/pass-common.sh

STUDY="Citée dans l'étude « Les politiques publiques locales en faveur des communs numériques et leurs effets. Comparaison entre Brest et Grenoble » (Sciences Po, Chaire Villes et numérique)."

# site NAME URL: its website, consulted.
site() {
    r evidence add "$(id_of "$1")" --kind site_web --date "$DAY" --url "$2" --note "Site consulté : activité en cours."
}
# chatons NAME URL: membership of the CHATONS collective, an official register.
chatons() {
    r evidence add "$(id_of "$1")" --kind registre_officiel --date "$DAY" --url "$2" --note "Membre du collectif CHATONS (liste publique des membres)."
}
study() {
    r evidence add "$(id_of "$1")" --kind document --date 2023-06-12 --note "$STUDY"
}
status() { r status "$(id_of "$1")" "$2" --comment "$3"; }
confirm() { r confirm "$(id_of "$1")" --comment "$2"; }
set_fields() {
    local name=$1
    shift
    r edit "$(id_of "$name")" "$@"
}

# ------------------------------------------------------------------ Brest
FILE=sample-data/pays-de-brest.ron
AGENT="Équipe recense Brest"
STEP=0

study "Réseau des PAPI de Brest"
study "Wiki-Brest"
study "Maison du Libre (MDL29)"
site "Wiki-Brest" https://www.wiki-brest.net
site "Infini (Internet Finistère)" https://www.infini.fr
chatons "Infini (Internet Finistère)" https://www.chatons.org
site "Maison du Libre (MDL29)" https://mdl29.net
site "@-brest (a-brest.net)" https://www.a-brest.net
site "Ville de Brest – service Internet et expression multimédia" https://www.brest.fr
site "Tela Botanica" https://www.tela-botanica.org
site "Outils-Réseaux" https://outils-reseaux.org

status "Réseau des PAPI de Brest" contacte "Premier contact par la coordination des PAPI."
status "Tela Botanica" contacte "Contact par le site web."
status "Outils-Réseaux" contacte "Contact par le site web."
status "Maison du Libre (MDL29)" contacte "Contact à l'occasion d'une permanence."
status "Maison du Libre (MDL29)" rencontre "Rencontre avec les bénévoles lors d'une permanence."
status "Cédérom « Bureau libre Free-EOS »" en_sommeil "Initiative du milieu des années 2000 ; diffusion actuelle non vérifiée."

set_fields "Réseau des PAPI de Brest" \
    --set services_mediation=maitrise_outils_numeriques,acces_internet_materiel \
    --set frais=gratuit
set_fields "Réseau des médiathèques de Brest" \
    --set services_mediation=acces_internet_materiel \
    --set frais=gratuit

# The review team checks and confirms; then the ones that qualify move up.
AGENT="Équipe recense – relecture"
for name in "Wiki-Brest" "Infini (Internet Finistère)" "Maison du Libre (MDL29)" \
    "@-brest (a-brest.net)" "Ville de Brest – service Internet et expression multimédia"; do
    confirm "$name" "Relu : la fiche correspond au site et aux sources citées."
done
status "Wiki-Brest" legitime "Répond à la fracture numérique et à la démocratie locale, preuves à jour, confirmé."
status "Wiki-Brest" soutenu "Hébergement, matériel et poste dédié de la Ville."
status "Infini (Internet Finistère)" legitime "Hébergeur associatif membre des CHATONS, confirmé."
status "Maison du Libre (MDL29)" legitime "Répond à la fracture numérique et à la souveraineté, confirmé."
status "Maison du Libre (MDL29)" soutenu "Appel à projets et locaux."
status "@-brest (a-brest.net)" legitime "Le média des acteurs du territoire, confirmé."
status "Ville de Brest – service Internet et expression multimédia" legitime "Politique publique documentée, confirmée."

# ---------------------------------------------------------------- Grenoble
FILE=sample-data/grenoble.ron
AGENT="Équipe recense Grenoble"
DAY=2026-11-12
STEP=0

study "Ville de Grenoble – mission Communs"
study "La Turbine.coop"
site "Framasoft" https://framasoft.org
chatons "Framasoft" https://www.chatons.org
site "La Casemate (CCSTI de Grenoble)" https://lacasemate.fr
site "Ville de Grenoble – logiciels libres et Open Data" https://www.grenoble.fr
site "Portail open data de la métropole grenobloise" https://data.metropolegrenoble.fr
site "La Turbine.coop" https://turbine.coop
site "GUILDE" https://www.guilde.asso.fr

status "La Turbine.coop" contacte "Contact par le site web."
status "GUILDE" contacte "Contact lors d'une réunion publique du groupe."
status "La Casemate (CCSTI de Grenoble)" contacte "Contact par l'accueil."
status "La Casemate (CCSTI de Grenoble)" rencontre "Visite du fablab."

set_fields "Bibliothèques municipales de Grenoble" \
    --set services_mediation=acces_internet_materiel,comprehension_monde_numerique \
    --set frais=gratuit

AGENT="Équipe recense – relecture"
for name in "Framasoft" "La Casemate (CCSTI de Grenoble)" \
    "Ville de Grenoble – logiciels libres et Open Data" \
    "Portail open data de la métropole grenobloise"; do
    confirm "$name" "Relu : la fiche correspond au site et aux sources citées."
done
status "Framasoft" legitime "Logiciels libres et services hébergés, membre des CHATONS, confirmé."
status "La Casemate (CCSTI de Grenoble)" legitime "Culture scientifique et fabrication numérique ouvertes à tous, confirmé."
status "La Casemate (CCSTI de Grenoble)" soutenu "Locaux et subvention de fonctionnement."
status "Ville de Grenoble – logiciels libres et Open Data" legitime "Politique publique documentée, confirmée."
status "Portail open data de la métropole grenobloise" legitime "Données ouvertes publiées, confirmé."

rm -f sample-data/pays-de-brest.ron.bak sample-data/grenoble.ron.bak
