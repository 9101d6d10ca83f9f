// The projet de santé, structured as ARS reviewers expect (domain reference §7): cover, contents,
// 1 presentation and governance, 2 territory, 3 diagnostic, 4 missions and fiches-actions,
// 5 deployment calendar, 6 budget and ACI funding, 7 follow-up and evaluation.
#include <algorithm>
#include <map>

#include "engine/budget.hpp"
#include "io/documents/doc_common.hpp"
#include "io/documents/documents.hpp"
#include "io/documents/figures.hpp"
#include "engine/estimates.hpp"
#include "engine/funding_table.hpp"
#include "engine/scenarios.hpp"

namespace cpts {

using namespace doc;

namespace {

void section_presentation(Document& d, const Project& p, const FundingResult& r) {
  d.heading(1, "Présentation et gouvernance de la CPTS", true);
  d.heading(2, "Identité");
  Table id;
  id.key_value = true;
  id.widths = {35, 65};
  id.row({"Nom", or_dash(p.identity.name)});
  id.row({"Structure porteuse", or_dash(p.identity.association)});
  id.row({"Numéro RNA", or_dash(p.identity.rna)});
  id.row({"Numéro FINESS", or_dash(p.identity.finess)});
  id.row({"Contrat ACI", p.contract.signature.valid() ? "signé le " + format_fr(p.contract.signature) : std::string(kDash)});
  id.row({"Référentiel de financement", r.catalogue ? r.catalogue->label_fr : std::string(kDash)});
  d.table(std::move(id));
  if (!p.identity.contacts.empty()) {
    d.heading(2, "Contacts");
    Table t;
    t.header = {"Fonction", "Nom", "Courriel", "Téléphone"};
    t.widths = {22, 30, 30, 18};
    for (const Contact& c : p.identity.contacts) t.row({or_dash(c.role), or_dash(c.name), or_dash(c.email), or_dash(c.phone)});
    d.table(std::move(t));
  }
  d.heading(2, "Gouvernance");
  if (p.colleges.empty()) {
    d.paragraph("Les collèges de l’association sont à décrire.", ParagraphStyle::Note);
  } else {
    d.paragraph("L’association est administrée par des collèges représentant les acteurs du territoire :");
    Table t;
    t.header = {"Collège", "Sièges", "Membres désignés"};
    t.align = {Align::Left, Align::Right, Align::Left};
    t.widths = {40, 12, 48};
    for (const College& c : p.colleges) {
      std::string members;
      for (const std::string& m : c.members) {
        const Professional* pro = p.find_professional(m);
        members += (members.empty() ? "" : ", ") + (pro ? pro->name : m);
      }
      t.row({c.name, std::to_string(c.seats), or_dash(members)});
    }
    d.table(std::move(t));
  }
  if (!p.professionals.empty()) {
    d.heading(2, "Professionnels engagés");
    std::map<std::string, std::pair<int, int>> by_profession;  // members, others
    for (const Professional& pro : p.professionals) {
      auto& c = by_profession[pro.profession.empty() ? std::string("Profession non précisée") : pro.profession];
      (pro.member ? c.first : c.second) += 1;
    }
    Table t;
    t.header = {"Profession", "Membres", "Non membres"};
    t.align = {Align::Left, Align::Right, Align::Right};
    t.widths = {60, 20, 20};
    int members = 0, others = 0;
    for (const auto& [prof, c] : by_profession) {
      t.row({prof, std::to_string(c.first), std::to_string(c.second)});
      members += c.first, others += c.second;
    }
    t.row({"Total", std::to_string(members), std::to_string(others)}, true);
    t.caption = "Professionnels recensés par profession";
    d.table(std::move(t));
  }
}

void section_territory(Document& d, const Project& p, const FundingResult& r) {
  d.heading(1, "Territoire", true);
  const Catalogue& cat = *r.catalogue;
  std::string taille = "La population couverte est de " + format_number_fr(static_cast<double>(r.population), 0) +
                       "\xC2\xA0habitants : la CPTS relève de la taille " + std::to_string(r.computed_taille) + " de l’ACI (taille 1 : moins de " +
                       format_number_fr(static_cast<double>(cat.taille2_from), 0) + " ; taille 2 : jusqu’à " +
                       format_number_fr(static_cast<double>(cat.taille3_from), 0) + " ; taille 3 : jusqu’à " +
                       format_number_fr(static_cast<double>(cat.taille4_above), 0) + " ; taille 4 : au-delà).";
  d.paragraph(taille);
  if (r.taille != r.computed_taille)
    d.paragraph("Taille retenue : " + std::to_string(r.taille) + ". Justification : " + or_dash(p.territory.taille_override.justification));
  if (!p.territory.population_source.empty()) d.paragraph("Source de la population : " + p.territory.population_source, ParagraphStyle::Note);
  // A row whose population has its own source (an IRIS or a quartier counted by the team, a
  // commune from another year of the list) says it in a column of its own; rows with the
  // territory's source, or none, leave it empty. Without such a row the table keeps 4 columns.
  const auto own_source = [&](const Commune& c) { return !c.source.empty() && c.source != p.territory.population_source; };
  const bool sources = std::any_of(p.territory.communes.begin(), p.territory.communes.end(), own_source);
  Table t;
  t.header = {"Code INSEE", "Commune", "Département", "Population"};
  t.align = {Align::Left, Align::Left, Align::Left, Align::Right};
  t.widths = {15, 50, 15, 20};
  if (sources) {
    t.header.push_back("Source de la population");
    t.align.push_back(Align::Left);
    t.widths = {12, 30, 12, 14, 32};
  }
  for (const Commune& c : p.territory.communes) {
    std::vector<std::string> row = {or_dash(c.insee), c.name, or_dash(c.department), format_number_fr(static_cast<double>(c.population), 0)};
    if (sources) row.push_back(own_source(c) ? c.source : "");
    t.row(row);
  }
  std::vector<std::string> total = {"", "Total (" + std::to_string(p.territory.communes.size()) + " communes)", "",
                                    format_number_fr(static_cast<double>(r.population), 0)};
  if (sources) total.push_back("");
  t.row(total, true);
  t.caption = "Communes du territoire";
  d.table(std::move(t));
}

void section_diagnostic(Document& d, const Project& p) {
  d.heading(1, "Diagnostic territorial", true);
  if (p.diagnostic.empty()) {
    d.paragraph("Les indicateurs du diagnostic sont à compléter (Rézone CPTS, données de la CPAM, enquêtes auprès des professionnels et des usagers).",
                ParagraphStyle::Note);
    return;
  }
  d.paragraph("Les indicateurs suivants fondent le choix des missions et des actions ; chacun est cité avec sa source et son année.");
  Table t;
  t.header = {"Indicateur", "Valeur", "Source", "Année", "Commentaire"};
  t.align = {Align::Left, Align::Right, Align::Left, Align::Right, Align::Left};
  t.widths = {28, 17, 20, 9, 26};
  for (const DiagnosticIndicator& di : p.diagnostic)
    t.row({di.label, value_with_unit(di.value, di.unit), or_dash(di.source), di.year ? std::to_string(di.year) : std::string(kDash), or_dash(di.comment)});
  t.caption = "Indicateurs du diagnostic territorial";
  d.table(std::move(t));
}

void fiche_action(Document& d, const Project& p, const Action& a) {
  d.heading(3, "Fiche-action " + a.id + " : " + (a.title.empty() ? std::string("(sans titre)") : a.title));
  Table t;
  t.key_value = true;
  t.widths = {28, 72};
  t.row({"Objectif", or_dash(a.objective)});
  t.row({"Pilote", or_dash(a.pilot)});
  std::string partners;
  for (const std::string& s : a.partners) partners += (partners.empty() ? "" : "\n") + s;
  t.row({"Partenaires", or_dash(partners)});
  t.row({"Population cible", or_dash(a.target_population)});
  t.row({"Calendrier", "du " + date_or_dash(a.start) + " au " + date_or_dash(a.end)});
  t.row({"État", status_label(a.status)});
  std::string budget;
  for (const BudgetLine& b : a.budget) budget += (budget.empty() ? "" : "\n") + ("Année " + std::to_string(b.year) + " : " + b.label + " — " + money(b.cents));
  t.row({"Moyens (budget)", or_dash(budget)});
  d.table(std::move(t));
  std::vector<const Indicator*> inds = indicators_of(p, a.id);
  if (inds.empty()) {
    d.paragraph("Aucun indicateur n’est encore rattaché à cette action.", ParagraphStyle::Note);
    return;
  }
  Table it;
  it.header = {"Indicateur", "Valeur initiale", "Cible A1", "Cible A2", "Cible A3", "Cible A4", "Cible A5"};
  it.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  it.widths = {34, 11, 11, 11, 11, 11, 11};
  it.compact = true;
  Table ev;
  ev.header = {"Indicateur", "Justificatif", "Source des données"};
  ev.widths = {34, 38, 28};
  ev.compact = true;
  for (const Indicator* ind : inds) {
    std::vector<std::string> row = {ind->id + " — " + ind->label + " (" + direction_label(*ind) + ")", baseline_text(*ind)};
    for (int y = 1; y <= kContractYears; ++y) row.push_back(target_text(*ind, y));
    it.row(row);
    ev.row({ind->id + " — " + ind->label, or_dash(ind->evidence), or_dash(ind->source)});
  }
  it.caption = "Indicateurs de la fiche-action " + a.id + " : valeur initiale et cibles annuelles";
  d.table(std::move(it));
  ev.caption = "Justificatifs attendus (fiche-action " + a.id + ")";
  d.table(std::move(ev));
}

void section_missions(Document& d, const Project& p, const FundingResult& r) {
  d.heading(1, "Missions et fiches-actions", true);
  std::vector<MissionRef> chosen = chosen_missions(p, r);
  std::string socle, options;
  for (const CatalogueMission& cm : r.catalogue->missions) {
    const ProjectMission* pm = p.find_mission(cm.id);
    if (pm && pm->chosen) continue;
    (cm.socle ? socle : options) += (((cm.socle ? socle : options).empty()) ? "" : ", ") + cm.short_fr;
  }
  d.paragraph("La CPTS s’engage sur " + std::to_string(chosen.size()) + " mission" + (chosen.size() > 1 ? "s" : "") +
              " de l’accord conventionnel interprofessionnel. Chaque mission est déclinée en fiches-actions, avec un pilote, des partenaires, "
              "une population cible, un calendrier et des indicateurs assortis d’une valeur initiale et de cibles annuelles.");
  if (!socle.empty()) d.paragraph("Missions socles non retenues (à justifier) : " + socle + ".", ParagraphStyle::Note);
  if (!options.empty()) d.paragraph("Missions complémentaires non retenues : " + options + ".", ParagraphStyle::Note);
  for (const MissionRef& m : chosen) {
    d.heading(2, m.cm->short_fr);
    d.paragraph({{m.cm->label_fr, false, true}, {std::string(" — mission ") + (m.cm->socle ? "socle" : "complémentaire") + "."}});
    const MissionDeadline* dl = nullptr;
    for (const MissionDeadline& x : r.deadlines)
      if (x.mission == m.cm->id) dl = &x;
    std::string when = "Démarrage prévu le " + date_or_dash(m.pm->start) + ", déploiement complet prévu le " + date_or_dash(m.pm->deployed) + ".";
    if (dl && dl->start_by.valid())
      when += " Échéances de l’ACI : démarrage au plus tard le " + format_fr(dl->start_by) + ", déploiement complet au plus tard le " +
              date_or_dash(dl->deployed_by) + ".";
    d.paragraph(when);
    if (!m.pm->notes.empty()) d.paragraph(m.pm->notes);
    std::vector<const Action*> acts = actions_of(p, m.cm->id);
    if (acts.empty()) d.paragraph("Aucune fiche-action n’est encore rédigée pour cette mission.", ParagraphStyle::Note);
    for (const Action* a : acts) fiche_action(d, p, *a);
  }
}

void section_calendar(Document& d, const Project& p, const FundingResult& r) {
  d.heading(1, "Calendrier de déploiement", true);
  d.paragraph("Les missions socles doivent démarrer et être pleinement déployées dans les délais fixés par l’ACI, comptés à partir de la signature "
              "du contrat (mission de réponse aux crises sanitaires graves : à partir du 03/09/2022 au plus tôt).");
  Timeline tl = deployment_timeline(p, r);
  d.figure(draw_timeline(tl, "Calendrier de déploiement des missions et des fiches-actions"),
           "Calendrier de déploiement sur les cinq années du contrat, avec les échéances de l’ACI");
  Table t;
  t.header = {"Mission", "Démarrage prévu", "Démarrage au plus tard", "Déploiement prévu", "Déploiement au plus tard", "Respect des échéances"};
  t.align = {Align::Left, Align::Center, Align::Center, Align::Center, Align::Center, Align::Left};
  t.widths = {24, 14, 15, 14, 15, 18};
  t.compact = true;
  for (const MissionDeadline& dl : r.deadlines) {
    const ProjectMission* pm = p.find_mission(dl.mission);
    if (!pm || !pm->chosen) continue;
    std::string ok = !dl.start_by.valid() ? "Échéance libre (mission complémentaire)"
                     : dl.start_late && dl.deploy_late ? "Démarrage et déploiement en retard"
                     : dl.start_late ? "Démarrage en retard"
                     : dl.deploy_late ? "Déploiement en retard"
                                      : "Dans les délais";
    t.row({mission_short(r, dl.mission), date_or_dash(pm->start), date_or_dash(dl.start_by), date_or_dash(pm->deployed), date_or_dash(dl.deployed_by), ok});
  }
  t.caption = "Échéances des missions (ACI, délais comptés à partir de la signature)";
  d.table(std::move(t));
  Table y;
  y.header = {"Année de contrat", "Du", "Au"};
  y.align = {Align::Left, Align::Center, Align::Center};
  for (const YearFunding& yf : r.years)
    y.row({"Année " + std::to_string(yf.year), date_or_dash(yf.start), yf.end.valid() ? format_fr(from_days(to_days(yf.end) - 1)) : std::string(kDash)});
  y.caption = "Années de contrat (la date anniversaire est celle de la signature)";
  d.table(std::move(y));
  if (!p.actions.empty()) {
    Table a;
    a.header = {"Fiche-action", "Mission", "Début", "Fin", "État"};
    a.align = {Align::Left, Align::Left, Align::Center, Align::Center, Align::Left};
    a.widths = {44, 20, 12, 12, 12};
    a.compact = true;
    for (const MissionRef& m : chosen_missions(p, r))
      for (const Action* ac : actions_of(p, m.cm->id))
        a.row({ac->id + " — " + ac->title, m.cm->short_fr, date_or_dash(ac->start), date_or_dash(ac->end), status_label(ac->status)});
    a.caption = "Calendrier des fiches-actions";
    d.table(std::move(a));
  }
}

// The funding table: the core's view model (engine/funding_table.hpp), the rows and figures the
// CLI and the app print too; a row resting on an estimated amount is marked "*" (the note under
// the table lists them).
Table funding_table_doc(const FundingResult& r) {
  Table t;
  t.header = {"Montants en euros", "Année 1", "Année 2", "Année 3", "Année 4", "Année 5", "Total"};
  t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  t.widths = {22, 12, 12, 12, 12, 12, 18};
  t.compact = true;
  for (const FundingTableRow& row : funding_table(r).rows) {
    std::vector<std::string> cells = {row.label_fr + (row.estimate ? " *" : "")};
    for (const std::string& c : row.year_cells) cells.push_back(c);
    cells.push_back(row.total_cell);
    t.row(cells, row.summary());
  }
  return t;
}

// Which figures the chapter shows: the project's one scenario choice (Contract::scenario).
std::string scenario_sentence(Scenario s) {
  switch (s) {
    case Scenario::Ceiling: return "la part variable est indiquée à son plafond (tous les indicateurs atteints).";
    case Scenario::Recorded:
      return "la part variable est celle du scénario « constaté » : ce que rapportent les valeurs relevées pour les années qui en ont, "
             "la prévision réaliste (cible de l’année × probabilité) pour les autres.";
    default:
      return std::string("la part variable est celle du scénario « ") + to_string(s) +
             " » : pour chaque indicateur, ce que rapporte sa cible de l’année × la probabilité de l’atteindre (les valeurs relevées priment).";
  }
}

void section_budget(Document& d, const Project& p, const FundingResult& r) {
  d.heading(1, "Budget et financement ACI", true);
  d.paragraph("Les montants ci-dessous sont calculés par le moteur du planificateur à partir du référentiel «\xC2\xA0" + r.catalogue->label_fr + "\xC2\xA0», de la taille " +
              std::to_string(r.taille) + " et des dates de démarrage des missions ; " + scenario_sentence(r.scenario) +
              " Une mission démarrée en cours d’année reçoit une part fixe proratisée.");
  d.heading(2, "Financement ACI par année de contrat");
  d.figure(draw_funding_bars(funding_bars(r), "Financement ACI par année de contrat et par mission"),
           "Financement ACI par année de contrat et par mission (scénario " + std::string(to_string(r.scenario)) + ")");
  Table ft = funding_table_doc(r);
  ft.caption = "Financement ACI par année de contrat (scénario " + std::string(to_string(r.scenario)) + ", en euros)";
  d.table(std::move(ft));
  if (std::vector<std::string> estimates = estimates_in_use_fr(p, r); !estimates.empty()) {
    std::string s;
    for (const std::string& e : estimates) s += (s.empty() ? "" : " ; ") + e;
    d.paragraph("Montants estimés (à remplacer par ceux du contrat signé) : " + s + ".", ParagraphStyle::Note);
  }
  d.heading(2, "Hypothèses de réalisation des indicateurs");
  auto scen = compare_scenarios(p);
  Table st;
  st.header = {"Scénario (euros)", "Année 1", "Année 2", "Année 3", "Année 4", "Année 5", "Total"};
  st.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  st.widths = {22, 12, 12, 12, 12, 12, 18};
  st.compact = true;
  for (const ScenarioTotals& s : scen) {
    std::vector<std::string> cells = {std::string(to_string(s.scenario))};
    cells[0][0] = static_cast<char>(cells[0][0] - 'a' + 'A');
    for (Cents c : s.by_year) cells.push_back(amount_cell(c));
    cells.push_back(amount_cell(s.total));
    st.row(cells);
  }
  st.caption = "Financement ACI total selon la réalisation des indicateurs";
  d.table(std::move(st));
  d.heading(2, "Budget prévisionnel");
  auto budget = budget_by_year(p, r);
  Table bt;
  bt.header = {"Montants en euros", "Année 1", "Année 2", "Année 3", "Année 4", "Année 5"};
  bt.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  bt.widths = {30, 14, 14, 14, 14, 14};
  bt.compact = true;
  auto brow = [&](const std::string& label, auto get, bool total = false) {
    std::vector<std::string> cells = {label};
    for (const BudgetYear& y : budget) cells.push_back(amount_cell(get(y)));
    bt.row(cells, total);
  };
  brow("Financement ACI (scénario " + std::string(to_string(r.scenario)) + ")", [](const BudgetYear& y) { return y.aci; });
  brow("Autres recettes", [](const BudgetYear& y) { return y.other_income; });
  brow("Dépenses de fonctionnement", [](const BudgetYear& y) { return y.expenses; });
  brow("Budgets des fiches-actions", [](const BudgetYear& y) { return y.action_budgets; });
  brow("Solde", [](const BudgetYear& y) { return y.balance(); }, true);
  bt.caption = "Budget prévisionnel par année de contrat";
  d.table(std::move(bt));
  if (!r.by_calendar_year.empty()) {
    Table ct;
    ct.header = {"Année civile", "Versements de l’Assurance Maladie"};
    ct.align = {Align::Left, Align::Right};
    ct.widths = {50, 50};
    for (const auto& [year, cents] : r.by_calendar_year) ct.row({std::to_string(year), money(cents)});
    ct.caption = "Versements par année civile (échéancier : avances de 75 % et soldes)";
    d.table(std::move(ct));
  }
  if (r.pre_contract) d.paragraph("Avant le contrat (lettre d’intention) : " + money(r.pre_contract) + ".");
}

void section_evaluation(Document& d, const Project& p, const FundingResult& r) {
  d.heading(1, "Suivi et évaluation", true);
  d.paragraph("Le suivi du projet de santé repose sur :");
  d.bullets({{{"un rapport d’activité annuel", true}, {" présentant, pour chaque mission et chaque indicateur, la valeur atteinte au regard de la cible, les justificatifs et les commentaires des pilotes ;"}},
             {{"le dialogue de gestion", true}, {" annuel avec la CPAM et l’ARS, qui arrête la part variable due au titre de l’année ;"}},
             {{"la mise à jour du projet de santé", true}, {" lorsque les besoins du territoire, les missions ou les actions évoluent."}}});
  Table t;
  t.header = {"Mission", "Fiches-actions", "Indicateurs de résultat", "Livrables", "Part variable maximale (5 ans)"};
  t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right};
  t.widths = {30, 14, 18, 14, 24};
  Cents total_var = 0;
  for (const MissionRef& m : chosen_missions(p, r)) {
    int acts = 0, results = 0, deliverables = 0;
    for (const Action* a : actions_of(p, m.cm->id)) {
      ++acts;
      for (const Indicator* i : indicators_of(p, a->id)) (i->kind == IndicatorKind::Result ? results : deliverables) += 1;
    }
    Cents var = 0;
    for (const YearFunding& y : r.years) var += y.missions[m.index].variable_max;
    total_var += var;
    t.row({m.cm->short_fr, std::to_string(acts), std::to_string(results), std::to_string(deliverables), money_or_dash(var)});
  }
  t.row({"Total", "", "", "", money(total_var)}, true);
  t.caption = "Indicateurs suivis et part variable en jeu";
  d.table(std::move(t));
  if (!p.decisions.empty()) {
    d.heading(2, "Relevé de décisions");
    Table dt;
    dt.header = {"Date", "Sujet", "Décision", "Responsable"};
    dt.widths = {14, 26, 40, 20};
    for (const Decision& x : p.decisions) dt.row({date_or_dash(x.date), or_dash(x.subject), or_dash(x.decision), or_dash(x.owner)});
    d.table(std::move(dt));
  }
  if (!p.notes.empty()) {
    d.heading(2, "Remarques");
    d.paragraph(p.notes);
  }
}

}  // namespace

doc::Document build_projet_de_sante(const Project& p, const DocOptions& o) {
  FundingResult r = simulate(p, p.contract.scenario);  // the project's scenario, as the app's Budget panel
  const std::string name = cpts_name(p);
  Document d = start_document(p, o.date, r, "Projet de santé", "Projet de santé",
                              "Projet de santé de la communauté professionnelle territoriale de santé", "Projet de santé");
  d.toc();
  section_presentation(d, p, r);
  section_territory(d, p, r);
  section_diagnostic(d, p);
  section_missions(d, p, r);
  section_calendar(d, p, r);
  section_budget(d, p, r);
  section_evaluation(d, p, r);
  return d;
}

}  // namespace cpts
