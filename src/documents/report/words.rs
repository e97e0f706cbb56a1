//! The words of the reports for elected officials and technicians, and of
//! `recense stats`. The sentences follow the study the tool comes from:
//! identify, legitimize and strengthen what exists; a political discourse
//! for elected officials, a technical one for technicians. `{name}` marks
//! where a value goes (see `i18n::fill`).

use crate::lang::Lang;

strings! { ReportText, report_text;
    // The document.
    title: "Les communs numériques du territoire — {territory}", "The digital commons of the territory — {territory}";
    subtitle_elus: "Rapport pour les élus", "Report for elected officials";
    subtitle_techniciens: "Rapport pour les services techniques", "Report for technical services";
    meta: "Recensement au {date}", "Census as of {date}";
    intro_elus: "Logiciels libres, données ouvertes, wikis, hébergeurs associatifs, fablabs, lieux de médiation : les communs numériques du territoire existent déjà. Ce rapport les présente comme une réponse aux problèmes publics du territoire, pour les identifier, les légitimer et les renforcer.", "Free software, open data, wikis, community hosters, fablabs, digital inclusion places: the digital commons of the territory already exist. This report presents them as an answer to the territory's public problems, to identify, legitimize and strengthen them.";
    intro_techniciens: "Les communs numériques du territoire sont des ressources réutilisables : logiciels libres, données ouvertes, services hébergés, wikis, savoirs. Mutualisés, ils réduisent la dépense publique et soutiennent la comparaison avec les solutions propriétaires. Ce rapport dit qui les produit, ce qui peut être repris et ce dont leurs porteurs ont besoin.", "The digital commons of the territory are reusable resources: free software, open data, hosted services, wikis, knowledge. Pooled, they lower public spending and stand comparison with proprietary solutions. This report says who produces them, what can be taken up and what their makers need.";
    key_figures: "En bref", "At a glance";
    key_total: "Initiatives recensées : {n}, dans {communes}", "Initiatives in the census: {n}, in {communes}";
    key_problems: "Répondant à au moins un problème public : {n}", "Answering at least one public problem: {n}";
    key_commons: "Produisant ou entretenant au moins un commun : {n}", "Producing or maintaining at least one commons: {n}";
    key_legitimized: "Légitimées : {legitimized} ; soutenues par la collectivité : {supported}", "Legitimized: {legitimized}; supported by the local authority: {supported}";
    key_network: "Réseau : {links}, {groups}, {isolated}", "Network: {links}, {groups}, {isolated}";
    relation_one: "{n} relation", "{n} relation";
    relation_many: "{n} relations", "{n} relations";
    group_one: "{n} groupe relié", "{n} connected group";
    group_many: "{n} groupes reliés", "{n} connected groups";
    isolated_one: "{n} initiative isolée", "{n} isolated initiative";
    isolated_many: "{n} initiatives isolées", "{n} isolated initiatives";
    footer: "Établi avec recense le {date}, d'après la démarche de l'étude « Les politiques publiques locales en faveur des communs numériques et leurs effets » (Sciences Po, Chaire Villes et numérique) : recenser, soutenir, animer le réseau.", "Made with recense on {date}, following the approach of the study \"Local public policies in favour of digital commons and their effects\" (Sciences Po, Chaire Villes et numérique): take a census, support, bring the network to life.";
    footer_public: "Version publique : aucune donnée personnelle.", "Public version: no personal data.";
    footer_no_personal: "Ce rapport ne contient aucune donnée personnelle.", "This report contains no personal data.";
    footer_internal: "Document interne : il donne les coordonnées de personnes à contacter (données personnelles, RGPD). Ne pas le diffuser ; pour une version publiable, ajouter --public.", "Internal document: it gives the details of contact persons (personal data, GDPR). Do not circulate it; for a version that can be published, add --public.";

    // Shared words.
    initiative_one: "{n} initiative", "{n} initiative";
    initiative_many: "{n} initiatives", "{n} initiatives";
    commune_one: "{n} commune", "{n} municipality";
    commune_many: "{n} communes", "{n} municipalities";
    col_initiatives: "Initiatives", "Initiatives";
    col_initiative: "Initiative", "Initiative";
    col_commune: "Commune", "Municipality";
    col_contact: "Contact", "Contact";
    for_example: "Par exemple : ", "For example: ";
    and_more_one: "et {n} autre", "and {n} more";
    and_more_many: "et {n} autres", "and {n} more";
    unset: "Non renseigné", "Not given";
    none: "—", "—";

    // Public problems (elected officials).
    problems_title: "Des réponses aux problèmes publics du territoire", "Answers to the territory's public problems";
    problems_intro: "Chaque initiative recensée dit à quels problèmes publics elle répond. C'est le discours à porter : des communs qui réduisent la fracture sociale et numérique, garantissent la souveraineté des administrations, accompagnent la transition écologique et offrent une alternative démocratique au capitalisme numérique.", "Each initiative in the census says which public problems it answers. This is the case to make: commons that reduce the social and digital divide, secure the sovereignty of administrations, support the ecological transition and offer a democratic alternative to digital capitalism.";
    problems_intro_neutral: "Chaque initiative recensée dit à quels problèmes publics du territoire elle répond. Voici, pour chacun, combien d'initiatives y apportent une réponse, avec des exemples et leurs arguments.", "Each initiative in the census says which public problems of the territory it answers. For each, here is how many initiatives answer it, with examples and their arguments.";
    problems_chart: "Initiatives par problème public", "Initiatives by public problem";
    problem_heading: "{label} : {initiatives}", "{label}: {initiatives}";
    problems_none: "Aucune initiative recensée ne répond encore à : {list}. Une piste pour la suite du recensement.", "No initiative in the census answers these yet: {list}. A lead for the rest of the census.";
    problems_unset: "Sans problème public indiqué : {initiatives}. Le préciser avec leurs porteurs permettra de les légitimer.", "With no public problem stated: {initiatives}. Settling it with their makers will let them be legitimized.";

    // Coverage of the territory (elected officials).
    territory_title: "Couverture du territoire", "Coverage of the territory";
    territory_intro: "Initiatives recensées : {n}, dans {communes}.", "Initiatives in the census: {n}, in {communes}.";
    communes_chart: "Initiatives par commune", "Initiatives by municipality";
    communes_rest: "Et {communes} de plus, avec {initiatives} en tout.", "And {communes} more, with {initiatives} in all.";
    kinds_chart: "Initiatives par type", "Initiatives by kind";
    relays: "Les structures relais ({kinds}) portent les communs auprès des habitants.", "Relay organisations ({kinds}) bring the commons to the inhabitants.";
    relays_missing: "Communes sans structure relais recensée ({n}) : {list}. À recenser en priorité, ou à équiper.", "Municipalities with no relay organisation in the census ({n}): {list}. To survey first, or to equip.";
    relays_everywhere: "Chaque commune recensée a au moins une structure relais.", "Every municipality in the census has at least one relay organisation.";

    // Support and needs (both).
    support_title: "Soutenir : ce que la collectivité apporte, ce qui manque", "Support: what the local authority gives, what is missing";
    support_intro: "L'étude recommande de structurer l'administration (postes dédiés, formation des agents), de financer (appels à projets non concurrentiels, subventions de fonctionnement) et de mettre du matériel à disposition (prêts ou dons, hébergement sur les serveurs municipaux).", "The study recommends structuring the administration (dedicated posts, training of officers), funding (non-competitive calls for projects, operating grants) and lending equipment (loans or gifts, hosting on municipal servers).";
    support_received: "Recevant au moins un soutien : {n}", "Receiving at least one kind of support: {n}";
    support_needing: "Exprimant au moins un besoin : {n}", "Expressing at least one need: {n}";
    support_table: "Soutiens reçus et besoins exprimés", "Support received and needs expressed";
    col_support: "Soutien", "Support";
    col_received: "Reçu par", "Received by";
    col_needed: "Demandé par", "Needed by";
    needs_chart: "Initiatives par besoin exprimé", "Initiatives by need expressed";
    supports_chart: "Initiatives par soutien reçu", "Initiatives by support received";
    support_details: "Précisions données par les initiatives", "Details given by the initiatives";

    // The network (elected officials).
    network_title: "Animer le réseau", "Bring the network to life";
    network_intro: "Relier les initiatives entre elles (qui héberge, forme, relaie, finance qui) décloisonne les mondes et rend le réseau indépendant des cycles politiques.", "Linking the initiatives (who hosts, trains, relays, funds whom) breaks down silos and makes the network independent of political cycles.";
    network_links: "Relations recensées entre les initiatives : {links} ; groupes reliés : {groups}.", "Relations between the initiatives in the census: {links}; connected groups: {groups}.";
    network_group: "Groupe de {n} : ", "Group of {n}: ";
    network_no_link: "Aucune relation n'est encore recensée entre les initiatives : les relier est la prochaine étape.", "No relation between the initiatives is recorded yet: linking them is the next step.";
    network_isolated: "Initiatives isolées ({n}), à faire entrer dans le réseau par des formations communes, des lieux de rencontre, des événements : ", "Isolated initiatives ({n}), to bring into the network through shared trainings, meeting places, events: ";
    network_none_isolated: "Aucune initiative n'est isolée.", "No initiative is isolated.";

    // Where the census stands (both).
    census_title: "Où en est le recensement", "Where the census stands";
    statuses_chart: "Initiatives par statut", "Initiatives by status";
    census_evidence: "Avec au moins une preuve (entretien, visite, document, registre…) : {n}", "With at least one piece of evidence (interview, visit, document, register…): {n}";
    census_confirmed: "Confirmées par un collègue : {n}", "Confirmed by a colleague: {n}";
    census_score: "Score moyen de complétude et de fraîcheur : {n}/100", "Mean completeness and freshness score: {n}/100";
    census_pending: "Conflits de saisie à régler : {conflicts} ; doublons possibles : {duplicates}.", "Conflicting changes to settle: {conflicts}; possible duplicates: {duplicates}.";

    // Commons produced (technicians).
    commons_title: "Les communs produits sur le territoire", "The commons produced on the territory";
    commons_intro: "Ce que les initiatives produisent ou entretiennent, et qui peut être réutilisé ou mutualisé par les services.", "What the initiatives produce or maintain, which the services can reuse or pool.";
    commons_chart: "Initiatives par commun produit", "Initiatives by commons produced";
    commons_unset: "Sans commun produit indiqué : {initiatives}.", "With no commons stated: {initiatives}.";

    // Services (technicians).
    services_title: "Des services qui peuvent remplacer des outils propriétaires", "Services that can replace proprietary tools";
    services_intro: "Les hébergeurs associatifs membres du collectif CHATONS proposent des services libres (documents partagés, agendas, sondages, visioconférence…) sans publicité ni exploitation des données ; d'autres initiatives hébergent aussi des services.", "The community hosters of the CHATONS collective offer free services (shared documents, calendars, polls, video calls…) with no advertising and no exploitation of data; other initiatives host services too.";
    services_none: "Aucune initiative recensée ne propose encore de services hébergés.", "No initiative in the census offers hosted services yet.";
    col_services: "Services", "Services";
    rows_rest: "Et {initiatives} de plus.", "And {initiatives} more.";

    // Technical arguments (technicians).
    arguments_title: "Arguments techniques", "Technical arguments";
    arguments_intro: "Les avantages comparatifs avancés par les initiatives elles-mêmes : à vérifier et à chiffrer avec elles.", "The comparative advantages the initiatives themselves put forward: to check and cost with them.";
    arguments_none: "Aucun argument technique n'est encore recensé.", "No technical argument is recorded yet.";

    // Costs and needs (technicians).
    costs_title: "Coûts et besoins d'hébergement et de moyens", "Costs, hosting and resource needs";
    costs_intro: "Ce que les initiatives reçoivent déjà et ce dont elles ont besoin : hébergement, locaux, matériel, postes. Les précisions (montants, dates, services concernés) sont celles qu'elles ont données.", "What the initiatives already receive and what they need: hosting, premises, equipment, posts. The details (amounts, dates, departments involved) are the ones they gave.";
    needs_table: "Initiatives qui expriment un besoin", "Initiatives expressing a need";
    col_needs: "Besoins", "Needs";
    col_details: "Précisions", "Details";
    needs_none: "Aucune initiative n'exprime encore de besoin.", "No initiative expresses a need yet.";

    // `recense stats` as text.
    stats_title: "{territory} — {initiatives} ({date})", "{territory} — {initiatives} ({date})";
    stats_relays: "Communes sans structure relais", "Municipalities without a relay organisation";
    stats_legitimacy: "Légitimité", "Legitimacy";
    stats_pending: "Conflits : {conflicts} ; doublons possibles : {duplicates}", "Conflicts: {conflicts}; possible duplicates: {duplicates}";
    stats_network: "Réseau", "Network";
    stats_links: "Relations : {n}", "Relations: {n}";
    stats_groups: "Groupes reliés : {n} ({sizes})", "Connected groups: {n} ({sizes})";
    stats_isolated: "Isolées : {n}", "Isolated: {n}";
    stats_waiting: "Attendent depuis le plus longtemps", "Waiting longest";
    stats_waiting_line: "{status} : {list}", "{status}: {list}";
    stats_days: "{name} ({days} j)", "{name} ({days} d)";
    stats_none: "aucune", "none";

    // The command line.
    written: "Rapport écrit : {file}", "Report written: {file}";
    output_is_census: "{file} est le recensement lui-même : choisissez un autre nom de fichier pour le rapport (par exemple rapport.html)", "{file} is the census itself: choose another file name for the report (for example report.html)";
}

/// `n` things, singular or plural as the language wants it (French: 0 and 1
/// take the singular).
pub fn count(lang: Lang, n: usize, one: &str, many: &str) -> String {
    crate::lang::fill(lang.plural(n, one, many), &[("n", &n)])
}

/// A date in words: `29 novembre 2026`, `29 November 2026`.
pub fn long_date(lang: Lang, date: crate::census::time::Date) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let month = months[usize::from(date.month.clamp(1, 12)) - 1];
    let day = match (lang, date.day) {
        (Lang::Fr, 1) => "1er".to_string(),
        (_, d) => d.to_string(),
    };
    format!("{day} {month} {}", date.year)
}

/// `n` initiatives, singular or plural.
pub fn initiatives(lang: Lang, n: usize) -> String {
    let t = report_text(lang);
    count(lang, n, t.initiative_one, t.initiative_many)
}

/// `n` communes, singular or plural.
pub fn communes(lang: Lang, n: usize) -> String {
    let t = report_text(lang);
    count(lang, n, t.commune_one, t.commune_many)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(initiatives(Lang::Fr, 0), "0 initiative");
        assert_eq!(initiatives(Lang::Fr, 1), "1 initiative");
        assert_eq!(initiatives(Lang::Fr, 2), "2 initiatives");
        assert_eq!(initiatives(Lang::En, 0), "0 initiatives");
        assert_eq!(initiatives(Lang::En, 1), "1 initiative");
        assert_eq!(communes(Lang::En, 3), "3 municipalities");
    }

    #[test]
    fn dates_in_words() {
        let d = crate::census::time::Date::new(2026, 8, 1).unwrap();
        assert_eq!(long_date(Lang::Fr, d), "1er août 2026");
        assert_eq!(long_date(Lang::En, d), "1 August 2026");
    }
}
