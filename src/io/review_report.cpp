#include "io/review_report.hpp"

#include "io/csv_export.hpp"
#include "io/documents/escape.hpp"
#include "io/json_reader.hpp"
#include "io/project_json.hpp"

namespace cpts {

ReviewRow review_file(const std::string& file, const std::optional<std::string>& text, std::optional<Scenario> scenario) {
  ReviewRow row;
  if (!text) {
    row.file = file;
    row.error = "impossible de lire le fichier";
    return row;
  }
  ProjectLoad loaded = load_project(*text);
  if (!loaded.project) {
    row.file = file;
    const JsonError& e = loaded.errors.front();
    row.error = "fichier refusé : " + (e.path.empty() ? "" : e.path + " : ") + e.message;
    if (loaded.errors.size() > 1) row.error += " (et " + std::to_string(loaded.errors.size() - 1) + " autre(s) erreur(s))";
    return row;
  }
  row = review_project(*loaded.project, scenario.value_or(loaded.project->contract.scenario));
  row.file = file;
  return row;
}

namespace {

const char* const kYears[] = {"1", "2", "3", "4", "5"};

std::string joined(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

// CSV: one line, fields separated by ";", CRLF (csv_export.hpp).
struct Line {
  std::string s;
  void text(std::string_view t) { sep(), s += csv_text_cell(t); }
  void raw(const std::string& t) { sep(), s += t; }
  void sep() {
    if (started) s += ';';
    started = true;
  }
  bool started = false;
};

}  // namespace

std::string review_csv(const std::vector<ReviewRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  Line h;
  for (const char* t : {"Fichier", "CPTS", "Taille", "Signature", "Scénario"}) h.text(t);
  for (const char* y : kYears) h.text(std::string("Plafond année ") + y + " (€)");
  h.text("Plafond 5 ans (€)");
  for (const char* y : kYears) h.text(std::string("Scénario année ") + y + " (€)");
  for (const char* t : {"Scénario 5 ans (€)", "Part à risque (€)", "Bloquants", "À revoir", "Montants estimés", "Erreur"}) h.text(t);
  out += h.s + "\r\n";
  for (const ReviewRow& r : rows) {
    Line l;
    l.text(r.file);
    if (!r.ok()) {
      for (int i = 0; i < 20; ++i) l.raw("");
      l.text(r.error);
      out += l.s + "\r\n";
      continue;
    }
    l.text(r.name);
    l.raw(std::to_string(r.taille));
    l.raw(format_fr(r.signature));
    l.text(to_string(r.scenario));
    for (Cents c : r.ceiling) l.raw(csv_cents(c));
    l.raw(csv_cents(r.ceiling_total));
    for (Cents c : r.chosen) l.raw(csv_cents(c));
    l.raw(csv_cents(r.chosen_total));
    l.raw(csv_cents(r.at_risk));
    l.raw(std::to_string(r.blocking));
    l.raw(std::to_string(r.to_review));
    l.text(joined(r.estimates, " ; "));
    l.raw("");
    out += l.s + "\r\n";
  }
  ReviewTotals t = review_totals(rows);
  Line l;
  l.text("Total");
  l.text(std::to_string(t.projects - t.failed) + " projet(s) lus, " + std::to_string(t.failed) + " refusé(s)");
  l.raw("");
  l.raw("");
  l.raw("");
  for (Cents c : t.ceiling) l.raw(csv_cents(c));
  l.raw(csv_cents(t.ceiling_total));
  for (Cents c : t.chosen) l.raw(csv_cents(c));
  l.raw(csv_cents(t.chosen_total));
  l.raw(csv_cents(t.at_risk));
  l.raw(std::to_string(t.blocking));
  l.raw(std::to_string(t.to_review));
  l.raw(std::to_string(t.estimates));
  l.raw("");
  out += l.s + "\r\n";
  return out;
}

std::string review_html(const std::vector<ReviewRow>& rows) {
  using doc::html_escape;
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"/>"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>"
      "<title>Revue des projets de santé de CPTS</title><style>"
      "body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse}th,td{border:1px solid #999;padding:2px 4px}"
      "td.r{text-align:right;white-space:nowrap}tr.err td{color:#a00}tfoot td{font-weight:bold}"
      "@page{size:A4 landscape}</style></head><body>\n<h1>Revue des projets de santé de CPTS</h1>\n<table>\n<thead><tr>"
      "<th>Fichier</th><th>CPTS</th><th>Taille</th><th>Signature</th><th>Scénario</th>";
  for (const char* y : kYears) h += std::string("<th>Année ") + y + "<br/>plafond / scénario</th>";
  h += "<th>5 ans<br/>plafond / scénario</th><th>Part à risque</th><th>Bloquants</th><th>À revoir</th><th>Montants estimés</th></tr></thead>\n<tbody>\n";
  auto pair = [](Cents a, Cents b) { return "<td class=\"r\">" + format_eur(a) + "<br/>" + format_eur(b) + "</td>"; };
  for (const ReviewRow& r : rows) {
    if (!r.ok()) {
      h += "<tr class=\"err\"><td>" + html_escape(r.file) + "</td><td colspan=\"14\">" + html_escape(r.error) + "</td></tr>\n";
      continue;
    }
    h += "<tr><td>" + html_escape(r.file) + "</td><td>" + html_escape(r.name) + "</td><td class=\"r\">" + std::to_string(r.taille) +
         "</td><td>" + format_fr(r.signature) + "</td><td>" + html_escape(to_string(r.scenario)) + "</td>";
    for (int k = 0; k < kContractYears; ++k) h += pair(r.ceiling[k], r.chosen[k]);
    h += pair(r.ceiling_total, r.chosen_total) + "<td class=\"r\">" + format_eur(r.at_risk) + "</td><td class=\"r\">" +
         std::to_string(r.blocking) + "</td><td class=\"r\">" + std::to_string(r.to_review) + "</td><td>" +
         html_escape(joined(r.estimates, " ; ")) + "</td></tr>\n";
  }
  ReviewTotals t = review_totals(rows);
  h += "</tbody>\n<tfoot><tr><td>Total</td><td colspan=\"4\">" + std::to_string(t.projects - t.failed) + " projet(s) lus, " +
       std::to_string(t.failed) + " refusé(s)</td>";
  for (int k = 0; k < kContractYears; ++k) h += pair(t.ceiling[k], t.chosen[k]);
  h += pair(t.ceiling_total, t.chosen_total) + "<td class=\"r\">" + format_eur(t.at_risk) + "</td><td class=\"r\">" +
       std::to_string(t.blocking) + "</td><td class=\"r\">" + std::to_string(t.to_review) + "</td><td class=\"r\">" +
       std::to_string(t.estimates) + "</td></tr></tfoot>\n</table>\n</body></html>\n";
  return h;
}

std::string review_json(const std::vector<ReviewRow>& rows) {
  OrderedJson j;
  j["projects"] = OrderedJson::array();
  for (const ReviewRow& r : rows) {
    OrderedJson o;
    o["file"] = r.file;
    if (!r.ok()) {
      o["error"] = r.error;
      j["projects"].push_back(o);
      continue;
    }
    o["name"] = r.name;
    o["taille"] = r.taille;
    o["signature"] = to_iso(r.signature);
    o["catalogue"] = r.catalogue;
    o["scenario"] = scenario_word(r.scenario);
    o["ceiling_cents"] = r.ceiling;
    o["scenario_cents"] = r.chosen;
    o["ceiling_total_cents"] = r.ceiling_total;
    o["scenario_total_cents"] = r.chosen_total;
    o["at_risk_cents"] = r.at_risk;
    o["blocking"] = r.blocking;
    o["to_review"] = r.to_review;
    o["estimates"] = r.estimates;
    j["projects"].push_back(o);
  }
  ReviewTotals t = review_totals(rows);
  j["totals"] = {{"projects", t.projects},       {"failed", t.failed},
                 {"ceiling_cents", t.ceiling},   {"scenario_cents", t.chosen},
                 {"ceiling_total_cents", t.ceiling_total}, {"scenario_total_cents", t.chosen_total},
                 {"at_risk_cents", t.at_risk},   {"blocking", t.blocking},
                 {"to_review", t.to_review},     {"estimates", t.estimates}};
  return dump_canonical(j);
}

}  // namespace cpts
