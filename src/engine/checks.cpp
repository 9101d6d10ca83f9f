#include "engine/checks.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "engine/budget.hpp"
#include "engine/estimates.hpp"

namespace cpts {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Blocking: return "bloquant";
    case Severity::Warning: return "à revoir";
    case Severity::Info: return "information";
  }
  return "?";
}

const char* to_string(ObjectKind k) {
  static const char* const kNames[] = {"projet", "contrat", "territoire", "commune", "mission",
                                       "action", "indicateur", "professionnel", "budget", "montant"};
  return kNames[static_cast<int>(k)];
}

int count(const std::vector<Finding>& findings, Severity s) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [s](const Finding& f) { return f.severity == s; }));
}

namespace {

Date system_today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// A college member written like a professional id ("P12"): names are free text, ids are P + digits.
bool looks_like_professional_id(const std::string& s) {
  if (s.size() < 2 || s.size() > 11 || s[0] != 'P') return false;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

struct Checker {
  const Project& p;
  const Catalogue& cat;
  const FundingResult& funding;
  Date today;
  std::vector<Finding> out;

  void add(Severity s, const char* code, std::string fr, std::string en, ObjectKind kind, std::string id = {}) {
    out.push_back({s, code, std::move(fr), std::move(en), {kind, std::move(id)}});
  }

  std::string mission_label(const std::string& id) const {
    const CatalogueMission* m = cat.mission(id);
    return m ? m->short_fr : id;
  }
  std::string mission_label_en(const std::string& id) const {
    const CatalogueMission* m = cat.mission(id);
    return m ? m->short_en : id;
  }

  void contract_and_territory() {
    if (!p.contract.signature.valid())
      add(Severity::Blocking, "signature_manquante", "Date de signature du contrat manquante : saisissez-la dans Projet › Contrat (les échéances et les versements en dépendent).",
          "Contract signature date missing: enter it under Project › Contract.", ObjectKind::Contract);
    if (p.territory.communes.empty())
      add(Severity::Blocking, "territoire_vide", "Aucune commune : ajoutez les communes du territoire et leur population (Territoire).",
          "No commune: add the territory’s communes and their population.", ObjectKind::Territory);
    std::unordered_set<std::string> seen;
    for (const Commune& c : p.territory.communes) {
      if (!seen.insert(c.insee).second)
        add(Severity::Blocking, "commune_en_double", "Commune en double (code INSEE " + c.insee + ", " + c.name + ") : supprimez le doublon, sa population est comptée deux fois.",
            "Duplicate commune (INSEE " + c.insee + "): remove it, its population is counted twice.", ObjectKind::Commune, c.insee);
    }
    const TailleOverride& o = p.territory.taille_override;
    if (o.taille >= 1 && o.taille <= 4) {
      if (o.justification.empty())
        add(Severity::Blocking, "taille_sans_justification", "Taille forcée à " + std::to_string(o.taille) + " sans justification : expliquez pourquoi (avenant, chiffres CPAM…) ou retirez le forçage.",
            "Size class forced without a justification.", ObjectKind::Territory);
      if (o.taille != funding.computed_taille)
        add(Severity::Warning, "taille_incoherente",
            "La population (" + format_number_fr(static_cast<double>(funding.population), 0) + " habitants) correspond à la taille " + std::to_string(funding.computed_taille) +
                ", mais la taille " + std::to_string(o.taille) + " est retenue : vérifiez avec la CPAM.",
            "Population implies size class " + std::to_string(funding.computed_taille) + " but " + std::to_string(o.taille) + " is used.",
            ObjectKind::Territory);
    }
  }

  // The signature date against the ACI's own dates (issue #13, item 7). Sources: domain reference
  // /work/shared/domain/aci-cpts.md, chronology: ACI signed 20 Jun 2019, in force 25 Aug 2019;
  // avenant 2 signed 20 Dec 2021, published in the JO on 31 Mar 2022 — the date the catalogue
  // « aci-2019-avenant2 » is in force from (shared/catalogues/aci-2019-avenant2.json, in_force_from).
  void signature_dates() {
    const Date s = p.contract.signature;
    if (!s.valid()) return;
    if (s < Date{2019, 1, 1})
      add(Severity::Warning, "signature_avant_aci",
          "Contrat signé le " + format_fr(s) + ", avant l’ACI CPTS (signé le 20/06/2019, en vigueur le 25/08/2019) : vérifiez la date de signature.",
          "Contract signed on " + to_iso(s) + ", before the ACI CPTS existed (2019): check the date.", ObjectKind::Contract);
    if (today.valid() && to_days(s) - to_days(today) > 365)
      add(Severity::Warning, "signature_lointaine",
          "Contrat signé le " + format_fr(s) + ", plus d’un an après aujourd’hui (" + format_fr(today) + ") : vérifiez l’année de la date de signature.",
          "Contract signed on " + to_iso(s) + ", more than a year from today: check the year.", ObjectKind::Contract);
    const Catalogue* avenant2 = find_catalogue("aci-2019-avenant2");
    const Date avenant2_from = avenant2 && avenant2->in_force_from.valid() ? avenant2->in_force_from : Date{2022, 3, 31};
    if (p.contract.catalogue == "aci-2019" && s >= avenant2_from)
      add(Severity::Warning, "catalogue_avant_avenant2",
          "Contrat signé le " + format_fr(s) + " avec le catalogue « ACI 2019 » sans avenant 2, alors que l’avenant 2 s’applique depuis le " +
              format_fr(avenant2_from) + " : choisissez le catalogue « ACI CPTS 2019 + avenant 2 » (Projet › Contrat).",
          "Contract signed on " + to_iso(s) + " with the 2019 catalogue although amendment 2 applies since " + to_iso(avenant2_from) + ".",
          ObjectKind::Contract);
  }

  // References that point nowhere. The loader refuses some in files (indicator → action, payment →
  // professional, missions unknown to the catalogue), but a project in memory can still hold them
  // (catalogue changed, a merge); the others (a candidate's action, college members written as
  // ids) the loader accepts, and only the Vérification can tell.
  void references() {
    std::unordered_set<std::string> actions, pros;
    for (const Action& a : p.actions) actions.insert(a.id);
    for (const Professional& x : p.professionals) pros.insert(x.id);
    for (const ProjectMission& m : p.missions)
      if (!cat.mission(m.mission))
        add(Severity::Blocking, "mission_hors_catalogue",
            "Mission « " + m.mission + " » inconnue du catalogue « " + cat.label_fr + " » : retirez-la ou changez de catalogue (le fichier serait refusé).",
            "Mission \"" + m.mission + "\" is not in the catalogue.", ObjectKind::Mission, m.mission);
    for (const Action& a : p.actions)
      if (!cat.mission(a.mission))
        add(Severity::Blocking, "action_hors_catalogue",
            "Action « " + a.title + " » rattachée à la mission « " + a.mission + " », inconnue du catalogue « " + cat.label_fr + " ».",
            "Action \"" + a.title + "\" belongs to a mission that is not in the catalogue.", ObjectKind::Action, a.id);
    for (const Indicator& ind : p.indicators)
      if (!actions.count(ind.action))
        add(Severity::Blocking, "indicateur_sans_action",
            "Indicateur « " + ind.label + " » rattaché à la fiche-action « " + ind.action + " », qui n’existe pas.",
            "Indicator \"" + ind.label + "\" refers to action \"" + ind.action + "\", which does not exist.", ObjectKind::Indicator, ind.id);
    for (const MemberPayment& m : p.member_payments)
      if (!pros.count(m.professional))
        add(Severity::Blocking, "versement_sans_professionnel",
            "Versement de " + format_eur(m.cents) + " en " + std::to_string(m.calendar_year) + " à « " + m.professional + " », qui n’est pas dans la liste des professionnels.",
            "Payment to \"" + m.professional + "\", who is not in the list of professionals.", ObjectKind::Professional, m.professional);
    for (const Candidate& c : p.candidates)
      if (!c.action.empty() && !actions.count(c.action))
        add(Severity::Warning, "candidate_action_inconnue",
            "Action candidate « " + c.title + " » (Atelier) : la fiche-action « " + c.action + " » créée à partir d’elle n’existe plus.",
            "Candidate \"" + c.title + "\": its action \"" + c.action + "\" no longer exists.", ObjectKind::Action, c.action);
    for (const College& col : p.colleges)
      for (const std::string& m : col.members)
        if (looks_like_professional_id(m) && !pros.count(m))
          add(Severity::Warning, "membre_inconnu",
              "Collège « " + col.name + " » : le membre « " + m + " » ne correspond à aucun professionnel (identifiant disparu ?).",
              "College \"" + col.name + "\": member \"" + m + "\" is no professional of the project.", ObjectKind::Professional, m);
  }

  // The content a projet de santé must have before the ARS and the CPAM sign (domain reference
  // §7, "what ARS/CPAM expect", after art. L.1434-12 CSP and the ACI's contrat type): identity and
  // governance (§7.1), a territorial diagnostic (§7.3), and for each fiche-action a pilot (§7.4).
  // Severities as a demanding ARS reviewer reads a draft (issue #14 item 5):
  //  - no diagnostic: blocking — the projet de santé is built on it (L.1434-12: the CPTS's project
  //    answers the needs of its territory), the missions and the baselines have nothing to rest on;
  //  - no professional: blocking — a CPTS is a grouping of professionals (L.1434-12); the file shows
  //    who its members are, and the members' pay cap (décret 2022-375) is checked on them;
  //  - no governance (no college): blocking — §7.1 asks for the colleges and the board, which the
  //    ARS reads to judge the CPTS's representativeness;
  //  - no pilot on any action: blocking (nobody answers for the project); some actions without a
  //    pilot: to review, one finding per action, so a click opens it.
  void project_content() {
    if (p.diagnostic.empty())
      add(Severity::Blocking, "diagnostic_vide",
          "Diagnostic territorial vide : saisissez au moins les indicateurs d’accès aux soins (habitants sans médecin traitant, passages aux urgences…, "
          "Rézone CPTS) sur lesquels reposent les missions et les valeurs de référence (Diagnostic).",
          "Empty territorial diagnostic: enter at least the access-to-care indicators (residents without a GP, ER visits…, Rézone CPTS) "
          "the missions and baselines rest on (Diagnostic).",
          ObjectKind::Project);
    if (p.professionals.empty())
      add(Severity::Blocking, "professionnels_absents",
          "Aucun professionnel : une CPTS regroupe des professionnels de santé ; listez ses membres et leurs structures (Professionnels).",
          "No professional: a CPTS groups health professionals; list its members and their structures (Professionals).",
          ObjectKind::Professional);
    if (p.colleges.empty())
      add(Severity::Blocking, "gouvernance_absente",
          "Gouvernance non décrite : aucun collège. Décrivez les collèges de l’association (professionnels libéraux, établissements, "
          "médico-social, usagers…) et leurs sièges (Professionnels).",
          "Governance not described: no college. Describe the association’s colleges and their seats (Professionals).",
          ObjectKind::Professional);
    std::size_t without_pilot = 0;
    for (const Action& a : p.actions) without_pilot += a.pilot.empty();
    if (!p.actions.empty() && without_pilot == p.actions.size()) {
      add(Severity::Blocking, "pilotes_absents",
          "Aucune fiche-action n’a de pilote : nommez pour chacune la personne ou la structure qui la porte (Missions).",
          "No action has a pilot: name, for each one, the person or structure in charge (Missions).", ObjectKind::Action, p.actions.front().id);
    } else {
      for (const Action& a : p.actions)
        if (a.pilot.empty())
          add(Severity::Warning, "action_sans_pilote", "Action « " + a.title + " » sans pilote : nommez la personne ou la structure qui la porte.",
              "Action \"" + a.title + "\" has no pilot: name who is in charge.", ObjectKind::Action, a.id);
    }
  }

  // A result indicator's tiers and targets against what they pay (payment rule: engine/funding.cpp
  // indicator_payment — the highest tier reached pays; domain reference §3.2: tiers such as socle /
  // intermédiaire / objectif, each paying a fixed amount).
  //  - tiers listed out of order (socle first, then harder ones): to review — the contract annex
  //    prints them in this order and would read upside down;
  //  - a harder tier paying less than an easier one: blocking — reaching more would earn less, an
  //    annex the CPAM cannot sign;
  //  - a year's target that does not reach the first tier: to review — that year earns nothing
  //    from the indicator even if the target is met (often a year-1 ramp-up, but it must be chosen);
  //  - a year's target that earns nothing for another reason (tiers or amount at 0): to review.
  static std::string years_fr(const std::vector<int>& ys, bool en = false) {
    std::string s;
    for (std::size_t i = 0; i < ys.size(); ++i)
      s += (i == 0 ? "" : i + 1 == ys.size() ? (en ? " and " : " et ") : ", ") + std::to_string(ys[i]);
    return s;
  }
  static std::string value_fr(double v, const std::string& unit) {
    return format_number_fr(v, 2) + (unit.empty() ? "" : (unit.size() <= 3 ? "\u00A0" : " ") + unit);
  }
  void indicator_targets() {
    std::unordered_map<std::string, const std::string*> action_mission;
    for (const Action& a : p.actions) action_mission.emplace(a.id, &a.mission);
    for (const Indicator& ind : p.indicators) {
      if (ind.kind != IndicatorKind::Result) continue;
      auto m = action_mission.find(ind.action);
      const CatalogueMission* im = m != action_mission.end() ? cat.mission(*m->second) : nullptr;
      if (im && im->crisis) continue;  // the crisis mission has no variable part
      const bool up = ind.direction == Direction::Up;
      auto harder = [up](double a, double b) { return up ? a > b : a < b; };  // a is harder to reach than b
      if (ind.tiers.size() > 1) {
        bool out_of_order = false, pays_less = false;
        for (std::size_t i = 1; i < ind.tiers.size(); ++i)
          out_of_order = out_of_order || !harder(ind.tiers[i].threshold, ind.tiers[i - 1].threshold);
        for (const Tier& a : ind.tiers)
          for (const Tier& b : ind.tiers)
            pays_less = pays_less || (harder(a.threshold, b.threshold) && a.cents < b.cents);
        if (out_of_order)
          add(Severity::Warning, "paliers_desordonnes",
              "Indicateur « " + ind.label + " » : paliers dans le désordre. Rangez-les du plus facile (socle) au plus exigeant (" +
                  std::string(up ? "seuils croissants" : "seuils décroissants, indicateur à la baisse") + ").",
              "Indicator \"" + ind.label + "\": tiers out of order. List them from the easiest to the hardest.", ObjectKind::Indicator, ind.id);
        if (pays_less)
          add(Severity::Blocking, "palier_moins_paye",
              "Indicateur « " + ind.label + " » : un palier plus exigeant rapporte moins qu’un palier plus facile. Corrigez les montants des paliers.",
              "Indicator \"" + ind.label + "\": a harder tier pays less than an easier one. Fix the tier amounts.", ObjectKind::Indicator, ind.id);
      }
      if (ind.max_cents() == 0) continue;  // "indicateur_sans_montant" says it already
      std::vector<int> below_first, earns_nothing;
      const Tier* first = nullptr;
      for (const Tier& t : ind.tiers)
        if (!first || harder(first->threshold, t.threshold)) first = &t;
      for (const auto& [year, target] : ind.targets) {
        if (year < 1 || year > kContractYears) continue;
        if (first && !(up ? target >= first->threshold : target <= first->threshold)) below_first.push_back(year);
        else if (indicator_payment(ind, year, target) == 0) earns_nothing.push_back(year);
      }
      if (!below_first.empty()) {
        const bool one = below_first.size() == 1;
        add(Severity::Warning, "cible_sous_premier_palier",
            "Indicateur « " + ind.label + " » : la cible de l’année" + (one ? " " : "s ") + years_fr(below_first) + (one ? " n’atteint" : " n’atteignent") +
                " pas le premier palier (" + (up ? "≥\u00A0" : "≤\u00A0") + value_fr(first->threshold, ind.unit) + ") : atteinte, elle ne rapporte rien. "
                "Relevez la cible ou ajoutez un palier.",
            "Indicator \"" + ind.label + "\": the target of year" + (one ? " " : "s ") + years_fr(below_first, true) +
                " does not reach the first tier: met, it earns nothing.",
            ObjectKind::Indicator, ind.id);
      }
      if (!earns_nothing.empty()) {
        const bool one = earns_nothing.size() == 1;
        add(Severity::Warning, "cible_sans_gain",
            "Indicateur « " + ind.label + " » : atteinte, la cible de l’année" + (one ? " " : "s ") + years_fr(earns_nothing) +
                " ne rapporte rien (montant nul). Vérifiez les montants.",
            "Indicator \"" + ind.label + "\": met, the target of year" + (one ? " " : "s ") + years_fr(earns_nothing, true) + " earns nothing.",
            ObjectKind::Indicator, ind.id);
      }
    }
  }

  void missions() {
    for (const MissionDeadline& d : funding.deadlines) {
      const CatalogueMission* cm = cat.mission(d.mission);
      const ProjectMission* pm = p.find_mission(d.mission);
      std::string label = mission_label(d.mission), label_en = mission_label_en(d.mission);
      bool chosen = pm && pm->chosen;
      if (cm->socle && !chosen) {
        add(Severity::Blocking, "socle_manquante", "Mission socle « " + label + " » non retenue : elle est obligatoire dans l’ACI, cochez-la et planifiez-la.",
            "Mandatory mission \"" + label_en + "\" is not chosen.", ObjectKind::Mission, d.mission);
        continue;
      }
      if (!chosen) continue;
      if (!pm->start.valid())
        add(Severity::Blocking, "debut_manquant", "Mission « " + label + " » : date de démarrage manquante (aucun versement n’est calculé sans elle).",
            "Mission \"" + label_en + "\": start date missing.", ObjectKind::Mission, d.mission);
      if (d.start_late)
        add(Severity::Blocking, "debut_tardif", "Mission « " + label + " » : démarrage le " + format_fr(pm->start) + ", après l’échéance ACI du " + format_fr(d.start_by) + ". Avancez le démarrage.",
            "Mission \"" + label_en + "\" starts after its ACI deadline " + to_iso(d.start_by) + ".", ObjectKind::Mission, d.mission);
      if (d.deploy_late)
        add(Severity::Blocking, "deploiement_tardif", "Mission « " + label + " » : déploiement complet le " + format_fr(pm->deployed) + ", après l’échéance ACI du " + format_fr(d.deployed_by) + ".",
            "Mission \"" + label_en + "\" is fully deployed after its ACI deadline " + to_iso(d.deployed_by) + ".", ObjectKind::Mission, d.mission);
      if (pm->start.valid() && pm->deployed.valid() && pm->deployed < pm->start)
        add(Severity::Warning, "deploiement_avant_debut", "Mission « " + label + " » : le déploiement complet précède le démarrage.",
            "Mission \"" + label_en + "\": deployment before start.", ObjectKind::Mission, d.mission);
      if (cm->socle && !pm->deployed.valid())
        add(Severity::Warning, "deploiement_manquant", "Mission « " + label + " » : date de déploiement complet manquante.",
            "Mission \"" + label_en + "\": full deployment date missing.", ObjectKind::Mission, d.mission);
    }
  }

  void actions_and_indicators() {
    std::unordered_map<std::string, int> indicators_per_action;
    std::unordered_map<std::string, const std::string*> action_mission;
    std::map<std::string, int> actions_per_mission;
    for (const Action& a : p.actions) {
      action_mission.emplace(a.id, &a.mission);
      ++actions_per_mission[a.mission];
      const ProjectMission* pm = p.find_mission(a.mission);
      if (!pm || !pm->chosen)
        add(Severity::Warning, "action_mission_non_retenue", "Action « " + a.title + " » rattachée à la mission « " + mission_label(a.mission) + " », qui n’est pas retenue.",
            "Action \"" + a.title + "\" belongs to a mission that is not chosen.", ObjectKind::Action, a.id);
    }
    std::map<std::string, Cents> amounts_per_mission;
    for (const Indicator& ind : p.indicators) {
      ++indicators_per_action[ind.action];
      auto m = action_mission.find(ind.action);
      if (m != action_mission.end()) amounts_per_mission[*m->second] += ind.max_cents();
      if (ind.kind == IndicatorKind::Result) {
        if (!ind.baseline)
          add(Severity::Warning, "indicateur_sans_reference", "Indicateur « " + ind.label + " » : valeur de référence (situation initiale) manquante.",
              "Indicator \"" + ind.label + "\": baseline missing.", ObjectKind::Indicator, ind.id);
        if (ind.targets.empty() && ind.tiers.empty())
          add(Severity::Warning, "indicateur_sans_cible", "Indicateur « " + ind.label + " » : aucune cible ni palier. Fixez la cible de chaque année.",
              "Indicator \"" + ind.label + "\": no target and no tier.", ObjectKind::Indicator, ind.id);
      }
      const CatalogueMission* im = m != action_mission.end() ? cat.mission(*m->second) : nullptr;
      if (ind.max_cents() == 0 && !(im && im->crisis))  // the crisis mission has no variable part
        add(Severity::Info, "indicateur_sans_montant", "Indicateur « " + ind.label + " » : aucun montant associé.",
            "Indicator \"" + ind.label + "\": no amount.", ObjectKind::Indicator, ind.id);
    }
    for (const Action& a : p.actions)
      if (!indicators_per_action.count(a.id))
        add(Severity::Warning, "action_sans_indicateur", "Action « " + a.title + " » sans indicateur : ajoutez au moins un indicateur de suivi.",
            "Action \"" + a.title + "\" has no indicator.", ObjectKind::Action, a.id);
    for (const CatalogueMission& cm : cat.missions) {
      const ProjectMission* pm = p.find_mission(cm.id);
      if (!pm || !pm->chosen) continue;
      if (!actions_per_mission.count(cm.id))
        add(Severity::Warning, "mission_sans_action", "Mission « " + cm.short_fr + " » sans fiche-action : décrivez au moins une action.",
            "Mission \"" + cm.short_en + "\" has no action.", ObjectKind::Mission, cm.id);
      ResolvedAmount v = resolve_amount(p, cat, funding.taille, Component::Variable, cm.id, 0);
      Cents sum = amounts_per_mission[cm.id];
      Cents expected = v.found ? v.cents : 0;
      if ((sum != 0 || expected != 0) && sum != expected)
        add(Severity::Warning, "montants_indicateurs",
            "Mission « " + cm.short_fr + " » : les montants des indicateurs totalisent " + format_eur(sum) + " pour une part variable de " + format_eur(expected) +
                ". Répartissez exactement la part variable entre les indicateurs.",
            "Mission \"" + cm.short_en + "\": indicator amounts total " + format_eur_en(sum) + " for a variable part of " + format_eur_en(expected) + ".",
            ObjectKind::Mission, cm.id);
    }
  }

  // Old baselines (issue #19, domain reference §13): contracts signed in 2019–2022 measured their
  // starting points then; at the annual review the CPAM compares with current data.
  void baselines() {
    const Date& sig = p.contract.signature;
    for (const Indicator& ind : p.indicators) {
      if (!ind.baseline) continue;
      // A baseline more than two years older than the signature no longer describes the territory
      // the contract was signed for.
      if (ind.baseline_year && sig.valid() && *ind.baseline_year < sig.year - 2)
        add(Severity::Warning, "reference_ancienne",
            "Indicateur « " + ind.label + " » : valeur de référence de " + std::to_string(*ind.baseline_year) +
                ", plus de deux ans avant la signature (" + format_fr(sig) +
                "). Demandez une donnée récente à la CPAM (ou sur Rézone CPTS), mettez à jour la valeur et son année, et "
                "faites valider la nouvelle référence à la revue annuelle.",
            "Indicator \"" + ind.label + "\": baseline from " + std::to_string(*ind.baseline_year) +
                ", more than two years before the signature (" + to_iso(sig) +
                "). Ask the CPAM (or Rézone CPTS) for recent data, update the value and its year, and have the new "
                "baseline agreed at the annual review.",
            ObjectKind::Indicator, ind.id);
      // The médecin convention 2024–2029 set a national target of at most 2 % of ALD patients
      // without a médecin traitant (Observatoire de l’accès aux soins; domain reference §13): a
      // baseline measured before 2024 predates that reference.
      std::string lower = ind.label;
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      bool mt = lower.find("decin traitant") != std::string::npos || lower.find("médecin traitant") != std::string::npos;
      int measured = ind.baseline_year ? *ind.baseline_year : sig.valid() ? sig.year : 0;
      if (mt && measured != 0 && measured < 2024)
        add(Severity::Warning, "reference_nationale_mt",
            "Indicateur « " + ind.label + " » : référence nationale changée depuis la mesure de départ (" + std::to_string(measured) +
                ") — la convention médicale 2024–2029 vise au plus 2 % de patients en ALD sans médecin traitant "
                "(Observatoire de l’accès aux soins). Comparez vos cibles à cette référence, actualisez la valeur de départ "
                "avec la CPAM et notez l’écart au rapport annuel.",
            "Indicator \"" + ind.label + "\": the national reference moved since the baseline (" + std::to_string(measured) +
                ") — the 2024–2029 physicians’ agreement aims at no more than 2 % of ALD patients without a médecin "
                "traitant. Compare your targets with it, update the baseline with the CPAM and note the gap in the annual report.",
            ObjectKind::Indicator, ind.id);
    }
  }

  void money() {
    std::map<std::pair<std::string, int>, Cents> paid;
    for (const MemberPayment& m : p.member_payments) paid[{m.professional, m.calendar_year}] += m.cents;
    for (const auto& [key, cents] : paid) {
      auto pass = cat.pass_for(key.second);
      if (!pass || cents <= pass->cents) continue;
      const Professional* pro = p.find_professional(key.first);
      std::string who = pro ? pro->name : key.first;
      // An estimated PASS (a year the catalogue does not give) says so: the cap may be higher.
      const bool estimated = pass->provenance == Provenance::Estimate;
      add(Severity::Blocking, "plafond_pass",
          who + " : " + format_eur(cents) + " versés en " + std::to_string(key.second) + ", au-delà du plafond annuel de la sécurité sociale (" + format_eur(pass->cents) +
              (estimated ? std::string(", estimé") : std::string()) + ", décret 2022-375) : dépassement de " +
              format_eur(cents - pass->cents) + ". Réduisez les indemnités et rémunérations.",
          who + ": " + format_eur_en(cents) + " paid in " + std::to_string(key.second) + ", above the PASS cap (" + format_eur_en(pass->cents) +
              (estimated ? ", estimated" : "") + "): excess of " + format_eur_en(cents - pass->cents) + ".",
          ObjectKind::Professional, key.first);
    }
    // Decree 2022-375 caps each calendar year at that year's PASS: a year the catalogue lacks is
    // an estimate, listed (engine/estimates.hpp) and said here, never a silent reuse.
    for (const PassEstimate& e : pass_estimates(p, cat))
      add(Severity::Warning, "pass_estime",
          "PASS " + std::to_string(e.year) + " absent du catalogue : le plafond des indemnités et rémunérations de " + std::to_string(e.year) +
              " est estimé à " + format_eur(e.cents) + " (valeur " + std::to_string(e.from_year) + " reprise, à vérifier).",
          "PASS " + std::to_string(e.year) + " not in the catalogue: the members' pay cap uses the " + std::to_string(e.from_year) +
              " value, " + format_eur_en(e.cents) + " (estimate).",
          ObjectKind::Project, "");
    FundingResult realistic_storage;
    const FundingResult* realistic = &funding;
    if (funding.scenario != Scenario::Realistic) {
      realistic_storage = simulate(p, cat, Scenario::Realistic);
      realistic = &realistic_storage;
    }
    for (const BudgetYear& b : budget_by_year(p, *realistic))
      if (b.balance() < 0 && p.contract.signature.valid())
        add(Severity::Warning, "deficit",
            "Année " + std::to_string(b.year) + " en déficit de " + format_eur(-b.balance()) + " (scénario réaliste) : ajustez les dépenses ou trouvez d’autres financements.",
            "Year " + std::to_string(b.year) + " in deficit (realistic scenario).", ObjectKind::Budget, std::to_string(b.year));
    for (const EstimateUse& e : funding.estimates) {
      std::string what = std::string(component_label_fr(e.component)) + (e.mission.empty() ? "" : " « " + mission_label(e.mission) + " »");
      std::string what_en = std::string(component_label_en(e.component)) + (e.mission.empty() ? "" : " “" + mission_label_en(e.mission) + "”");
      add(Severity::Warning, "montant_estime",
          "Montant estimé utilisé (" + what + " : " + format_eur(e.cents) + ") : remplacez-le par le montant de votre contrat (Financement › Montants).",
          "Estimated amount in use (" + what_en + ": " + format_eur_en(e.cents) + "): replace it with your contract’s figure (Funding › Amounts).", ObjectKind::Amount,
          std::string(to_string(e.component)) + (e.mission.empty() ? "" : ":" + e.mission));
    }
  }
};

}  // namespace

std::vector<Finding> check_project(const Project& p, const FundingResult& funding, const Date& today) {
  const Catalogue& cat = funding.catalogue ? *funding.catalogue : catalogue_for(p);
  Checker c{p, cat, funding, today.valid() ? today : system_today(), {}};
  c.contract_and_territory();
  c.signature_dates();
  c.project_content();
  c.references();
  c.missions();
  c.actions_and_indicators();
  c.baselines();
  c.indicator_targets();
  c.money();
  std::stable_sort(c.out.begin(), c.out.end(), [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
  return c.out;
}

std::vector<Finding> check_project(const Project& p) { return check_project(p, simulate(p, Scenario::Realistic)); }

}  // namespace cpts
