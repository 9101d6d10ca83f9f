// Issue #14 item 10: the English UI shows no French label. Every panel (and the welcome screen,
// the guide, the comparison with another catalogue and each presentation slide) is drawn in
// English with a sample open, and the text the widgets drew (UiDriver::drawn_text) is scanned for
// French: accented letters and a stop-list of French words.
//
// What may stay French, and why (the allow-list):
// - the project's own content (the sample CPTS's names, action titles, pilots, communes, diagnostic
//   labels and sources): typed by its users; every string of the project file is taken out of the
//   drawn text before the scan;
// - proper nouns and the domain's French terms that have no English name: see kAllowed;
// - the Documents panel's preview of the (French) document.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n.hpp"
#include "edit/library.hpp"
#include "io/project_json.hpp"
#include "drawn_text.hpp"
#include "ui_driver.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

namespace {

// Proper nouns and French terms kept in the English UI on purpose.
const char* const kAllowed[] = {
    "Saône",       // a département's and a sample CPTS's name
    "Rézone",      // the diagnostic data source (Rézone CPTS, Assurance Maladie)
    "Améli",       //
    "ameli",       //
    "avenant",     // the agreement's amendments keep their French name ("avenant 2")
    "fiche-action", "fiches-actions",  // the ACI's term for an action sheet
    "intercommunalité",                // a French administrative unit, named as such in English text
    "décret",                          // legal references keep their French title ("décret 2022-375")
    "cpts-centre-saone-et-loire",      // a sample's file name
    "Bourgogne-Franche-Comté",         // the samples' region
    "CPTS CaPaciTéS Besançon & Métropole",  // a sample CPTS's name
    "Saône-et-Loire",                  // a sample CPTS's département
};

void collect_strings(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string()) {
    if (j.get<std::string>().size() >= 3) out.push_back(j.get<std::string>());
  } else if (j.is_structured()) {
    for (const auto& v : j) collect_strings(v, out);
  }
}

// The drawn text minus the project's own strings (longest first) and the allowed words.
// A cell cut with "…" (fitted_text.hpp) holds the start of a content string: the cut text before
// the "…", back to a cell or label boundary, is content when a content string starts with it.
std::string without_content(std::string text, std::vector<std::string> content) {
  for (const char* a : kAllowed) content.push_back(a);
  std::sort(content.begin(), content.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  const std::string ellipsis = "…";
  for (std::size_t at = text.find(ellipsis); at != std::string::npos; at = text.find(ellipsis, at + 1)) {
    if (at == 0) continue;
    std::size_t from = text.find_last_of("|([\n", at - 1);  // ASCII only: UTF-8 bytes are not boundaries
    from = from == std::string::npos ? 0 : from + 1;
    if (std::size_t arrow = text.rfind("›", at); arrow != std::string::npos && arrow >= from) from = arrow + std::string("›").size();
    while (from < at && text[from] == ' ') ++from;
    const std::string cut = text.substr(from, at - from);
    if (cut.size() >= 3 && std::any_of(content.begin(), content.end(), [&](const std::string& c) { return c.rfind(cut, 0) == 0; }))
      text.replace(from, at - from, std::string(at - from, ' '));
  }
  // A long text field wraps its text (soft line breaks, widgets/soft_wrap.hpp): each drawn line of
  // it is a piece of a content string, not the whole string.
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::size_t a = start, b = end;
    while (a < b && std::string_view(" \r\t{}|").find(text[a]) != std::string_view::npos) ++a;
    while (b > a && std::string_view(" \r\t{}|").find(text[b - 1]) != std::string_view::npos) --b;
    const std::string piece = text.substr(a, b - a);
    if (piece.size() >= 12 && std::any_of(content.begin(), content.end(), [&](const std::string& c) { return c.find(piece) != std::string::npos; }))
      text.replace(a, b - a, std::string(b - a, ' '));
    start = end + 1;
  }
  for (const std::string& c : content)
    for (std::size_t at = text.find(c); at != std::string::npos; at = text.find(c, at)) text.replace(at, c.size(), " ");
  return text;
}

// Lines that look French: an accented letter of French (not of English), « », or a French word.
std::vector<std::string> french_lines(const std::string& text) {
  // An alternation, not a bracket: std::regex works on bytes, and a bracket of UTF-8 letters would
  // match any of their bytes (the C2 of "·" is also the first byte of "«").
  static const std::regex kAccent("é|è|ê|ë|à|â|ç|ô|û|ù|î|ï|œ|Œ|É|È|À|Ç|«|»");
  static const std::regex kWord(
      "(^|[^A-Za-z])(le|la|les|des|du|une|et|pour|avec|sur|dans|est|aux|au|ou|par|Année|année|Supprimer|Ajouter|Enregistrer|Fichier|"
      "Affichage|Aide|Montants|Calendrier|Vérification|Financement|Projet|Territoire|Professionnels|Indicateurs|Bibliothèque|"
      "Atelier|Documents de|bloquant|versement|solde|avance|Part fixe|Part variable|Fonctionnement|estimé|mois|jours)([^A-Za-z]|$)");
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (std::regex_search(line, kAccent) || std::regex_search(line, kWord)) out.push_back(line);
    start = end + 1;
  }
  return out;
}

struct English {
  English() { set_language(Lang::En); }
  ~English() { set_language(Lang::Fr); }
};

std::string report(const std::vector<std::string>& lines) {
  std::string r;
  for (const std::string& l : lines) r += "  «" + l + "»\n";
  return r;
}

}  // namespace

// The scan itself catches French: a French line is found, an English one is not (the test could
// not pass by accident with a regex that matches nothing).
TEST(UiEnglish, TheScanFindsFrenchAndPassesEnglish) {
  EXPECT_EQ(french_lines("Part fixe\nFixed part\n").size(), 1u);
  EXPECT_EQ(french_lines("Année 2 · 18/10/2023\n").size(), 1u);
  EXPECT_EQ(french_lines("Year 2 · 18/10/2023\nRunning costs\n").size(), 0u);
  EXPECT_EQ(french_lines(without_content("CPTS Centre Saône-et-Loire\n", {"CPTS Centre Saône-et-Loire"})).size(), 0u);
}

TEST(UiEnglish, EveryPanelInEnglishShowsNoFrenchLabel) {
  English en;
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "projet"}, ImVec2(1600, 4000));  // tall: whole panels drawn
  ASSERT_TRUE(ui.state().doc.open);
  std::vector<std::string> content;
  collect_strings(nlohmann::json::parse(save_project(ui.project())), content);
  // The built-in library of fiches-actions is French data (shared/library), shown as written.
  collect_strings(nlohmann::json::parse(save_library(builtin_library())), content);
  std::string leaks;
  auto scan = [&](const std::string& where) {
    ui.frames(3);
    std::string text = drawn_text(ui);
    // The Documents panel previews the document itself, which is French (written for the ARS and
    // the CPAM): its controls are scanned, the preview below its help line is not.
    if (ui.state().panel == PanelId::Documents && !ui.state().presenting && !ui.app().guide_open())
      if (std::size_t at = text.find(T("docs.help")); at != std::string::npos) text.resize(at);
    const std::vector<std::string> lines = french_lines(without_content(text, content));
    if (!lines.empty()) leaks += where + ":\n" + report(lines);
  };
  for (int p = 0; p < static_cast<int>(PanelId::Count); ++p) {
    ui.state().go(static_cast<PanelId>(p));
    scan(panel_key(static_cast<PanelId>(p)));
  }
  ui.state().go(PanelId::Financement);
  ui.frames(2);
  ASSERT_TRUE(ui.click("fin.tab_compare"));  // Financement → Comparer avec un autre catalogue
  scan("financement: compare catalogues");
  ui.app().request({ActionKind::Guide});
  scan("guide");
  ui.app().guide_open() = false;
  ui.app().request({ActionKind::Present});
  ui.frames(2);
  for (int i = 0; i < slide_count(ui.state()); ++i) {
    ui.state().slide = i;
    scan("slide " + std::to_string(i + 1));
  }
  EXPECT_TRUE(leaks.empty()) << leaks;
}

// The welcome screen (no project) with a draft signed 18/10/2022 and a commune: the deadlines
// preview, the catalogue choice and the samples.
TEST(UiEnglish, WelcomeScreenInEnglishShowsNoFrenchLabel) {
  English en;
  UiDriver ui({}, ImVec2(1600, 2000));
  ASSERT_TRUE(ui.fill("welcome.name", "Test CPTS"));
  ASSERT_TRUE(ui.fill("welcome.signature", "18/10/2022"));
  ASSERT_TRUE(ui.click("welcome.add_commune"));
  ASSERT_TRUE(ui.fill("welcome.population0", "52300"));
  const std::vector<std::string> lines = french_lines(without_content(drawn_text(ui), {"Test CPTS"}));
  EXPECT_TRUE(lines.empty()) << report(lines);
}
