//! The words of the perimeter in the interface: the dashboard's white
//! zones, the question that offers to add an initiative in one, the welcome
//! screen's perimeter.

use crate::lang::Lang;

strings! { TerritoryUi, territory_ui;
    white_title: "Zones blanches du périmètre : {white} {white:commune|communes} sur {total} sans initiative ni relais", "White zones of the perimeter: {white} of {total} {total:municipalities|municipality|municipalities} with no initiative nor relay";
    per_10k: "Initiatives pour 10 000 habitants ({population} hab.)", "Initiatives per 10,000 inhabitants ({population} inhab.)";
    inhabitants: "{n} hab.", "{n} inhab.";
    more: "… et {n} {n:autre|autres} : recense communes --without initiative", "… and {n} more: recense communes --without initiative";
    add_here: "Aucune initiative à {commune}. En ajouter une, la commune déjà remplie ?", "No initiative in {commune}. Add one, with the municipality filled in?";
    perimeter_label: "Périmètre, facultatif (Tab) : EPCI, département ou commune", "Perimeter, optional (Tab): EPCI, département or municipality";
    map_white: "Sans initiative ({n}) :", "No initiative ({n}):";
}
