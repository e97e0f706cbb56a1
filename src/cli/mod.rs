//! The command line: clap arguments turned into calls of the library.

/// `println!` for command output, through [`invocation::emit`] (no panic when
/// the reader of a pipe stops early).
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::invocation::emit(&format!("{}\n", format_args!($($arg)*))) };
}

/// `print!` for command output, through [`invocation::emit`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::invocation::emit(&format!($($arg)*)) };
}

/// `eprintln!` in the command line: every message goes through
/// [`crate::display::for_terminal`], so that no control sequence from a file
/// reaches the terminal (this shadows the standard macro in `cli`).
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        $crate::cli::progress::before_output();
        ::std::eprintln!("{}", $crate::display::for_terminal(&format!($($arg)*)))
    }};
}

mod actions;
mod calendar;
mod communes;
mod conflict_text;
mod conflicts;
mod consent;
mod dist;
mod edit;
mod export;
mod files;
mod followup;
mod git;
mod git_run;
mod git_tree;
mod help;
mod hours_note;
mod import;
mod invocation;
mod legitimacy;
mod list_table;
mod lookup;
mod merge;
mod output;
mod parse_error;
mod progress;
mod read;
mod report;
mod report_commune;
mod rgpd;
mod rgpd_erase;
mod score_line;
mod show_supports;
mod stale;
mod supports;
mod territory;
mod undo;
mod version;

use crate::i18n::cli::cli;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

pub use invocation::{Fail, Invocation};

use crate::i18n::Lang;

/// recense : le recensement des communs numériques d'un territoire.
#[derive(Debug, Parser)]
#[command(
    name = "recense",
    version,
    about,
    long_about = "recense : le recensement des communs numériques d'un territoire.\n\nSans commande, ouvre l'interface plein écran sur le recensement (ou sur FICHIER).",
    disable_help_subcommand = true,
    override_usage = "recense [OPTIONS] [FICHIER]\n       recense [OPTIONS] <COMMANDE>"
)]
pub struct Cli {
    /// Interface dessinée en ASCII seulement (vieux terminaux, polices sans cadres).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Interface dessinée avec ses symboles Unicode même sur la console Linux (TERM=linux), si sa police les a.
    #[arg(long, global = true, conflicts_with = "ascii")]
    pub unicode: bool,
    /// Fichier du recensement (sinon RECENSE_FILE, sinon recense.ron dans le dossier de données).
    #[arg(long, global = true, env = "RECENSE_FILE", value_name = "FICHIER")]
    pub file: Option<PathBuf>,
    /// Votre nom, si ce n'est pas celui de la configuration (aussi RECENSE_AGENT).
    #[arg(long = "as", global = true, env = "RECENSE_AGENT", value_name = "NOM")]
    pub agent: Option<String>,
    /// Langue des messages : fr ou en (sinon selon la locale).
    #[arg(long, global = true, value_name = "fr|en")]
    pub lang: Option<Lang>,
    /// Attendre que le recensement soit libre s'il est ouvert ailleurs, au plus SECONDES (sans nombre : sans limite ; aussi RECENSE_WAIT).
    #[arg(long, global = true, env = "RECENSE_WAIT", value_name = "SECONDES", num_args = 0..=1, require_equals = true, default_missing_value = "sans-limite", value_parser = invocation::parse_wait)]
    pub wait: Option<crate::census::store::LockWait>,
    /// Sans barre de progression (sinon montrée sur la sortie d'erreur pour un travail de plus d'une seconde, si c'est un terminal).
    #[arg(long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ShowFormat {
    Text,
    Json,
    Ron,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Crée un recensement vide.
    Init {
        /// Fichier à créer (sinon --file, sinon le recensement par défaut).
        path: Option<PathBuf>,
        /// Nom du territoire, par exemple « Pays de Brest ».
        #[arg(long, value_name = "NOM")]
        territory: String,
        /// Formulaire à utiliser à la place du formulaire par défaut.
        #[arg(long, value_name = "FICHIER")]
        schema: Option<PathBuf>,
        /// Périmètre du territoire : epci:SIREN, dep:CODE, insee:CODE ou nom d'un EPCI ou département, séparés par des virgules.
        #[arg(long, value_name = "P")]
        perimeter: Option<String>,
    },
    /// Ajoute une initiative ; affiche son identifiant.
    Add {
        /// CHAMP=VALEUR ; plusieurs valeurs : champ=a,b ou --set répété.
        #[arg(long = "set", value_name = "CHAMP=VALEUR", required = true)]
        set: Vec<String>,
    },
    /// Liste les initiatives.
    List {
        #[command(flatten)]
        selection: read::Selection,
        /// Inclure les initiatives supprimées.
        #[arg(long)]
        deleted: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
        /// Seulement les fiches à revérifier (jamais vérifiées, ou pas depuis la période du formulaire), les plus anciennes d'abord.
        #[arg(long, conflicts_with = "deleted")]
        stale: bool,
    },
    /// Exporte le recensement : tableur (csv, ods), carte (geojson, umap-csv), réseau (dot, gexf), json, standards nationaux (mednum, data-inclusion).
    ///
    /// Exporte les initiatives en cours (pas les supprimées), triées par nom, avec les mêmes filtres que list. Le même recensement donne toujours les mêmes octets.
    ///
    /// ATTENTION : sans --public, csv, json et ods contiennent les données personnelles (personne à contacter, son courriel, son téléphone) et les noms des agents : c'est votre copie de travail, à ne pas publier (RGPD). Ajoutez --public pour un fichier à diffuser. Les cartes (geojson, umap-csv), les réseaux (dot, gexf) et les standards nationaux n'en contiennent jamais.
    Export(export::ExportArgs),
    /// Affiche une initiative.
    Show {
        /// Identifiant, ou son début ou sa fin s'ils sont uniques (« recense list » montre la fin), ou le nom.
        id: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ShowFormat,
    },
    /// Modifie des champs d'une initiative.
    Edit {
        id: String,
        /// Remplace la valeur (pour un champ à plusieurs valeurs : toutes).
        #[arg(long = "set", value_name = "CHAMP=VALEUR")]
        set: Vec<String>,
        /// Ajoute des valeurs à un champ à plusieurs valeurs (choix, relations).
        #[arg(long, value_name = "CHAMP=VALEUR")]
        add: Vec<String>,
        /// Retire des valeurs d'un champ à plusieurs valeurs.
        #[arg(long, value_name = "CHAMP=VALEUR")]
        remove: Vec<String>,
        /// Vide un champ.
        #[arg(long, value_name = "CHAMP")]
        unset: Vec<String>,
    },
    /// Supprime une initiative (elle reste restaurable avec « recense restore »).
    Delete {
        id: String,
        /// Efface aussi tout de suite ses données personnelles (sinon : après le délai de grâce du formulaire, 30 jours par défaut).
        #[arg(long)]
        purge: bool,
    },
    /// Restaure une initiative supprimée.
    Restore { id: String },
    /// Annule la dernière modification du recensement (ou d'une initiative) par une nouvelle modification, qui tient aux fusions.
    Undo {
        /// Seulement la dernière modification de cette initiative.
        #[arg(long, value_name = "ID")]
        initiative: Option<String>,
    },
    /// Reprend les valeurs d'un ancien recensement (un fichier, ou une révision git du fichier : HEAD~1, un commit) comme nouvelles modifications, qui tiennent aux fusions.
    RestoreFrom {
        /// L'ancien recensement : un fichier, ou une révision git (lue dans le dépôt du recensement, sans réseau).
        #[arg(value_name = "FICHIER|REVISION")]
        source: String,
        /// Seulement cette initiative.
        #[arg(long, value_name = "ID")]
        initiative: Option<String>,
        /// Seulement ce champ.
        #[arg(long, value_name = "CHAMP")]
        field: Option<String>,
    },
    /// Vérifie des fichiers de recensement ou de formulaire ; code 0 seulement si tous sont valides.
    Validate {
        #[arg(required = true, value_name = "FICHIER")]
        files: Vec<PathBuf>,
    },
    /// Écrit les communes comme dans le Code officiel géographique et remplit les codes INSEE et postaux manquants quand la commune est certaine ; liste ce qui reste à décider.
    FixCommunes {
        /// Montre ce qui serait corrigé, sans rien écrire.
        #[arg(long)]
        dry_run: bool,
    },
    /// Réécrit des recensements dans la forme canonique.
    Fmt {
        /// Ne réécrit rien ; code 1 si un fichier n'est pas canonique.
        #[arg(long)]
        check: bool,
        #[arg(required = true, value_name = "FICHIER")]
        files: Vec<PathBuf>,
    },
    /// Change le statut d'une initiative (repere, contacte, rencontre, legitime, soutenu, en_sommeil, disparu).
    Status {
        id: String,
        /// Le nouveau statut (identifiant ou libellé).
        status: String,
        #[arg(long, default_value = "")]
        comment: String,
        /// Enregistre aussi l'action qui a fait changer le statut : appel, courriel, rencontre, visite, relance, courrier, reunion, autre.
        #[arg(long, value_name = "TYPE")]
        action: Option<String>,
        /// La note de cette action (sinon le commentaire).
        #[arg(long, requires = "action")]
        note: Option<String>,
    },
    /// Preuves : entretien, visite, document, site web, presse, registre officiel, événement, actes de la collectivité.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// Soutiens reçus : type, année, montant en euros, de qui.
    #[command(subcommand)]
    Support(SupportCommand),
    /// Confirme qu'une initiative existe et est bien décrite (par un collègue).
    Confirm {
        id: String,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Relie deux initiatives : ID héberge|forme|relaie|finance|membre_de|partenaire|organise CIBLE.
    Link {
        id: String,
        relation: String,
        target: String,
    },
    /// Retire une relation.
    Unlink {
        id: String,
        relation: String,
        target: String,
    },
    /// L'historique : statuts, preuves, confirmations, qui et quand.
    History {
        id: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Les chiffres du recensement : types, statuts, communes, problèmes publics, communs, soutiens, besoins, réseau.
    Stats {
        #[command(flatten)]
        selection: read::Selection,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Rapport pour les élus ou pour les techniciens, en Markdown ou en HTML.
    Report {
        /// Pour qui : elus (discours politique) ou techniciens (discours technique).
        #[arg(long, value_enum)]
        audience: report::Audience,
        #[arg(long, value_enum, default_value = "md")]
        format: report::DocFormat,
        /// Écrit le rapport dans ce fichier (sinon sur la sortie standard).
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        output: Option<PathBuf>,
        /// Sans aucune donnée personnelle (personne à contacter…), pour diffusion.
        #[arg(long)]
        public: bool,
        /// Ajoute « Évolution depuis le … » : ce qui a changé depuis cette date (AAAA-MM-JJ), d'après les dates du fichier.
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Les initiatives retenues, comme pour list ; --commune NOM|CODE : le rapport d'une commune, pour son maire.
        #[command(flatten)]
        selection: read::Selection,
    },
    /// Fusionne des recensements reçus de collègues (dans l'ordre qu'on veut, autant de fois qu'on veut).
    Merge {
        /// Fichiers reçus ; avec -o, les fichiers à fusionner ensemble.
        #[arg(required = true, value_name = "FICHIER")]
        files: Vec<PathBuf>,
        /// Écrit le résultat dans ce fichier sans toucher aux autres.
        #[arg(short = 'o', long = "output", value_name = "SORTIE")]
        output: Option<PathBuf>,
        /// Montre seulement le résumé ; n'écrit rien.
        #[arg(long)]
        dry_run: bool,
        /// Accepte un fichier dont la somme de contrôle ne correspond pas (modifié à la main exprès).
        #[arg(long)]
        accept_edited: bool,
        /// Le collègue qui envoie le fichier (sinon : l'auteur de sa dernière modification).
        #[arg(long, value_name = "AGENT")]
        from: Option<String>,
        /// Le territoire du résultat quand un fichier reçu est d'un autre territoire (sinon : celui de ce recensement).
        #[arg(long, value_name = "NOM", conflicts_with = "output")]
        territory: Option<String>,
    },
    /// Liste les conflits : valeurs, auteurs, dates, et comment les régler.
    Conflicts {
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Règle un conflit : choisit une des valeurs, ou en donne une nouvelle.
    Resolve {
        id: String,
        /// Le champ en conflit (`_deleted` pour une initiative supprimée et modifiée).
        field: String,
        /// Le numéro de la valeur choisie, comme « recense conflicts » les liste.
        #[arg(long, conflicts_with = "set", required_unless_present = "set")]
        pick: Option<usize>,
        /// Une nouvelle valeur.
        #[arg(long)]
        set: Option<String>,
    },
    /// Liste les doublons probables, avec la raison.
    Duplicates {
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Fusionne un doublon dans l'initiative gardée (le doublon reste comme renvoi).
    Fuse {
        /// L'initiative gardée.
        keep: String,
        /// Le doublon.
        other: String,
    },
    /// Note que deux initiatives ne sont pas des doublons (retenu et partagé).
    NotDuplicate { a: String, b: String },
    /// Écrit un paquet : seulement ce qui a changé, un petit fichier à envoyer.
    Bundle {
        /// Les initiatives modifiées depuis cette date (AAAA-MM-JJ).
        #[arg(long, value_name = "DATE", conflicts_with = "to")]
        since: Option<String>,
        /// Ce que ce collègue n'a pas encore (d'après les fichiers reçus de lui).
        #[arg(long = "for", value_name = "AGENT")]
        to: Option<String>,
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        output: PathBuf,
        /// Sans champ personnel, les agents nommés « Agent 1 », « Agent 2 »… ; avertit des textes libres qui semblent contenir un courriel ou un téléphone.
        #[arg(long)]
        public: bool,
        /// Comme --public, et laisse de côté ces textes libres.
        #[arg(long)]
        strict_public: bool,
    },
    /// Pilote de fusion pour git (appelé par git : %O %A %B %P).
    GitMergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        name: Option<String>,
    },
    /// Configure git pour fusionner ce recensement avec recense.
    SetupGit,
    /// Vérifie tout : le fichier, le formulaire, le verrou, les conflits, la configuration git.
    Doctor,
    /// Importe un fichier : csv, mednum (lieux de médiation numérique), data-inclusion, chatons (organization.properties).
    Import {
        #[arg(value_enum)]
        format: import::ImportFormat,
        /// Le fichier à importer.
        #[arg(value_name = "FICHIER")]
        input: PathBuf,
        /// Envoie une colonne dans un champ (identifiant ou libellé), « notes », ou « - » pour l'ignorer ; peut être répété (csv).
        #[arg(long = "map", value_name = "COLONNE=CHAMP")]
        map: Vec<String>,
        /// Valeur des lignes qui n'en donnent pas, par exemple type=association ; peut être répété.
        #[arg(long = "default", value_name = "CHAMP=VALEUR")]
        defaults: Vec<String>,
        /// Montre ce qui serait fait ; n'écrit rien.
        #[arg(long)]
        dry_run: bool,
        /// N'importe rien si une ligne est refusée (code de sortie 1).
        #[arg(long)]
        strict: bool,
        /// Crée aussi les lignes qui ressemblent à une initiative déjà là (à revoir avec « recense duplicates »).
        #[arg(long)]
        create_likely: bool,
        /// Jeu de caractères d'un CSV (sinon UTF-8, ou Windows-1252 si le fichier n'est pas en UTF-8) ; latin1 = ISO-8859-1.
        #[arg(long, value_enum, value_name = "ENCODAGE")]
        encoding: Option<import::EncodingArg>,
    },
    /// Suivi : actions faites (appel, visite…) et prochaines étapes.
    #[command(subcommand)]
    Action(actions::ActionCommand),
    /// Les prochaines étapes à faire : en retard d'abord, puis par échéance.
    Todo(actions::TodoArgs),
    /// Consentement de la personne à contacter (RGPD) : --means oral|courriel|formulaire|ecrit --purpose contact,diffusion_interne,invitations [--date D], ou --withdraw.
    Consent(consent::ConsentArgs),
    /// Données personnelles (RGPD) : droit d'accès, registre des traitements, conservation, effacement.
    #[command(subcommand)]
    Rgpd(rgpd::RgpdCommand),
    /// Note que la fiche a été vérifiée aujourd'hui (elle est toujours juste).
    Verify {
        id: String,
        #[arg(long, value_name = "TEXTE", default_value = "")]
        note: String,
    },
    /// Toutes les adresses web du recensement (site, preuves…), pour un vérificateur de liens externe.
    Links {
        #[arg(long, value_enum, default_value = "table")]
        format: followup::LinksFormat,
    },
    /// Ce qui a changé d'un recensement à un autre (l'an dernier et aujourd'hui).
    Compare {
        /// L'ancien fichier.
        old: PathBuf,
        /// Le nouveau fichier.
        new: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: followup::CompareFormat,
    },
    /// Éditions des événements et formations : date, lieu, participants.
    #[command(subcommand)]
    Edition(EditionCommand),
    /// Formulaires : vérifier, afficher.
    #[command(subcommand)]
    Schema(SchemaCommand),
    /// Périmètre du territoire : le déclarer, l'afficher.
    #[command(subcommand)]
    Perimeter(PerimeterCommand),
    /// Les communes du périmètre : population, initiatives, relais, statuts ; zones blanches.
    Communes {
        /// Seulement les communes sans initiative, ou sans structure relais.
        #[arg(long, value_enum)]
        without: Option<territory::Without>,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Outils de développement (données de test, mesures).
    #[command(subcommand)]
    Dev(DevCommand),
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Ajoute une preuve.
    Add {
        id: String,
        /// entretien, visite, document, site_web, presse, registre_officiel, evenement ; actes de la collectivité : deliberation, convention, subvention_votee, mention_plan_local.
        #[arg(long)]
        kind: String,
        /// AAAA-MM-JJ (sinon aujourd'hui).
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long, default_value = "")]
        url: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SupportCommand {
    /// Ajoute un soutien reçu (et coche son type dans les soutiens reçus).
    Add(supports::SupportArgs),
}

#[derive(Debug, Subcommand)]
pub enum EditionCommand {
    /// Ajoute une édition datée à un événement ou une formation.
    Add(followup::EditionArgs),
}

#[derive(Debug, Subcommand)]
pub enum PerimeterCommand {
    /// Déclare le périmètre (remplace le précédent).
    Set {
        /// epci:SIREN, dep:CODE, insee:CODE ou nom d'un EPCI ou d'un département, séparés par des virgules.
        perimeter: String,
    },
    /// Affiche le périmètre.
    Show {
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// Vérifie un formulaire : chaque problème avec sa ligne et sa colonne.
    Check { file: PathBuf },
    /// Affiche le formulaire du recensement (ou le formulaire par défaut).
    Show {
        /// Le texte RON du formulaire plutôt que sa description.
        #[arg(long)]
        ron: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Écrit un recensement synthétique réaliste (pour les mesures).
    Generate {
        #[arg(long)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        output: PathBuf,
    },
    /// Écrit les pages de manuel en français (recense.1, une page par commande) dans DOSSIER.
    Man {
        #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
        output: PathBuf,
    },
    /// Écrit les complètements de bash (recense), zsh (_recense) et fish (recense.fish) dans DOSSIER.
    Completions {
        #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
        output: PathBuf,
    },
}

/// Runs the command line; returns the process exit code.
pub fn run() -> ExitCode {
    // `recense FILE` opens the interface on FILE: clap cannot tell a file
    // from a command name in that place, so the file is taken out first.
    let (args, census) = take_census_argument(std::env::args_os().collect());
    let cli = parse(args);
    let ctx = match Invocation::new(&cli) {
        Ok(c) => c,
        Err(fail) => return fail.report(),
    };
    let shown = progress::wanted(cli.quiet);
    let result = match cli.command {
        None => open_interface(&ctx, census),
        Some(command) => match long_work(&command) {
            Some(label) => progress::during(shown, label, || dispatch(&ctx, command)),
            None => dispatch(&ctx, command),
        },
    };
    match result {
        Ok(code) => code,
        Err(fail) => fail.report(),
    }
}

/// The commands that may take long on a large file, shown with a
/// progress bar (labelled with the command's name).
fn long_work(command: &Command) -> Option<&'static str> {
    match command {
        Command::Import { .. } => Some("import"),
        Command::Export(_) => Some("export"),
        Command::Merge { .. } => Some("merge"),
        Command::Report { .. } => Some("report"),
        Command::Validate { .. } => Some("validate"),
        _ => None,
    }
}

/// The arguments parsed against the command line in the reader's language
/// (its help and version are printed from there).
fn parse(args: Vec<std::ffi::OsString>) -> Cli {
    use clap::FromArgMatches;
    let lang = help::language(&args);
    let asks_version = args.iter().any(|a| a == "--version" || a == "-V");
    let version = match asks_version {
        true => version::long(lang),
        false => env!("CARGO_PKG_VERSION").to_string(),
    };
    let refused = |e: clap::Error| -> ! {
        match parse_error::explain(&e, lang) {
            Some(text) => {
                eprint!("{}", crate::display::for_terminal(&text));
                std::process::exit(e.exit_code())
            }
            None => e.exit(),
        }
    };
    let matches = help::command(lang, version)
        .try_get_matches_from(args)
        .unwrap_or_else(|e| refused(e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| refused(e))
}

/// Removes the first free argument when it is not a command: `recense FILE`.
fn take_census_argument(
    mut args: Vec<std::ffi::OsString>,
) -> (Vec<std::ffi::OsString>, Option<PathBuf>) {
    use clap::CommandFactory;
    let commands: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if arg == "--" {
            break;
        }
        if matches!(arg.as_ref(), "--file" | "--as" | "--lang") {
            i += 2;
            continue;
        }
        if arg.starts_with('-') {
            i += 1;
            continue;
        }
        if commands.iter().any(|c| *c == arg) {
            break;
        }
        let path = PathBuf::from(args.remove(i));
        return (args, Some(path));
    }
    (args, None)
}

/// `recense` alone: the terminal interface.
fn open_interface(ctx: &Invocation, census: Option<PathBuf>) -> Result<ExitCode, Fail> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Fail::new(cli(ctx.lang).needs_a_terminal));
    }
    let options = crate::tui::Options {
        file: census.unwrap_or_else(|| ctx.file.clone()),
        agent: ctx.agent.clone(),
        lang: ctx.lang,
        ascii: ctx.ascii,
        dirs: ctx.dirs.clone(),
        config: ctx.config.clone(),
    };
    crate::tui::run(options).map_err(Fail::new)?;
    Ok(ExitCode::SUCCESS)
}

fn dispatch(ctx: &Invocation, command: Command) -> Result<ExitCode, Fail> {
    match command {
        Command::Init {
            path,
            territory,
            schema,
            perimeter,
        } => edit::init(
            ctx,
            path,
            &territory,
            schema.as_deref(),
            perimeter.as_deref(),
        ),
        Command::Add { set } => edit::add(ctx, &set),
        Command::Edit {
            id,
            set,
            add,
            remove,
            unset,
        } => edit::edit(ctx, &id, &set, &add, &remove, &unset),
        Command::Delete { id, purge: false } => edit::delete(ctx, &id),
        Command::Delete { id, purge: true } => rgpd_erase::delete_purge(ctx, &id),
        Command::Restore { id } => edit::restore(ctx, &id),
        Command::Undo { initiative } => undo::undo(ctx, initiative.as_deref()),
        Command::RestoreFrom {
            source,
            initiative,
            field,
        } => undo::restore_from(ctx, &source, initiative.as_deref(), field.as_deref()),
        Command::List {
            selection,
            deleted,
            format,
            stale,
        } => read::list(ctx, &selection, deleted, format, stale),
        Command::Show { id, format } => read::show(ctx, &id, format),
        Command::Export(args) => export::export(ctx, args),
        Command::Validate { files } => files::validate(ctx, &files),
        Command::FixCommunes { dry_run } => communes::fix_communes(ctx, dry_run),
        Command::Fmt { check, files } => files::fmt(ctx, check, &files),
        Command::Status {
            id,
            status,
            comment,
            action: None,
            note: _,
        } => legitimacy::set_status(ctx, &id, &status, &comment),
        Command::Status {
            id,
            status,
            comment,
            action: Some(kind),
            note,
        } => actions::set_status_with_action(ctx, &id, &status, &comment, &kind, note.as_deref()),
        Command::Evidence(EvidenceCommand::Add {
            id,
            kind,
            date,
            note,
            url,
        }) => legitimacy::add_evidence(ctx, &id, &kind, date.as_deref(), &note, &url),
        Command::Support(SupportCommand::Add(args)) => supports::add(ctx, &args),
        Command::Confirm { id, comment } => legitimacy::confirm(ctx, &id, &comment),
        Command::Link {
            id,
            relation,
            target,
        } => legitimacy::link(ctx, &id, &relation, &target, true),
        Command::Unlink {
            id,
            relation,
            target,
        } => legitimacy::link(ctx, &id, &relation, &target, false),
        Command::History { id, format } => legitimacy::show_history(ctx, &id, format),
        Command::Stats { selection, format } => report::stats(ctx, &selection, format),
        Command::Report {
            audience,
            format,
            output,
            public,
            since,
            selection,
        } => report::report(
            ctx,
            audience,
            format,
            output.as_deref(),
            public,
            since.as_deref(),
            &selection,
        ),
        Command::Merge {
            files,
            output,
            dry_run,
            accept_edited,
            from,
            territory,
        } => merge::merge(
            ctx,
            merge::MergeArgs {
                files,
                output,
                dry_run,
                accept_edited,
                from,
                territory,
            },
        ),
        Command::Conflicts { format } => conflicts::list(ctx, format),
        Command::Resolve {
            id,
            field,
            pick,
            set,
        } => conflicts::resolve(ctx, &id, &field, pick, set.as_deref()),
        Command::Duplicates { format } => conflicts::duplicates(ctx, format),
        Command::Fuse { keep, other } => conflicts::fuse(ctx, &keep, &other),
        Command::NotDuplicate { a, b } => conflicts::not_duplicate(ctx, &a, &b),
        Command::Bundle {
            since,
            to,
            output,
            public,
            strict_public,
        } => {
            let public = (public || strict_public).then_some(strict_public);
            merge::bundle(ctx, since.as_deref(), to.as_deref(), &output, public)
        }
        Command::GitMergeDriver {
            base: _,
            ours,
            theirs,
            name,
        } => {
            let name = name.unwrap_or_else(|| ours.display().to_string());
            merge::git_merge_driver(ctx, &ours, &theirs, &name)
        }
        Command::SetupGit => git::setup_git(ctx),
        Command::Doctor => git::doctor(ctx),
        Command::Import {
            format,
            input,
            map,
            defaults,
            dry_run,
            strict,
            create_likely,
            encoding,
        } => import::import(
            ctx,
            import::ImportArgs {
                format,
                file: input,
                map,
                defaults,
                dry_run,
                strict,
                create_likely,
                encoding,
            },
        ),
        Command::Action(command) => actions::action(ctx, command),
        Command::Todo(args) => actions::list(ctx, &args),
        Command::Consent(args) => consent::consent(ctx, &args),
        Command::Rgpd(command) => rgpd::run(ctx, command),
        Command::Verify { id, note } => followup::verify(ctx, &id, &note),
        Command::Links { format } => followup::links(ctx, format),
        Command::Compare { old, new, format } => followup::compare(ctx, &old, &new, format),
        Command::Edition(EditionCommand::Add(args)) => followup::add_edition(ctx, &args),
        Command::Perimeter(PerimeterCommand::Set { perimeter }) => territory::set(ctx, &perimeter),
        Command::Perimeter(PerimeterCommand::Show { format }) => territory::show(ctx, format),
        Command::Communes { without, format } => territory::communes(ctx, without, format),
        Command::Schema(SchemaCommand::Check { file }) => files::schema_check(ctx, &file),
        Command::Schema(SchemaCommand::Show { ron }) => files::schema_show(ctx, ron),
        Command::Dev(DevCommand::Generate {
            count,
            seed,
            output,
        }) => files::generate(ctx, count, seed, &output),
        Command::Dev(DevCommand::Man { output }) => dist::man(ctx, &output),
        Command::Dev(DevCommand::Completions { output }) => dist::completions(ctx, &output),
    }
}
