#!/usr/bin/env bash
# Builds the two sample censuses of recense by driving the real CLI:
#   sample-data/pays-de-brest.ron  and  sample-data/grenoble.ron
#
# Run from the repository root, after `cargo build --release`:
#   sample-data/make-samples.sh
# The binary is taken from $RECENSE (default target/release/recense); this
# script builds nothing.
#
# Content: real public organisations, places and events named in the study
# "Les politiques publiques locales en faveur des communs numériques et leurs
# effets. Comparaison entre Brest et Grenoble" (Sciences Po, Chaire Villes et
# numérique, CC BY-SA 4.0), with facts from the study or from public sources
# (the organisations' own sites, a-brest.net, wiki-brest.net, local press).
# Each entry's `notes` field names its sources. No personal data: the contact_*
# fields are never filled, and no person is named.
#
# Reproducibility: the clock is fixed (RECENSE_NOW, one minute per action, so
# that the file order is the order of this script), and the agents' names are
# fixed. Initiative ids keep a random part: two runs give the same content
# under different ids.
set -euo pipefail

cd "$(dirname "$0")/.."
RECENSE=${RECENSE:-target/release/recense}
if [ ! -x "$RECENSE" ]; then
    echo "make-samples.sh: $RECENSE not found; run \`cargo build --release\` or set RECENSE." >&2
    exit 1
fi

# Isolated configuration: the user's config.ron and default census are never touched.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
unset RECENSE_FILE RECENSE_AGENT

BREST=sample-data/pays-de-brest.ron
GRENOBLE=sample-data/grenoble.ron
rm -f "$BREST" "$BREST.bak" "$GRENOBLE" "$GRENOBLE.bak"

# Fixed clock: DAY at 09:00 UTC, one minute more for each action.
DAY=2026-11-01
STEP=0
tick() {
    local h=$((9 + STEP / 60)) m=$((STEP % 60))
    RECENSE_NOW=$(printf '%sT%02d:%02d:00Z' "$DAY" "$h" "$m")
    export RECENSE_NOW
    STEP=$((STEP + 1))
}
new_day() { DAY=$1; STEP=0; }

FILE=
AGENT=
r() { "$RECENSE" --file "$FILE" --as "$AGENT" "$@"; }

# Common values.
BREST_LOC=(--set commune=Brest --set code_postal=29200 --set code_insee=29019)
BREST_CENTRE=48.3904,-4.4861
GRENOBLE_LOC=(--set commune=Grenoble --set code_postal=38000 --set code_insee=38185)
GRENOBLE_CENTRE=45.1885,5.7245
ETUDE="étude Sciences Po (Chaire Villes et numérique) sur les communs numériques à Brest et Grenoble"

###############################################################################
# Pays de Brest
###############################################################################
FILE=$BREST
AGENT="Équipe recense Brest"
new_day 2026-11-01
tick
r init --territory "Pays de Brest"

tick
VILLE_BREST=$(r add \
    --set "nom=Ville de Brest – service Internet et expression multimédia" \
    --set type=collectivite "${BREST_LOC[@]}" \
    --set "adresse=Hôtel de ville, 2 rue Frézier" \
    --set coordonnees=48.3904,-4.4861 \
    --set site_web=https://www.brest.fr \
    --set "description=Service municipal chargé de l'appropriation sociale de l'internet et du multimédia : réseau des points d'accès public à internet (PAPI), appel à projets annuel, Wiki-Brest, festival Brest en communs, Forum des usages coopératifs. Il est issu du service « démocratie locale et citoyenneté », rattaché à la délégation de l'élu chargé des nouvelles technologies de 1995 à 2014." \
    --set communs_produits=contenus_libres,services_heberges,savoirs_formations \
    --set roles=fonction_publique,organisateur_espaces \
    --set problemes_publics=fracture_numerique,democratie,depense_publique \
    --set "argument_politique=Le numérique comme réponse au problème public des inégalités sociales : l'élu, « entrepreneur de réforme », a mis les communs numériques à l'agenda et animé le réseau des acteurs, la collectivité co-construisant les projets avec les citoyens." \
    --set "argument_technique=S'appuyer sur l'existant : des accès publics intégrés à des lieux ordinaires limitent le coût du service, et des relais locaux permettent d'avancer avec des moyens réduits." \
    --set soutiens_recus=poste_dedie,formation_agents \
    --set "soutiens_details=Selon l'étude, la délégation disposait d'un budget propre et de référents administratifs titulaires (ni stagiaires ni contractuels), gage de durée au-delà des alternances. Des agents ont suivi la formation Animacoop (session de fin 2016)." \
    --set "notes=Cité dans l'$ETUDE, comme exemple d'institutionnalisation d'une politique publique en faveur des communs numériques. Autres sources : rapports d'activité du service publiés sur a-brest.net (2010, 2014).")

tick
INFINI=$(r add \
    --set "nom=Infini (Internet Finistère)" \
    --set type=chatons "${BREST_LOC[@]}" \
    --set coordonnees=$BREST_CENTRE \
    --set site_web=https://www.infini.fr \
    --set "description=Association d'éducation populaire brestoise créée en 1995 : hébergeur associatif de sites et de services web qui accompagne l'appropriation sociale du numérique, avec une attention particulière aux logiciels libres. Environ 300 adhérents, dont 70 % d'associations. Elle tient aussi un point d'accès public à internet et propose des ateliers d'initiation." \
    --set "chatons_services=Ouverts à tous : Pad, Date, Searx, Drop, Bin, Pic, Link et Carte (Infini). Pour les adhérents : hébergement de sites web et de courriels, listes de diffusion, Nextcloud, radios web." \
    --set communs_produits=services_heberges,logiciel_libre,savoirs_formations \
    --set roles=contributeur,organisateur_espaces \
    --set problemes_publics=souverainete,fracture_numerique,democratie \
    --set "argument_politique=Une alternative associative, transparente et neutre aux outils par défaut des grandes plateformes, pour un usage non commercial et coopératif d'internet « pour et par tous »." \
    --set "argument_technique=Services libres mutualisés entre associations, collectifs et quelques services publics, sans publicité ni logiciel privateur, selon la charte des CHATONS." \
    --set "notes=Membre historique du collectif CHATONS. Cité dans l'$ETUDE, parmi les organismes localement implantés avec lesquels la Ville a ouvert des formations aux outils du libre. Sources : infini.fr ; fiche « Atlas des communs » sur a-brest.net (2017, mise à jour 2020). Coordonnées : centre de Brest (adresse du local non vérifiée).")

tick
WIKI_BREST=$(r add \
    --set nom=Wiki-Brest \
    --set type=ressource_commune "${BREST_LOC[@]}" \
    --set site_web=https://www.wiki-brest.net \
    --set "description=Carnets collaboratifs du Pays de Brest : wiki de territoire ouvert en avril 2006 où habitants, associations, journaux de quartier, bibliothécaires et enseignants écrivent le patrimoine et la vie du territoire. Premier wiki de territoire créé en France, il est animé par le service Internet et expression multimédia de la Ville." \
    --set communs_produits=contenus_libres \
    --set roles=contributeur,fonction_publique \
    --set problemes_publics=fracture_numerique,democratie \
    --set "argument_politique=Valoriser le territoire et ceux qui le font vivre, renforcer le lien social entre quartiers et communes, et développer l'appropriation des outils numériques par les personnes qui en sont les plus éloignées." \
    --set "argument_technique=Moteur de wiki libre (MediaWiki, celui de Wikipédia), hébergé et maintenu en interne par la collectivité ; un modèle repris par une trentaine de wikis de territoire." \
    --set soutiens_recus=hebergement,poste_dedie,materiel \
    --set "soutiens_details=Hébergement et maintenance du site par le technicien informatique du service ; animatrice recrutée en octobre 2007 à 90 % de son temps ; prêt de matériel multimédia aux partenaires (appareils photo, enregistreurs, ordinateurs)." \
    --set "notes=Cité dans l'$ETUDE, parmi les espaces en ligne (@-brest, wiki-brest) qui donnent un panorama de la dynamique locale. Sources : bilan d'activité publié sur wiki-brest.net ; a-brest.net.")

tick
A_BREST=$(r add \
    --set "nom=@-brest (a-brest.net)" \
    --set type=ressource_commune "${BREST_LOC[@]}" \
    --set site_web=https://www.a-brest.net \
    --set "description=Site contributif et lettre d'information hebdomadaire sur les usages coopératifs de l'internet et les communs au Pays de Brest, impulsé par la délégation municipale chargée des nouvelles technologies. Services municipaux, associations et habitants y publient comptes rendus, appels à projets et bilans." \
    --set communs_produits=contenus_libres \
    --set roles=contributeur,fonction_publique \
    --set problemes_publics=democratie,fracture_numerique \
    --set "argument_politique=Transparence et coproduction : les documents produits par le service municipal sont rendus publics, et donner à voir les initiatives favorise la reconnaissance des acteurs et leurs coopérations." \
    --set "argument_technique=Contenus sous licence Creative Commons par défaut depuis 2004, repris par d'autres sites grâce à un fil de syndication." \
    --set "notes=Cité dans l'$ETUDE (« site contributif a-brest » impulsé par l'élu). Sources : a-brest.net, dont le bilan de la première année du site.")

tick
PAPI=$(r add \
    --set "nom=Réseau des PAPI de Brest" \
    --set type=espace_public_numerique "${BREST_LOC[@]}" \
    --set "description=Points d'accès public à internet accompagnés, ouverts depuis 1997 dans des lieux ordinaires : mairies de quartier, bibliothèques, équipements de quartier, patronages laïques, centres sociaux, associations. 11 lieux en 1998, plus de 100 en 2008, 111 en 2014 ; chacun dispose d'au moins un poste connecté et d'une imprimante." \
    --set communs_produits=savoirs_formations \
    --set roles=organisateur_espaces,fonction_publique \
    --set problemes_publics=fracture_numerique,depense_publique \
    --set "argument_politique=Réduire les inégalités d'accès et d'usage au plus près des habitants, notamment des publics précaires ou isolés ; les PAPI deviennent des lieux d'expression et de citoyenneté." \
    --set "argument_technique=Intégré à des lieux existants, le dispositif limite les coûts pour la collectivité ; il a continué de s'étendre quand des espaces dédiés fermaient avec la fin des emplois-jeunes." \
    --set soutiens_recus=materiel,appel_a_projets \
    --set "soutiens_details=Assistance technique du service municipal (130 interventions en 2014) et ordinateurs reconditionnés mis à disposition (28 en 2014) ; projets d'animation soutenus par l'appel à projets multimédia." \
    --set "notes=L'$ETUDE cite les PAPI parmi les espaces de proximité de formation et de réflexion, et l'autonomisation des publics dans les PAPI. Les structures PAPI recensées une à une sont reliées à cette fiche (« membre de »). Sources : a-brest.net (évaluation de l'accès public, rapports d'activité 2010 et 2014).")

tick
PL_GUERIN=$(r add \
    --set "nom=Patronage laïque Guérin (PL Guérin)" \
    --set type=patronage_laique "${BREST_LOC[@]}" \
    --set "description=Association d'éducation populaire du quartier Saint-Martin, née en 1933 sous le nom d'« Étoile rouge » et installée dans la cité de Kerigonan. Son espace public multimédia, labellisé PAPI, répond à la fracture numérique ; l'association a publié son histoire sur Wiki-Brest pour ses 80 ans (2013)." \
    --set communs_produits=contenus_libres,savoirs_formations \
    --set roles=organisateur_espaces,contributeur \
    --set problemes_publics=fracture_numerique \
    --set "argument_politique=Permettre à tous d'accéder à un ordinateur et à internet et d'en maîtriser l'usage, dans un lieu de lien social du quartier." \
    --set "relations=membre_de:$PAPI,partenaire:$WIKI_BREST" \
    --set "notes=Structure relais (l'étude cite les patronages laïques parmi les espaces de proximité). Sources : wiki-brest.net (« Histoire du Patronage Laïque Municipal Guérin », « PAPI du Patronage Laïque Municipal Guérin ») ; a-brest.net.")

tick
PL_RECOUVRANCE=$(r add \
    --set "nom=Patronage laïque de Recouvrance" \
    --set type=patronage_laique "${BREST_LOC[@]}" \
    --set "description=Le plus ancien des patronages laïques brestois. Il accueille depuis septembre 2021 un espace multi-services ouvert le mardi après-midi : France services (Pimms) pour l'accompagnement aux démarches administratives, action sociale, protection maternelle et infantile, insertion professionnelle." \
    --set roles=organisateur_espaces \
    --set problemes_publics=fracture_numerique \
    --set "argument_politique=Des services de proximité pour les habitants les plus précaires, dont l'accompagnement aux démarches en ligne." \
    --set "notes=Structure relais à qualifier : ses liens avec les communs numériques ne sont pas documentés à ce jour (à vérifier auprès de la structure). Source : brest.fr, actualité du 12 octobre 2021.")

tick
KANEVEDEN=$(r add \
    --set "nom=Centre social Kaneveden" \
    --set type=centre_social "${BREST_LOC[@]}" \
    --set "description=Centre social du quartier de Bellevue, équipé d'un point d'accès public à internet en 2012-2013." \
    --set roles=organisateur_espaces \
    --set problemes_publics=fracture_numerique \
    --set "relations=membre_de:$PAPI" \
    --set "notes=Source : a-brest.net, « Lien social et accès public accompagné à Brest » (nouvelles structures PAPI 2012-2013). Activités numériques actuelles à vérifier.")

tick
MAIRIE_BELLEVUE=$(r add \
    --set "nom=Mairie de quartier de Bellevue" \
    --set type=mairie_de_quartier "${BREST_LOC[@]}" \
    --set "description=Mairie de quartier dotée d'un PAPI : à Brest, chaque mairie de quartier dispose d'un point d'accès public à internet. Celui de Bellevue, cœur urbain de l'université, est fréquenté par des étudiants et des habitants qui n'ont pas d'abonnement à domicile." \
    --set roles=fonction_publique \
    --set problemes_publics=fracture_numerique \
    --set "relations=membre_de:$PAPI" \
    --set "notes=Structure relais (mairies de quartier). Source : a-brest.net, « Portrait de Papi : PAPI de la mairie Bellevue ».")

tick
MEDIATHEQUES=$(r add \
    --set "nom=Réseau des médiathèques de Brest" \
    --set type=mediatheque "${BREST_LOC[@]}" \
    --set "description=Médiathèques municipales de Brest, dont plusieurs accueillent un PAPI. La médiathèque de Lambézellec a présenté au Forum des usages coopératifs 2018 sa « K-box », bibliobox qui met en partage la création brestoise." \
    --set communs_produits=contenus_libres \
    --set roles=fonction_publique,organisateur_espaces \
    --set problemes_publics=fracture_numerique \
    --set "relations=membre_de:$PAPI" \
    --set "notes=Structure relais (médiathèques). Sources : programme détaillé du Forum des usages coopératifs 2018 (archives du Forum) ; a-brest.net.")

tick
MDL=$(r add \
    --set "nom=Maison du Libre (MDL29)" \
    --set type=collectif_libriste "${BREST_LOC[@]}" \
    --set "adresse=214 rue Jean Jaurès" \
    --set coordonnees=48.403,-4.472 \
    --set site_web=https://mdl29.net \
    --set date_creation=2010-05-21 \
    --set "description=Association brestoise de promotion du libre sous toutes ses formes (logiciels, contenus, matériel), devenue un groupe d'utilisateurs de logiciels libres très actif : install-parties, fablab Ty Fab, ateliers « Petits Hackers » pour les jeunes, café MDL. Elle a lancé la messagerie libre Libr@net." \
    --set communs_produits=logiciel_libre,materiel_fabrication,savoirs_formations,services_heberges \
    --set roles=contributeur,organisateur_espaces \
    --set problemes_publics=souverainete,fracture_numerique \
    --set "argument_politique=Une messagerie non commerciale, gratuite et respectueuse des données personnelles, plutôt que des services dont les courriels et les sites sont exploités par des sociétés privées." \
    --set "argument_technique=Schémas et réalisations (Arduino, fabrication numérique) publiés librement, réutilisables par d'autres." \
    --set soutiens_recus=locaux,appel_a_projets \
    --set "soutiens_details=Deux locaux mis à disposition par la Ville et Brest métropole (2013) ; projet Libr@net retenu par l'appel à projets de la Ville (2010-2011). Au 214 rue Jean-Jaurès depuis 2016, dans une ancienne agence bancaire louée en bail précaire." \
    --set "relations=membre_de:$PAPI" \
    --set "notes=Adresse de 2016 (presse locale), à confirmer ; coordonnées approchées. Sources : wiki.mdl29.net ; a-brest.net (entretien « Brest en biens communs », 2011) ; Sept jours à Brest (25 mai 2016) ; linuxfr.org (2013).")

tick
FORUM=$(r add \
    --set "nom=Forum des usages coopératifs" \
    --set type=evenement "${BREST_LOC[@]}" \
    --set coordonnees=$BREST_CENTRE \
    --set "description=Rencontres biennales de quatre jours, début juillet à Brest, des acteurs des usages coopératifs de l'internet et du multimédia : médiateurs, collectivités, associations d'éducation populaire, acteurs de l'économie sociale et solidaire, chercheurs, élus. 8e édition en 2018 (407 participants) sur le campus brestois d'IMT Atlantique ; en 2020, lancement en ligne des « chemins de la coopération »." \
    --set communs_produits=savoirs_formations \
    --set roles=organisateur_espaces \
    --set problemes_publics=democratie,fracture_numerique \
    --set "argument_politique=Un espace de rencontre qui décloisonne les mondes et fait du territoire un lieu de convergence des dynamiques nationales autour des communs." \
    --set "notes=Cité dans l'$ETUDE, parmi les événements à créer pour réunir les acteurs des communs. Première édition vers 2004 (déduit de la périodicité : 6e édition en 2014). Coordonnées : centre de Brest (lieu variable selon les éditions). Sources : a-brest.net (bilans 2014, 2016, 2018) ; eco-bretons.info (2020).")

tick
BREST_EN_COMMUNS=$(r add \
    --set "nom=Festival Brest en communs" \
    --set type=evenement "${BREST_LOC[@]}" \
    --set coordonnees=$BREST_CENTRE \
    --set "description=Festival biennal coordonné par le service Internet et expression multimédia avec les acteurs des communs : ateliers, conférences, projections autour des logiciels libres, des wikis, de la cartographie ouverte, des jardins partagés… Né en 2009 sous le nom « Brest en biens communs », renommé à sa 5e édition (octobre 2017) ; 6e édition du 5 au 12 octobre 2019." \
    --set roles=organisateur_espaces \
    --set problemes_publics=democratie \
    --set "argument_politique=Montrer la richesse des initiatives portées par les habitants autour des communs, populariser la notion et nourrir ensemble la réflexion." \
    --set "notes=Cité dans l'$ETUDE (« Brest en commun »). Coordonnées : centre de Brest (lieux multiples). Sources : a-brest.net (réunions de préparation 2017 et 2019) ; bretagne-creative.net (bilan 2017) ; eco-bretons.info.")

tick
AAP=$(r add \
    --set "nom=Appel à projets « usages du numérique » de la Ville de Brest" \
    --set type=collectivite "${BREST_LOC[@]}" \
    --set "description=Appel à projets annuel de la Ville, documenté au moins depuis 2007 (« appel à projets multimédia ») : 35 à 55 projets associatifs soutenus chaque année par une subvention ou par un prêt de matériel, avec le cofinancement du contrat de ville." \
    --set roles=fonction_publique \
    --set problemes_publics=fracture_numerique,democratie \
    --set "argument_politique=Soutenir sans mise en concurrence les projets des associations : lien social, accès accompagné, expression multimédia des habitants éloignés du numérique." \
    --set "argument_technique=De petites aides et des prêts de matériel qui s'appuient sur les structures existantes plutôt que sur des équipements dédiés." \
    --set "soutiens_details=35 à 55 projets aidés par an (présentation en conseil municipal, 9 décembre 2021)." \
    --set "relations=finance:$PAPI,finance:$MDL" \
    --set "notes=L'étude parle d'« appel à projet non concurrentiel incubateurs de la culture du partage » ; l'intitulé officiel a varié (appel à projets multimédia, puis « Usages du numérique »), à préciser avec le service. Sources : $ETUDE ; a-brest.net (appels 2007, 2009, 2010) ; brest-ecologie.bzh (2021).")

tick
ANIMACOOP=$(r add \
    --set nom=Animacoop \
    --set type=formation "${BREST_LOC[@]}" \
    --set coordonnees=$BREST_CENTRE \
    --set "description=Formation-action d'une centaine d'heures sur quinze semaines à l'animation de projets et de réseaux coopératifs, organisée chaque année au Pays de Brest depuis 2010 ; une cinquantaine de personnes formées en trois ans (médiateurs, associatifs, agents publics)." \
    --set communs_produits=savoirs_formations \
    --set roles=organisateur_espaces \
    --set problemes_publics=democratie \
    --set "argument_politique=Diffuser une culture de la coopération et des biens communs dans une société fondée sur la compétition, où l'on apprend à « cacher sa copie »." \
    --set "argument_technique=Méthodes et outils de coopération en ligne qui rendent plus efficients les grands réseaux contributifs (Wikipédia, OpenStreetMap, Tela Botanica)." \
    --set "relations=forme:$VILLE_BREST" \
    --set "notes=Citée dans l'$ETUDE, comme exemple de formation qui regroupe l'ensemble des acteurs des communs. Coordonnées : centre de Brest. Sources : a-brest.net (2012) ; imaginationforpeople.org ; témoignages sur reseau.animacoop.net.")

tick
OUTILS_RESEAUX=$(r add \
    --set nom=Outils-Réseaux \
    --set type=association \
    --set commune=Montpellier --set code_insee=34172 \
    --set site_web=https://outils-reseaux.org \
    --set "description=Association qui aide les communautés humaines à coopérer en s'appuyant sur des outils internet ; conceptrice de la formation Animacoop, qu'elle organise au Pays de Brest depuis 2010. Elle a aussi publié un portail de ressources sur les licences Creative Commons." \
    --set communs_produits=savoirs_formations,contenus_libres \
    --set roles=organisateur_espaces,contributeur \
    --set problemes_publics=democratie \
    --set "relations=organise:$ANIMACOOP" \
    --set "notes=Hors du territoire (siège à Montpellier, à confirmer), recensée pour son rôle dans le réseau brestois. Sources : outils-reseaux.org (archives) ; a-brest.net.")

tick
TELA=$(r add \
    --set "nom=Tela Botanica" \
    --set type=association \
    --set commune=Montpellier --set code_insee=34172 \
    --set site_web=https://www.tela-botanica.org \
    --set date_creation=1999-12-14 \
    --set "description=Réseau collaboratif des botanistes francophones, porté par une association créée en décembre 1999 : plus de 30 000 membres qui produisent et mettent en commun leurs connaissances, diffusées sous licence libre, sans publicité." \
    --set communs_produits=contenus_libres \
    --set roles=contributeur \
    --set problemes_publics=transition_ecologique \
    --set "argument_politique=Des savoirs naturalistes produits en commun et ouverts à toutes et à tous, au service de la connaissance et de la préservation de la biodiversité." \
    --set "relations=partenaire:$OUTILS_RESEAUX" \
    --set "notes=Citée dans l'$ETUDE, avec Infini et Animacoop, parmi les organismes des formations aux outils du libre. Son expérience d'animation de réseau sert d'exemple à Outils-Réseaux. Basée à Montpellier, hors du territoire. Date : accusé de réception de la déclaration en préfecture. Sources : tela-botanica.org ; innovation-pedagogique.fr (2021).")

tick
OPEN_FACTORY=$(r add \
    --set "nom=Open Factory (fablab de l'UBO)" \
    --set type=fablab "${BREST_LOC[@]}" \
    --set "description=Fablab de l'Université de Bretagne occidentale. Il a été choisi pour accueillir le temps fort du festival Brest en communs en octobre 2017, dans le cadre de la démarche Fab City engagée par Brest métropole." \
    --set communs_produits=materiel_fabrication \
    --set roles=academique,organisateur_espaces \
    --set problemes_publics=transition_ecologique \
    --set "argument_politique=Appliquer la logique des fablabs à l'échelle de la ville (Fab City) : résilience, sobriété, appropriation par les habitants." \
    --set "notes=Source : a-brest.net, compte rendu de la réunion Brest en communs du 3 avril 2017. Adresse à compléter.")

tick
FREE_EOS=$(r add \
    --set "nom=Cédérom « Bureau libre Free-EOS »" \
    --set type=ressource_commune "${BREST_LOC[@]}" \
    --set "description=Compilation de logiciels libres grand public (traitement de texte, tableur, navigateur…) avec des tutoriels, diffusée gratuitement par la Ville dans les mairies, bibliothèques et maisons pour tous des communes du Pays de Brest, pour être « prêtés, utilisés, copiés et améliorés ». Réalisée avec les associations Infini, Free-EOS et l'Archipel du Libre." \
    --set communs_produits=logiciel_libre,savoirs_formations \
    --set roles=contributeur,fonction_publique \
    --set problemes_publics=depense_publique,fracture_numerique \
    --set "argument_technique=Des logiciels libres à la place des logiciels propriétaires : économies de licences pour les habitants, les écoles et les services." \
    --set "relations=partenaire:$INFINI,partenaire:$VILLE_BREST" \
    --set "notes=Initiative du milieu des années 2000 (les premiers wikis ont été ouverts sur le cédérom au printemps 2005), citée dans l'étude parmi les outils du libre (« Free EOS »). Sources : silicon.fr ; a-brest.net ; blog local (2006).")

# A few days later: the network is drawn (relations), by a second agent.
AGENT="Équipe recense – relecture"
new_day 2026-11-05
tick
r edit "$VILLE_BREST" \
    --set "relations=organise:$PAPI,organise:$FORUM,organise:$BREST_EN_COMMUNS,organise:$AAP,heberge:$WIKI_BREST,partenaire:$INFINI"
tick
r edit "$INFINI" --set "relations=membre_de:$PAPI,heberge:$MDL,partenaire:$BREST_EN_COMMUNS,partenaire:$FORUM"
tick
r edit "$A_BREST" --set "relations=relaie:$FORUM,relaie:$BREST_EN_COMMUNS,relaie:$AAP"
tick
r edit "$OPEN_FACTORY" --set "relations=partenaire:$BREST_EN_COMMUNS"
tick
r edit "$MEDIATHEQUES" --set "relations=membre_de:$PAPI,partenaire:$FORUM"

###############################################################################
# Grenoble
###############################################################################
FILE=$GRENOBLE
AGENT="Équipe recense Grenoble"
new_day 2026-11-02
tick
r init --territory "Grenoble"

tick
VILLE_GRE=$(r add \
    --set "nom=Ville de Grenoble – logiciels libres et Open Data" \
    --set type=collectivite "${GRENOBLE_LOC[@]}" \
    --set "adresse=Hôtel de ville, 11 boulevard Jean Pain" \
    --set coordonnees=45.1865,5.7362 \
    --set site_web=https://www.grenoble.fr \
    --set "description=Depuis 2014, une délégation municipale au logiciel libre et à l'Open Data et un service dédié : délibération-cadre d'octobre 2014 sur la libération des données publiques, première journée d'initiation aux logiciels libres et aux données ouvertes à l'Hôtel de ville (18 octobre 2014), portail de données commun avec la Métropole et le SMTC." \
    --set communs_produits=donnees_ouvertes,logiciel_libre \
    --set roles=fonction_publique \
    --set problemes_publics=democratie,souverainete,efficacite \
    --set "argument_politique=L'information publique comme bien commun : transparence de l'action publique et convergence entre Open Data et participation citoyenne, un engagement issu des cafés citoyens de la campagne de 2014." \
    --set "argument_technique=Données publiées gratuitement, en formats ouverts et librement réutilisables ; l'Open Data comme levier de transformation des métiers et des processus, aux côtés de la dématérialisation." \
    --set soutiens_recus=poste_dedie \
    --set besoins=formation_agents \
    --set "soutiens_details=Besoin déduit de l'étude : le discours favorable aux communs ne se diffuse pas de manière transversale dans l'administration et touche peu les communs du territoire." \
    --set "notes=Cité dans l'$ETUDE : service aux logiciels libres et à l'Open Data créé en 2014. Sources : inno3.fr (entretien) ; archives de campagne (octobre 2014) ; data.metropolegrenoble.fr.")

tick
MISSION_COMMUNS=$(r add \
    --set "nom=Ville de Grenoble – mission Communs" \
    --set type=collectivite "${GRENOBLE_LOC[@]}" \
    --set site_web=https://www.grenoble.fr/761-les-communs.htm \
    --set "description=Mission créée en 2015 auprès de la délégation aux communs et à la commande publique. Pactes de coopération et charte de la démocratie coopérative adoptés en mars 2022 ; cartographie des communs du territoire menée avec des étudiants." \
    --set roles=fonction_publique \
    --set problemes_publics=democratie \
    --set "argument_politique=Des partenariats publics-communs : reconnaître et soutenir les communs portés par les habitants (eau, alimentation, solidarités), y compris informels." \
    --set "notes=Selon l'$ETUDE, cette mission ne prend pas en compte les communs numériques : la Ville distingue le numérique des communs, ce qui expliquerait le développement limité d'un soutien aux communs numériques. Source : grenoble.fr (page « Les communs »).")

tick
METRO=$(r add \
    --set "nom=Grenoble-Alpes Métropole" \
    --set type=collectivite "${GRENOBLE_LOC[@]}" \
    --set site_web=https://www.lametro.fr \
    --set "description=Intercommunalité de l'agglomération grenobloise. Elle porte avec la Ville de Grenoble et le SMTC le portail de données ouvertes (délibération du 7 novembre 2014) et finance La Casemate." \
    --set communs_produits=donnees_ouvertes \
    --set roles=fonction_publique \
    --set problemes_publics=democratie,efficacite \
    --set "argument_technique=Un portail unique et mutualisé, ouvert aux autres communes de la métropole (projet Open Data Locale) : méthode d'ouverture, appui technique, hébergement commun des données." \
    --set "notes=Sources : data.metropolegrenoble.fr ; lametro.fr (novembre 2017) ; France Bleu Isère (décembre 2019).")

tick
PORTAIL=$(r add \
    --set "nom=Portail open data de la métropole grenobloise" \
    --set type=ressource_commune "${GRENOBLE_LOC[@]}" \
    --set site_web=https://data.metropolegrenoble.fr \
    --set "description=Portail commun de la Ville de Grenoble, de Grenoble-Alpes Métropole et du SMTC, ouvert en version bêta en 2016 après les délibérations de 2014 ; les usagers peuvent y demander des données (« Wanted Data List »)." \
    --set communs_produits=donnees_ouvertes \
    --set roles=fonction_publique,contributeur \
    --set problemes_publics=democratie,efficacite \
    --set "argument_politique=Faire de la donnée publique un bien commun : transparence et socle d'information partagé pour une participation efficace." \
    --set "argument_technique=Un lieu unique pour les données du territoire, développé avec ses utilisateurs en mode bêta." \
    --set "relations=partenaire:$VILLE_GRE,partenaire:$METRO" \
    --set "notes=Sources : data.metropolegrenoble.fr (page « À propos ») ; isere.eelv.fr ; présentation publique de la Ville sur l'ouverture des données.")

tick
CASEMATE=$(r add \
    --set "nom=La Casemate (CCSTI de Grenoble)" \
    --set type=fablab "${GRENOBLE_LOC[@]}" \
    --set "adresse=Place Saint-Laurent" \
    --set coordonnees=45.196,5.731 \
    --set site_web=https://lacasemate.fr \
    --set "description=Centre de culture scientifique, technique et industrielle installé depuis 1979 dans un bâtiment militaire du XIXe siècle, le premier créé en France. Son Fab Lab, ouvert en 2012, détruit par un incendie criminel en novembre 2017 puis reconstruit, propose machines, formations et « Open lab ». La Casemate a aussi développé Echosciences, réseau social des curieux de sciences." \
    --set communs_produits=materiel_fabrication,savoirs_formations \
    --set roles=organisateur_espaces \
    --set problemes_publics=fracture_numerique,democratie \
    --set "argument_politique=Partager les savoirs, former l'esprit critique et rapprocher les habitants des sciences et du numérique, dans un lieu de rencontre distinct de l'administration." \
    --set soutiens_recus=subvention_fonctionnement,locaux \
    --set "soutiens_details=Bâtiment propriété de la Ville ; association financée par la Métropole. Après l'incendie : appel aux dons (environ 32 800 €) et 200 000 € de la Métropole pour la reconstruction." \
    --set "notes=Citée dans l'$ETUDE, comme exemple de lieu de rencontre à créer. Coordonnées approchées. Sources : lametro.fr (2017) ; Place Gre'net (2018) ; France Bleu Isère (2019) ; grenoble-inp.fr.")

tick
TURBINE=$(r add \
    --set "nom=La Turbine.coop" \
    --set type=tiers_lieu "${GRENOBLE_LOC[@]}" \
    --set "adresse=5 esplanade Andry-Farcy" \
    --set coordonnees=45.1877,5.705 \
    --set site_web=https://turbine.coop \
    --set "description=Société coopérative (Scop, ex-La Péniche), « fabrique de services numériques d'intérêt général » : accompagnement de plateformes collaboratives, acculturation à l'open data et à la protection des données personnelles (Infolab, Civic Lab), coworking et programmation avec des collectifs. Installée depuis 2019 dans La Coop, ancienne halle industrielle éco-rénovée du quartier Bouchayer-Viallet, avec Enercoop Rhône-Alpes et Progeo." \
    --set communs_produits=donnees_ouvertes,savoirs_formations \
    --set roles=organisateur_espaces,contributeur \
    --set problemes_publics=democratie \
    --set "argument_politique=Un lieu de brassage entre projets du numérique et de l'économie sociale et solidaire, indépendant de l'administration, autour de la culture des données." \
    --set "argument_technique=Réutiliser les données ouvertes pour créer des services utiles au territoire, par exemple un outil sur la chaleur en ville étudié avec la Ville en 2022." \
    --set "relations=partenaire:$VILLE_GRE" \
    --set "notes=Citée dans l'$ETUDE (« La Turbine ») comme lieu de rencontre ; entreprise coopérative de l'ESS, recensée ici comme tiers-lieu. Sources : turbine.coop ; intrinseque-design.com ; lepartisan.info (décembre 2022) ; socialchange.fr.")

tick
OSM=$(r add \
    --set "nom=Groupe local OpenStreetMap de Grenoble" \
    --set type=collectif_libriste "${GRENOBLE_LOC[@]}" \
    --set "description=Contributrices et contributeurs d'OpenStreetMap, la carte libre et collaborative du monde, réunis régulièrement depuis la rentrée 2014 : ateliers, cartoparties, mapathons, sensibilisation à l'open data." \
    --set communs_produits=donnees_ouvertes,savoirs_formations \
    --set roles=contributeur \
    --set problemes_publics=souverainete,democratie \
    --set "argument_politique=Une carte commune, libre et contributive, plutôt que les cartographies des grandes plateformes." \
    --set "argument_technique=Données sous licence ODbL, réutilisables par les collectivités et les associations, par exemple pour cartographier les accès d'un site hospitalier (2019)." \
    --set soutiens_recus=locaux \
    --set "soutiens_details=Hébergé gracieusement depuis mars 2015 par l'Infolab de La Péniche, devenue La Turbine.coop, qui l'inscrit dans sa programmation." \
    --set "notes=Sources : openstreetmap.fr (bilan d'activité à Grenoble 2018-2019) ; France Bleu Isère (juin 2019).")

tick
ACG=$(r add \
    --set "nom=Assemblée des Communs de Grenoble" \
    --set type=evenement "${GRENOBLE_LOC[@]}" \
    --set coordonnees=$GRENOBLE_CENTRE \
    --set "description=Espace de coopération pour la production, le développement et la préservation des communs à l'échelle du bassin de vie grenoblois, créé en mars 2017 pendant la Biennale des villes en transition, à la rencontre de la commission des communs de Nuit Debout, d'élus de la Ville et d'associations. Groupes thématiques : communs urbains, de la connaissance, naturels, du bien-être et de la santé." \
    --set communs_produits=savoirs_formations \
    --set roles=organisateur_espaces \
    --set problemes_publics=democratie,transition_ecologique \
    --set "argument_politique=Une alternative démocratique : autogestion des ressources du territoire, pour un modèle social durable et la préservation du vivant." \
    --set "notes=Citée dans l'$ETUDE, parmi les événements qui réunissent les acteurs des communs. Animée depuis 2019 par l'association Next Planning ; 7e assemblée en juin 2023. Coordonnées : centre de Grenoble. Sources : wiki.lescommuns.org ; assoplanning.org ; semeoz.info (2017).")

tick
BIENNALE=$(r add \
    --set "nom=Biennale des villes en transition" \
    --set type=evenement "${GRENOBLE_LOC[@]}" \
    --set coordonnees=$GRENOBLE_CENTRE \
    --set "description=Événement organisé par la Ville de Grenoble depuis 2017 pour découvrir des alternatives locales, nationales et internationales en faveur de la transition sociale, écologique et démocratique ; l'Assemblée des Communs y est née et s'y réunit." \
    --set roles=organisateur_espaces,fonction_publique \
    --set problemes_publics=transition_ecologique,democratie \
    --set "notes=Coordonnées : centre de Grenoble (lieux multiples). Sources : grenoble.entransition.fr (programme 2023) ; wiki.lescommuns.org.")

tick
FRAMASOFT=$(r add \
    --set nom=Framasoft \
    --set type=association \
    --set commune=Lyon --set code_insee=69123 \
    --set site_web=https://framasoft.org \
    --set "description=Association d'éducation populaire consacrée au logiciel libre et à la culture libre, née d'un annuaire de logiciels libres créé par des enseignants. Campagnes « Dégooglisons Internet » (2014-2017) puis « Contributopia » ; développe PeerTube et Mobilizon ; a impulsé en 2016 le collectif CHATONS." \
    --set communs_produits=logiciel_libre,services_heberges,contenus_libres,savoirs_formations \
    --set roles=contributeur,organisateur_espaces \
    --set problemes_publics=souverainete,democratie \
    --set "argument_politique=Résister à la centralisation du web par quelques géants et à l'exploitation des données personnelles : une alternative démocratique au capitalisme de surveillance." \
    --set "argument_technique=Des services libres éprouvés (pads, formulaires, agendas, visioconférence, espaces Nextcloud pour les associations) que l'on peut installer soi-même ou trouver chez un hébergeur CHATONS proche." \
    --set "notes=Basée à Lyon, hors du territoire : illustre les acteurs supra-territoriaux qui, selon l'étude, alimentent la dynamique grenobloise. Sources : framasoft.org ; framablog.org.")

tick
CHATONS=$(r add \
    --set "nom=Collectif CHATONS" \
    --set type=collectif_libriste \
    --set commune=Lyon \
    --set site_web=https://www.chatons.org \
    --set "description=Collectif des hébergeurs alternatifs, transparents, ouverts, neutres et solidaires, lancé en octobre 2016 à l'initiative de Framasoft : près d'une centaine de structures en 2022, engagées sur une charte commune (logiciels libres, pas de publicité, transparence)." \
    --set communs_produits=services_heberges,logiciel_libre \
    --set roles=contributeur \
    --set problemes_publics=souverainete,democratie \
    --set "argument_politique=Décentraliser les services en ligne dans un internet de la proximité et de la confiance, plutôt que de concentrer les données chez quelques géants." \
    --set "argument_technique=Une carte des hébergeurs proches sur chatons.org ; entraide entre membres, par exemple pour délester les services les plus sollicités lors du premier confinement (2020)." \
    --set "notes=Collectif national sans siège : la commune indiquée est celle de l'association qui l'a impulsé. Cité dans l'étude (« chatons de Framasoft ») parmi les acteurs à recenser. Aucun membre grenoblois identifié à ce stade (à vérifier sur chatons.org). Sources : framablog.org (12 octobre 2016) ; Wikipédia.")

tick
GUILDE=$(r add \
    --set nom=GUILDE \
    --set type=collectif_libriste "${GRENOBLE_LOC[@]}" \
    --set site_web=https://www.guilde.asso.fr \
    --set "description=Groupe d'utilisateurs de GNU/Linux et de logiciels libres (GUL) de la région grenobloise, constitué en association, connu notamment pour sa liste de discussion d'entraide technique." \
    --set communs_produits=logiciel_libre,savoirs_formations \
    --set roles=contributeur \
    --set problemes_publics=souverainete \
    --set "notes=Développement du sigle à confirmer (« Groupement des utilisateurs Linux du Dauphiné » dans d'anciens annuaires de groupes d'utilisateurs). Liste de discussion active au moins en 2012. Sources : annuaires de groupes d'utilisateurs Linux ; archives de la liste guilde@guilde.asso.fr.")

tick
MACHINERIE=$(r add \
    --set "nom=La Machinerie" \
    --set type=tiers_lieu "${GRENOBLE_LOC[@]}" \
    --set "adresse=Rue des Peupliers" \
    --set coordonnees=45.16,5.733 \
    --set "description=Tiers-lieu de la Régie de quartier Villeneuve–Village olympique, ouvert au rez-de-chaussée du parking du Silo, face à la galerie de l'Arlequin : conciergerie solidaire, café, boutique, ateliers et fab lab ouvert aux habitants." \
    --set communs_produits=materiel_fabrication \
    --set roles=organisateur_espaces \
    --set problemes_publics=fracture_numerique \
    --set "argument_politique=Un lieu de proximité dans un quartier populaire, pour le lien social et l'accès aux outils." \
    --set "notes=Structure relais potentielle (fab lab de quartier) ; pratiques numériques libres à vérifier. Coordonnées approchées (quartier de la Villeneuve). Sources : France 3 Auvergne-Rhône-Alpes (2021) ; lemouvementdesregies.org.")

tick
BM_GRE=$(r add \
    --set "nom=Bibliothèques municipales de Grenoble" \
    --set type=mediatheque "${GRENOBLE_LOC[@]}" \
    --set site_web=https://www.bm-grenoble.fr \
    --set "description=Réseau des bibliothèques de la Ville de Grenoble : structure relais de proximité à mobiliser pour la médiation numérique et les communs de la connaissance." \
    --set roles=fonction_publique \
    --set problemes_publics=fracture_numerique \
    --set "notes=Recensée comme structure relais recommandée par l'étude (médiathèques) ; actions autour des communs numériques non documentées à ce stade, à qualifier avec le réseau.")

# A few days later: the network is drawn (relations), by a second agent.
AGENT="Équipe recense – relecture"
new_day 2026-11-06
tick
r edit "$METRO" --set "relations=finance:$CASEMATE"
tick
r edit "$TURBINE" --set "relations=partenaire:$VILLE_GRE,heberge:$OSM"
tick
r edit "$MISSION_COMMUNS" --set "relations=partenaire:$ACG"
tick
r edit "$ACG" --set "relations=partenaire:$BIENNALE"
tick
r edit "$FRAMASOFT" --set "relations=membre_de:$CHATONS"

rm -f "$BREST.bak" "$GRENOBLE.bak"

# Second pass: statuses, evidence, confirmations.
RECENSE="$RECENSE" sample-data/legitimize-samples.sh
# Third pass: actions and next steps (the follow-up).
RECENSE="$RECENSE" sample-data/actions-samples.sh
# Fourth pass: editions of events, verified and stale fiches.
RECENSE="$RECENSE" sample-data/followup-samples.sh

"$RECENSE" validate "$BREST" "$GRENOBLE"

# Third pass: the perimeters (the communes of each territory).
RECENSE="$RECENSE" sample-data/perimeter-samples.sh
# Fifth pass: legal forms, networks, supports with amounts, an act of the collectivité.
RECENSE="$RECENSE" sample-data/standards-samples.sh
