//! End to end, in a real terminal (tmux, 80×24): a CSV list imported with
//! one column sent to a field chosen in the mapping step, then the list
//! exported as a public CSV; both files checked with the command line and a
//! CSV reader.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, json};

const AGENT: &str = "Marie Le Gall";

#[test]
fn a_list_comes_in_with_its_mapping_and_goes_out_as_a_public_csv() {
    let sb = Sandbox::new();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/pays-de-brest.ron");
    std::fs::copy(sample, sb.path("census.ron")).expect("copy the sample");
    std::fs::write(
        sb.path("liste.csv"),
        "nom;type;commune;Référent\nAtelier vélo libre;association;Brest;Jeanne Secrète\n",
    )
    .expect("write the list");
    let file = sb.path("census.ron").display().to_string();

    let s = Session::start(&sb, &["--as", AGENT, "census.ron"]);
    s.wait_for("19 initiatives");
    s.press("i", "Fichier à importer");
    s.type_text(&sb.path("liste.csv").display().to_string());
    s.press("Enter", "Référent → (non importée)");
    // The last column, into the contact person's name.
    s.key("G");
    s.press("Enter", "Où va la colonne « Référent »");
    s.type_text("personne a contacter");
    s.wait_for("> personne a contacter");
    s.press("Enter", "Référent → Personne à contacter");
    s.press("w", "20 initiatives");

    // Public first, written to ~/Documents/recense/ (made when missing).
    s.press("x", "☑ public : sans donnée personnelle");
    s.press("Enter", "initiatives exportées au format csv");
    s.key("Escape");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);

    // The import is in the census, the contact person with it.
    let list = json(&sb.cli_ok(&["--file", &file, "list", "--format", "json"]));
    let new = list
        .as_array()
        .expect("a JSON array")
        .iter()
        .find(|i| i["nom"] == "Atelier vélo libre")
        .expect("imported");
    let id = new["id"].as_str().unwrap().to_string();
    let shown = json(&sb.cli_ok(&["--file", &file, "show", &id, "--format", "json"]));
    assert_eq!(shown["fields"]["contact_nom"], "Jeanne Secrète", "{shown}");

    // The public export has every initiative, and not the contact person.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(exported(&sb))
        .expect("the export is a CSV");
    let rows = reader.records().count();
    assert_eq!(rows, 20);
    let text = std::fs::read_to_string(exported(&sb)).unwrap();
    assert!(text.contains("Atelier vélo libre"));
    assert!(!text.contains("Jeanne Secrète"));
}

/// Where the interface writes the public CSV export by default.
fn exported(sb: &Sandbox) -> std::path::PathBuf {
    sb.home().join("Documents/recense/census-public.csv")
}
