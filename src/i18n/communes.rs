//! The words of communes settled against the official referential: `add`,
//! `edit`, `fix-communes`, imports and `validate`.

use super::{Lang, fill};
use crate::census::communes::{Outcome, Settled};
use crate::census::territory::{FormerKind, referential};

strings! { CommunesText, communes;
    ambiguous: "« {typed} » désigne plusieurs communes : {candidates}. Précisez laquelle avec --set commune=\"{example}\" ou --set code_insee={insee}. Rien n'a été écrit.", "`{typed}` names several communes: {candidates}. Say which with --set commune=\"{example}\" or --set code_insee={insee}. Nothing was written.";
    unknown: "avertissement : « {typed} » n'est pas une commune du Code officiel géographique ; gardée telle quelle (lieu étranger ou inhabituel). Vérifiez l'orthographe, ou donnez son code INSEE.", "warning: `{typed}` is not a commune of the official geographic code; kept as typed (a foreign or unusual place). Check the spelling, or give its INSEE code.";
    former: "« {typed} » est {how} : enregistrée sous {current} ({insee}).", "`{typed}` is {how}: recorded as {current} ({insee}).";
    deleguee: "une commune déléguée de {current}", "a commune déléguée of {current}";
    associee: "une commune associée de {current}", "a commune associée of {current}";
    arrondissement: "un arrondissement de {current}", "an arrondissement of {current}";
    old_code: "une ancienne commune, fusionnée dans {current}", "a former commune, merged into {current}";
    postal_choices: "{commune} a plusieurs codes postaux ({codes}) : le code postal reste à préciser (--set code_postal=…).", "{commune} has several postal codes ({codes}): the postal code is left to set (--set code_postal=…).";
    more: "… ({n} de plus)", "… ({n} more)";
    insee_mismatch: "le code INSEE {insee} est celui de {of_code}, pas de « {commune} ». Corrigez l'un ou l'autre (recense edit {id} --set code_insee=… ou --set commune=…).", "INSEE code {insee} is {of_code}'s, not `{commune}`'s. Correct one or the other (recense edit {id} --set code_insee=… or --set commune=…).";
    insee_unknown: "aucune commune", "no commune";
    fix_line: "{id} {name} : {what}", "{id} {name}: {what}";
    fix_set: "{field} → {value}", "{field} → {value}";
    fix_unset: "{field} vidé", "{field} emptied";
    fix_done: "{n} {n:initiative corrigée|initiatives corrigées}, chacune par une modification à votre nom.", "{n} {n:initiatives|initiative|initiatives} corrected, each by an edit in your name.";
    fix_dry: "{n} {n:initiative serait corrigée|initiatives seraient corrigées} ; rien n'a été écrit (--dry-run).", "{n} {n:initiatives|initiative|initiatives} would be corrected; nothing was written (--dry-run).";
    fix_nothing: "Toutes les communes connues sont déjà écrites comme dans le Code officiel géographique, avec leurs codes.", "Every known commune is already written as in the official geographic code, with its codes.";
    fix_undecided: "Non décidées ({n}) : à corriger avec « recense edit ID --set commune=… » ou « --set code_insee=… » :", "Not decided ({n}): correct with `recense edit ID --set commune=…` or `--set code_insee=…`:";
    fix_ambiguous: "  {id} {name} : « {typed} » désigne plusieurs communes : {candidates}", "  {id} {name}: `{typed}` names several communes: {candidates}";
    fix_unknown: "  {id} {name} : « {typed} » n'est pas une commune du Code officiel géographique", "  {id} {name}: `{typed}` is not a commune of the official geographic code";
    import_settled: "{file}:{line}: {name} : {what}", "{file}:{line}: {name}: {what}";
    import_ambiguous: "{file}:{line}: {name} : « {typed} » désigne plusieurs communes ({candidates}) : gardée telle quelle, sans code ; précisez avec recense edit ID --set code_insee=…", "{file}:{line}: {name}: `{typed}` names several communes ({candidates}): kept as given, without codes; say which with recense edit ID --set code_insee=…";
    import_unknown: "{file}:{line}: {name} : « {typed} » n'est pas une commune du Code officiel géographique : gardée telle quelle", "{file}:{line}: {name}: `{typed}` is not a commune of the official geographic code: kept as given";
    import_summary: "Communes : {settled} {settled:écrite comme dans le Code officiel géographique ou complétée de ses codes|écrites comme dans le Code officiel géographique ou complétées de leurs codes}, {left} {left:laissée telle quelle|laissées telles quelles}.", "Communes: {settled} written as in the official geographic code or completed with {settled:their|its|their} codes, {left} left as given.";
    former_found: "« {commune} » est une ancienne commune, aujourd'hui {current} ({code}) : « recense fix-communes » l'enregistre sous son nom actuel.", "`{commune}` is a former commune, today {current} ({code}): `recense fix-communes` records it under its current name.";
}

/// The candidates of an ambiguous name, labelled with their département,
/// postal code and code INSEE; at most eight, then how many more.
pub fn candidates(ids: &[usize], lang: Lang) -> String {
    const MAX: usize = 8;
    let r = referential();
    let mut out: Vec<String> = ids
        .iter()
        .take(MAX)
        .map(|&i| format!("{} [{}]", r.label(&r.communes[i]), r.communes[i].insee))
        .collect();
    if ids.len() > MAX {
        out.push(fill(communes(lang).more, &[("n", &(ids.len() - MAX))]));
    }
    out.join(", ")
}

/// The refusal of an ambiguous name on the command line, with how to say
/// which commune.
pub fn ambiguous(settled: &Settled, lang: Lang) -> Option<String> {
    let Outcome::Ambiguous(ids) = &settled.outcome else {
        return None;
    };
    let r = referential();
    let first = &r.communes[*ids.first()?];
    Some(fill(
        communes(lang).ambiguous,
        &[
            ("typed", &crate::display::quoted(&settled.typed)),
            ("candidates", &candidates(ids, lang)),
            (
                "example",
                &format!("{} ({})", first.name, first.departement),
            ),
            ("insee", &first.insee),
        ],
    ))
}

/// What a person should know of a settled commune, if anything: kept as
/// typed, recorded as the current commune, postal code left to choose.
pub fn notes(settled: &Settled, lang: Lang) -> Vec<String> {
    let t = communes(lang);
    let r = referential();
    let typed = crate::display::quoted(&settled.typed);
    match &settled.outcome {
        Outcome::Unknown => vec![fill(t.unknown, &[("typed", &typed)])],
        Outcome::Ambiguous(_) => Vec::new(),
        Outcome::Found {
            commune,
            former,
            postal_choices,
        } => {
            let c = &r.communes[*commune];
            let mut out = Vec::new();
            if let Some(f) = former {
                let how = match r.formers[*f].kind {
                    FormerKind::Deleguee => t.deleguee,
                    FormerKind::Associee => t.associee,
                    FormerKind::Arrondissement => t.arrondissement,
                    FormerKind::OldCode => t.old_code,
                };
                let how = fill(how, &[("current", &c.name)]);
                out.push(fill(
                    t.former,
                    &[
                        ("typed", &typed),
                        ("how", &how),
                        ("current", &c.name),
                        ("insee", &c.insee),
                    ],
                ));
            }
            if !postal_choices.is_empty() {
                out.push(fill(
                    t.postal_choices,
                    &[("commune", &c.name), ("codes", &postal_choices.join(", "))],
                ));
            }
            out
        }
    }
}

/// What `fix-communes` does or would do, line by line, then what it left.
pub fn fix_report(
    plan: &crate::census::communes::fix::FixPlan,
    dry_run: bool,
    lang: Lang,
) -> String {
    let t = communes(lang);
    let q = crate::display::quoted;
    let mut out = Vec::new();
    for f in &plan.changes {
        let what: Vec<String> = f
            .settled
            .writes
            .iter()
            .map(|w| match w.values.first() {
                Some(v) => fill(t.fix_set, &[("field", &w.field), ("value", &q(v))]),
                None => fill(t.fix_unset, &[("field", &w.field)]),
            })
            .collect();
        out.push(fill(
            t.fix_line,
            &[
                ("id", &f.id),
                ("name", &q(&f.name)),
                ("what", &what.join(", ")),
            ],
        ));
        for note in notes(&f.settled, lang) {
            out.push(format!("  {note}"));
        }
    }
    let n = plan.changes.len();
    out.push(match (n, dry_run) {
        (0, _) => t.fix_nothing.to_string(),
        (n, true) => fill(t.fix_dry, &[("n", &n)]),
        (n, false) => fill(t.fix_done, &[("n", &n)]),
    });
    let undecided = plan.ambiguous.len() + plan.unknown.len();
    if undecided > 0 {
        out.push(fill(t.fix_undecided, &[("n", &undecided)]));
        for f in &plan.ambiguous {
            let ids = match &f.settled.outcome {
                Outcome::Ambiguous(ids) => ids.as_slice(),
                _ => &[],
            };
            out.push(fill(
                t.fix_ambiguous,
                &[
                    ("id", &f.id),
                    ("name", &q(&f.name)),
                    ("typed", &q(&f.settled.typed)),
                    ("candidates", &candidates(ids, lang)),
                ],
            ));
        }
        for f in &plan.unknown {
            out.push(fill(
                t.fix_unknown,
                &[
                    ("id", &f.id),
                    ("name", &q(&f.name)),
                    ("typed", &q(&f.settled.typed)),
                ],
            ));
        }
    }
    out.join("\n")
}

/// `validate`: a code INSEE that is another commune's.
pub fn insee_mismatch(id: &str, commune: &str, insee: &str, of_code: &str, lang: Lang) -> String {
    let t = communes(lang);
    let q = crate::display::quoted;
    let of_code = if of_code.is_empty() {
        t.insee_unknown.to_string()
    } else {
        q(of_code)
    };
    fill(
        t.insee_mismatch,
        &[
            ("id", &id),
            ("commune", &q(commune)),
            ("insee", &q(insee)),
            ("of_code", &of_code),
        ],
    )
}

/// `validate`: a former commune.
pub fn former_found(commune: &str, current: &str, code: &str, lang: Lang) -> String {
    let q = crate::display::quoted;
    fill(
        communes(lang).former_found,
        &[
            ("commune", &q(commune)),
            ("current", &q(current)),
            ("code", &code),
        ],
    )
}

/// What an import did to communes: one line per record (the settled ones
/// for `--dry-run`, the left ones always, flagged `true` for attention),
/// then a summary, or nothing when no commune needed anything.
pub fn import_lines(
    file: &str,
    notes_: &[crate::census::import::communes::CommuneNote],
    lang: Lang,
) -> Vec<(String, bool)> {
    let t = communes(lang);
    let q = crate::display::quoted;
    let mut out = Vec::new();
    for n in notes_ {
        let common: [(&str, &dyn std::fmt::Display); 3] =
            [("file", &file), ("line", &n.line), ("name", &q(&n.name))];
        let line = match &n.settled.outcome {
            Outcome::Ambiguous(ids) => {
                let c = candidates(ids, lang);
                let typed = q(&n.settled.typed);
                let mut args = common.to_vec();
                args.extend([
                    ("typed", &typed as &dyn std::fmt::Display),
                    ("candidates", &c),
                ]);
                (fill(t.import_ambiguous, &args), true)
            }
            Outcome::Unknown => {
                let typed = q(&n.settled.typed);
                let mut args = common.to_vec();
                args.push(("typed", &typed));
                (fill(t.import_unknown, &args), true)
            }
            Outcome::Found { .. } => {
                let what: Vec<String> = n
                    .settled
                    .writes
                    .iter()
                    .filter_map(|w| {
                        Some(fill(
                            t.fix_set,
                            &[("field", &w.field), ("value", &q(w.values.first()?))],
                        ))
                    })
                    .chain(notes(&n.settled, lang))
                    .collect();
                let what = what.join(", ");
                let mut args = common.to_vec();
                args.push(("what", &what));
                (fill(t.import_settled, &args), false)
            }
        };
        out.push(line);
    }
    if !notes_.is_empty() {
        let left = notes_.iter().filter(|n| n.left()).count();
        let settled = notes_.len() - left;
        out.push((
            fill(t.import_summary, &[("settled", &settled), ("left", &left)]),
            false,
        ));
    }
    out
}
