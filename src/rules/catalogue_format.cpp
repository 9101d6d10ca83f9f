#include "rules/catalogue_format.hpp"

namespace cpts::catalogue_file {

namespace {
const char* const kCategory[] = {"socle", "optional"};  // order = Category
// The catalogue's own words (rules/catalogue.cpp), gathered once.
const char* const* provenance_words() {
  static const char* words[3];
  for (int k = 0; k < 3; ++k) words[k] = to_string(static_cast<Provenance>(k));
  return words;
}
const char* const kPayKind[] = {"lump_sum", "yearly", "prorated", "variable", "on_event"};  // order = PayKind
const char* const kLumpOn[] = {"signature", "date", "lettre_intention"};                    // order = LumpOn
const char* const kPayYears[] = {"all", "first", "later"};                                   // order = PayYears
const char* const kPayEvent[] = {"crise_reconnue"};                                          // order = PayEvent
}  // namespace

const Words kPayKindWords{kPayKind, kPayKindCount};
const Words kLumpOnWords{kLumpOn, 3};
const Words kPayYearsWords{kPayYears, 3};
const Words kPayEventWords{kPayEvent, 1};
const Words kCategoryWords{kCategory, 2};
const Words kProvenanceWords{provenance_words(), 3};

}  // namespace cpts::catalogue_file

namespace cpts {

const char* to_string(PayKind k) { return catalogue_file::kPayKindWords.words[static_cast<int>(k)]; }

const char* pay_kind_label_fr(PayKind k) {
  switch (k) {
    case PayKind::LumpSum: return "versement unique";
    case PayKind::Yearly: return "annuel (avance et solde)";
    case PayKind::Prorated: return "au prorata depuis le démarrage de la mission";
    case PayKind::Variable: return "variable sur indicateurs";
    case PayKind::OnEvent: return "sur événement";
  }
  return "?";
}

}  // namespace cpts
