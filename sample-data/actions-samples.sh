#!/usr/bin/env bash
# Third pass over the sample censuses: the follow-up. A few actions (calls,
# visits, e-mails) with their next steps, some done, some overdue, so that
# the "À faire" screen and `recense todo` show something on first run.
# Called at the end of make-samples.sh; can also be run alone on existing
# samples:
#   sample-data/actions-samples.sh
#
# Every date is relative to the script's fixed clock (late November 2026):
# the steps due before 2026-12-06 are overdue on that day, and the others
# come due over the following weeks. The actions are a demonstration of the
# workflow by the samples' team, not facts about the organisations.
set -euo pipefail

cd "$(dirname "$0")/.."
DAY=2026-11-24
. sample-data/pass-common.sh

# act NAME KIND NOTE [--next TEXT --due DATE [--for AGENT]]: an action; its
# id is kept in LAST.
LAST=
act() {
    local id
    id=$(id_of "$1")
    tick
    LAST=$("$RECENSE" --file "$FILE" --as "$AGENT" action add "$id" --kind "$2" --note "$3" "${@:4}" 2>"$WORK/err") ||
        { cat "$WORK/err" >&2; exit 1; }
}
# done NAME: closes the next step of the last action on NAME.
done_last() {
    r action done "$(id_of "$1")" "$LAST"
}

FILE=sample-data/pays-de-brest.ron
AGENT="Équipe recense Brest"
act "Centre social Kaneveden" appel "Premier appel à l'animatrice : intéressée par des ateliers." \
    --next "Envoyer la présentation du réseau" --due +3j
act "Infini (Internet Finistère)" rencontre "Rencontre au local : besoin d'hébergement pour les serveurs." \
    --next "Proposer une convention d'hébergement" --due +21j
act "Animacoop" courriel "Demande du calendrier des prochaines sessions." \
    --next "Relancer si pas de réponse" --due +5j
act "Festival Brest en communs" reunion "Réunion de préparation avec les services." \
    --next "Confirmer la salle" --due +1j
done_last "Festival Brest en communs"
act "Maison du Libre (MDL29)" visite "Visite de l'atelier de réemploi." \
    --next "Inviter au forum des usages coopératifs" --due +30j --for "Équipe recense – relecture"

FILE=sample-data/grenoble.ron
AGENT="Équipe recense Grenoble"
act "La Turbine.coop" appel "Appel au coordinateur : d'accord pour une rencontre." \
    --next "Fixer la date de la rencontre" --due +2j
act "Bibliothèques municipales de Grenoble" courrier "Courrier à la direction des bibliothèques." \
    --next "Relancer la direction" --due +25j
act "Framasoft" courriel "Échange sur les services proposés aux associations." 

rm -f sample-data/pays-de-brest.ron.bak sample-data/grenoble.ron.bak
