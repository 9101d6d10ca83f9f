#!/usr/bin/env python3
"""The workbook as the treasurer gets it (issue #16 item 4): for every sample (and the project full
of hostile text), `cpts-cli export --xlsx` writes the workbook; every formula's cached result is then
set to 0 in a copy, so that only a real recomputation can give the right figures; LibreOffice
(headless, private profile told to recompute on load) converts every sheet of the copy to CSV; the
recomputed totals must equal `cpts-cli simulate --json`'s to the cent:
  Financement par année         Total fixe / Total variable / TOTAL, each year and the 5 years
  Financement par année civile  each calendar year, and the total (years 1–5 + lettre d'intention)
  Échéancier                    Total (all payments) and « dont années 1 à 5 » (SUMIF)
  Budget                        the ACI row (a reference to the funding sheet) and its total
  Communes                      the population
Also: every formula in the files is one the exporter writes (SUM, SUMIF, IF, cell references),
never user text.

  recompute_totals.py CPTS_CLI SOURCE_DIR OUT_DIR
Exit 0 pass, 1 fail, 77 skipped (LibreOffice missing outside CI: run scripts/setup.sh).
"""
import csv
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

cli, src, out = sys.argv[1:4]
failures = []


def fail(msg):
    failures.append(msg)
    print("ÉCHEC : " + msg, file=sys.stderr)


soffice = shutil.which("soffice")
if not soffice:
    if os.environ.get("CI") == "true":
        print("soffice manquant : lancer scripts/setup.sh", file=sys.stderr)
        sys.exit(1)
    print("SKIP : soffice manquant (scripts/setup.sh installe libreoffice-calc)")
    sys.exit(77)

shutil.rmtree(out, ignore_errors=True)
os.makedirs(out + "/zeroed")
projects = sorted(glob.glob(src + "/shared/samples/*.json")) + [src + "/tests/data/hostile/cpts-hostile.json"]
expected = {}
# Formulas the exporter writes: =SUM(B3:B9), =SUMIF(B2:B40,">=1",F2:F40), =B12+B20, =B2+B3-B4-B5,
# =IF(B2+B3=0,0,B2/(B2+B3)), ='Financement par année'!B21, =0.
OUR_FORMULA = re.compile(r"^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|SUMIF\([A-Z]+\d+:[A-Z]+\d+,\"&gt;=1\",[A-Z]+\d+:[A-Z]+\d+\)|"
                         r"IF\([A-Z0-9+/()=,]+\)|[A-Z]+\d+([+-][A-Z]+\d+)*|'Financement par année'![A-Z]+\d+|0)$")

for path in projects:
    pid = os.path.basename(path)[:-5]
    xlsx = f"{out}/{pid}.xlsx"
    r = subprocess.run([cli, "export", "--xlsx", path, "-o", xlsx], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"cpts-cli export --xlsx {path} : {r.stderr.strip()}")
        continue
    sim = subprocess.run([cli, "simulate", path, "--json"], capture_output=True, text=True, check=True)
    expected[pid] = json.loads(sim.stdout)
    # The copy with every cached formula result set to 0.
    zin = zipfile.ZipFile(xlsx)
    if zin.testzip() is not None:
        fail(f"{xlsx} : archive corrompue")
    zeroed, formulas = 0, 0
    with zipfile.ZipFile(f"{out}/zeroed/{pid}.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                for f in re.findall(r"<f>([^<]*)</f>", text):
                    formulas += 1
                    if not OUR_FORMULA.match(f):
                        fail(f"{xlsx} {item.filename} : formule inattendue « {f} »")
                text, n = re.subn(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1<v>0</v>", text)
                zeroed += n
                data = text.encode("utf-8")
            zout.writestr(item, data)
    if formulas == 0 or zeroed != formulas:
        fail(f"{xlsx} : {formulas} formules, {zeroed} valeurs en cache remises à 0")

# LibreOffice: a private profile that recomputes OOXML formulas on load (OOXMLRecalcMode 0 =
# always; the default asks the user, which headless treats as never).
profile = out + "/lo-profile"
os.makedirs(profile + "/user")
with open(profile + "/user/registrymodifications.xcu", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
            '<value>0</value></prop></item>\n</oor:items>\n')
# CSV filter options: ',' '"' UTF-8, line 1, raw values (not "as shown"), every sheet (-1) to
# <name>-<sheet>.csv.
csv_filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1'
files = sorted(glob.glob(out + "/zeroed/*.xlsx"))
r = subprocess.run([soffice, f"-env:UserInstallation=file://{os.path.abspath(profile)}", "--headless", "--norestore",
                    "--convert-to", csv_filter, "--outdir", out + "/csv"] + files, capture_output=True, text=True,
                   timeout=280)
if r.returncode != 0:
    fail("soffice : " + r.stderr.strip())


def sheet(pid, name):
    path = f"{out}/csv/{pid}-{name}.csv"
    if not os.path.exists(path):
        fail(f"{pid} : feuille « {name} » absente de la conversion ({path})")
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.reader(f))


def cents(cell):
    try:
        return round(float(cell.replace(",", ".")) * 100)
    except ValueError:
        return None


def row_named(rows, label, col=0):
    for row in rows:
        if len(row) > col and row[col] == label:
            return row
    return None


def same(pid, what, got, want):
    if got != want:
        fail(f"{pid} : {what} = {got} après recalcul, attendu {want} (cpts-cli simulate)")


checked = 0
for pid, sim in expected.items():
    years = sim["years"]
    funding = sheet(pid, "Financement par année")
    for label, key in (("Total fixe", "fixed_cents"), ("Total variable", "variable_cents"), ("TOTAL", "total_cents")):
        row = row_named(funding, label)
        if row is None:
            fail(f"{pid} : ligne « {label} » absente")
            continue
        for k in range(5):
            same(pid, f"{label} année {k + 1}", cents(row[1 + k]), years[k][key])
        same(pid, f"{label} 5 ans", cents(row[6]), sum(y[key] for y in years))
    row = row_named(funding, "TOTAL")
    if row:
        same(pid, "TOTAL 5 ans (total_cents)", cents(row[6]), sim["total_cents"])

    everything = sim["total_cents"] + sim["pre_contract_cents"]
    calendar = sheet(pid, "Financement par année civile")
    for item in sim["by_calendar_year"]:
        row = row_named(calendar, str(item["year"]))
        same(pid, f"année civile {item['year']}", cents(row[1]) if row else None, item["cents"])
    row = row_named(calendar, "Total")
    same(pid, "total par année civile", cents(row[1]) if row else None, everything)

    schedule = sheet(pid, "Échéancier")
    row = row_named(schedule, "Total", 4)
    same(pid, "total de l’échéancier", cents(row[5]) if row else None, everything)
    row = row_named(schedule, "dont années 1 à 5", 4)
    same(pid, "échéancier, années 1 à 5 (SUMIF)", cents(row[5]) if row else None, sim["total_cents"])

    budget = sheet(pid, "Budget")
    row = row_named(budget, "Financement ACI (plafond)")
    if row is None:
        fail(f"{pid} : ligne ACI absente du budget")
    else:
        for k in range(5):
            same(pid, f"budget, ACI année {k + 1}", cents(row[1 + k]), years[k]["total_cents"])
        same(pid, "budget, ACI 5 ans", cents(row[6]), sim["total_cents"])

    communes = sheet(pid, "Communes")
    row = row_named(communes, "Total", 2)
    same(pid, "population", round(float(row[3])) if row else None, sim["population"])
    checked += 1

print(f"{checked} classeurs recalculés par LibreOffice, totaux égaux à cpts-cli simulate au centime"
      if not failures and checked == len(projects) else f"{len(failures)} échec(s)")
sys.exit(0 if not failures and checked == len(projects) else 1)
