#!/usr/bin/env python3
"""Build the app's table of communes from @etalab/decoupage-administratif (issue #15).

    communes_table.py PACKAGE_DIR OUT_FILE

PACKAGE_DIR is the installed npm package (scripts/setup.sh puts it in
$CPTS_DEPS/communes/node_modules/@etalab/decoupage-administratif). The output is a UTF-8 text
file, one record per line, tab-separated, read by src/io/communes_table.cpp:

    #cpts-communes<TAB>1
    S<TAB>source<TAB>provenance of the populations
    E<TAB>siren<TAB>name                              (intercommunalités à fiscalité propre)
    C<TAB>code<TAB>name<TAB>dept<TAB>region<TAB>postcodes (space-separated)<TAB>population<TAB>epci siren<TAB>parent commune

Only current communes (type "commune-actuelle") and the municipal arrondissements of Paris, Lyon
and Marseille (some CPTS follow them) are kept: delegated and associated communes share their
codes with current ones. Populations come from communes.json only (populations municipales of the
latest census); epci.json's member lists carry older figures, so only membership is taken there.
Text rather than binary so that the file gzips well (the web server compresses it) and can be
read by eye; nothing of it is committed.
"""
import gzip
import json
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pkg, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    with open(os.path.join(pkg, "data", "communes.json"), encoding="utf-8") as f:
        communes = json.load(f)
    with open(os.path.join(pkg, "data", "epci.json"), encoding="utf-8") as f:
        epcis = json.load(f)

    # The package's README ("Millésimes et versions de package") maps 6.0.0 to the 2026
    # découpage, whose legal populations are the populations municipales 2023 (INSEE,
    # https://www.insee.fr/fr/statistiques/8680726). Other versions: the year is one less.
    years = {"6.0.0": (2026, 2023), "5.3.0": (2025, 2022)}
    if version not in years:
        sys.exit(f"communes_table.py: version {version} inconnue, années à vérifier (attendu 6.0.0)")
    decoupage, census = years[version]
    source = f"@etalab/decoupage-administratif {version} (Licence Ouverte 2.0 ; INSEE, DGCL, La Poste)"
    provenance = f"population municipale {census} (INSEE), découpage administratif {decoupage}"

    epci_of = {}
    for e in epcis:
        for m in e["membres"]:
            epci_of[m["code"]] = e["code"]

    def clean(s):
        if "\t" in s or "\n" in s:
            sys.exit(f"communes_table.py: tabulation ou fin de ligne dans « {s} »")
        return s

    kept = [c for c in communes if c["type"] in ("commune-actuelle", "arrondissement-municipal")]
    kept.sort(key=lambda c: c["code"])
    lines = ["#cpts-communes\t1", f"S\t{clean(source)}\t{clean(provenance)}"]
    for e in sorted(epcis, key=lambda e: e["code"]):
        lines.append(f"E\t{e['code']}\t{clean(e['nom'])}")
    for c in kept:
        lines.append("\t".join([
            "C", c["code"], clean(c["nom"]), c["departement"], c.get("region", ""),
            " ".join(c.get("codesPostaux", [])), str(c.get("population", 0)),
            epci_of.get(c["code"], ""), c.get("commune", "")]))
    tmp = out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, out)
    # The gzip size is what a compressing web server sends (benchmark report: table bytes raw and
    # gzip); mtime 0 keeps the file the same from one build to the next.
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(out + ".gz.tmp", "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0, filename="") as g:
            g.write(data)
    os.replace(out + ".gz.tmp", out + ".gz")
    print(f"communes_table.py: {len(kept)} communes, {len(epcis)} EPCI -> {out}")


if __name__ == "__main__":
    main()
