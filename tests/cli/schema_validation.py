"""The JSON Schemas printed by `cpts-cli schema projet|catalogue`, checked with a real validator
(Debian's python3-jsonschema, Draft202012Validator): every sample, every tests/data/v2 file and
every shipped catalogue is valid; copies with an unknown key (top level, nested), a wrong enum word
or a value out of range are not.

Usage: schema_validation.py CPTS_CLI SAMPLES_DIR DATA_V2_DIR CATALOGUES_DIR
"""
import copy
import glob
import json
import subprocess
import sys

from jsonschema import Draft202012Validator

cli, samples_dir, v2_dir, catalogues_dir = sys.argv[1:5]
failures = 0


def validator_for(what):
    schema = json.loads(subprocess.run([cli, "schema", what], check=True, capture_output=True).stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def must_accept(validator, paths):
    global failures
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = list(validator.iter_errors(doc))
        if errors:
            failures += 1
            print(f"FAIL {path}: {errors[0].json_path}: {errors[0].message}")
        else:
            print(f"ok   {path} valide")


validator = validator_for("projet")
files = sorted(glob.glob(samples_dir + "/*.json")) + sorted(glob.glob(v2_dir + "/*.json"))
must_accept(validator, files)
catalogue_validator = validator_for("catalogue")
catalogues = sorted(glob.glob(catalogues_dir + "/*.json"))
must_accept(catalogue_validator, catalogues)


def must_refuse(name, change, validator=validator, path=files[0]):
    global failures
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    change(doc)
    errors = list(validator.iter_errors(doc))
    if errors:
        print(f"ok   {name} refusé : {errors[0].json_path}: {errors[0].message[:80]}")
    else:
        failures += 1
        print(f"FAIL {name} accepté")


must_refuse("clé inconnue à la racine", lambda d: d.update(budget=[]))
must_refuse("clé inconnue dans identity", lambda d: d["identity"].update(nom="x"))
must_refuse("clé inconnue dans une fiche-action", lambda d: d["actions"][0].update(titre="x"))
must_refuse("clé inconnue dans un palier", lambda d: d["indicators"][0]["tiers"].append({"label": "x", "threshold": 1, "amount_cents": 1, "montant": 2}))
must_refuse("mot inconnu (status)", lambda d: d["actions"][0].update(status="finie"))
must_refuse("mot inconnu (prorata)", lambda d: d["contract"].update(prorata="semaines"))
must_refuse("année de contrat 6", lambda d: d["actions"][0]["budget"].append({"label": "x", "year": 6, "amount_cents": 1}))
must_refuse("date française", lambda d: d["contract"].update(signature="01/03/2024"))
must_refuse("variante avec variantes", lambda d: d.update(variants=[{"name": "v", "note": "", "project": dict(copy.deepcopy(d), variants=[])}]))

must_refuse("catalogue : clé inconnue", lambda d: d.update(version="x"), catalogue_validator, catalogues[0])
must_refuse("catalogue : provenance inconnue", lambda d: d["amounts"][0]["by_taille"]["1"].update(provenance="rumeur"),
            catalogue_validator, catalogues[0])
must_refuse("catalogue : taille 5", lambda d: d["amounts"][0]["by_taille"].update({"5": d["amounts"][0]["by_taille"]["1"]}),
            catalogue_validator, catalogues[0])

print(f"{len(files)} projets et {len(catalogues)} catalogues, {failures} échec(s)")
sys.exit(1 if failures else 0)
