// The documents the planner produces from a project, with the engine's figures:
//  - the projet de santé (domain reference §7: presentation and governance, territory,
//    diagnostic, missions and fiches-actions, deployment calendar, budget and ACI funding,
//    follow-up and evaluation), for the ARS and the CPAM;
//  - the indicator annex of the contract (mission → action → indicator → baseline, targets,
//    tiers and amounts, with each mission's fixed / variable totals);
//  - the annual report of a contract year for the dialogue de gestion (target vs actual, tier
//    reached, amount earned, evidence received / missing, comments).
// Each comes as self-contained HTML (print styles, A4), DOCX (Word, LibreOffice) or Markdown.
//
// [SECTION] Public API (what the CLI and the UI call)
// [SECTION] Building blocks (builders and writers, exposed for the tests)
#pragma once
#include <string>

#include "io/documents/doc_model.hpp"
#include "engine/funding.hpp"
#include "model/project.hpp"

namespace cpts {

// =================================================================================================
// [SECTION] Public API
// =================================================================================================

// TableauDeBord: the one-page board summary of a contract year (issue #19), from engine/suivi.hpp;
// its "date" is also the day the situation is judged on (today when empty).
enum class DocKind { ProjetDeSante, Annexe, RapportAnnuel, TableauDeBord };
constexpr int kDocKindCount = 4;
enum class DocFormat { Html, Docx, Markdown };

const char* doc_kind_label_fr(DocKind k);   // "Projet de santé", "Annexe des indicateurs", "Rapport annuel", "Tableau de bord"
bool doc_kind_has_year(DocKind k);          // the annual report and the board summary are about one contract year
const char* doc_format_extension(DocFormat f);  // "html", "docx", "md"
const char* doc_format_mime(DocFormat f);   // "text/html; charset=utf-8", …

struct DocOptions {
  int year = 1;       // contract year of the annual report, 1..5
  Date date;          // generation date printed on the cover and stored in the file (may be empty)
};

struct RenderedDocument {
  bool ok = false;
  std::string error;      // French, when !ok (e.g. contract year out of range)
  std::string bytes;      // the file (UTF-8 text for HTML/Markdown, a ZIP archive for DOCX)
  std::string file_name;  // suggested: "projet-de-sante-cpts-21-52.docx", "rapport-annuel-2-….html"
  std::string mime;
};

// The UI's and CLI's one call: builds the document from the project (engine figures computed
// here) and writes it in the chosen format. `year` is used by the annual report only.
RenderedDocument render_document(const Project& p, DocKind kind, DocFormat format, int year, const Date& date = {});

// =================================================================================================
// [SECTION] Building blocks
// =================================================================================================

doc::Document build_projet_de_sante(const Project& p, const DocOptions& o = {});
doc::Document build_annexe(const Project& p, const DocOptions& o = {});
doc::Document build_rapport_annuel(const Project& p, const DocOptions& o);
doc::Document build_tableau_de_bord(const Project& p, const DocOptions& o);
// The builder of `kind` (what render_document and a preview call).
doc::Document build_document(const Project& p, DocKind kind, const DocOptions& o);

std::string write_html(const doc::Document& d);
std::string write_markdown(const doc::Document& d);
std::string write_docx(const doc::Document& d);

// Variable part earned in contract year `year` (1..5) by the mission at catalogue index `m`, from
// the indicators' values only (the year's value: final or last measurement, else the actual value
// — forecast.hpp year_value; an indicator without one earns nothing): the
// engine's payment rule (indicator_payment), capped at the mission's variable amount and prorated
// like the engine does for a partial year. Equals simulate(p, any non-ceiling scenario)'s
// MissionYear::variable when every indicator of the mission has an actual value for that year.
Cents earned_variable(const Project& p, const FundingResult& r, std::size_t m, int year);

}  // namespace cpts
