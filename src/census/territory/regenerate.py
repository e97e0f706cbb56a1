"""Writes recense's compact geography (tab-separated, one record a line) from
the data folder of @etalab/decoupage-administratif. Called by regenerate.sh.

Lines, by their first column:
  #   source and licence
  R   region code, name
  D   département code, region code, name
  E   EPCI SIREN, type (CA, CC, CU, METRO, MET69), name
  C   current commune: INSEE code, name, département, EPCI SIREN (or empty),
      population, postal codes (comma-separated)
  F   former or secondary name or code resolving to a current commune:
      kind (deleguee, associee, arrondissement, ancien_code), code, name (or
      empty for a bare former code), INSEE code of the current commune
"""
import json
import sys

folder, version = sys.argv[1], sys.argv[2]


def load(name):
    with open(f"{folder}/data/{name}.json", encoding="utf-8") as f:
        return json.load(f)


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


communes = load("communes")
epcis = load("epci")
departements = load("departements")
regions = load("regions")

epci_of = {}
for e in epcis:
    for m in e["membres"]:
        epci_of[m["code"]] = e["code"]

out = sys.stdout
out.write(f"# @etalab/decoupage-administratif {version}\tMIT\tINSEE COG, Licence Ouverte\n")
for r in sorted(regions, key=lambda r: r["code"]):
    out.write(f"R\t{r['code']}\t{clean(r['nom'])}\n")
for d in sorted(departements, key=lambda d: d["code"]):
    out.write(f"D\t{d['code']}\t{d['region']}\t{clean(d['nom'])}\n")
for e in sorted(epcis, key=lambda e: e["code"]):
    out.write(f"E\t{e['code']}\t{e['type']}\t{clean(e['nom'])}\n")

current = sorted((c for c in communes if c["type"] == "commune-actuelle"), key=lambda c: c["code"])
current_codes = {c["code"] for c in current}
for c in current:
    postal = ",".join(sorted(set(c.get("codesPostaux", []))))
    out.write(
        f"C\t{c['code']}\t{clean(c['nom'])}\t{c['departement']}\t{epci_of.get(c['code'], '')}"
        f"\t{c.get('population', 0)}\t{postal}\n"
    )

kinds = {
    "commune-deleguee": "deleguee",
    "commune-associee": "associee",
    "arrondissement-municipal": "arrondissement",
}
former = []
for c in communes:
    kind = kinds.get(c["type"])
    if kind is None:
        continue
    parent = c.get("chefLieu") or c.get("commune")
    if parent in current_codes:
        former.append((kind, c["code"], clean(c["nom"]), parent))
for c in current:
    for old in c.get("anciensCodes", []):
        if old not in current_codes:
            former.append(("ancien_code", old, "", c["code"]))
for f in sorted(set(former), key=lambda f: (f[3], f[1], f[0], f[2])):
    out.write("F\t" + "\t".join(f) + "\n")
