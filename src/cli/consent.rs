//! `recense consent ID --means M --purpose P[,P] [--date D] | --withdraw`,
//! and the consent as `show` and `history` print it.

use std::process::ExitCode;

use crate::census::consent::{self, ConsentChange, ConsentError, ConsentRecord, Decision};
use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::time::Timestamp;
use crate::display::inert;
use crate::i18n::rgpd::{consent_text, means_text, purposes_text, rgpd};
use crate::i18n::{Lang, fill};

use super::invocation::{Among, Fail, Invocation};

/// What `recense consent` was asked.
#[derive(Debug, clap::Args)]
pub struct ConsentArgs {
    /// Identifiant de l'initiative, ou son début s'il est unique.
    pub id: String,
    /// Comment la personne a consenti : oral, courriel, formulaire, ecrit.
    #[arg(long, value_name = "MOYEN")]
    pub means: Option<String>,
    /// Pour quoi : contact, diffusion_interne, invitations (plusieurs séparées par des virgules).
    #[arg(long, value_name = "FINALITÉ[,FINALITÉ]")]
    pub purpose: Option<String>,
    /// Le jour où la personne l'a dit, AAAA-MM-JJ (sinon aujourd'hui).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// La personne retire son consentement (ses données ne sont plus exportées).
    #[arg(long)]
    pub withdraw: bool,
}

/// The change asked, checked before the census is opened.
fn change_of(args: &ConsentArgs) -> Result<ConsentChange, ConsentError> {
    match (args.withdraw, &args.means, &args.purpose) {
        (true, None, None) => Ok(ConsentChange::Withdraw),
        (false, Some(means), purpose) => Ok(ConsentChange::Give {
            means: consent::parse_means(means)?,
            purposes: consent::parse_purposes(purpose.as_deref().unwrap_or(""))?,
        }),
        _ => Err(ConsentError::NothingAsked),
    }
}

pub fn consent(ctx: &Invocation, args: &ConsentArgs) -> Result<ExitCode, Fail> {
    let t = rgpd(ctx.lang);
    let change = change_of(args).map_err(|e| ctx.fail(&e))?;
    let date = args
        .date
        .as_deref()
        .map(|d| consent::parse_date(d, Timestamp::now()))
        .transpose()
        .map_err(|e| ctx.fail(&e))?;
    let (id, state, personal) = ctx.with_session(|s| {
        let id = ctx.resolve(&s.ws, &args.id, Among::Live)?;
        s.record_consent(&id, &change, date)
            .map_err(|e| ctx.fail(&e))?;
        let i = s.ws.census.get(&id);
        let state = i.and_then(consent::state);
        let personal = i.is_some_and(|i| !consent::personal_fields(&s.ws.schema, i).is_empty());
        Ok(((id, state, personal), true))
    })?;
    match &state {
        Some(r) if !r.is_given() => {
            let date = r.date.map(|d| d.to_string()).unwrap_or_default();
            eprintln!("{}", fill(t.withdrawn, &[("id", &id), ("date", &date)]));
        }
        _ => eprintln!(
            "{}",
            fill(
                t.recorded,
                &[
                    ("id", &id),
                    ("state", &consent_text(state.as_ref(), ctx.lang))
                ]
            )
        ),
    }
    if !personal {
        eprintln!("{}", t.no_personal_yet);
    }
    Ok(ExitCode::SUCCESS)
}

/// `[Marie, 2026-02-01]`: who recorded it and when.
fn who(census: &Census, r: &ConsentRecord) -> String {
    r.by.map_or("?".to_string(), |a| {
        inert(census.agent_name(&a)).into_owned()
    })
}

/// The consent section of `show`: the state in force, and the mark when
/// personal values are kept without consent. Empty when the initiative has
/// neither personal values nor consents.
pub fn show_section(schema: &Schema, census: &Census, i: &Initiative, lang: Lang) -> String {
    let t = rgpd(lang);
    let state = consent::state(i);
    let personal = consent::personal_fields(schema, i);
    if personal.is_empty() && state.is_none() {
        return String::new();
    }
    let mut out = format!("\n== {} ==\n", t.show_consent);
    let by = state
        .as_ref()
        .map(|r| {
            format!(
                "  [{}, {}]",
                who(census, r),
                r.at.map(|a| a.date().to_string()).unwrap_or_default()
            )
        })
        .unwrap_or_default();
    out.push_str(&format!("  {}{by}\n", consent_text(state.as_ref(), lang)));
    if consent::lacks_consent(schema, i) {
        let fields: Vec<&str> = personal.iter().map(|f| f.label.get(lang)).collect();
        out.push_str(&format!("  {} : {}\n", t.mark, fields.join(", ")));
        out.push_str(&fill(t.mark_hint, &[("id", &i.id)]));
        out.push('\n');
    }
    out
}

/// The consent of `show --format json`: the record in force (`state`:
/// `given`, `withdrawn` or `none`, with its date, means, purposes, by whom,
/// when recorded), whether personal values are kept without consent
/// (`lacking`), and every record, oldest first.
pub fn consent_json(schema: &Schema, census: &Census, i: &Initiative) -> serde_json::Value {
    let record = |r: &ConsentRecord| {
        let by = r.by.map(|a| census.agent_name(&a).to_string());
        let date = r.date.map(|d| d.to_string());
        let at = r.at.map(|a| a.to_string());
        match &r.decision {
            Decision::Withdrawn => {
                serde_json::json!({"state": "withdrawn", "date": date, "by": by, "at": at})
            }
            Decision::Given { means, purposes } => serde_json::json!({
                "state": "given", "date": date, "means": means, "purposes": purposes, "by": by, "at": at,
            }),
        }
    };
    let mut obj = consent::state(i)
        .as_ref()
        .map_or_else(|| serde_json::json!({"state": "none"}), record);
    obj["lacking"] = consent::lacks_consent(schema, i).into();
    obj["records"] = consent::records(i).iter().map(record).collect();
    obj
}

/// The consent events of `history`: (when, JSON, text).
pub fn history_events(
    census: &Census,
    i: &Initiative,
    lang: Lang,
) -> Vec<(Option<Timestamp>, serde_json::Value, String)> {
    let t = rgpd(lang);
    consent::records(i)
        .into_iter()
        .map(|r| {
            let name = who(census, &r);
            let date = r.date.map(|d| d.to_string()).unwrap_or_default();
            let at = r.at.map(|a| a.to_string());
            let (json, text) = match &r.decision {
                Decision::Withdrawn => (
                    serde_json::json!({"event": "consent_withdrawn", "date": date, "by": name, "at": at}),
                    fill(t.history_withdrawal, &[("date", &date), ("who", &name)]),
                ),
                Decision::Given { means, purposes } => (
                    serde_json::json!({"event": "consent", "date": date, "means": means, "purposes": purposes, "by": name, "at": at}),
                    fill(
                        t.history_consent,
                        &[
                            ("date", &date),
                            ("means", &inert(means_text(means, lang))),
                            ("purposes", &purposes_text(purposes, lang)),
                            ("who", &name),
                        ],
                    ),
                ),
            };
            (r.at, json, text)
        })
        .collect()
}

/// The forms of `export --contacts` (ids fixed).
#[derive(Debug, Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum ContactsArg {
    /// Une ligne « Nom <courriel> » par personne, à coller dans les destinataires.
    Texte,
    /// Tableur : nom, courriel, téléphone, initiatives.
    Csv,
    /// Carnet d'adresses, vCard 4.0 (RFC 6350).
    Vcard,
}

/// `export --contacts`: the consenting contacts of the selected initiatives,
/// on standard output or in a new file readable by its owner only.
pub fn export_contacts(
    ctx: &Invocation,
    form: ContactsArg,
    output: Option<&std::path::Path>,
    schema: &Schema,
    selection: &[&Initiative],
) -> Result<ExitCode, Fail> {
    use crate::documents::rgpd::contacts::{self, ContactsFormat};
    let t = rgpd(ctx.lang);
    if let Some(path) = output
        && crate::census::store::same_file(path, &ctx.file)
    {
        let words = crate::documents::export::words::export(ctx.lang);
        return Err(Fail::new(fill(
            words.output_is_census,
            &[("file", &path.display())],
        )));
    }
    let list =
        contacts::contacts(schema, selection).map_err(|_| Fail::new(t.contacts_no_email_field))?;
    let format = match form {
        ContactsArg::Texte => ContactsFormat::Lines,
        ContactsArg::Csv => ContactsFormat::Csv,
        ContactsArg::Vcard => ContactsFormat::Vcard,
    };
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let _ = contacts::write(&list, format, &mut bytes);
    match output {
        // Every value is inert already; vCard lines end with CR LF.
        None => {
            use std::io::Write as _;
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(&bytes).and_then(|()| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(Fail::new(crate::i18n::io_error(&e, ctx.lang)));
            }
        }
        Some(path) => {
            let text = String::from_utf8_lossy(&bytes);
            crate::census::store::save_text_with(path, &text, crate::census::store::Backup::None)
                .map_err(|e| ctx.fail(&e))?
        }
    }
    eprintln!(
        "{}",
        fill(
            t.contacts_written,
            &[("n", &list.contacts.len()), ("left", &list.left_out)]
        )
    );
    Ok(ExitCode::SUCCESS)
}
