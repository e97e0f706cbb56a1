//! `recense export`: the census in another format, on standard output or
//! in a file replaced in one go. The work is `documents::export`'s.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use crate::census::store;
use crate::documents::export::words::{export as texts, report_lines};
use crate::documents::export::{self, Format, Header, Options, Summary};
use crate::i18n::{fill, io_error};

use super::invocation::{Fail, Invocation};
use super::read::{Selection, filter};

/// The formats of `--format` (ids fixed: scripts rely on them).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// Tableur : une colonne par champ, séparateur « ; », UTF-8.
    Csv,
    /// Le recensement entier pour les scripts (forme stable, voir docs/export.md).
    Json,
    /// Carte (uMap, QGIS) : les initiatives avec coordonnées, sans champs personnels.
    Geojson,
    /// Carte uMap en CSV : name;description;lat;lon;…, sans champs personnels.
    UmapCsv,
    /// Classeur LibreOffice : initiatives, preuves, relations.
    Ods,
    /// Réseau pour GraphViz (sans champs personnels).
    Dot,
    /// Réseau pour Gephi (sans champs personnels).
    Gexf,
    /// Standard national des lieux de médiation numérique.
    Mednum,
    /// Standard data·inclusion (structures).
    DataInclusion,
    /// Calendrier iCalendar (Thunderbird…) : les prochaines étapes ouvertes, une tâche chacune.
    Ics,
}

impl ExportFormat {
    /// The document format; `None` for the calendar, which is made of the
    /// next steps rather than the initiatives (`calendar::export_ics`).
    fn document(self) -> Option<Format> {
        Some(match self {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Json => Format::Json,
            ExportFormat::Geojson => Format::Geojson,
            ExportFormat::UmapCsv => Format::UmapCsv,
            ExportFormat::Ods => Format::Ods,
            ExportFormat::Dot => Format::Dot,
            ExportFormat::Gexf => Format::Gexf,
            ExportFormat::Mednum => Format::Mednum,
            ExportFormat::DataInclusion => Format::DataInclusion,
            ExportFormat::Ics => return None,
        })
    }
}

/// `--header`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum HeaderStyle {
    /// Libellés des champs et des choix (pour un tableur).
    Labels,
    /// Identifiants des champs et des choix (pour un script, une réimportation exacte).
    Ids,
}

/// What `recense export` was asked. The selection's help words the search
/// and the status as export always has.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("query", |a| a.help("Seulement les initiatives trouvées par cette recherche (comme list)")),
    mut_arg("status", |a| a.help("Seulement ce statut ; peut être répété"))
)]
pub struct ExportArgs {
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        required_unless_present = "contacts"
    )]
    pub format: Option<ExportFormat>,
    /// La liste de diffusion des personnes à contacter qui ont consenti aux invitations (RGPD) : texte (lignes « Nom <courriel> »), csv ou vcard (vCard 4.0) ; personne d'autre.
    #[arg(long, value_enum, value_name = "FORME", num_args = 0..=1, default_missing_value = "texte", conflicts_with_all = ["format", "public", "header"])]
    pub contacts: Option<super::consent::ContactsArg>,
    /// Écrit dans ce fichier, remplacé d'un coup (jamais à moitié écrit) ; sinon sur la sortie standard.
    #[arg(short = 'o', long = "output", value_name = "FICHIER")]
    pub output: Option<PathBuf>,
    /// Laisse de côté les champs personnels (personne à contacter, son courriel, son téléphone…) et les noms des agents : pour publier. SANS --public, csv, json et ods CONTIENNENT ces données personnelles (RGPD) : ne les diffusez pas.
    #[arg(long)]
    pub public: bool,
    /// Comme --public, et laisse de côté les textes libres qui semblent contenir un courriel ou un téléphone.
    #[arg(long)]
    pub strict_public: bool,
    /// En-têtes et valeurs des choix : labels = libellés (pour un tableur), ids = identifiants (pour un script).
    #[arg(long, value_enum, default_value = "labels")]
    pub header: HeaderStyle,
    #[command(flatten)]
    pub selection: Selection,
    /// Avec --format ics : seulement vos prochaines étapes.
    #[arg(long)]
    pub mine: bool,
    /// Commence le CSV (csv, umap-csv, mednum) par la marque d'ordre des octets UTF-8 : pour qu'Excel l'ouvre d'un double-clic avec les accents.
    #[arg(long)]
    pub bom: bool,
}

pub fn export(ctx: &Invocation, args: ExportArgs) -> Result<ExitCode, Fail> {
    // The calendar is not a document of the selection: its own path.
    if args.contacts.is_none() && args.format.is_some_and(|f| f.document().is_none()) {
        return super::calendar::export_ics(ctx, &args);
    }
    let t = texts(ctx.lang);
    let ws = ctx.open()?;
    let public = args.public || args.strict_public;
    let (schema, mut census) = (&ws.schema, std::borrow::Cow::Borrowed(&ws.census));
    let filter = filter(ctx, schema, &args.selection)?;
    if public {
        // Free texts that look personal: told, or left out when strict.
        let selection = export::select(&census, schema, &filter, args.selection.query(), ctx.lang);
        let flagged = crate::census::erase::public::flag_selection(schema, &selection);
        super::rgpd_erase::say_flagged(ctx, &flagged, args.strict_public);
        if args.strict_public && !flagged.is_empty() {
            let stripped = crate::census::erase::public::without_flagged(&census, &flagged);
            census = std::borrow::Cow::Owned(stripped);
        }
    }
    let census = census.as_ref();
    let selection = export::select(census, schema, &filter, args.selection.query(), ctx.lang);
    let format = match (args.contacts, args.format) {
        (Some(form), _) => {
            return super::consent::export_contacts(
                ctx,
                form,
                args.output.as_deref(),
                schema,
                &selection,
            );
        }
        (None, Some(format)) => match format.document() {
            Some(format) => format,
            None => return super::calendar::export_ics(ctx, &args),
        },
        (None, None) => {
            return Err(Fail::new(
                crate::i18n::rgpd::rgpd(ctx.lang).format_or_contacts,
            ));
        }
    };
    if args.bom && !export::bom::takes_bom(format) {
        let words = crate::i18n::office::office(ctx.lang);
        return Err(Fail::new(fill(
            words.bom_not_csv,
            &[("format", &format.id())],
        )));
    }
    let options = Options {
        format,
        public,
        header: match args.header {
            HeaderStyle::Labels => Header::Labels,
            HeaderStyle::Ids => Header::Ids,
        },
        lang: ctx.lang,
    };
    let run = |out: &mut dyn Write| {
        export::bom::export_with_bom(census, schema, &selection, &options, args.bom, out)
    };
    let summary = match &args.output {
        Some(path) => {
            if store::same_file(path, &ctx.file) {
                let file = path.display();
                return Err(Fail::new(fill(t.output_is_census, &[("file", &file)])));
            }
            store::write_atomically(path, run).map_err(|e| ctx.fail(&e))?
        }
        None => {
            if format.is_binary() && std::io::stdout().is_terminal() {
                return Err(Fail::new(fill(
                    t.binary_to_terminal,
                    &[("format", &format.id())],
                )));
            }
            let mut out = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
            match run(&mut out).and_then(|s| out.flush().map(|()| s)) {
                Ok(s) => s,
                // The reader stopped early (`| head`): nothing to report.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS);
                }
                Err(e) => {
                    let error = io_error(&e, ctx.lang);
                    return Err(Fail::new(fill(
                        t.export_failed,
                        &[("format", &format.id()), ("error", &error)],
                    )));
                }
            }
        }
    };
    Ok(report(ctx, format, &summary, args.output.as_deref()))
}

/// Says on standard error what was written and what was left out; the exit
/// code is 1 only when a standard left out every initiative.
fn report(ctx: &Invocation, format: Format, summary: &Summary, output: Option<&Path>) -> ExitCode {
    for line in report_lines(ctx.lang, format, summary, output) {
        eprintln!("{line}");
    }
    if nothing_exported(summary) {
        eprintln!("recense: {}", texts(ctx.lang).nothing_exported);
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// A standard left out every initiative it was given.
fn nothing_exported(summary: &Summary) -> bool {
    summary.written == 0 && !summary.left_out.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::InitiativeId;
    use crate::census::standards::LeftOut;
    use crate::i18n::Lang;

    fn left(name: &str, missing: &[&'static str]) -> LeftOut {
        LeftOut {
            id: InitiativeId::parse("01M6B5G7T0HT5KFD63KMNBCWPR").unwrap(),
            name: name.into(),
            missing: missing.to_vec(),
        }
    }

    #[test]
    fn each_initiative_left_out_is_named_with_what_it_lacks_then_counted() {
        let summary = Summary {
            written: 2,
            without_coordinates: 0,
            left_out: vec![left("Infini\u{1b}[2J", &["pivot", "adresse"])],
        };
        let lines = report_lines(Lang::Fr, Format::Mednum, &summary, None);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("laissée de côté : Infini"),
            "{}",
            lines[0]
        );
        assert!(lines[0].contains("(01M6B5G7T0HT5KFD63KMNBCWPR)"));
        assert!(
            lines[0].ends_with("manque pivot (SIRET ou RNA), adresse"),
            "{}",
            lines[0]
        );
        assert!(
            !lines[0].contains('\u{1b}'),
            "names reach the terminal inert"
        );
        assert!(
            lines[1].starts_with("2 ") && lines[1].contains("1 laissée"),
            "{}",
            lines[1]
        );
        let en = report_lines(Lang::En, Format::DataInclusion, &summary, None);
        assert!(
            en[0].ends_with("missing pivot (SIRET or RNA), adresse"),
            "{}",
            en[0]
        );
        assert!(!nothing_exported(&summary));
    }

    #[test]
    fn a_standard_that_leaves_out_everything_fails() {
        let summary = Summary {
            written: 0,
            without_coordinates: 0,
            left_out: vec![left("Infini", &["services"])],
        };
        assert!(nothing_exported(&summary));
        let lines = report_lines(Lang::Fr, Format::Mednum, &summary, None);
        assert!(lines[0].ends_with("manque services (services de médiation numérique)"));
        // Nothing to export at all is no failure.
        assert!(!nothing_exported(&Summary::default()));
    }
}
