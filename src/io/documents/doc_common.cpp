#include "io/documents/doc_common.hpp"

#include <algorithm>

#include "model/version.hpp"

namespace cpts::doc {

const char* const kDash = "\xE2\x80\x94";

std::string or_dash(const std::string& s) { return s.empty() ? kDash : s; }
std::string date_or_dash(const Date& d) { return d.valid() ? format_fr(d) : kDash; }
std::string money(Cents c) { return format_eur(c); }
std::string money_or_dash(Cents c) { return c == 0 ? kDash : format_eur(c); }
std::string amount_cell(Cents c) {
  if (c == 0) return kDash;
  std::string s = format_eur(c);
  return s.substr(0, s.size() - 5);  // drop U+00A0 and "€" (2 + 3 bytes)
}

std::string value_with_unit(double v, const std::string& unit) {
  std::string s = format_number_fr(v, 2);
  if (unit.empty()) return s;
  // No-break space before a symbol ("13 %", French typography); a plain space before a word, so
  // that "16 médecins" can wrap in a narrow table column instead of being cut inside the word.
  return s + (unit.size() <= 3 ? "\xC2\xA0" : " ") + unit;
}

const char* status_label(ActionStatus s) {
  switch (s) {
    case ActionStatus::Planned: return "Prévue";
    case ActionStatus::InProgress: return "En cours";
    case ActionStatus::Done: return "Réalisée";
    case ActionStatus::Abandoned: return "Abandonnée";
  }
  return "";
}

const char* kind_label(IndicatorKind k) { return k == IndicatorKind::Deliverable ? "Livrable" : "Résultat"; }

std::string direction_label(const Indicator& ind) {
  if (ind.kind == IndicatorKind::Deliverable) return "livrable";
  return ind.direction == Direction::Up ? "\xE2\x86\x91 à la hausse" : "\xE2\x86\x93 à la baisse";
}

std::string baseline_text(const Indicator& ind) { return ind.baseline ? value_with_unit(*ind.baseline, ind.unit) : std::string(kDash); }

std::string target_text(const Indicator& ind, int year) {
  if (ind.kind == IndicatorKind::Deliverable) return "Réalisé";
  auto it = ind.targets.find(year);
  return it == ind.targets.end() ? std::string(kDash) : value_with_unit(it->second, ind.unit);
}

std::string targets_text(const Indicator& ind) {
  if (ind.kind == IndicatorKind::Deliverable) return "Livrable réalisé chaque année";
  std::string s;
  for (const auto& [year, v] : ind.targets) s += (s.empty() ? "" : "\n") + ("A" + std::to_string(year) + " : ") + value_with_unit(v, ind.unit);
  return s.empty() ? std::string(kDash) : s;
}

std::string tiers_text(const Indicator& ind) {
  if (ind.tiers.empty()) {
    std::string s = ind.kind == IndicatorKind::Deliverable ? "Livrable : " : "Cible atteinte : ";
    s += money(ind.cents);
    if (ind.kind == IndicatorKind::Result && ind.partial == Partial::Linear) s += " (paiement partiel linéaire)";
    return s;
  }
  // From the easiest tier to the hardest, whatever order they were typed in (a contract annex
  // reads socle → objectif; the Vérification flags a project whose list is out of order).
  std::vector<Tier> tiers = ind.tiers;
  const bool up = ind.direction == Direction::Up;
  std::stable_sort(tiers.begin(), tiers.end(), [up](const Tier& a, const Tier& b) { return up ? a.threshold < b.threshold : a.threshold > b.threshold; });
  std::string s;
  for (const Tier& t : tiers) {
    if (!s.empty()) s += "\n";
    if (!t.label.empty()) s += t.label + " ";
    s += (ind.direction == Direction::Up ? "\xE2\x89\xA5\xC2\xA0" : "\xE2\x89\xA4\xC2\xA0") + value_with_unit(t.threshold, ind.unit) + " : " + money(t.cents);
  }
  return s;
}

std::string mission_short(const FundingResult& r, const std::string& id) {
  const CatalogueMission* m = r.catalogue ? r.catalogue->mission(id) : nullptr;
  return m ? m->short_fr : id;
}
std::string mission_long(const FundingResult& r, const std::string& id) {
  const CatalogueMission* m = r.catalogue ? r.catalogue->mission(id) : nullptr;
  return m ? m->label_fr : id;
}

std::vector<MissionRef> chosen_missions(const Project& p, const FundingResult& r) {
  std::vector<MissionRef> out;
  if (!r.catalogue) return out;
  for (std::size_t i = 0; i < r.catalogue->missions.size(); ++i) {
    const CatalogueMission& cm = r.catalogue->missions[i];
    const ProjectMission* pm = p.find_mission(cm.id);
    if (pm && pm->chosen) out.push_back({i, &cm, pm});
  }
  return out;
}

std::vector<const Action*> actions_of(const Project& p, const std::string& mission) {
  std::vector<const Action*> out;
  for (const Action& a : p.actions)
    if (a.mission == mission) out.push_back(&a);
  return out;
}

std::vector<const Indicator*> indicators_of(const Project& p, const std::string& action) {
  std::vector<const Indicator*> out;
  for (const Indicator& i : p.indicators)
    if (i.action == action) out.push_back(&i);
  return out;
}

void cover_facts(Cover& c, const Project& p, const FundingResult& r) {
  c.title = p.identity.name.empty() ? "CPTS (nom à compléter)" : p.identity.name;
  c.subtitle = "Communauté professionnelle territoriale de santé";
  if (!p.identity.association.empty()) c.facts.push_back({"Structure porteuse", p.identity.association});
  c.facts.push_back({"Territoire", std::to_string(p.territory.communes.size()) + " commune" + (p.territory.communes.size() > 1 ? "s" : "") +
                                       ", " + format_number_fr(static_cast<double>(r.population), 0) + "\xC2\xA0habitants"});
  c.facts.push_back({"Taille ACI", "Taille " + std::to_string(r.taille) + (r.taille != r.computed_taille ? " (taille retenue par dérogation)" : "")});
  c.facts.push_back({"Contrat ACI", p.contract.signature.valid() ? "signé le " + format_fr_long(p.contract.signature) : "date de signature à préciser"});
  if (r.catalogue) c.facts.push_back({"Référentiel", r.catalogue->label_fr});
}

std::string generated_note(const Date& d) {
  std::string s = "Document établi";
  if (d.valid()) s += " le " + format_fr(d);
  s += " avec le Planificateur CPTS " + std::string(version()) + " : les montants sont ceux du moteur de calcul du planificateur.";
  return s;
}

std::string cpts_name(const Project& p) { return p.identity.name.empty() ? "CPTS" : p.identity.name; }

Document start_document(const Project& p, const Date& date, const FundingResult& r, const std::string& title,
                        const std::string& header, const std::string& subject, const std::string& kicker) {
  Document d;
  const std::string name = cpts_name(p);
  d.title = title + " — " + name;
  d.running_header = name + " — " + header;
  d.author = name;
  d.subject = subject;
  d.date = date;
  d.cover.kicker = kicker;
  cover_facts(d.cover, p, r);
  d.cover.footnote = generated_note(date);
  return d;
}

}  // namespace cpts::doc
