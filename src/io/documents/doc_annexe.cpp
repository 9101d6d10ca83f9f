// The indicator annex of the contract, shaped like the real annexes (domain reference §3.3):
// mission → fiche-action → indicator → baseline, targets, tiers and amount, with each mission's
// fixed and variable totals per contract year (the engine's figures, ceiling scenario).
#include "io/documents/doc_common.hpp"
#include "io/documents/documents.hpp"

namespace cpts {

using namespace doc;

doc::Document build_annexe(const Project& p, const DocOptions& o) {
  FundingResult r = simulate(p, Scenario::Ceiling);
  const std::string name = cpts_name(p);
  Document d = start_document(p, o.date, r, "Annexe des indicateurs", "Annexe : indicateurs et rémunération",
                              "Annexe au contrat tripartite CPTS – CPAM – ARS : indicateurs et rémunération",
                              "Annexe au contrat ACI — indicateurs et rémunération");
  d.toc();

  d.heading(1, "Récapitulatif du financement", true);
  d.paragraph("Montants annuels de l’accord conventionnel interprofessionnel pour la taille " + std::to_string(r.taille) + " (référentiel «\xC2\xA0" +
              r.catalogue->label_fr + "\xC2\xA0»). La part fixe comprend, le cas échéant, l’enveloppe des soins non programmés et le montant du plan de "
              "réponse aux crises ; la part variable est versée selon l’atteinte des indicateurs, après le dialogue de gestion.");
  Table sum;
  sum.header = {"Mission", "Part fixe (5 ans)", "Part variable maximale (5 ans)", "Total (5 ans)"};
  sum.align = {Align::Left, Align::Right, Align::Right, Align::Right};
  sum.widths = {40, 20, 20, 20};
  Cents fonct = 0, topup = 0;
  for (const YearFunding& y : r.years) fonct += y.fonctionnement, topup += y.topup;
  sum.row({"Fonctionnement (structure)", money(fonct), kDash, money(fonct)});
  // A row of its own, as in the funding table (engine/funding_table.hpp).
  if (topup) sum.row({"Complément avenant 2", money(topup), kDash, money(topup)});
  Cents all_fixed = fonct + topup, all_var = 0;
  for (const MissionRef& m : chosen_missions(p, r)) {
    Cents fixed = 0, var = 0;
    for (const YearFunding& y : r.years) {
      const MissionYear& my = y.missions[m.index];
      fixed += my.fixe + my.snp + my.activation;
      var += my.variable_max;
    }
    all_fixed += fixed, all_var += var;
    sum.row({m.cm->short_fr, money(fixed), money_or_dash(var), money(fixed + var)});
  }
  sum.row({"Total", money(all_fixed), money(all_var), money(all_fixed + all_var)}, true);
  sum.caption = "Financement maximal par mission sur la durée du contrat";
  d.table(std::move(sum));

  for (const MissionRef& m : chosen_missions(p, r)) {
    d.heading(1, "Mission : " + m.cm->short_fr, true);
    d.paragraph({{m.cm->label_fr, false, true}, {std::string(" — mission ") + (m.cm->socle ? "socle" : "complémentaire") + "."}});
    Table money_t;
    money_t.header = {"Année de contrat", "Période", "Part fixe", "Part variable maximale", "Total"};
    money_t.align = {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right};
    money_t.widths = {18, 28, 18, 18, 18};
    money_t.compact = true;
    Cents tf = 0, tv = 0;
    for (const YearFunding& y : r.years) {
      const MissionYear& my = y.missions[m.index];
      Cents fixed = my.fixe + my.snp + my.activation;
      tf += fixed, tv += my.variable_max;
      std::string period = y.start.valid() ? format_fr(y.start) + " – " + format_fr(from_days(to_days(y.end) - 1)) : std::string(kDash);
      if (my.active && my.prorata_num != my.prorata_den) period += "\n(prorata " + std::to_string(my.prorata_num) + "/" + std::to_string(my.prorata_den) + ")";
      if (!my.active) period += "\n(mission non démarrée)";
      money_t.row({"Année " + std::to_string(y.year), period, money_or_dash(fixed), money_or_dash(my.variable_max), money_or_dash(fixed + my.variable_max)});
    }
    money_t.row({"Total", "", money(tf), money(tv), money(tf + tv)}, true);
    money_t.caption = "Financement de la mission «\xC2\xA0" + m.cm->short_fr + "\xC2\xA0» par année de contrat";
    d.table(std::move(money_t));

    Cents indicator_total = 0;
    std::vector<const Action*> acts = actions_of(p, m.cm->id);
    if (acts.empty()) d.paragraph("Aucune action n’est rattachée à cette mission.", ParagraphStyle::Note);
    for (const Action* a : acts) {
      d.heading(2, "Action " + a->id + " : " + (a->title.empty() ? std::string("(sans titre)") : a->title));
      std::vector<const Indicator*> inds = indicators_of(p, a->id);
      if (inds.empty()) {
        d.paragraph("Aucun indicateur.", ParagraphStyle::Note);
        continue;
      }
      Table t;
      t.header = {"Indicateur", "Valeur initiale", "Cibles annuelles", "Paliers et montants", "Montant maximal", "Justificatif"};
      t.align = {Align::Left, Align::Right, Align::Left, Align::Left, Align::Right, Align::Left};
      t.widths = {20, 11, 15, 24, 14, 16};
      t.compact = true;
      Cents action_total = 0;
      for (const Indicator* ind : inds) {
        t.row({ind->id + " — " + ind->label + "\n" + kind_label(ind->kind) + (ind->kind == IndicatorKind::Result ? ", " + direction_label(*ind) : std::string()),
               baseline_text(*ind), targets_text(*ind), tiers_text(*ind), money(ind->max_cents()), or_dash(ind->evidence)});
        action_total += ind->max_cents();
      }
      t.row({"Total de l’action", "", "", "", money(action_total), ""}, true);
      indicator_total += action_total;
      d.table(std::move(t));
    }
    ResolvedAmount full = resolve_amount(p, *r.catalogue, r.taille, Component::Variable, m.cm->id, 0);
    if (full.found) {
      std::string s = "Somme des montants des indicateurs de la mission : " + money(indicator_total) + " par an ; part variable de la mission pour une année pleine : " +
                      money(full.cents) + ".";
      if (indicator_total != full.cents)
        s += indicator_total > full.cents ? " Les indicateurs dépassent le plafond : le versement est plafonné." : " Les indicateurs ne couvrent pas toute la part variable.";
      d.paragraph(s, indicator_total == full.cents ? ParagraphStyle::Normal : ParagraphStyle::Note);
    } else {
      d.paragraph("Cette mission n’a pas de part variable : ses livrables justifient la part fixe. Somme des montants des indicateurs : " + money(indicator_total) + ".",
                  ParagraphStyle::Note);
    }
  }
  return d;
}

}  // namespace cpts
