#!/usr/bin/env bash
# The documents as a person gets them, end to end: cpts-cli writes the projet de santé, the
# indicator annex and the annual report of every sample (and of a project full of hostile text);
#   docx  — LibreOffice (Debian's libreoffice-writer, headless, private profile) converts each .docx
#           to PDF; pdftotext must find the expected headings and the engine's figures; Python's
#           zipfile and zlib (an independent decoder) re-check the archive CRCs and the PNG figures;
#   html  — headless Chromium prints each .html to PDF; pdftotext must find the headings, the
#           running header and the page numbers "Page N / M" (@page margin boxes).
# A few pages are rendered to PNG (pdftoppm) in OUT_DIR/png for people to look at.
#
#   to_pdf.sh docx|html CPTS_CLI SOURCE_DIR OUT_DIR
# Exit 0 pass, 1 fail, 77 skipped (tools missing outside CI: run scripts/setup.sh).
set -uo pipefail
mode=$1 cli=$2 src=$3 out=$4
fail=0
err() { echo "ÉCHEC : $*" >&2; fail=1; }

need=(pdftotext pdftoppm)
[ "$mode" = docx ] && need+=(soffice /usr/bin/python3)
[ "$mode" = html ] && need+=(chromium)
for t in "${need[@]}"; do
  if ! command -v "$t" >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then echo "$t manquant : lancer scripts/setup.sh" >&2; exit 1; fi
    echo "SKIP : $t manquant (scripts/setup.sh l'installe)"; exit 77
  fi
done

rm -rf "$out" && mkdir -p "$out/png"
export SOURCE_DATE_EPOCH=1741910400   # 14/03/2025: reproducible documents
projects=()
for f in "$src"/shared/samples/*.json "$src"/tests/data/hostile/cpts-hostile.json; do projects+=("$f"); done
for f in "${projects[@]}"; do
  id=$(basename "$f" .json)
  for kind in projet annexe rapport; do
    "$cli" export --"$mode" "$kind" "$f" -o "$out/$id-$kind.$mode" 2>/dev/null || err "cpts-cli export --$mode $kind $f"
  done
done

t0=$SECONDS
if [ "$mode" = docx ]; then
  # One LibreOffice process converts every file; the profile is private (never ~/.config).
  soffice -env:UserInstallation="file://$out/lo-profile" --headless --norestore --convert-to pdf --outdir "$out" "$out"/*.docx \
    >"$out/soffice.log" 2>&1 || err "soffice (voir $out/soffice.log)"
  /usr/bin/python3 - "$out" <<'PY' || fail=1
import sys, glob, zipfile, zlib, struct
bad = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.docx")):
    z = zipfile.ZipFile(path)
    if z.testzip() is not None or z.namelist()[0] != "[Content_Types].xml":
        print("ÉCHEC : archive", path); bad = 1
    for name in z.namelist():
        if not name.endswith(".png"):
            continue
        data, pos, idat = z.read(name), 8, b""
        while pos < len(data):
            n = struct.unpack(">I", data[pos:pos + 4])[0]
            kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
            if zlib.crc32(kind + body) & 0xFFFFFFFF != struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0]:
                print("ÉCHEC : CRC PNG", path, name); bad = 1
            if kind == b"IHDR": w, h = struct.unpack(">II", body[:8])
            if kind == b"IDAT": idat += body
            pos += 12 + n
        if len(zlib.decompress(idat)) != h * (1 + 3 * w):
            print("ÉCHEC : IDAT", path, name); bad = 1
sys.exit(bad)
PY
else
  for f in "$out"/*.html; do
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$out/chromium-profile" \
      --print-to-pdf="${f%.html}.pdf" "file://$f" >>"$out/chromium.log" 2>&1 || err "chromium $f"
  done
fi
echo "conversion en PDF : $((SECONDS - t0)) s"

expect() {  # expect PDF TEXT...: each TEXT (an extended regex) must appear in the PDF's text
  local pdf=$1; shift
  [ -s "$pdf" ] || { err "$pdf absent"; return; }
  local text
  text=$(pdftotext -layout "$pdf" - 2>/dev/null | tr -s ' ')
  for want in "$@"; do
    grep -Eq -- "$want" <<<"$text" || err "$(basename "$pdf") : « $want » introuvable"
  done
}
for f in "${projects[@]}"; do
  id=$(basename "$f" .json)
  expect "$out/$id-projet.pdf" "Sommaire" "1\. Présentation et gouvernance de la CPTS" "2\. Territoire" "3\. Diagnostic territorial" \
    "4\. Missions et fiches-actions" "Fiche-action A1" "5\. Calendrier de déploiement" "6\. Budget et financement ACI" "7\. Suivi et évaluation" \
    "TOTAL ACI" "Page 2 / [0-9]+"
  expect "$out/$id-annexe.pdf" "1\. Récapitulatif du financement" "Mission : Accès aux soins" "Somme des montants des indicateurs"
  expect "$out/$id-rapport.pdf" "1\. Synthèse de l.année" "2\. Résultats par mission" "3\. Justificatifs" "4\. Totaux de l.année"
done
# Engine figures, by hand (samples_test.cpp): Centre Saône-et-Loire year 2 = 347 500 €, 21/52 year 2 = 193 500 €.
expect "$out/cpts-centre-saone-et-loire-projet.pdf" "TOTAL ACI .*224.166,66 .*347.500,00" "90.346"
expect "$out/cpts-21-52-projet.pdf" "TOTAL ACI .*193.500,00"
# Issue #14 item 8: no table header is cut inside a word ("Départemen" / "t" on the next line);
# and no line starts with a colon or a semicolon (the space before them does not break).
for f in "${projects[@]}"; do
  id=$(basename "$f" .json)
  pdf="$out/$id-projet.pdf"
  [ -s "$pdf" ] || continue
  text=$(pdftotext -layout "$pdf" - 2>/dev/null)
  grep -q "Département" <<<"$text" || err "$(basename "$pdf") : en-tête « Département » introuvable"
  if grep -Eq "Départemen($|[^t])" <<<"$text"; then err "$(basename "$pdf") : en-tête « Département » coupé"; fi
  if grep -Eq "^ *[:;] " <<<"$(pdftotext "$pdf" - 2>/dev/null)"; then err "$(basename "$pdf") : une ligne commence par « : » ou « ; »"; fi
done
# Hostile text is shown as text, never interpreted.
expect "$out/cpts-hostile-projet.pdf" "<script>alert\(1\)</script> & \" '"
[ "$mode" = html ] && expect "$out/cpts-21-52-projet.pdf" "CPTS 21/52 — Projet de santé"   # running header

for id in cpts-centre-saone-et-loire cpts-hostile; do
  [ -s "$out/$id-projet.pdf" ] && pdftoppm -r 60 -png -f 1 -l 14 "$out/$id-projet.pdf" "$out/png/$id-projet"
done
ls "$out"/*.pdf 2>/dev/null | wc -l | xargs echo "PDF produits :"
[ "$fail" -eq 0 ] && echo "documents $mode : OK"
exit "$fail"
