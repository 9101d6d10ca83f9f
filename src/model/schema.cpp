#include "model/schema.hpp"

namespace cpts {

namespace {
// Order = the enum's order in project.hpp.
const char* const kProrata[] = {"mois", "jours"};
const char* const kStatus[] = {"prevue", "en_cours", "realisee", "abandonnee"};
const char* const kKind[] = {"livrable", "resultat"};
const char* const kDirection[] = {"hausse", "baisse"};
const char* const kPartial[] = {"aucun", "lineaire"};
const char* const kScenario[] = {"plafond", "pessimiste", "realiste", "optimiste", "constate"};
const char* const kSnpPayment[] = {"avance", "fin_annee"};
// The catalogue's own words (rules/catalogue.cpp), gathered once.
const char* const* component_words() {
  static const char* words[kComponentCount];
  for (int k = 0; k < kComponentCount; ++k) words[k] = to_string(static_cast<Component>(k));
  return words;
}
}  // namespace

const Words kProrataWords{kProrata, 2};
const Words kStatusWords{kStatus, 4};
const Words kKindWords{kKind, 2};
const Words kDirectionWords{kDirection, 2};
const Words kPartialWords{kPartial, 2};
const Words kScenarioWords{kScenario, kScenarioCount};
const Words kSnpPaymentWords{kSnpPayment, 2};
const Words kComponentWords{component_words(), kComponentCount, "composante"};

bool valid_insee(const std::string& s) {
  if (s.size() != 5) return false;
  bool corsica = s[0] == '2' && (s[1] == 'A' || s[1] == 'B');
  for (std::size_t i = 0; i < 5; ++i)
    if (!(s[i] >= '0' && s[i] <= '9') && !(i == 1 && corsica)) return false;
  return true;
}

bool valid_department(const std::string& s) {
  if (s.size() == 2 && (s == "2A" || s == "2B")) return true;
  if (s.size() != 2 && s.size() != 3) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}

}  // namespace cpts
