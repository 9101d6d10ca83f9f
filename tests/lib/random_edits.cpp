#include "random_edits.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "edit/edits.hpp"
#include "edit/library.hpp"
#include "edit/workshop.hpp"
#include "engine/funding.hpp"
#include "io/project_json.hpp"
#include "rules/catalogue.hpp"
#include "rules/departments.hpp"

namespace cpts::editgen {

namespace {

using edits::ListKind;

// Sets field `member` of item `i` of the list `of` returns: the same set_value the panels use.
template <class V, class Of, class Item>
Command field(std::string what, std::size_t i, Of of, V Item::*member, V value) {
  return set_value<V>("modifier " + what, [i, of, member](Project& q) -> V* {
    auto& v = of(q);
    return i < v.size() ? &(v[i].*member) : nullptr;
  }, std::move(value));
}

}  // namespace

std::string RandomEdits::step(bool* refused) {
  if (refused) *refused = false;
  const Project& p = h_.project();
  // ---- value pools, valid and invalid ----
  auto text = [&]() -> std::string {
    static const char* const kTexts[] = {"", "CPTS du Val", "Saône-et-Loire", "l’équipe « santé »", "a\tb\nc", "  ", "P1", "A1", "x"};
    if (pick(50) == 0) return std::string(25000, 'x');
    return kTexts[pick(std::size(kTexts))];
  };
  auto insee = [&]() -> std::string {
    static const char* const k[] = {"71306", "ABC", "7115", "", "2A004", "2B033", "71076", "00000", "713060", "97411", "7A306"};
    if (!p.territory.communes.empty() && pick(4) == 0) return p.territory.communes[pick(p.territory.communes.size())].insee;  // duplicate
    return k[pick(std::size(k))];
  };
  auto dept = [&]() -> std::string {
    static const char* const k[] = {"71", "Saône-et-Loire", "saone et loire", "Corse-du-Sud", "2a", "7115", "Corse", "974", "", "ABC", "la réunion"};
    std::string typed = k[pick(std::size(k))];
    return department_code(typed).value_or(typed);  // what the Territoire field commits
  };
  auto big = [&]() -> long long {
    static const long long k[] = {0, 1, -1, 18000, 100'000'000, 100'000'001, std::numeric_limits<long long>::max(),
                                  std::numeric_limits<long long>::min(), -5000, 250};
    return k[pick(std::size(k))];
  };
  auto cents = [&]() -> Cents {
    static const Cents k[] = {0, 100, -100, 900000, kMaxProjectCents, kMaxProjectCents + 1, -kMaxProjectCents - 1,
                              std::numeric_limits<Cents>::max(), 1234567};
    return k[pick(std::size(k))];
  };
  auto dbl = [&]() -> double {
    static const double k[] = {0, 1.5, -3, 66.26, 1e16, std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::infinity(), 1e-300, 100};
    return k[pick(std::size(k))];
  };
  auto small_int = [&]() -> int {
    static const int k[] = {0, 1, 2, 3, 4, 5, 6, -1, 1990, 2024, 2200, 2201, 1000000};
    return k[pick(std::size(k))];
  };
  auto date = [&]() -> Date {
    static const Date k[] = {{}, {2024, 2, 29}, {2023, 2, 29}, {2022, 10, 18}, {1800, 1, 1}, {2025, 13, 1}, {2030, 6, 30}};
    return k[pick(std::size(k))];
  };
  auto an_id = [&](char prefix) -> std::string {
    switch (pick(4)) {
      case 0: return "";
      case 1: return fresh_id(p, prefix);
      case 2: return std::string(1, prefix) + "1";  // often a duplicate
      default: return std::string(70, prefix);      // too long
    }
  };
  auto mission = [&]() -> std::string {
    const Catalogue& cat = catalogue_for(p);
    if (pick(5) == 0) return pick(2) ? "crise" : "inconnue";
    return cat.missions.empty() ? std::string("acces") : cat.missions[pick(cat.missions.size())].id;
  };
  auto professional_ref = [&]() -> std::string {
    if (!p.professionals.empty() && pick(3)) return p.professionals[pick(p.professionals.size())].id;
    return pick(2) ? "P999" : "";
  };
  auto action_ref = [&]() -> std::string {
    if (!p.actions.empty() && pick(3)) return p.actions[pick(p.actions.size())].id;
    return "A9999";
  };
  auto index_in = [&](std::size_t n) { return static_cast<std::size_t>(pick(static_cast<std::uint32_t>(n + 1))); };  // n: out of range

  auto run = [&](Command c, std::string what) {
    EditResult r = h_.execute(std::move(c));
    if (refused) *refused = !r.refused.empty();
    return what + (r.applied ? "" : r.refused.empty() ? " (sans effet)" : " (refusé : " + r.refused.front().path + ")");
  };

  std::uint32_t kind = pick(100);
  if (kind < 8) {
    if (!h_.can_undo()) return "annuler (rien)";
    h_.undo();
    return "annuler";
  }
  if (kind < 13) {
    if (!h_.can_redo()) return "rétablir (rien)";
    h_.redo();
    return "rétablir";
  }
  if (kind < 55) {
    // ---- one field, like a finished edit in a panel ----
    auto& P = p;
    std::size_t i;
    switch (pick(40)) {
      case 0: return run(set_value<std::string>("nom", [](Project& q) { return &q.identity.name; }, text()), "identity.name");
      case 1: i = index_in(P.territory.communes.size());
        return run(field("insee", i, [](Project& q) -> auto& { return q.territory.communes; }, &Commune::insee, insee()), "communes[" + std::to_string(i) + "].insee");
      case 2: i = index_in(P.territory.communes.size());
        return run(field("dépt", i, [](Project& q) -> auto& { return q.territory.communes; }, &Commune::department, dept()), "communes[" + std::to_string(i) + "].department");
      case 3: i = index_in(P.territory.communes.size());
        return run(field("population", i, [](Project& q) -> auto& { return q.territory.communes; }, &Commune::population, big()), "communes[" + std::to_string(i) + "].population");
      case 4: i = index_in(P.territory.communes.size());
        return run(field("nom", i, [](Project& q) -> auto& { return q.territory.communes; }, &Commune::name, text()), "communes[" + std::to_string(i) + "].name");
      case 5: return run(set_value<int>("taille", [](Project& q) { return &q.territory.taille_override.taille; }, small_int()), "taille_override.taille");
      case 6: return run(set_value<std::string>("justification", [](Project& q) { return &q.territory.taille_override.justification; }, text()), "taille_override.justification");
      case 7: return run(set_value<Date>("signature", [](Project& q) { return &q.contract.signature; }, date()), "contract.signature");
      case 8: return run(set_value<std::string>("catalogue", [](Project& q) { return &q.contract.catalogue; }, pick(2) ? "inconnu" : p.contract.catalogue), "contract.catalogue");
      case 9: i = index_in(P.professionals.size());
        return run(field("id", i, [](Project& q) -> auto& { return q.professionals; }, &Professional::id, an_id('P')), "professionals[" + std::to_string(i) + "].id");
      case 10: i = index_in(P.professionals.size());
        return run(field("nom", i, [](Project& q) -> auto& { return q.professionals; }, &Professional::name, text()), "professionals[" + std::to_string(i) + "].name");
      case 11: i = index_in(P.member_payments.size());
        return run(field("pro", i, [](Project& q) -> auto& { return q.member_payments; }, &MemberPayment::professional, professional_ref()), "member_payments[" + std::to_string(i) + "].professional");
      case 12: i = index_in(P.member_payments.size());
        return run(field("montant", i, [](Project& q) -> auto& { return q.member_payments; }, &MemberPayment::cents, cents()), "member_payments[" + std::to_string(i) + "].cents");
      case 13: i = index_in(P.member_payments.size());
        return run(field("année", i, [](Project& q) -> auto& { return q.member_payments; }, &MemberPayment::calendar_year, small_int()), "member_payments[" + std::to_string(i) + "].calendar_year");
      case 14: i = index_in(P.actions.size());
        return run(field("mission", i, [](Project& q) -> auto& { return q.actions; }, &Action::mission, mission()), "actions[" + std::to_string(i) + "].mission");
      case 15: i = index_in(P.actions.size());
        return run(field("id", i, [](Project& q) -> auto& { return q.actions; }, &Action::id, an_id('A')), "actions[" + std::to_string(i) + "].id");
      case 16: i = index_in(P.actions.size());
        return run(field("titre", i, [](Project& q) -> auto& { return q.actions; }, &Action::title, text()), "actions[" + std::to_string(i) + "].title");
      case 17: i = index_in(P.actions.size());
        return run(field("début", i, [](Project& q) -> auto& { return q.actions; }, &Action::start, date()), "actions[" + std::to_string(i) + "].start");
      case 18: i = index_in(P.indicators.size());
        return run(field("action", i, [](Project& q) -> auto& { return q.indicators; }, &Indicator::action, action_ref()), "indicators[" + std::to_string(i) + "].action");
      case 19: i = index_in(P.indicators.size());
        return run(field("montant", i, [](Project& q) -> auto& { return q.indicators; }, &Indicator::cents, cents()), "indicators[" + std::to_string(i) + "].cents");
      case 20: i = index_in(P.indicators.size());
        return run(field("référence", i, [](Project& q) -> auto& { return q.indicators; }, &Indicator::baseline, std::optional<double>(pick(4) ? std::optional<double>(dbl()) : std::nullopt)), "indicators[" + std::to_string(i) + "].baseline");
      case 21: i = index_in(P.indicators.size());
        return run(field("id", i, [](Project& q) -> auto& { return q.indicators; }, &Indicator::id, an_id('I')), "indicators[" + std::to_string(i) + "].id");
      case 22: i = index_in(P.diagnostic.size());
        return run(field("valeur", i, [](Project& q) -> auto& { return q.diagnostic; }, &DiagnosticIndicator::value, dbl()), "diagnostic[" + std::to_string(i) + "].value");
      case 23: i = index_in(P.diagnostic.size());
        return run(field("année", i, [](Project& q) -> auto& { return q.diagnostic; }, &DiagnosticIndicator::year, small_int()), "diagnostic[" + std::to_string(i) + "].year");
      case 24: i = index_in(P.missions.size());
        return run(field("mission", i, [](Project& q) -> auto& { return q.missions; }, &ProjectMission::mission, mission()), "missions[" + std::to_string(i) + "].mission");
      case 25: i = index_in(P.missions.size());
        return run(field("déploiement", i, [](Project& q) -> auto& { return q.missions; }, &ProjectMission::deployed, date()), "missions[" + std::to_string(i) + "].deployed");
      case 26: i = index_in(P.expenses.size());
        return run(field("année", i, [](Project& q) -> auto& { return q.expenses; }, &YearAmount::year, small_int()), "expenses[" + std::to_string(i) + "].year");
      case 27: i = index_in(P.expenses.size());
        return run(field("montant", i, [](Project& q) -> auto& { return q.expenses; }, &YearAmount::cents, cents()), "expenses[" + std::to_string(i) + "].cents");
      case 28: i = index_in(P.overrides.size());
        return run(field("année", i, [](Project& q) -> auto& { return q.overrides; }, &AmountOverride::year, small_int()), "overrides[" + std::to_string(i) + "].year");
      case 29: i = index_in(P.overrides.size());
        return run(field("mission", i, [](Project& q) -> auto& { return q.overrides; }, &AmountOverride::mission, pick(2) ? std::string() : mission()), "overrides[" + std::to_string(i) + "].mission");
      case 30: i = index_in(P.candidates.size());
        return run(field("id", i, [](Project& q) -> auto& { return q.candidates; }, &Candidate::id, an_id('C')), "candidates[" + std::to_string(i) + "].id");
      case 31: return run(set_value<Scenario>("scénario", [](Project& q) { return &q.contract.scenario; }, static_cast<Scenario>(pick(kScenarioCount))), "contract.scenario");
      case 32: return run(set_value<SnpPayment>("SNP", [](Project& q) { return &q.contract.snp_payment; }, pick(2) ? SnpPayment::YearEnd : SnpPayment::Advance), "contract.snp_payment");
      case 33: i = index_in(P.territory.communes.size());  // a hand-typed unit's own population source (#15)
        return run(field("source", i, [](Project& q) -> auto& { return q.territory.communes; }, &Commune::source, text()), "communes[" + std::to_string(i) + "].source");
      // Follow-up (issue #19): dated measurements (inside the contract or not), the final mark,
      // the baseline's year, the review date.
      case 34:
      case 35: {
        const std::string id = P.indicators.empty() || pick(8) == 0 ? std::string("I9999") : P.indicators[pick(P.indicators.size())].id;
        Date d = P.contract.signature.valid() && pick(3) ? add_months(P.contract.signature, static_cast<int>(pick(80)) - 4) : date();
        std::optional<double> v;
        if (pick(4)) v = dbl();
        return run(edits::set_measurement(id, d, v, text()), "mesure " + id + " " + to_iso(d));
      }
      case 36: {
        if (P.indicators.empty()) return "mesure retenue (aucun indicateur)";
        const Indicator& ind = P.indicators[pick(P.indicators.size())];
        Date d = ind.measurements.empty() ? date() : ind.measurements[pick(ind.measurements.size())].date;
        return run(edits::set_measurement_final(ind.id, d, pick(3) != 0), "mesure retenue " + ind.id + " " + to_iso(d));
      }
      case 37: {
        if (P.indicators.empty()) return "année de référence (aucun indicateur)";
        const std::string id = P.indicators[pick(P.indicators.size())].id;
        std::optional<int> y;
        if (pick(4)) y = small_int();
        return run(edits::set_baseline_year(id, y), "année de référence " + id);
      }
      case 38: {
        std::optional<Date> d;
        if (pick(4)) d = P.contract.signature.valid() && pick(2) ? add_months(P.contract.signature, static_cast<int>(pick(80)) - 4) : date();
        return run(edits::set_review_date(d), "date de revue");
      }
      default: i = index_in(P.crises.size());
        return run(field("année", i, [](Project& q) -> auto& { return q.crises; }, &CrisisActivation::year, small_int()), "crises[" + std::to_string(i) + "].year");
    }
  }
  // ---- list operations (the row menu, the add buttons) ----
  const ListKind k = edits::kAllLists[pick(std::size(edits::kAllLists))];
  const std::string name = edits::list_name(k);
  const std::size_t n = edits::list_size(p, k);
  if (kind < 67) {
    std::size_t i = index_in(n);
    return run(edits::delete_item(p, k, i, "Supprimer"), "supprimer " + name + "[" + std::to_string(i) + "]");
  }
  if (kind < 77) {
    if (k == ListKind::Variants && big_) return "dupliquer variants (ignoré)";
    std::size_t i = index_in(n);
    return run(edits::duplicate_item(p, k, i, "Dupliquer"), "dupliquer " + name + "[" + std::to_string(i) + "]");
  }
  if (kind < 85) {
    std::size_t a = index_in(n), b = index_in(n);
    return run(edits::move_item(k, a, b, "Déplacer"), "déplacer " + name + "[" + std::to_string(a) + "→" + std::to_string(b) + "]");
  }
  if (kind < 93) {
    // The add buttons: a new item with fresh ids, like the panels make it.
    switch (pick(8)) {
      case 0: return run(insert_item<Commune>("Ajouter", [](Project& q) { return &q.territory.communes; }, p.territory.communes.size(), {"", "Nouvelle commune", "", 0}), "ajouter commune");
      case 1: return run(insert_item<Professional>("Ajouter", [](Project& q) { return &q.professionals; }, p.professionals.size(), {fresh_id(p, 'P'), "Nouveau", "", "", true}), "ajouter professionnel");
      case 2: {
        if (p.professionals.empty()) return "ajouter versement (aucun professionnel)";
        MemberPayment m{p.professionals[pick(p.professionals.size())].id, 2024, 10000, "indemnité"};
        return run(insert_item<MemberPayment>("Ajouter", [](Project& q) { return &q.member_payments; }, p.member_payments.size(), m), "ajouter versement");
      }
      case 3: {
        const Catalogue& cat = catalogue_for(p);
        if (cat.missions.empty()) return "ajouter action (catalogue vide)";
        Action a;
        a.id = fresh_id(p, 'A');
        a.mission = cat.missions[pick(cat.missions.size())].id;
        a.title = "Nouvelle action";
        return run(insert_item<Action>("Ajouter", [](Project& q) { return &q.actions; }, p.actions.size(), a), "ajouter action");
      }
      case 4: {
        if (p.actions.empty()) return "ajouter indicateur (aucune action)";
        Indicator x;
        x.id = fresh_id(p, 'I');
        x.action = p.actions[pick(p.actions.size())].id;
        x.label = "Nouvel indicateur";
        return run(insert_item<Indicator>("Ajouter", [](Project& q) { return &q.indicators; }, p.indicators.size(), x), "ajouter indicateur");
      }
      case 5: {
        const Catalogue& cat = catalogue_for(p);
        for (const CatalogueMission& m : cat.missions)
          if (!p.find_mission(m.id)) {
            ProjectMission pm;
            pm.mission = m.id;
            return run(insert_item<ProjectMission>("Choisir", [](Project& q) { return &q.missions; }, p.missions.size(), pm), "ajouter mission " + m.id);
          }
        return "ajouter mission (toutes présentes)";
      }
      case 6: return run(insert_item<YearAmount>("Ajouter", [](Project& q) { return &q.expenses; }, p.expenses.size(), {"Nouvelle ligne", 1, 0}), "ajouter dépense");
      default: {
        Candidate c;
        c.id = fresh_id(p, 'C');
        c.mission = catalogue_for(p).missions.empty() ? "" : catalogue_for(p).missions[0].id;
        c.title = "Nouvelle idée";
        c.retained = pick(2);
        return run(insert_item<Candidate>("Ajouter", [](Project& q) { return &q.candidates; }, p.candidates.size(), c), "ajouter candidat");
      }
    }
  }
  if (kind < 96) {
    const auto& cats = builtin_catalogues();
    const std::string to = cats[pick(cats.size())].id;
    return run(edits::switch_catalogue(p, to, "Changer de catalogue"), "catalogue → " + to);
  }
  if (kind == 96) return run(edits::add_rating_group(p, pick(2) ? "Élus" : "Médecins", "Ajouter un groupe"), "ajouter un groupe");
  if (big_) return "insertion de bibliothèque (ignorée : gros projet)";
  if (kind < 98) {
    const Library& lib = builtin_library();
    if (lib.entries.empty()) return "bibliothèque vide";
    const LibraryEntry& e = lib.entries[pick(lib.entries.size())];
    if (!catalogue_for(p).mission(e.mission)) return "bibliothèque : mission hors catalogue";
    return run(replace_project("Insérer", insert_library_entry(p, e)), "insérer « " + e.id + " »");
  }
  return run(replace_project("Convertir", convert_retained_candidates(p)), "convertir les candidats retenus");
}

}  // namespace cpts::editgen
