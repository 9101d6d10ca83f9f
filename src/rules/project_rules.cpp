#include "rules/project_rules.hpp"

#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "io/field_messages.hpp"

namespace cpts {

namespace {

class RuleChecker {
 public:
  RuleChecker(const Project& p, const std::string& root, std::vector<JsonError>& errors)
      : p_(p), root_(root), errors_(errors), cat_(find_catalogue(p.contract.catalogue)) {}

  void run() {
    catalogue();
    territory();
    unique_ids(p_.professionals, "professionals");
    unique_ids(p_.diagnostic, "diagnostic");
    unique_ids(p_.actions, "actions");
    unique_ids(p_.indicators, "indicators");
    unique_ids(p_.candidates, "candidates");
    missions();
    for (std::size_t i = 0; i < p_.actions.size(); ++i) mission_ref(p_.actions[i].mission, at("actions", i) + ".mission");
    for (std::size_t i = 0; i < p_.candidates.size(); ++i)
      mission_ref(p_.candidates[i].mission, at("candidates", i) + ".mission");
    references();
    overrides();
    follow_up();
  }

 private:
  const Project& p_;
  const std::string& root_;
  std::vector<JsonError>& errors_;
  const Catalogue* cat_;

  void error(std::string path, std::string message) {
    if (errors_.size() < 50) errors_.push_back({std::move(path), std::move(message)});
  }
  std::string at(const char* list, std::size_t i) const { return root_ + "." + list + "[" + std::to_string(i) + "]"; }

  // A catalogue neither shipped, embedded nor imported no longer refuses the file (issue #17): it
  // opens, ProjectLoad::unknown_catalogue tells the app and the CLI to offer the import, and the
  // missions cannot be checked meanwhile. An embedded catalogue is the one the contract names.
  void catalogue() {
    if (p_.embedded_catalogue.empty()) return;
    if (!cat_ || cat_->file_text != p_.embedded_catalogue)
      error(root_ + ".embedded_catalogue",
            "catalogue intégré différent de celui que nomme contract.catalogue (« " + p_.contract.catalogue + " »)");
  }

  void territory() {
    const Territory& t = p_.territory;
    // A forced taille must say which signed document forces it (contract annex, avenant).
    if (t.taille_override.taille != 0 && t.taille_override.justification.empty())
      error(root_ + ".territory.taille_override.justification",
            "justification obligatoire quand la taille est forcée (ex. « avenant du contrat signé le … »)");
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < t.communes.size(); ++i) {
      const std::string& insee = t.communes[i].insee;
      if (insee.empty()) continue;  // aggregated line
      auto [it, inserted] = seen.emplace(insee, i);
      if (!inserted)
        error(root_ + ".territory.communes[" + std::to_string(i) + "].insee",
              "commune « " + insee + " » en double (déjà en " + root_ + ".territory.communes[" +
                  std::to_string(it->second) + "])");
    }
    if (t.total_population() > kMaxPopulation)
      error(root_ + ".territory.communes", "population totale entre 0 et " + fr_int(kMaxPopulation) +
                                               " attendue, trouvé " + fr_int(t.total_population()));
  }

  template <class T>
  void unique_ids(const std::vector<T>& items, const char* list) {
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto [it, inserted] = seen.emplace(items[i].id, i);
      if (!inserted)
        error(at(list, i) + ".id", "identifiant « " + items[i].id + " » en double (déjà utilisé en " +
                                       at(list, it->second) + ")");
    }
  }

  std::string mission_list() const {
    std::string s;
    for (const CatalogueMission& m : cat_->missions) s += (s.empty() ? "" : ", ") + m.id;
    return s;
  }
  void mission_ref(const std::string& mission, const std::string& path) {
    if (cat_ && !cat_->mission(mission))
      error(path, "mission du catalogue « " + cat_->id + " » attendue (" + mission_list() + "), trouvé « " + mission + " »");
  }

  void missions() {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < p_.missions.size(); ++i) {
      const std::string& m = p_.missions[i].mission;
      mission_ref(m, at("missions", i) + ".mission");
      if (m.empty()) continue;
      auto [it, inserted] = seen.emplace(m, i);
      if (!inserted)
        error(at("missions", i) + ".mission", "mission « " + m + " » en double (déjà en " + at("missions", it->second) + ")");
    }
  }

  void references() {
    std::unordered_map<std::string_view, bool> actions, professionals;
    actions.reserve(p_.actions.size());
    for (const Action& a : p_.actions) actions.emplace(a.id, true);
    for (const Professional& x : p_.professionals) professionals.emplace(x.id, true);
    for (std::size_t i = 0; i < p_.indicators.size(); ++i)
      if (!actions.count(p_.indicators[i].action))
        error(at("indicators", i) + ".action",
              "identifiant d’une fiche-action du projet attendu, trouvé « " + p_.indicators[i].action + " »");
    for (std::size_t i = 0; i < p_.member_payments.size(); ++i)
      if (!professionals.count(p_.member_payments[i].professional))
        error(root_ + ".finance.member_payments[" + std::to_string(i) + "].professional",
              "identifiant d’un professionnel du projet ($.professionals) attendu, trouvé « " +
                  p_.member_payments[i].professional + " »");
  }

  // Follow-up (issue #19): measurements sorted by date, one a date, inside the contract — from the
  // signature to the end of a sixth year, so that the review of year 5, held after its anniversary,
  // can be recorded — and at most one final value per contract year; the review date in the same
  // span. Without a signature, any valid date (nothing to measure it against).
  void follow_up() {
    const Date& sig = p_.contract.signature;
    bool dated = sig.valid();
    Date last = dated ? add_years(sig, kContractYears + 1) : Date{};
    auto outside = [&](const Date& d) { return dated && (d < sig || d >= last); };
    auto span = [&] { return "entre le " + format_fr(sig) + " (signature) et le " + format_fr(from_days(to_days(last) - 1)); };
    if (p_.contract.review_date && (!p_.contract.review_date->valid() || outside(*p_.contract.review_date)))
      error(root_ + ".contract.review_date", "date de revue " + (dated ? span() : std::string("valide")) + " attendue, trouvé « " +
                                                 to_iso(*p_.contract.review_date) + " »");
    for (std::size_t i = 0; i < p_.indicators.size(); ++i) {
      const std::vector<Measurement>& ms = p_.indicators[i].measurements;
      std::set<int> finals;
      for (std::size_t k = 0; k < ms.size(); ++k) {
        std::string path = at("indicators", i) + ".measurements[" + std::to_string(k) + "]";
        const Date& d = ms[k].date;
        if (!d.valid()) {
          error(path + ".date", "date de mesure attendue (AAAA-MM-JJ)");
          continue;
        }
        if (outside(d)) error(path + ".date", "date de mesure " + span() + " attendue, trouvé « " + format_fr(d) + " »");
        if (k > 0 && ms[k - 1].date.valid() && !(ms[k - 1].date < d))
          error(path + ".date", ms[k - 1].date == d ? "une seule mesure par date attendue, « " + format_fr(d) + " » en double"
                                                    : "mesures triées par date attendues (« " + format_fr(d) + " » après « " +
                                                          format_fr(ms[k - 1].date) + " »)");
        if (ms[k].final && dated && !outside(d)) {
          int year = 1;
          while (year < kContractYears + 1 && !(d < add_years(sig, year))) ++year;
          if (!finals.insert(year).second)
            error(path + ".final", "une seule valeur retenue par année de contrat attendue (année " + std::to_string(year) + ")");
        }
      }
    }
  }

  // Overrides: mission components name a mission whose catalogue pays that component; contract
  // components name none; one override per (component, mission, year).
  void overrides() {
    std::set<std::tuple<int, std::string_view, int>> seen;
    for (std::size_t i = 0; i < p_.overrides.size(); ++i) {
      const AmountOverride& ov = p_.overrides[i];
      std::string path = at("overrides", i);
      std::string comp = to_string(ov.component);
      if (is_mission_component(ov.component) && cat_) {
        bool in_catalogue = false;
        for (int t = 1; t <= 4; ++t) in_catalogue = in_catalogue || cat_->amount(ov.component, ov.mission, t);
        if (!cat_->mission(ov.mission))
          error(path + ".mission", "mission du catalogue « " + cat_->id + " » attendue (" + mission_list() +
                                       "), trouvé « " + ov.mission + " »");
        else if (!in_catalogue)
          error(path, "le catalogue « " + cat_->id + " » ne prévoit pas la composante « " + comp +
                          " » pour la mission « " + ov.mission + " »");
      } else if (!is_mission_component(ov.component) && !ov.mission.empty()) {
        error(path + ".mission", "texte vide attendu : la composante « " + comp + " » ne dépend pas d’une mission");
      }
      if (!seen.insert({static_cast<int>(ov.component), ov.mission, ov.year}).second)
        error(path, "surcharge en double (même composante, même mission, même année)");
    }
  }
};

}  // namespace

void check_project_rules(const Project& p, const std::string& root, std::vector<JsonError>& errors) {
  RuleChecker(p, root, errors).run();
}

}  // namespace cpts
