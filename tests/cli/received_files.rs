//! Census files as they arrive by e-mail, git or an editor: intact content
//! laid out otherwise (Windows line endings, a byte order mark, tabs, joined
//! lines) is accepted; a file spoiled on the way is refused with what to do.
//! The fixtures are under `tests/fixtures/received/`, all made from
//! `valid/census-base.ron` (two initiatives, Marie's).

use crate::common;
use crate::git_common::git_output as git;

use common::{CENSUS, Env, assert_unchanged, fixture_path, stderr_of};
use predicates::prelude::*;
use predicates::str::contains;

/// The census of the fixtures with only its layout changed.
const INTACT: [&str; 6] = [
    "received/census-crlf.ron",
    "received/census-cr.ron",
    "received/census-bom.ron",
    "received/census-bom-crlf.ron",
    "received/census-tabs.ron",
    "received/census-flattened.ron",
];

// ------------------------------------------------- intact content, other layout

#[test]
fn intact_files_laid_out_otherwise_are_valid_without_a_checksum_warning() {
    let env = Env::new();
    for fixture in INTACT {
        let name = env.copy_fixture(fixture);
        env.cmd()
            .args(["validate", &name])
            .assert()
            .success()
            .stdout(contains(format!("{name}: valide")))
            .stderr("");
    }
}

#[test]
fn intact_files_laid_out_otherwise_are_merged_without_accept_edited() {
    for fixture in INTACT {
        let env = Env::with_census();
        let name = env.copy_fixture(fixture);
        env.census_cmd()
            .args(["merge", &name])
            .assert()
            .success()
            .stdout(contains(format!("{name} : 2 nouvelles")));
        let list = env.census_cmd().arg("list").assert().success();
        let out = String::from_utf8_lossy(&list.get_output().stdout).into_owned();
        assert!(
            out.contains("Infini") && out.contains("Médiathèque des Capucins"),
            "{fixture}: {out}"
        );
    }
}

#[test]
fn a_real_change_in_a_windows_file_is_still_told_as_a_hand_edit() {
    let env = Env::with_census();
    let text = std::fs::read_to_string(fixture_path("received/census-crlf.ron")).unwrap();
    env.write("edited.ron", text.replace("\"Infini\"", "\"Infini Brest\""));
    let before = env.snapshot();
    env.census_cmd()
        .args(["merge", "edited.ron"])
        .assert()
        .code(1)
        .stderr(contains(
            "edited.ron : la somme de contrôle ne correspond pas",
        ));
    assert_unchanged(&before, &env.snapshot());
    env.cmd()
        .args(["validate", "edited.ron"])
        .assert()
        .success()
        .stderr(contains("« nom » a été modifié à la main"));
}

#[test]
fn the_users_own_census_saved_by_notepad_opens_and_fmt_makes_it_canonical() {
    let env = Env::with_census();
    env.add_infini();
    let canonical = env.read(CENSUS);
    let notepad = [
        "\u{feff}".as_bytes(),
        &String::from_utf8(canonical.clone())
            .unwrap()
            .replace('\n', "\r\n")
            .into_bytes(),
    ]
    .concat();
    env.write(CENSUS, &notepad);
    env.census_cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Infini"));
    env.cmd()
        .args(["fmt", "--check", CENSUS])
        .assert()
        .code(1)
        .stdout(contains("pas dans la forme canonique"));
    env.cmd().args(["fmt", CENSUS]).assert().success();
    assert!(
        env.read(CENSUS) == canonical,
        "fmt gives back the bytes recense wrote"
    );
}

#[test]
fn the_git_merge_driver_reads_files_with_a_byte_order_mark_or_old_mac_line_endings() {
    let env = Env::with_census();
    env.add_infini();
    let ours = env.read_text(CENSUS);
    env.write(
        "ours.ron",
        format!("\u{feff}{}", ours.replace('\n', "\r\n")),
    );
    let theirs = env.copy_fixture("received/census-cr.ron");
    env.cmd()
        .args(["git-merge-driver", "base.ron", "ours.ron", &theirs, CENSUS])
        .assert()
        .success();
    let merged = env.read_text("ours.ron");
    assert!(!merged.contains('\r') && !merged.starts_with('\u{feff}'));
    assert_eq!(merged.matches("\"nom\"").count(), 3, "{merged}");
}

#[test]
fn an_error_in_a_notepad_file_is_placed_where_the_person_sees_it() {
    let env = Env::new();
    let name = env.copy_fixture("received/census-bom-crlf-missing-comma.ron");
    env.cmd()
        .args(["validate", &name])
        .assert()
        .code(1)
        .stderr(contains(format!("{name}:6:5: « , » attendu ici")));
}

// ----------------------------------------------------- files spoiled on the way

/// `validate FILE` and `merge FILE` both fail on `fixture` with `expected`
/// (French) and `expected_en`, never with `not` in the message, and leave
/// every file as it was.
#[track_caller]
fn refused_with(fixture: &str, expected: &str, expected_en: &str, not: &str) {
    let env = Env::with_census();
    let name = env.copy_fixture(fixture);
    let before = env.snapshot();
    for args in [["validate", name.as_str()], ["merge", name.as_str()]] {
        let fr = env.census_cmd().args(args).assert().code(1);
        let en = env.census_cmd().args(["--lang", "en"]).args(args).assert();
        let en = en.code(1);
        for (out, want) in [
            (stderr_of(fr.get_output()), expected),
            (stderr_of(en.get_output()), expected_en),
        ] {
            assert!(out.contains(want), "{args:?} on {fixture}: {out}");
            assert!(!out.contains(not), "{args:?} on {fixture}: {out}");
        }
    }
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_gzip_attachment_is_said_to_be_compressed() {
    refused_with(
        "received/census.ron.gz",
        "census.ron.gz: ce fichier est compressé (gzip) : décompressez-le d'abord",
        "census.ron.gz: this file is compressed (gzip): unzip it first",
        "fenc",
    );
}

#[test]
fn a_zip_attachment_is_said_to_be_compressed() {
    refused_with(
        "received/census.zip",
        "census.zip: ce fichier est compressé (zip) : décompressez-le d'abord",
        "census.zip: this file is compressed (zip): unzip it first",
        "UTF-8",
    );
}

#[test]
fn a_quoted_printable_mail_body_is_said_to_be_one() {
    refused_with(
        "received/census-quoted-printable.ron",
        "census-quoted-printable.ron:1:67: ce fichier est le texte d'un courriel encore encodé (quoted-printable), pas la pièce jointe elle-même",
        "census-quoted-printable.ron:1:67: this file is the text of an e-mail still in its transfer encoding (quoted-printable), not the attachment itself: in the mail program, save the attachment itself",
        "Expected",
    );
}

#[test]
fn a_base64_mail_body_is_said_to_be_one() {
    refused_with(
        "received/census-base64.ron",
        "census-base64.ron:1:1: ce fichier est le texte d'un courriel encore encodé (base64)",
        "census-base64.ron:1:1: this file is the text of an e-mail still in its transfer encoding (base64)",
        "Expected",
    );
}

#[test]
fn a_comment_wrapped_by_a_mail_program_is_said_to_be_wrapped() {
    refused_with(
        "received/census-wrapped.ron",
        "census-wrapped.ron:1:63: cette ligne a été coupée en deux par le logiciel de courrier",
        "census-wrapped.ron:1:63: this line was wrapped by the mail program (the census travelled in the body of the message): save the attachment itself",
        "Expected",
    );
}

#[test]
fn a_stamp_wrapped_by_a_mail_program_is_said_to_be_wrapped() {
    refused_with(
        "received/census-wrapped-stamp.ron",
        "census-wrapped-stamp.ron:16:68: cette ligne a été coupée en deux par le logiciel de courrier",
        "census-wrapped-stamp.ron:16:68: this line was wrapped by the mail program",
        "tampon",
    );
}

#[test]
fn a_value_wrapped_by_a_mail_program_is_refused_as_wrapped_not_as_damaged() {
    let env = Env::with_census();
    let name = env.copy_fixture("received/census-wrapped-value.ron");
    let before = env.snapshot();
    env.census_cmd()
        .args(["merge", &name])
        .assert()
        .code(1)
        .stderr(
            contains(format!(
                "{name}:17:72: cette ligne a été coupée en deux par le logiciel de courrier"
            ))
            .and(contains("abîmée").not()),
        );
    assert_unchanged(&before, &env.snapshot());
    env.cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stderr(contains(format!(
            "{name}:17:72: avertissement: cette ligne a été coupée en deux par le logiciel de courrier"
        )));
}

#[test]
fn git_conflict_markers_come_with_the_recovery_for_that_file() {
    refused_with(
        "received/census-conflict-markers.ron",
        "census-conflict-markers.ron:17:1: marques de conflit de git (<<<<<<<) : git a fusionné ce recensement comme un simple texte, sans recense. Pour refaire la fusion avec recense, sans rien perdre : recense --file census-conflict-markers.ron setup-git && git checkout -m census-conflict-markers.ron",
        "recense --file census-conflict-markers.ron setup-git && git checkout -m census-conflict-markers.ron",
        "attendu",
    );
}

#[test]
fn the_recovery_from_conflict_markers_quotes_a_file_name_with_a_space() {
    let env = Env::new();
    env.write(
        "mon recensement.ron",
        std::fs::read(fixture_path("received/census-conflict-markers.ron")).unwrap(),
    );
    env.cmd()
        .args(["--file", "mon recensement.ron", "list"])
        .assert()
        .code(1)
        .stderr(contains(
            "recense --file 'mon recensement.ron' setup-git && git checkout -m 'mon recensement.ron'",
        ));
}

// ------------------------------------------------------------ form versions

const NEWER_FORM: &str = "census-schema-v2.ron:7:5: ce recensement a été fait avec la version 2 du formulaire « communs-numeriques », plus récente que celle que connaît ce recense (1). Mettez recense à jour, ou placez la nouvelle version du formulaire dans schemas/communs-numeriques.ron à côté du recensement ; rien n'a été modifié.";

#[test]
fn a_received_file_of_a_newer_form_version_is_refused_before_anything_is_written() {
    let env = Env::with_census();
    env.add_infini();
    let name = env.copy_fixture("received/census-schema-v2.ron");
    let before = env.snapshot();
    env.census_cmd()
        .args(["merge", &name])
        .assert()
        .code(1)
        .stderr(contains(NEWER_FORM));
    env.census_cmd()
        .args(["merge", CENSUS, &name, "-o", "ensemble.ron"])
        .assert()
        .code(1)
        .stderr(contains(NEWER_FORM));
    env.cmd()
        .args(["validate", &name])
        .assert()
        .code(1)
        .stderr(contains(NEWER_FORM));
    assert_unchanged(&before, &env.snapshot());
    assert!(env.read_text(CENSUS).contains("schema_version: 1,"));
}

#[test]
fn the_git_merge_driver_refuses_a_newer_form_version_and_leaves_ours_alone() {
    let env = Env::with_census();
    env.add_infini();
    let name = env.copy_fixture("received/census-schema-v2.ron");
    let before = env.snapshot();
    env.cmd()
        .args(["git-merge-driver", "base.ron", CENSUS, &name, CENSUS])
        .assert()
        .failure()
        .stderr(contains("version 2 du formulaire « communs-numeriques »"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_census_of_a_newer_form_version_is_not_opened_and_doctor_says_why() {
    let env = Env::new();
    let name = env.copy_fixture("received/census-schema-v2.ron");
    env.cmd()
        .args(["--lang", "en", "--file", &name, "doctor"])
        .assert()
        .stdout(contains(
            "census-schema-v2.ron:7:5: this census was recorded with version 2 of the form `communs-numeriques`, newer than the one this recense knows (1).",
        ));
}

// ----------------------------------------------------- blocks deleted by hand

/// « Médiathèque des Capucins », the block deleted in vim from
/// `census-hand-deleted.ron` (saved by recense as `census-with-footer.ron`).
const CAPUCINS: &str = "01M8KBYJ80YC2KZ7P4Z8FE4ZYJ";

#[test]
fn validate_tells_an_initiative_block_deleted_by_hand() {
    let env = Env::new();
    let name = env.copy_fixture("received/census-hand-deleted.ron");
    env.cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stderr(contains(format!(
            "{name}:27:5: avertissement: 1 initiative supprimée à la main du fichier (recense en avait écrit 2)"
        )));
    env.cmd()
        .args(["--lang", "en", "validate", &name])
        .assert()
        .success()
        .stderr(contains("1 initiative deleted by hand from the file (recense had written 2): a colleague who still has it will bring it back at the next merge. To delete an initiative, use `recense delete ID`."));
}

#[test]
fn a_file_saved_by_recense_has_no_block_deleted_by_hand() {
    let env = Env::new();
    let name = env.copy_fixture("received/census-with-footer.ron");
    env.cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_merge_names_the_block_deleted_by_hand_that_a_colleague_brings_back() {
    let env = Env::with_census();
    env.write(
        CENSUS,
        std::fs::read(fixture_path("received/census-hand-deleted.ron")).unwrap(),
    );
    let theirs = env.copy_fixture("received/census-with-footer.ron");
    env.census_cmd()
        .args(["merge", &theirs])
        .assert()
        .success()
        .stderr(contains(format!(
            "census.ron : « Médiathèque des Capucins » ({CAPUCINS}) avait été supprimée à la main du fichier ; la fusion la ramène depuis la copie d'un collègue. Pour la supprimer pour de bon : recense delete {CAPUCINS}"
        )));
}

#[test]
fn the_git_merge_driver_names_the_block_deleted_by_hand_it_brings_back() {
    let env = Env::with_census();
    let ours = env.copy_fixture("received/census-hand-deleted.ron");
    let theirs = env.copy_fixture("received/census-with-footer.ron");
    env.cmd()
        .args(["git-merge-driver", "base.ron", &ours, &theirs, CENSUS])
        .assert()
        .success()
        .stderr(contains(format!(
            "census.ron : « Médiathèque des Capucins » ({CAPUCINS}) avait été supprimée à la main du fichier"
        )));
}

#[test]
fn the_first_write_after_a_block_was_deleted_by_hand_says_so() {
    let env = Env::with_census();
    env.write(
        CENSUS,
        std::fs::read(fixture_path("received/census-hand-deleted.ron")).unwrap(),
    );
    env.census_cmd()
        .args(["add", "--set", "nom=Fablab", "--set", "type=fablab", "--set", "commune=Brest"])
        .assert()
        .success()
        .stderr(contains(
            "census.ron : 1 initiative avait été supprimée à la main du fichier ; une copie d'un collègue qui l'a encore la ramènera à la fusion. Pour supprimer une initiative, utilisez « recense delete ID ».",
        ));
}

// ------------------------------------------------ a clone without the driver

#[test]
fn the_recovery_printed_for_conflict_markers_redoes_the_merge_with_recense() {
    let env = Env::with_census();
    let dir = env.work();
    let infini = env.add_infini();
    for args in [
        &["init", "--quiet", "-b", "main"][..],
        &["config", "user.name", "Marie"],
        &["config", "user.email", "marie@example.org"],
        &["add", CENSUS],
        &["commit", "--quiet", "-m", "Départ"],
        &["checkout", "--quiet", "-b", "bruno"],
    ] {
        assert!(git(&env, &dir, args).status.success(), "git {args:?}");
    }
    let phone = |value: &str, who: &str| {
        env.census_cmd()
            .args(["--as", who, "edit", &infini, "--set"])
            .arg(format!("telephone={value}"))
            .assert()
            .success();
        assert!(
            git(&env, &dir, &["commit", "--quiet", "-am", who])
                .status
                .success()
        );
    };
    phone("02 98 00 00 02", "Bruno");
    git(&env, &dir, &["checkout", "--quiet", "main"]);
    phone("02 98 00 00 01", "Marie");
    // No merge driver in this clone: git merges the census as text.
    let merge = git(&env, &dir, &["merge", "--no-edit", "bruno"]);
    assert!(!merge.status.success(), "git leaves markers");
    let recovery = "recense --file census.ron setup-git && git checkout -m census.ron";
    env.census_cmd()
        .arg("list")
        .assert()
        .code(1)
        .stderr(contains(recovery));
    // The recovery, as printed.
    env.census_cmd().arg("setup-git").assert().success();
    let checkout = git(&env, &dir, &["checkout", "-m", CENSUS]);
    assert!(checkout.status.success(), "{checkout:?}");
    assert!(!env.read_text(CENSUS).contains("<<<<<<<"));
    env.census_cmd().arg("conflicts").assert().success().stdout(
        contains("« +33298000001 »  par Marie").and(contains("« +33298000002 »  par Bruno")),
    );
}
