//! Exchanging with colleagues: merge, bundle.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::census::exchange::{self, MergeSummary, Peers, bundle_for, bundle_since};
use crate::census::file::footer;
use crate::census::model::Census;
use crate::census::receive::{Received, merge_received};
use crate::census::session::{Clock, Session};
use crate::census::store::{self, Lock};
use crate::census::time::{Date, Timestamp};
use crate::census::workspace::{check_schema_version, schema_for};
use crate::census::{Agent, AgentId, Schema};
use crate::i18n::cli::cli;
use crate::i18n::files::brought_back;
use crate::i18n::received::{other_territory, received};
use crate::i18n::{Localized, fill};

use super::invocation::{Fail, Invocation};

/// What `recense merge` was asked.
pub struct MergeArgs {
    pub files: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub dry_run: bool,
    pub accept_edited: bool,
    pub from: Option<String>,
    /// The territory of the result, when a received file is of another.
    pub territory: Option<String>,
}

fn say_summary(ctx: &Invocation, file: &Path, s: &MergeSummary) {
    let t = cli(ctx.lang);
    let name = file.display();
    outln!(
        "{}",
        fill(
            t.merge_summary,
            &[
                ("file", &name),
                ("new", &s.new),
                ("updated", &s.updated),
                ("conflicts", &s.conflicts),
                ("duplicates", &s.duplicates)
            ]
        )
    );
    if s.hand_edits > 0 {
        outln!(
            "{}",
            fill(t.merge_hand_edits, &[("file", &name), ("n", &s.hand_edits)])
        );
    }
}

/// Says, on the error output, what merging `file` brought beyond its
/// summary: another territory (with how to choose, when `hint`), values
/// `add` would refuse.
fn say_received(ctx: &Invocation, file: &Path, r: &Received, hint: bool) {
    let t = received(ctx.lang);
    let name = file.display();
    if let Some(other) = &r.territory {
        let warning = other_territory(other, &name, ctx.lang);
        if hint && other.kept == other.ours {
            eprintln!("{warning} {}", t.territory_hint);
        } else {
            eprintln!("{warning}");
        }
    }
    if let Some(held) = &r.erased {
        eprintln!(
            "{}",
            crate::i18n::erasure::held_erased(held, &name, ctx.lang)
        );
    }
    if !r.invalid.is_empty() {
        eprintln!(
            "{}",
            fill(
                t.invalid_at_merge,
                &[("file", &name), ("n", &r.invalid.len())]
            )
        );
        for v in &r.invalid {
            eprintln!("{}", v.localize(ctx.lang));
        }
    }
}

/// The agent a file comes from: `--from` (known here or in that file), else
/// who made its latest change.
fn sender_of(
    ctx: &Invocation,
    census: &Census,
    theirs: &Census,
    from: Option<&str>,
) -> Result<Option<AgentId>, Fail> {
    match from {
        Some(who) => find_agent(ctx, &[census, theirs], who).map(Some),
        None => Ok(exchange::sender(theirs)),
    }
}
/// An agent by id or display name, among the agents of some censuses.
pub fn find_agent(ctx: &Invocation, censuses: &[&Census], who: &str) -> Result<AgentId, Fail> {
    let folded = crate::census::search::fold(who.trim());
    let mut agents = censuses.iter().flat_map(|c| c.agents.iter());
    agents
        .find(|(id, name)| id.as_str() == who.trim() || crate::census::search::fold(name) == folded)
        .map(|(id, _)| *id)
        .ok_or_else(|| {
            let mut known: Vec<String> = censuses
                .iter()
                .flat_map(|c| c.agents.iter())
                .map(|(id, n)| format!("{} ({id})", crate::display::inert(n)))
                .collect();
            known.sort();
            known.dedup();
            Fail::new(fill(
                cli(ctx.lang).unknown_agent,
                &[
                    ("agent", &crate::display::quoted(who)),
                    ("known", &known.join(", ")),
                ],
            ))
        })
}

pub fn merge(ctx: &Invocation, args: MergeArgs) -> Result<ExitCode, Fail> {
    let now = Timestamp::now();
    match &args.output {
        // Nothing of the person merging is written: no need to know them.
        Some(out) => merge_files(ctx, &args, out, now),
        None => {
            ctx.require_agent()?;
            merge_into_census(ctx, &args, now)
        }
    }
}

/// Who a merge of files credits the hand edits of the first file to: the
/// person merging when named, else the owner of that copy (its sender, or
/// the name of the file when nothing in it is dated).
fn files_agent(ctx: &Invocation, first: &Census, path: &Path) -> Agent {
    if let Some(agent) = &ctx.agent {
        return agent.clone();
    }
    match exchange::sender(first) {
        Some(id) => Agent {
            name: first.agent_name(&id).to_string(),
            id,
        },
        None => {
            let name = path.file_stem().map_or_else(
                || path.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            Agent {
                id: AgentId::from_name(&name),
                name,
            }
        }
    }
}

/// Says when `census` (read from `file`) held personal data that `result`
/// erased: dropped.
fn say_held_erased(ctx: &Invocation, file: &Path, result: &Census, census: &Census) {
    if let Some(held) = crate::census::erase::held_erased(result, census) {
        let name = file.display();
        eprintln!(
            "{}",
            crate::i18n::erasure::held_erased(&held, &name, ctx.lang)
        );
    }
}

/// `merge A B -o OUT`: the given files together, none of them touched.
fn merge_files(
    ctx: &Invocation,
    args: &MergeArgs,
    out: &Path,
    now: Timestamp,
) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    if args.files.len() < 2 {
        return Err(Fail::new(t.merge_need_two));
    }
    if args.files.iter().any(|f| store::same_file(f, out)) {
        return Err(Fail::new(t.merge_output_is_input));
    }
    let first = incoming(ctx, &args.files[0], args.accept_edited)?;
    let schema = schema_for(&args.files[0], &first.schema_id).map_err(|e| ctx.fail(&e))?;
    check_schema_version(&first, &schema, &args.files[0]).map_err(|e| ctx.fail(&e))?;
    let agent = &files_agent(ctx, &first, &args.files[0]);
    let mut result = first;
    // Every file's hand edits are its sender's, as when it is received.
    exchange::adopt_received(&mut result, agent, now);
    // The first file, to tell whether it held personal data erased in
    // another (each other file is told right after its merge).
    let first = result.clone();
    for file in &args.files[1..] {
        let theirs = incoming(ctx, file, args.accept_edited)?;
        check_schema_version(&theirs, &schema, file).map_err(|e| ctx.fail(&e))?;
        let summary = exchange::merge_into(&mut result, &schema, &theirs, agent, now)
            .map_err(|e| ctx.fail(&e))?;
        say_summary(ctx, file, &summary);
        say_held_erased(ctx, file, &result, &theirs);
    }
    say_held_erased(ctx, &args.files[0], &result, &first);
    if args.dry_run {
        outln!("{}", t.merge_dry_run);
        return Ok(ExitCode::SUCCESS);
    }
    let lock = Lock::acquire(out, &agent.name).map_err(|e| ctx.fail(&e))?;
    store::save(out, &result).map_err(|e| ctx.fail(&e))?;
    lock.release();
    eprintln!("{} {}", t.merge_written, out.display());
    Ok(ExitCode::SUCCESS)
}

/// A received file, read and checked; what loading noticed without refusing
/// it (ids in small letters) is said with its place.
fn incoming(ctx: &Invocation, file: &Path, accept_edited: bool) -> Result<Census, Fail> {
    let (census, report) =
        exchange::read_incoming_noted(file, accept_edited).map_err(|e| ctx.fail(&e))?;
    for id in crate::census::validate::ids_in_small_letters(&report) {
        eprintln!("{}", id.localize(ctx.lang));
    }
    Ok(census)
}

/// `merge THEIRS...`: into the current census, atomically (all or nothing).
fn merge_into_census(ctx: &Invocation, args: &MergeArgs, now: Timestamp) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    if args.files.iter().any(|f| store::same_file(f, &ctx.file)) {
        return Err(Fail::new(t.merge_into_itself));
    }
    // Every received file is read and checked before anything is written.
    let received: Vec<(PathBuf, Census)> = args
        .files
        .iter()
        .map(|f| incoming(ctx, f, args.accept_edited).map(|c| (f.clone(), c)))
        .collect::<Result<_, _>>()?;
    let dry_run = args.dry_run;
    let territory = match args.territory.as_deref().map(str::trim) {
        Some("") => return Err(Fail::new(t.empty_territory)),
        other => other,
    };
    let change = |s: &mut Session| {
        // One instant for every file merged.
        s.clock = Clock::Fixed(now);
        // Blocks deleted by hand: told when a colleague's copy brings them back.
        let hand_deleted = s.hand_deleted();
        let mut peers = Peers::load(&s.ws.path);
        let mut conflicts = 0;
        for (file, theirs) in &received {
            check_schema_version(theirs, &s.ws.schema, file).map_err(|e| ctx.fail(&e))?;
            let sender = sender_of(ctx, &s.ws.census, theirs, args.from.as_deref())?;
            let r = s.merge(file, theirs, territory).map_err(|e| ctx.fail(&e))?;
            let summary = &r.summary;
            say_summary(ctx, file, summary);
            say_received(ctx, file, &r, true);
            if let Some(sender) = sender {
                let name = crate::display::inert(s.ws.census.agent_name(&sender)).into_owned();
                eprintln!("  {} {name}", t.merge_from);
                peers.record(sender, theirs);
            }
            conflicts = summary.conflicts;
        }
        if let Some(hand_deleted) = &hand_deleted {
            let name = ctx.file.display().to_string();
            let back = hand_deleted.after(&s.ws.census, &s.ws.schema.name_field);
            // When written, the save itself tells blocks that did not come back.
            if dry_run || matches!(back, footer::BroughtBack::Named(_)) {
                say_brought_back(ctx, &name, &back);
            }
        }
        if dry_run {
            return Ok(((conflicts, false), false));
        }
        // What colleagues have only makes bundles smaller: not worth failing for.
        let _ = peers.save(&s.ws.path);
        // A copy that brings nothing new writes nothing.
        let changed = s.has_unwritten_changes();
        Ok(((conflicts, changed), changed))
    };
    // A dry run writes nothing: it needs no lock.
    let (any_conflict, written) = if dry_run {
        ctx.with_dry_session(change)
    } else {
        ctx.with_session(change)
    }?;
    if dry_run {
        outln!("{}", t.merge_dry_run);
    } else if written {
        eprintln!("{} {}", t.merge_written, ctx.file.display());
    } else {
        eprintln!("{} {}", t.already_up_to_date, ctx.file.display());
    }
    if any_conflict > 0 {
        eprintln!("{}", t.merge_next);
    }
    Ok(ExitCode::SUCCESS)
}

/// Names the initiatives deleted by hand from the census that a merge
/// brought back from a colleague's copy, and how to delete them for real.
fn say_brought_back(ctx: &Invocation, name: &str, back: &footer::BroughtBack) {
    for line in brought_back(ctx.lang, name, back) {
        eprintln!("{line}");
    }
}

pub fn bundle(
    ctx: &Invocation,
    since: Option<&str>,
    to: Option<&str>,
    output: &Path,
    public: Option<bool>,
) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    if store::same_file(output, &ctx.file) {
        let file = output.display();
        return Err(Fail::new(fill(
            t.bundle_output_is_census,
            &[("file", &file)],
        )));
    }
    let ws = ctx.open()?;
    let bundle = match (since, to) {
        (Some(date), _) => {
            let day =
                Date::parse(date).ok_or_else(|| Fail::new(fill(t.bad_date, &[("date", &date)])))?;
            bundle_since(&ws.census, Timestamp(day.days_since_epoch() * 86_400))
        }
        (None, Some(who)) => match find_agent(ctx, &[&ws.census], who) {
            Ok(agent) => bundle_for(&ws.census, &Peers::load(&ws.path), &agent),
            // A colleague who never sent anything here lacks everything.
            Err(_) => {
                eprintln!(
                    "{}",
                    fill(
                        t.bundle_for_newcomer,
                        &[("agent", &crate::display::quoted(who))]
                    )
                );
                bundle_for(&ws.census, &Peers::default(), &AgentId::from_name(who))
            }
        },
        (None, None) => return Err(Fail::new(t.bundle_need_one)),
    };
    // `--public` (`Some(strict)`): without personal data.
    let bundle = match public {
        Some(strict) => super::rgpd_erase::publish(ctx, &ws.schema, &bundle, strict),
        None => bundle,
    };
    store::save(output, &bundle).map_err(|e| ctx.fail(&e))?;
    outln!(
        "{}",
        fill(
            t.bundle_written,
            &[
                ("n", &bundle.initiatives.len()),
                ("file", &output.display())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The git merge driver: `%A` gets the merge of `%A` and `%B`; conflicts
/// live in the data. Exits non-zero only when an input cannot be read.
pub fn git_merge_driver(
    ctx: &Invocation,
    ours: &Path,
    theirs: &Path,
    name: &str,
) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    // git's temporary files mean nothing to the person: name the census.
    let unreadable = |e: &dyn Localized| {
        let detail = e
            .localize(ctx.lang)
            .replace(&ours.display().to_string(), name)
            .replace(
                &theirs.display().to_string(),
                &format!("{name} {}", t.driver_theirs),
            );
        Fail::new(format!(
            "{} {detail}",
            fill(t.driver_unreadable, &[("path", &name)])
        ))
    };
    let agent = ctx.agent.clone().unwrap_or_else(git_agent);
    let now = Timestamp::now();
    // Files from the repository may have been edited by hand and committed:
    // their hand edits are kept, not refused.
    let (mut result, report) = store::load(ours).map_err(|e| unreadable(&e))?;
    let hand_deleted = report.deleted_by_hand.map(|r| (r, result.clone()));
    let (other, _) = store::load(theirs).map_err(|e| unreadable(&e))?;
    let schema = schema_for(ours, &result.schema_id).unwrap_or_else(|_| Schema::default_schema());
    check_schema_version(&other, &schema, theirs).map_err(|e| unreadable(&e))?;
    result.adopt_hand_edits(&agent, now);
    let r = merge_received(&mut result, &schema, &other, &agent, now, None)
        .map_err(|e| ctx.fail(&e))?;
    say_received(ctx, Path::new(name), &r, false);
    if let Some((recorded, before)) = &hand_deleted {
        let back = footer::after_merge(*recorded, before, &result, &schema.name_field);
        say_brought_back(ctx, name, &back);
    }
    // git keeps the history: no `.bak` left in the work tree.
    store::save_with(ours, &result, store::Backup::None).map_err(|e| ctx.fail(&e))?;
    Ok(ExitCode::SUCCESS)
}

/// Who merges, when recense was not told: git's user name.
fn git_agent() -> Agent {
    let name = std::process::Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "git".to_string());
    Agent {
        id: AgentId::from_name(&name),
        name,
    }
}
