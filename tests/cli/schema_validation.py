"""The JSON Schema printed by `cpts-cli schema projet`, checked with a real validator (Debian's
python3-jsonschema, Draft202012Validator): every sample and every tests/data/v2 file is valid;
copies with an unknown key (top level, nested) or a wrong enum word are not.

Usage: schema_validation.py CPTS_CLI SAMPLES_DIR DATA_V2_DIR
"""
import copy
import glob
import json
import subprocess
import sys

from jsonschema import Draft202012Validator

cli, samples_dir, v2_dir = sys.argv[1:4]
schema = json.loads(subprocess.run([cli, "schema", "projet"], check=True, capture_output=True).stdout)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
failures = 0

files = sorted(glob.glob(samples_dir + "/*.json")) + sorted(glob.glob(v2_dir + "/*.json"))
for path in files:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errors = list(validator.iter_errors(doc))
    if errors:
        failures += 1
        print(f"FAIL {path}: {errors[0].json_path}: {errors[0].message}")
    else:
        print(f"ok   {path} valide")


def must_refuse(name, change):
    global failures
    with open(files[0], encoding="utf-8") as f:
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

print(f"{len(files)} fichiers, {failures} échec(s)")
sys.exit(1 if failures else 0)
