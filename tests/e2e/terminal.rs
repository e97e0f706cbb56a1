//! End-to-end tests of the terminal interface: the binary cargo built, in a
//! real terminal (tmux, 80×24), driven key by key as a person would, then
//! checked with the command line and on disk.
//!
//! Needs tmux (`.ci/run` installs it). Each test has its own tmux server and
//! its own home, config and data folders; every step waits for the screen
//! (see `sandbox.rs`), nothing sleeps hoping the program is ready.

use crate::sandbox as e2e;

use std::path::Path;
use std::time::{Duration, Instant};

use e2e::{Sandbox, Session, Terminal, framed, json, read_text, selected_lines};

/// The agent of the censuses made with the command line.
const AGENT: &str = "Marie Le Gall";
const NAME: &str = "Médiathèque des Capucins";

/// Answers the welcome screen: name, territory, and the `n`th way to start
/// (0: Pays de Brest sample, 1: Grenoble sample, 2: empty, the default once
/// a territory is typed).
fn welcome(s: &Session, name: &str, territory: &str, start: usize, pointer_lines: &[&str]) {
    s.type_text(name);
    s.wait_for(&format!("> {name}"));
    s.key("Enter");
    // The territory is typed in its own field only if Enter moved there.
    s.type_text(territory);
    s.wait_for(&format!("> {territory}"));
    s.key("Enter");
    s.wait_for(pointer_lines[2]);
    for n in (start..2).rev() {
        s.key("Up");
        s.wait_for(pointer_lines[n]);
    }
    s.key("Enter");
}

/// The lines of the "start with" choice, pointer on each, in French.
const START_FR: [&str; 3] = [
    "▶ l'exemple du Pays de Brest",
    "▶ l'exemple de Grenoble",
    "▶ un recensement vide",
];

/// The same lines drawn in ASCII (`--ascii`, `TERM=linux`).
const START_ASCII: [&str; 3] = [
    "> l'exemple du Pays de Brest",
    "> l'exemple de Grenoble",
    "> un recensement vide",
];

/// A census made with the command line, holding Les Capucins; returns its id.
fn census_with_capucins(sb: &Sandbox, file: &str) -> String {
    sb.cli_ok(&["init", file, "--territory", "Pays de Brest", "--as", AGENT]);
    sb.cli_ok(&[
        "--file",
        file,
        "add",
        "--set",
        &format!("nom={NAME}"),
        "--set",
        "type=mediatheque",
        "--set",
        "commune=Brest",
        "--set",
        "code_postal=29200",
    ])
    .trim()
    .to_string()
}

/// The fields of one initiative, as `show --format json` gives them.
fn shown(sb: &Sandbox, file: &Path, id: &str) -> serde_json::Value {
    let file = file.display().to_string();
    json(&sb.cli_ok(&["--file", &file, "show", id, "--format", "json"]))
}

/// The list of a census, as `list --format json` gives it.
fn listed(sb: &Sandbox, file: &Path) -> Vec<serde_json::Value> {
    let file = file.display().to_string();
    json(&sb.cli_ok(&["--file", &file, "list", "--format", "json"]))
        .as_array()
        .expect("a JSON array")
        .clone()
}

/// The lock and journal files of a census, if any remain.
fn leftovers(file: &Path) -> Vec<String> {
    let dir = file.parent().expect("census folder");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(dir)
        .expect("census folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| {
            f.starts_with(&name)
                && (f.ends_with(".lock") || f.ends_with(".journal") || f.ends_with(".draft"))
        })
        .collect()
}

/// The field the entry shows: its label line, whole (it ends with the
/// required/optional mark, drawn last on that line).
fn field_label(screen: &str) -> Option<String> {
    let line = screen.lines().nth(6)?.trim_matches('│').trim_end();
    (line.ends_with("(obligatoire)") || line.ends_with("(facultatif)")).then(|| line.to_string())
}

/// Whether the status line says that something was just saved (the message
/// after the separator, not the permanent saved/not saved mark before it).
fn said_saved(screen: &str) -> bool {
    screen
        .lines()
        .nth(usize::from(e2e::HEIGHT) - 2)
        .is_some_and(|status| {
            status
                .split_once(" │ ")
                .is_some_and(|(_, message)| message.contains("enregistré"))
        })
}

/// Scenario 1: the first run, a whole guided entry, search, an edit, quit;
/// then the command line sees everything, and the terminal is back.
#[test]
fn first_run_entry_search_edit_and_quit() {
    let sb = Sandbox::new();
    let s = Session::start(&sb, &[]);

    // Welcome: who, where, and an empty census.
    s.wait_for_all(&["Bienvenue dans recense", "Votre nom", "Commencer avec"]);
    welcome(&s, AGENT, "Pays de Brest", 2, &START_FR);
    s.wait_for_all(&[
        "recense · Pays de Brest · 0 initiative",
        "Aucune initiative. Tapez « a » pour en ajouter une.",
    ]);

    // The guided entry, every field and every step.
    s.press("a", "Nom  (obligatoire)");
    s.wait_for("Nouvelle initiative");
    s.type_text(NAME);
    s.wait_for(&format!("> {NAME}"));
    s.press("Enter", "Type  (obligatoire)");
    s.type_text("médiat");
    s.wait_for("> médiat");
    s.press("Enter", "Description  (facultatif)");
    s.press("Tab", "Commune  (obligatoire)");
    s.type_text("Brest");
    s.wait_for("Brest (29) · 29200");
    // Brest picked in the official list: its postal code comes with it.
    s.press("Enter", "Code postal  (facultatif)");
    s.wait_for("> 29200");
    s.press("Enter", "Code INSEE de la commune");
    s.wait_for("> 29019");

    // Tab through every remaining field of every step up to the summary,
    // each Tab only once the previous field has left the screen.
    let mut label = field_label(&s.screen()).expect("a field of the entry");
    let mut seen = vec![label.clone()];
    for _ in 0..60 {
        s.key("Tab");
        let screen = s.wait_until(&format!("the field after « {label} »"), |sc| {
            sc.contains("Entrée enregistre") || field_label(sc).is_some_and(|next| next != label)
        });
        match field_label(&screen) {
            Some(next) if !screen.contains("Entrée enregistre") => label = next,
            _ => break,
        }
        seen.push(label.clone());
    }
    s.wait_for("Entrée enregistre · Maj-Tab revient");
    let summary = s.wait_settled();
    for field in [
        "Communs produits ou entretenus",
        "Problèmes publics auxquels elle répond",
        "Soutiens reçus",
        "Relations",
        "Notes",
    ] {
        assert!(
            seen.iter().any(|l| l.starts_with(field)),
            "the entry skipped « {field} »; fields seen: {seen:#?}"
        );
    }
    for value in [NAME, "Médiathèque", "Brest", "29200"] {
        assert!(
            summary.contains(value),
            "summary without « {value} »:\n{}",
            framed(&summary)
        );
    }

    // Saved: the record opens.
    s.key("Enter");
    s.wait_for_all(&[
        "Initiative enregistrée",
        &format!("┌ {NAME} "),
        "Code postal",
    ]);

    // Back to the list; an accent-free search finds it.
    s.key("Escape");
    s.wait_for_all(&["Score", "· 1 initiative"]);
    s.press("/", "Filtres : /");
    s.type_text("mediatheque");
    s.wait_until("the search to find it", |sc| {
        sc.contains("/mediatheque") && sc.lines().any(|l| l.starts_with(NAME))
    });
    s.key("Escape");
    s.wait_for("aucun filtre");

    // Open it, change the postal code.
    s.key("Enter");
    // At 80 columns the record shows each value whole; the selected
    // field's author and date under it.
    s.wait_for(&format!("│— par {AGENT}, "));
    s.select_line("Down", "Code postal", 20);
    s.press("e", "┌ Modifier");
    s.wait_for_all(&["Cinq chiffres", "> 29200"]);
    s.key("C-u");
    s.wait_gone("> 29200");
    s.type_text("29000");
    s.wait_for("> 29000");
    s.key("Enter");
    s.wait_until(
        "the new postal code saved, shown, the editor closed",
        |sc| {
            said_saved(sc)
                && !sc.contains("┌ Modifier")
                && sc
                    .lines()
                    .any(|l| l.contains("Code postal") && l.contains("29000"))
        },
    );

    // Quit from the list.
    s.key("Escape");
    s.wait_for("Score");
    s.key("q");
    assert_eq!(s.wait_exit(), 0, "exit code of recense");
    let end = s.transcript();
    assert!(
        end.contains(e2e::TTY_RESTORED),
        "the terminal modes were not restored:\n{end}"
    );
    assert_eq!(
        s.format("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(s.format("#{cursor_flag}"), "1", "the cursor stays hidden");
    assert!(
        !end.contains("Aucune initiative") && !end.contains("Score"),
        "the interface is still on screen after quitting:\n{end}"
    );

    // The command line sees it all.
    let census = sb.default_census();
    let list = listed(&sb, &census);
    assert_eq!(list.len(), 1, "{list:#?}");
    let row = &list[0];
    assert_eq!(row["nom"], NAME);
    assert_eq!(row["type"], "mediatheque");
    assert_eq!(row["commune"], "Brest");
    let id = row["id"].as_str().expect("id");
    let record = shown(&sb, &census, id);
    assert_eq!(record["fields"]["code_postal"], "29000", "{record:#}");
    assert_eq!(record["changed"]["code_postal"]["by"], AGENT, "{record:#}");

    let config = read_text(&sb.config_file());
    assert!(
        config.contains(&format!("agent_name: \"{AGENT}\"")),
        "the config does not record the agent:\n{config}"
    );
    assert_eq!(
        leftovers(&census),
        Vec::<String>::new(),
        "files left behind"
    );
}

/// Scenario 2: starting from the Pays de Brest sample.
#[test]
fn welcome_with_the_pays_de_brest_sample() {
    let sb = Sandbox::new();
    let s = Session::start(&sb, &[]);
    s.wait_for("Bienvenue dans recense");
    s.wait_for(START_FR[2]);
    welcome(&s, AGENT, "Pays de Brest", 0, &START_FR);
    // A later row too, so that the frame is whole when it is read.
    s.wait_for_all(&["recense · Pays de Brest · 19 initiatives", "Infini"]);
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(listed(&sb, &sb.default_census()).len(), 19);
}

/// Scenario 3: the connection drops in the middle of an edit. What was
/// validated is kept, what was being typed is not, the lock is released and
/// the next session opens normally.
#[test]
fn connection_lost_during_an_edit() {
    let sb = Sandbox::new();
    let id = census_with_capucins(&sb, "census.ron");
    let census = sb.path("census.ron");

    let mut s = Session::start(&sb, &["census.ron"]);
    s.wait_for_all(&["· 1 initiative", NAME]);
    let pid = s.program_pid();
    // The lock is held only while writing; the session says it is there.
    assert!(
        !sb.path("census.ron.lock").exists(),
        "the lock held while idle"
    );
    assert!(
        sb.path("census.ron.presence").exists(),
        "no presence while open"
    );

    // One edit validated…
    s.key("Enter");
    // At 80 columns the record shows each value whole; the selected
    // field's author and date under it.
    s.wait_for(&format!("│— par {AGENT}, "));
    s.select_line("Down", "Adresse", 20);
    s.press("e", "┌ Modifier");
    s.wait_for("Adresse  (facultatif)");
    s.type_text("25 rue de Pontaniou");
    s.wait_for("> 25 rue de Pontaniou");
    s.key("Enter");
    s.wait_until("the address saved", |sc| {
        said_saved(sc)
            && !sc.contains("┌ Modifier")
            && sc
                .lines()
                .any(|l| l.contains("Adresse") && l.contains("25 rue de Pontaniou"))
    });

    // …another being typed, not validated.
    s.select_line("Up", "Description", 20);
    s.press("e", "┌ Modifier");
    s.wait_for("Description  (facultatif)");
    s.type_text("Texte jamais validé");
    // A long text: in its text area.
    s.wait_for("│Texte jamais validé");

    // The SSH connection drops.
    s.kill_server();
    e2e::wait_process_gone(pid);
    let start = Instant::now();
    while sb.path("census.ron.lock").exists() {
        assert!(
            start.elapsed() < e2e::TIMEOUT,
            "the lock is still there after the program ended"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let record = shown(&sb, &census, &id);
    assert_eq!(
        record["fields"]["adresse"], "25 rue de Pontaniou",
        "the validated edit was lost: {record:#}"
    );
    assert_eq!(record["fields"]["code_postal"], "29200", "{record:#}");
    assert!(
        record["fields"].get("description").is_none(),
        "text never validated was saved: {record:#}"
    );
    for file in sb.files_in(&sb.work()) {
        let text = std::fs::read_to_string(sb.path(&file)).unwrap_or_default();
        assert!(
            !text.contains("jamais valid"),
            "text never validated is in {file}:\n{text}"
        );
    }

    // A new session opens normally, with the edit.
    let s2 = Session::start(&sb, &["census.ron"]);
    let screen = s2.wait_for_all(&["· 1 initiative", NAME]);
    assert!(
        !screen.contains("verrouill") && !screen.contains("ouvert par"),
        "{}",
        framed(&screen)
    );
    s2.key("Enter");
    s2.wait_for("25 rue de Pontaniou");
    s2.key("Escape");
    s2.wait_for("Score");
    s2.key("q");
    assert_eq!(s2.wait_exit(), 0);
    assert_eq!(
        leftovers(&census),
        Vec::<String>::new(),
        "files left behind"
    );
}

/// When the terminal hangs up, the signal reaches the main loop at once
/// (keys are read on a thread of their own, which may be stuck on the dead
/// tty): the session ends the normal way — journal written into the file,
/// lock released — without spinning the CPU.
#[test]
fn a_dropped_connection_ends_without_spinning() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");
    let mut s = Session::start(&sb, &["census.ron"]);
    s.wait_for(NAME);
    let pid = s.program_pid();
    s.wait_settled();
    let before = e2e::ProcStat::read(pid).expect("recense runs").cpu_ticks();
    let start = Instant::now();
    s.kill_server();
    let mut last = before;
    while e2e::running(pid) {
        if let Some(st) = e2e::ProcStat::read(pid) {
            last = last.max(st.cpu_ticks());
        }
        assert!(start.elapsed() < e2e::TIMEOUT, "recense never ended");
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = start.elapsed();
    let used = last - before;
    assert!(
        used <= 20,
        "recense used {used} ticks of CPU (10 ms each) between the hang-up and its end ({took:?})"
    );
    assert!(
        !sb.path("census.ron.journal").exists(),
        "the session did not end normally: its journal was not written into the file"
    );
}

/// Scenario 4: a half-filled entry survives the connection dropping; it is
/// offered back at the next start.
#[test]
fn a_half_filled_entry_is_offered_back() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");

    let mut s = Session::start(&sb, &["census.ron"]);
    s.wait_for_all(&["· 1 initiative", NAME]);
    let pid = s.program_pid();
    s.press("a", "Nom  (obligatoire)");
    s.type_text("Wiki-Brest");
    s.wait_for("> Wiki-Brest");
    s.press("Enter", "Type  (obligatoire)");
    s.kill_server();
    e2e::wait_process_gone(pid);

    let s2 = Session::start(&sb, &["census.ron"]);
    s2.wait_for_all(&["Brouillons gardés", "Reprendre « Wiki-Brest »"]);
    s2.key("Enter");
    // The entry resumes, the name filled.
    let resumed = s2.wait_until("the entry to resume", |sc| {
        sc.contains("Nouvelle initiative")
            && (sc.contains("> Wiki-Brest") || sc.contains("Type  (obligatoire)"))
    });
    if !resumed.contains("> Wiki-Brest") {
        s2.key("BTab");
        s2.wait_for_all(&["Nom  (obligatoire)", "> Wiki-Brest"]);
    }
    if resumed.contains("Type  (obligatoire)") {
        s2.key("BTab");
        s2.wait_for("Nom  (obligatoire)");
    }
    // And it can be finished and saved.
    s2.press("Enter", "Type  (obligatoire)");
    s2.type_text("ressource commune");
    s2.wait_for("> ressource commune");
    s2.press("Enter", "Description  (facultatif)");
    s2.press("Tab", "Commune  (obligatoire)");
    s2.type_text("Brest");
    s2.press("Enter", "Code postal  (facultatif)");
    let mut screen = s2.screen();
    for _ in 0..10 {
        if screen.contains("Entrée enregistre") {
            break;
        }
        screen = s2.press_and_wait_change("PageDown", &screen);
    }
    s2.wait_for("Entrée enregistre");
    s2.key("Enter");
    s2.wait_for_all(&["Initiative enregistrée", "┌ Wiki-Brest "]);
    // Back in the list (the header counts 2 in the record too): only then
    // `q`, or Esc and q together read as Alt-q.
    s2.press("Escape", "Nom▲");
    s2.wait_for("2 initiatives");
    s2.key("q");
    assert_eq!(s2.wait_exit(), 0);
    let names: Vec<String> = listed(&sb, &sb.path("census.ron"))
        .iter()
        .map(|i| i["nom"].as_str().unwrap_or("?").to_string())
        .collect();
    assert!(names.contains(&"Wiki-Brest".to_string()), "{names:?}");
    assert_eq!(
        leftovers(&sb.path("census.ron")),
        Vec::<String>::new(),
        "the draft (or a lock, a journal) is left after the entry was saved"
    );
}

/// Bug: a draft remembers the field it was on *before* the last Enter, so
/// the resumed entry asks again for the field that was already validated.
#[test]
fn a_resumed_draft_continues_at_the_next_field() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");
    let mut s = Session::start(&sb, &["census.ron"]);
    s.wait_for(NAME);
    let pid = s.program_pid();
    s.press("a", "Nom  (obligatoire)");
    s.type_text("Wiki-Brest");
    s.wait_for("> Wiki-Brest");
    s.press("Enter", "Type  (obligatoire)");
    s.kill_server();
    e2e::wait_process_gone(pid);

    let s2 = Session::start(&sb, &["census.ron"]);
    s2.wait_for_all(&["Brouillons gardés", "Reprendre « Wiki-Brest »"]);
    s2.key("Enter");
    s2.wait_for("Nouvelle initiative");
    let screen = s2.wait_until("the entry's field", |sc| {
        sc.contains("(obligatoire)") || sc.contains("(facultatif)")
    });
    assert!(
        screen.contains("Type  (obligatoire)"),
        "the person had validated the name and was choosing the type; resumed at:\n{}",
        framed(&screen)
    );
}

/// Scenario 5: while the interface has the census open, the command line
/// changes it (the lock is held only while writing), and the interface
/// shows the change without a key pressed.
#[test]
fn the_command_line_writes_while_the_interface_is_open() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");
    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for_all(&["· 1 initiative", NAME]);

    let out = sb.cli(&[
        "--file",
        "census.ron",
        "add",
        "--set",
        "nom=Infini",
        "--set",
        "type=chatons",
        "--set",
        "commune=Brest",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    s.wait_for_all(&["· 2 initiatives", "Infini"]);

    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(listed(&sb, &sb.path("census.ron")).len(), 2);
}

/// Characters that only a Unicode font draws: box drawing, blocks, shapes,
/// symbols, dingbats, arrows.
fn drawing_chars(screen: &str) -> Vec<char> {
    let mut found: Vec<char> = screen
        .chars()
        .filter(|c| matches!(*c as u32, 0x2190..=0x21FF | 0x2300..=0x23FF | 0x2500..=0x27BF))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Scenario 6a: `--lang en` speaks English from the first screen on.
#[test]
fn english_interface() {
    let sb = Sandbox::new();
    let s = Session::start(&sb, &["--lang", "en"]);
    s.wait_for_all(&["Welcome to recense", "Your name", "Start with"]);
    welcome(
        &s,
        AGENT,
        "Pays de Brest",
        2,
        &[
            "▶ the Pays de Brest sample",
            "▶ the Grenoble sample",
            "▶ an empty census",
        ],
    );
    s.wait_for_all(&[
        "No initiative. Press `a` to add one.",
        "· 0 initiative",
        "saved",
    ]);
    let list = s.wait_settled();
    assert!(
        !list.contains("enregistré"),
        "French left: {}",
        framed(&list)
    );
    s.press("a", "New initiative");
    s.wait_for("Name  (required)");
    s.key("Escape");
    s.wait_for("No initiative");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Scenario 6b: `--ascii` on the Linux console without colours: no
/// character outside what any font has for drawing, no colour at all.
#[test]
fn ascii_interface_on_a_linux_console_without_colour() {
    let sb = Sandbox::new();
    let s = Session::start_in(&sb, &["--ascii"], Terminal::LINUX_NO_COLOR);
    let mut screens = Vec::new();

    s.wait_for("Bienvenue dans recense");
    screens.push(("welcome", s.wait_settled()));
    welcome(
        &s,
        AGENT,
        "Pays de Brest",
        0,
        &[
            "> l'exemple du Pays de Brest",
            "> l'exemple de Grenoble",
            "> un recensement vide",
        ],
    );
    s.wait_for_all(&["19 initiatives", "Infini"]);
    screens.push(("list", s.wait_settled()));
    s.key("Enter");
    s.wait_for("— par ");
    screens.push(("record", s.wait_settled()));
    s.key("Escape");
    s.wait_for("Score");
    s.press("/", "Filtres : /");
    s.type_text("brest");
    s.wait_for("/brest");
    screens.push(("search", s.wait_settled()));
    // Enter keeps the search; then F (clear) is a command, not a letter.
    s.key("Enter");
    s.press("F", "aucun filtre");
    s.press("?", "Aide");
    screens.push(("help", s.wait_settled()));
    s.key("Escape");
    s.wait_gone("Aide");
    s.press("a", "Nom  (obligatoire)");
    s.type_text("Test ASCII");
    s.press("Enter", "Type  (obligatoire)");
    screens.push(("picker", s.wait_settled()));
    s.type_text("assoc");
    s.press("Enter", "Description");
    s.press("Tab", "Commune  (obligatoire)");
    s.type_text("Brest");
    s.press("Enter", "Code postal");
    s.key("PageDown");
    let next = s.wait_until("the next step (or the duplicate check)", |sc| {
        sc.contains("Communs produits ou entretenus") || sc.contains("Doublon possible")
    });
    if next.contains("Doublon possible") {
        screens.push(("duplicates", s.wait_settled()));
        s.key("Enter");
    }
    s.wait_for("Communs produits ou entretenus");
    screens.push(("multiple choice", s.wait_settled()));

    for (name, screen) in &screens {
        let found = drawing_chars(screen);
        assert!(
            found.is_empty(),
            "--ascii, {name} screen: drawn with {found:?}\n{}",
            framed(screen)
        );
    }
    // NO_COLOR: attributes only (bold, reverse, dim, underline).
    let styled = s.styled_screen();
    let colours: Vec<String> = e2e::sgr_sequences(&styled)
        .into_iter()
        .filter(|p| {
            p.split(';').any(|n| {
                n.parse::<u32>()
                    .is_ok_and(|n| (30..=38).contains(&n) || (40..=48).contains(&n) || n >= 90)
            })
        })
        .collect();
    assert!(colours.is_empty(), "NO_COLOR, yet colours: {colours:?}");
    assert!(
        !selected_lines(&styled).is_empty(),
        "without colour, the selection must still show (reverse video)"
    );

    s.key("Escape");
    s.wait_for("Brouillon gardé");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Bug: `--ascii` still cuts long names with `…` (U+2026): the list and the
/// record use `display::truncate`, which ignores the theme's ASCII ellipsis.
#[test]
fn ascii_interface_cuts_names_with_three_dots() {
    let sb = Sandbox::new();
    let s = Session::start_in(&sb, &["--ascii"], Terminal::LINUX_NO_COLOR);
    s.wait_for("Bienvenue dans recense");
    welcome(&s, AGENT, "Pays de Brest", 0, &START_ASCII);
    s.wait_for_all(&["19 initiatives", "Infini"]);
    let list = s.wait_settled();
    assert!(
        !list.contains('…'),
        "--ascii list with a Unicode ellipsis:\n{}",
        framed(&list)
    );
}

/// Bug: in a single-choice list (Type), the hint bar says « Espace cocher »,
/// but Space is typed into the filter, which puts the selection back on the
/// first choice: Down, Space, Enter picks « Association », not the choice the
/// person moved to.
#[test]
fn space_in_a_single_choice_list_keeps_the_choice() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");
    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for(NAME);
    s.press("a", "Nom  (obligatoire)");
    s.type_text("Infini");
    s.press("Enter", "Type  (obligatoire)");
    // Space ticks nothing in a single choice: the hint bar says Enter chooses.
    s.wait_for("Entrée choisir");
    s.select_line("Down", "Membre des CHATONS", 3);
    s.key("Space");
    s.wait_settled();
    let selected = selected_lines(&s.styled_screen());
    assert!(
        selected.iter().any(|l| l.contains("Membre des CHATONS")),
        "after Space, the selected choice is {selected:?}"
    );
}

/// CPU ticks used by a process over `window` of wall time: a measure of
/// what it does in that time, not a race against it.
fn cpu_ticks_over(pid: u32, window: Duration) -> u64 {
    let ticks = |pid| {
        e2e::ProcStat::read(pid)
            .map(|st| st.cpu_ticks())
            .expect("recense still runs")
    };
    let before = ticks(pid);
    let start = Instant::now();
    while start.elapsed() < window {
        std::thread::sleep(Duration::from_millis(100));
    }
    ticks(pid) - before
}

/// Scenario 7: an idle interface costs nothing: no CPU and not one byte sent
/// to the terminal (over SSH) while nobody types — also with a second
/// session open on the same census (both watch the file).
#[test]
fn an_idle_interface_costs_nothing() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");
    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for_all(&["· 1 initiative", NAME]);
    let other = Session::start(&sb, &["--as", "Pierre", "census.ron"]);
    other.wait_for(&format!("aussi ouvert par : {AGENT}"));
    s.wait_for("aussi ouvert par : Pierre");
    let pid = s.program_pid();
    let other_pid = other.program_pid();
    let shown = s.wait_settled();
    other.wait_settled();

    let output = sb.root().join("idle-output");
    s.record_output(&output);
    let ticks = |pid| e2e::ProcStat::read(pid).expect("recense runs").cpu_ticks();
    let woken = |pid| e2e::wakeups(pid).expect("recense runs");
    let other_before = ticks(other_pid);
    let (woken_before, other_woken_before) = (woken(pid), woken(other_pid));
    let used = cpu_ticks_over(pid, Duration::from_secs(5));
    let other_used = ticks(other_pid) - other_before;
    let woken_up = (
        woken(pid) - woken_before,
        woken(other_pid) - other_woken_before,
    );
    s.stop_recording();
    // No thread wakes up on a timer: every one waits for a key, a signal or
    // a change of the file (a timer of 200 ms would be 25 wake-ups here).
    assert!(
        woken_up.0 <= 3 && woken_up.1 <= 3,
        "recense woke up {woken_up:?} times in 5 s doing nothing (two sessions)"
    );
    // Clock ticks are 10 ms (USER_HZ 100).
    assert_eq!(
        (used, other_used),
        (0, 0),
        "recense used ticks of CPU in 5 s doing nothing (two sessions)"
    );
    let written = std::fs::read(&output).unwrap_or_default();
    assert!(
        written.is_empty(),
        "recense wrote {} bytes to the terminal in 5 s doing nothing: {:?}",
        written.len(),
        String::from_utf8_lossy(&written)
    );
    assert_eq!(s.screen(), shown, "the idle screen changed");

    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    other.key("q");
    assert_eq!(other.wait_exit(), 0);
}

/// Bug: the welcome screen is redrawn every half second while idle; each
/// redraw sends synchronized-update and cursor sequences (about 47 bytes)
/// even though nothing changed.
#[test]
fn an_idle_welcome_screen_writes_nothing() {
    let sb = Sandbox::new();
    let s = Session::start(&sb, &[]);
    s.wait_for("Bienvenue dans recense");
    s.type_text("Marie");
    s.wait_for("> Marie");
    s.wait_settled();
    let output = sb.root().join("idle-output");
    s.record_output(&output);
    let pid = s.program_pid();
    let used = cpu_ticks_over(pid, Duration::from_secs(3));
    s.stop_recording();
    assert!(used <= 5, "{used} ticks of CPU in 3 s doing nothing");
    let written = std::fs::read(&output).unwrap_or_default();
    assert!(
        written.is_empty(),
        "the welcome screen wrote {} bytes in 3 s doing nothing: {:?}",
        written.len(),
        String::from_utf8_lossy(&written)
    );
}

/// Bug: « 1 initiatives » in the header.
#[test]
fn one_initiative_is_singular() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");
    let s = Session::start(&sb, &["census.ron"]);
    let screen = s.wait_for(NAME);
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.ends_with("· 1 initiative"), "header: {header:?}");
}

/// Bug: saving a draft keeps the previous draft as `FILE.draft.bak`, and
/// nothing removes it: after the entry is saved (or abandoned), a copy of
/// what was typed — possibly personal data (contact fields) — stays beside
/// the census, where it is shared with it (git, shared folder).
#[test]
fn a_saved_entry_leaves_no_copy_of_its_draft() {
    let sb = Sandbox::new();
    census_with_capucins(&sb, "census.ron");
    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for(NAME);
    s.press("a", "Nom  (obligatoire)");
    s.type_text("Wiki-Brest");
    s.press("Enter", "Type  (obligatoire)");
    s.type_text("ressource commune");
    s.press("Enter", "Description  (facultatif)");
    s.press("Tab", "Commune  (obligatoire)");
    s.type_text("Brest");
    s.press("Enter", "Code postal  (facultatif)");
    let mut screen = s.screen();
    for _ in 0..10 {
        if screen.contains("Entrée enregistre") {
            break;
        }
        screen = s.press_and_wait_change("PageDown", &screen);
    }
    s.press("Enter", "Initiative enregistrée");
    s.key("Escape");
    s.wait_for("2 initiatives");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(
        sb.files_in(&sb.work()),
        ["census.ron", "census.ron.bak"],
        "files beside the census after an entry was saved"
    );
}
