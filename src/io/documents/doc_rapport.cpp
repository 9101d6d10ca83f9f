// The annual report of one contract year, for the dialogue de gestion with the CPAM and the ARS:
// per mission and indicator, target vs actual, tier reached and amount earned, evidence received or
// missing, the comments of each fiche-action, and the totals (variable part earned).
#include <algorithm>

#include "io/documents/doc_common.hpp"
#include "io/documents/documents.hpp"

namespace cpts {

using namespace doc;

Cents earned_variable(const Project& p, const FundingResult& r, std::size_t m, int year) {
  if (year < 1 || year > kContractYears || !r.catalogue || m >= r.catalogue->missions.size()) return 0;
  const MissionYear& my = r.years[year - 1].missions[m];
  if (!my.active) return 0;
  const std::string& id = r.catalogue->missions[m].id;
  ResolvedAmount v = resolve_amount(p, *r.catalogue, r.taille, Component::Variable, id, year);
  if (!v.found) return 0;
  Cents earned = 0;
  for (const Indicator& ind : p.indicators) {
    const Action* a = p.find_action(ind.action);
    if (!a || a->mission != id) continue;
    if (auto v = year_value(ind, year, p.contract.signature)) earned += indicator_payment(ind, year, *v);  // measurements, else actual
  }
  Cents capped = std::min(earned, v.cents);  // same cap and prorata as the engine (funding.cpp)
  return p.contract.prorate_variable ? mul_div(capped, my.prorata_num, my.prorata_den) : capped;
}

namespace {

std::string tier_reached(const Indicator& ind, int year, const Date& sig) {
  auto value = year_value(ind, year, sig);
  if (!value) return "Non renseigné";
  double v = *value;
  if (!ind.tiers.empty()) {
    const Tier* best = nullptr;
    for (const Tier& t : ind.tiers)
      if ((ind.direction == Direction::Up ? v >= t.threshold : v <= t.threshold) && (!best || t.cents > best->cents)) best = &t;
    return best ? "Palier " + (best->label.empty() ? value_with_unit(best->threshold, ind.unit) : best->label) : "Aucun palier atteint";
  }
  if (ind.kind == IndicatorKind::Deliverable) return v >= 1 ? "Réalisé" : "Non réalisé";
  Cents paid = indicator_payment(ind, year, v);
  if (paid == ind.cents && paid > 0) return "Cible atteinte";
  if (paid > 0) return "Atteinte partielle";
  auto target = target_for(ind, year);
  if (target && (ind.direction == Direction::Up ? v >= *target : v <= *target)) return "Cible atteinte";
  return "Cible non atteinte";
}

std::string actual_text(const Indicator& ind, int year, const Date& sig) {
  auto value = year_value(ind, year, sig);
  if (!value) return kDash;
  if (ind.kind == IndicatorKind::Deliverable) return *value >= 1 ? "Fait" : "Non fait";
  return value_with_unit(*value, ind.unit);
}

bool evidence_ok(const Indicator& ind, int year) {
  auto it = ind.evidence_received.find(year);
  return it != ind.evidence_received.end() && it->second;
}

const char* const kReceived = "\xE2\x9C\x93 reçu";     // ✓
const char* const kMissing = "\xE2\x9C\x97 manquant";  // ✗

}  // namespace

doc::Document build_rapport_annuel(const Project& p, const DocOptions& o) {
  const int year = std::clamp(o.year, 1, kContractYears);
  FundingResult r = simulate(p, Scenario::Ceiling);
  const YearFunding& yf = r.years[year - 1];
  const std::string name = cpts_name(p);
  const std::string period = yf.start.valid() ? "du " + format_fr(yf.start) + " au " + format_fr(from_days(to_days(yf.end) - 1)) : "dates à préciser";
  const std::string y = std::to_string(year);
  Document d = start_document(p, o.date, r, "Rapport annuel, année " + y, "Rapport annuel, année de contrat " + y,
                              "Rapport d’activité pour le dialogue de gestion", "Rapport annuel — année de contrat " + y);
  d.cover.facts.push_back({"Période", period});
  d.toc();

  // Figures shared by the sections.
  std::vector<MissionRef> missions = chosen_missions(p, r);
  int n_ind = 0, n_filled = 0, n_ev = 0;
  Cents earned_total = 0;
  std::vector<Cents> earned(r.catalogue->missions.size(), 0);
  for (const MissionRef& m : missions) {
    earned[m.index] = earned_variable(p, r, m.index, year);
    earned_total += earned[m.index];
    for (const Action* a : actions_of(p, m.cm->id))
      for (const Indicator* ind : indicators_of(p, a->id)) {
        ++n_ind;
        n_filled += year_value(*ind, year, p.contract.signature) ? 1 : 0;
        n_ev += evidence_ok(*ind, year) ? 1 : 0;
      }
  }

  d.heading(1, "Synthèse de l’année", true);
  d.paragraph("Ce rapport présente, pour l’année de contrat " + std::to_string(year) + " (" + period +
              "), les résultats des indicateurs au regard des cibles, les justificatifs transmis et la part variable qui en découle selon les règles "
              "de l’accord (palier le plus élevé atteint, plafond de la mission, prorata d’une année incomplète).");
  Table s;
  s.key_value = true;
  s.widths = {55, 45};
  s.row({"Part fixe de l’année (fonctionnement compris)", money(yf.fixed_total())});
  if (yf.activation_total()) s.row({"Activation de crise (crise reconnue par l’ARS)", money(yf.activation_total())});
  s.row({"Part variable maximale", money(yf.variable_max_total())});
  s.row({"Part variable obtenue (valeurs réalisées)", money(earned_total)});
  s.row({"Total de l’année", money(yf.fixed_total() + yf.activation_total() + earned_total)}, true);
  s.row({"Indicateurs renseignés", std::to_string(n_filled) + " sur " + std::to_string(n_ind)});
  s.row({"Justificatifs reçus", std::to_string(n_ev) + " sur " + std::to_string(n_ind)});
  d.table(std::move(s));

  d.heading(1, "Résultats par mission", true);
  for (const MissionRef& m : missions) {
    const MissionYear& my = yf.missions[m.index];
    d.heading(2, m.cm->short_fr);
    if (!my.active) d.paragraph("La mission n’était pas encore démarrée pendant cette année de contrat.", ParagraphStyle::Note);
    for (const Action* a : actions_of(p, m.cm->id)) {
      d.heading(3, "Action " + a->id + " : " + (a->title.empty() ? std::string("(sans titre)") : a->title));
      std::vector<const Indicator*> inds = indicators_of(p, a->id);
      if (!inds.empty()) {
        Table t;
        t.header = {"Indicateur", "Cible", "Réalisé", "Palier atteint", "Montant obtenu", "Montant maximal", "Justificatif"};
        t.align = {Align::Left, Align::Right, Align::Right, Align::Left, Align::Right, Align::Right, Align::Left};
        t.widths = {26, 11, 11, 14, 12, 12, 14};
        t.compact = true;
        for (const Indicator* ind : inds) {
          auto actual = year_value(*ind, year, p.contract.signature);
          Cents paid = actual ? indicator_payment(*ind, year, *actual) : 0;
          auto target = target_for(*ind, year);
          std::string target_s = ind->kind == IndicatorKind::Deliverable ? "Livrable"
                                 : target ? value_with_unit(*target, ind->unit)
                                          : std::string(kDash);
          t.row({ind->id + " — " + ind->label, target_s, actual_text(*ind, year, p.contract.signature), tier_reached(*ind, year, p.contract.signature), money(paid), money(ind->max_cents()),
                 evidence_ok(*ind, year) ? kReceived : kMissing});
        }
        d.table(std::move(t));
      }
      d.paragraph({{"Commentaires : ", true}, {a->comments.empty() ? std::string("aucun commentaire saisi.") : a->comments}});
    }
    if (my.variable_max > 0 || earned[m.index] > 0)
      d.paragraph("Part variable obtenue pour la mission : " + money(earned[m.index]) + " sur un maximum de " + money(my.variable_max) +
                  (my.prorata_num != my.prorata_den ? " (année incomplète : prorata " + std::to_string(my.prorata_num) + "/" + std::to_string(my.prorata_den) + ")" : "") +
                  ".");
  }

  d.heading(1, "Justificatifs", true);
  d.paragraph("État des justificatifs attendus pour l’année " + std::to_string(year) + " : " + std::to_string(n_ev) + " reçu" + (n_ev > 1 ? "s" : "") + ", " +
              std::to_string(n_ind - n_ev) + " manquant" + (n_ind - n_ev > 1 ? "s" : "") + ".");
  Table ev;
  ev.header = {"Indicateur", "Justificatif attendu", "Source", "État"};
  ev.widths = {34, 32, 20, 14};
  ev.compact = true;
  for (const MissionRef& m : missions) {
    bool any = false;
    for (const Action* a : actions_of(p, m.cm->id))
      for (const Indicator* ind : indicators_of(p, a->id)) {
        if (!any) ev.group_row(m.cm->short_fr), any = true;
        ev.row({ind->id + " — " + ind->label, or_dash(ind->evidence), or_dash(ind->source), evidence_ok(*ind, year) ? kReceived : kMissing});
      }
  }
  ev.caption = "Justificatifs de l’année " + std::to_string(year);
  d.table(std::move(ev));

  d.heading(1, "Totaux de l’année", true);
  Table t;
  t.header = {"Mission", "Part fixe", "Part variable maximale", "Part variable obtenue", "Total obtenu"};
  t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right};
  t.widths = {32, 17, 17, 17, 17};
  t.row({"Fonctionnement", money(yf.fonctionnement), kDash, kDash, money(yf.fonctionnement)});
  // A row of its own, as in the funding table (engine/funding_table.hpp).
  if (yf.topup) t.row({"Complément avenant 2", money(yf.topup), kDash, kDash, money(yf.topup)});
  for (const MissionRef& m : missions) {
    const MissionYear& my = yf.missions[m.index];
    Cents fixed = my.fixe + my.snp + my.activation;
    t.row({m.cm->short_fr, money(fixed), money(my.variable_max), money(earned[m.index]), money(fixed + earned[m.index])});
  }
  // The mission rows count crisis activation with the fixed money of the year (paid); the total too.
  const Cents paid_fixed = yf.fixed_total() + yf.activation_total();
  t.row({"Total", money(paid_fixed), money(yf.variable_max_total()), money(earned_total), money(paid_fixed + earned_total)}, true);
  t.caption = "Financement de l’année " + std::to_string(year) + " : part fixe et part variable obtenue";
  d.table(std::move(t));
  d.paragraph("La part variable obtenue est calculée sur les seules valeurs réalisées saisies ; un indicateur non renseigné ne rapporte rien. "
              "Le montant définitif est arrêté lors du dialogue de gestion.",
              ParagraphStyle::Note);
  return d;
}

}  // namespace cpts
