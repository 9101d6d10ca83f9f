// The official list of communes (issue #15): the table built from @etalab/decoupage-administratif
// 6.0.0, its search, and the territory edits. Figures can be checked by hand in the package's
// communes.json / epci.json (populations municipales 2023).
#include <gtest/gtest.h>

#include "edit/territory_edits.hpp"
#include "io/communes_table.hpp"
#include "io/project_json.hpp"
#include "rules/communes.hpp"

using namespace cpts;

namespace {

const CommuneIndex& index() {
  static const CommuneIndex idx = [] {
    std::string error;
    auto t = read_communes_table_file(CPTS_COMMUNES_TABLE, error);
    if (!t) throw std::runtime_error(error);
    return CommuneIndex(std::move(*t));
  }();
  return idx;
}

std::vector<std::string> codes(const std::vector<const RefCommune*>& v) {
  std::vector<std::string> out;
  for (const RefCommune* c : v) out.push_back(c->code);
  return out;
}

}  // namespace

TEST(Communes, FoldIgnoresAccentsCaseHyphensApostrophes) {
  EXPECT_EQ(fold_place_name("Besançon"), "besancon");
  EXPECT_EQ(fold_place_name("L’Haÿ-les-Roses"), "l hay les roses");
  EXPECT_EQ(fold_place_name("  Saint-Étienne-du-Rouvray "), "saint etienne du rouvray");
  EXPECT_EQ(fold_place_name("Œuilly"), "oeuilly");
  EXPECT_EQ(fold_place_name("Łódź"), "lodz");
}

TEST(Communes, TableHoldsCurrentCommunesAndArrondissements) {
  const CommuneIndex& idx = index();
  // 34 969 current communes + 45 municipal arrondissements (Paris 20, Marseille 16, Lyon 9).
  EXPECT_EQ(idx.size(), 35014u);
  EXPECT_EQ(idx.table().epcis.size(), 1255u);
  EXPECT_EQ(idx.provenance(), "population municipale 2023 (INSEE), découpage administratif 2026");
  const RefCommune* b = idx.find("25056");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->name, "Besançon");
  EXPECT_EQ(b->department, "25");
  EXPECT_EQ(b->population, 118489);
  EXPECT_EQ(b->epci, "242500361");
  const RefCommune* lyon1 = idx.find("69381");
  ASSERT_NE(lyon1, nullptr);
  EXPECT_EQ(lyon1->parent, "69123");
}

TEST(Communes, RefusesABrokenTableSayingWhere) {
  std::string error;
  EXPECT_FALSE(load_communes_table("#cpts-communes\t1\nC\t25056\tBesançon\n", error));
  EXPECT_EQ(error.rfind("table des communes, ligne 2 : commune : 9 champs attendus", 0), 0u) << error;
  EXPECT_FALSE(load_communes_table("{}", error));
  EXPECT_NE(error.find("ligne 1"), std::string::npos);
}

TEST(Communes, SearchAsYouType) {
  const CommuneIndex& idx = index();
  EXPECT_EQ(codes(idx.search("besancon", 1)), std::vector<std::string>{"25056"});
  EXPECT_EQ(codes(idx.search("BESANÇON", 1)), std::vector<std::string>{"25056"});
  // "creusot" is a word of "Le Creusot", the only commune with it.
  EXPECT_EQ(codes(idx.search("creusot")), std::vector<std::string>{"71153"});
  // 204 communes are named Saint-Martin… and one "Saint Martin de l'If" (spaces): "st martin"
  // finds these 205 before names that merely contain both words. First the 5 named exactly
  // Saint-Martin, the largest first (97801, the collectivité, 31 160), then the prefixed ones, the
  // largest first (Saint-Martin-d'Hères, 38, 37 695 inhabitants).
  auto sm = idx.search("st martin", 1000);
  ASSERT_GT(sm.size(), 205u);
  for (std::size_t i = 0; i < 205; ++i) EXPECT_EQ(fold_place_name(sm[i]->name).rfind("saint martin", 0), 0u) << sm[i]->name;
  EXPECT_NE(fold_place_name(sm[205]->name).rfind("saint martin", 0), 0u) << sm[205]->name;
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(sm[i]->name, "Saint-Martin");
  EXPECT_EQ(sm[0]->code, "97801");
  EXPECT_EQ(sm[5]->code, "38421");
  // "l isle": L'Isle-sur-la-Sorgue (20 244) before L'Isle-d'Abeau (17 515) and L'Isle-Adam (12 493).
  EXPECT_EQ(codes(idx.search("l isle", 3)), (std::vector<std::string>{"84054", "38193", "95313"}));
  EXPECT_EQ(codes(idx.search("l'isle", 3)), codes(idx.search("L’Isle", 3)));
}

TEST(Communes, SearchByInseeOrPostalCode) {
  const CommuneIndex& idx = index();
  EXPECT_EQ(codes(idx.search("71153")), std::vector<std::string>{"71153"});
  EXPECT_EQ(codes(idx.search("2a004")), std::vector<std::string>{"2A004"});  // Ajaccio
  // 71200 is the INSEE code of Fleury-la-Montagne (exact code first) and the postal code of
  // Le Creusot (20 509) and Saint-Sernin-du-Bois (1 734), the larger first.
  EXPECT_EQ(codes(idx.search("71200")), (std::vector<std::string>{"71200", "71153", "71479"}));
  // 69001: Affoux's INSEE code, then Lyon's and its 1st arrondissement's postal code.
  EXPECT_EQ(codes(idx.search("69001", 3)), (std::vector<std::string>{"69001", "69123", "69381"}));
}

TEST(Communes, EpciByNameOrSiren) {
  const CommuneIndex& idx = index();
  auto hits = idx.search_epci("creusot montceau");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]->siren, "247100290");
  EXPECT_EQ(hits[0]->name, "CU Le Creusot Montceau-les-Mines");
  EXPECT_EQ(idx.search_epci("247100290")[0]->siren, "247100290");
  EXPECT_EQ(idx.search_epci("grand besancon")[0]->siren, "242500361");
  EXPECT_EQ(idx.members("247100290").size(), 34u);
  EXPECT_EQ(idx.epci_population("247100290"), 90346);
  EXPECT_EQ(idx.members("242500361").size(), 67u);
  EXPECT_EQ(idx.epci_population("242500361"), 197061);
}

TEST(TerritoryEdits, AddEpciInOneUndoStepWithTaille) {
  const CommuneIndex& idx = index();
  History h;
  TerritoryAddPlan plan = plan_add_epci(h.project(), idx, "247100290");
  EXPECT_EQ(plan.label, "Ajouter CU Le Creusot Montceau-les-Mines");
  EXPECT_EQ(plan.added.size(), 34u);
  EXPECT_TRUE(plan.refused.empty());
  // 90 346 inhabitants: from 80 000, taille 3 (catalogue thresholds, domain reference §taille).
  EXPECT_EQ(plan.effect.old_total, 0);
  EXPECT_EQ(plan.effect.new_total, 90346);
  EXPECT_EQ(plan.effect.old_taille, 1);
  EXPECT_EQ(plan.effect.new_taille, 3);
  auto cmd = add_communes_command(plan);
  ASSERT_TRUE(cmd);
  ASSERT_TRUE(h.execute(*cmd));
  EXPECT_EQ(h.project().territory.communes.size(), 34u);
  EXPECT_EQ(h.project().territory.total_population(), 90346);
  EXPECT_EQ(h.project().territory.population_source, idx.provenance());
  // Adding it again: everything is already there.
  TerritoryAddPlan again = plan_add_epci(h.project(), idx, "247100290");
  EXPECT_TRUE(again.added.empty());
  EXPECT_EQ(again.refused.size(), 34u);
  EXPECT_FALSE(add_communes_command(again));
  h.undo();
  EXPECT_TRUE(h.project().territory.communes.empty());
  EXPECT_EQ(h.project().territory.population_source, "");
  h.redo();
  EXPECT_EQ(h.project().territory.communes.size(), 34u);
}

TEST(TerritoryEdits, ACommuneAddedTwiceIsRefused) {
  const CommuneIndex& idx = index();
  History h;
  ASSERT_TRUE(h.execute(*add_communes_command(plan_add_communes(h.project(), idx, {"25056"}))));
  TerritoryAddPlan twice = plan_add_communes(h.project(), idx, {"25056", "25462"});
  ASSERT_EQ(twice.refused.size(), 1u);
  EXPECT_EQ(twice.refused[0].message, "Besançon (25056) est déjà dans le territoire.");
  EXPECT_EQ(twice.refused[0].message_en, "Besançon (25056) is already in the territory.");  // the UI in English
  ASSERT_EQ(twice.added.size(), 1u);
  EXPECT_EQ(twice.added[0].name, "Pontarlier");
  // Lyon and one of its arrondissements would count the same inhabitants twice.
  TerritoryAddPlan lyon = plan_add_communes(h.project(), idx, {"69123", "69381"});
  ASSERT_EQ(lyon.refused.size(), 1u);
  EXPECT_EQ(lyon.refused[0].message, "Lyon 1er Arrondissement (69381) fait partie de Lyon (69123), déjà dans le territoire.");
  EXPECT_EQ(lyon.refused[0].message_en, "Lyon 1er Arrondissement (69381) is part of Lyon (69123), already in the territory.");
  TerritoryAddPlan unknown = plan_add_communes(h.project(), idx, {"99999"});
  ASSERT_EQ(unknown.refused.size(), 1u);
  EXPECT_EQ(unknown.refused[0].message.rfind("Le code INSEE « 99999 » n’est pas dans la liste officielle", 0), 0u);
  EXPECT_EQ(unknown.refused[0].message_en.rfind("The INSEE code “99999” is not in the official list", 0), 0u);
  EXPECT_EQ(plan_add_epci(h.project(), idx, "123").refused[0].message_en.rfind("The SIREN “123” is not", 0), 0u);
}

TEST(TerritoryEdits, UpdatePopulationsShowsOldNewAndTaille) {
  const CommuneIndex& idx = index();
  Project p;
  p.territory.population_source = "Rézone CPTS (INSEE 2020)";
  p.territory.communes = {{"71153", "Le Creusot", "71", 21800},
                          {"71306", "Montceau-les-Mines", "71", 17064},
                          {"", "Quartier saisi à la main", "71", 41200}};
  // 21 800 + 17 064 + 41 200 = 80 064 (taille 3) → 20 509 + 17 064 + 41 200 = 78 773 (taille 2).
  PopulationUpdatePlan plan = plan_update_populations(p, idx);
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].name, "Le Creusot");
  EXPECT_EQ(plan.changes[0].old_population, 21800);
  EXPECT_EQ(plan.changes[0].new_population, 20509);
  EXPECT_EQ(plan.unchanged, 1u);
  EXPECT_EQ(plan.not_in_list, std::vector<std::string>{"Quartier saisi à la main"});
  EXPECT_EQ(plan.effect.old_total, 80064);
  EXPECT_EQ(plan.effect.new_total, 78773);
  EXPECT_EQ(plan.effect.old_taille, 3);
  EXPECT_EQ(plan.effect.new_taille, 2);
  EXPECT_EQ(plan.new_source, "population municipale 2023 (INSEE), découpage administratif 2026 ; autres lignes : Rézone CPTS (INSEE 2020)");
  History h(p);
  ASSERT_TRUE(h.execute(*update_populations_command(plan)));
  EXPECT_EQ(h.project().territory.total_population(), 78773);
  // The two rows of the list now say the list's year; the row typed by hand keeps its own (none).
  EXPECT_EQ(h.project().territory.communes[0].source, idx.provenance());
  EXPECT_EQ(h.project().territory.communes[1].source, idx.provenance());
  EXPECT_EQ(h.project().territory.communes[2].source, "");
  h.undo();
  EXPECT_EQ(h.project().territory.total_population(), 80064);
  EXPECT_EQ(h.project().territory.population_source, "Rézone CPTS (INSEE 2020)");
  EXPECT_EQ(h.project().territory.communes[0].source, "");
}

// Issue #15: units typed by hand carry their own population source; rows from the list carry the
// list's provenance; both are written to the file (omitted when empty: older files unchanged) and
// into the projet de santé.
TEST(TerritoryEdits, EachRowCarriesItsPopulationSource) {
  const CommuneIndex& idx = index();
  History h;
  ASSERT_TRUE(h.execute(*add_communes_command(plan_add_communes(h.project(), idx, {"71153"}))));
  EXPECT_EQ(h.project().territory.communes[0].source, "population municipale 2023 (INSEE), découpage administratif 2026");
  Project p = h.project();
  p.territory.communes.push_back({"", "IRIS Le Creusot Nord", "71", 2400, "comptage de la CPTS, 2024"});
  p.territory.communes.push_back({"", "Quartier sans source", "71", 100});
  const std::string text = save_project(p);
  EXPECT_NE(text.find("\"source\": \"comptage de la CPTS, 2024\""), std::string::npos);
  ProjectLoad back = load_project(text);
  ASSERT_TRUE(back.project);
  EXPECT_EQ(back.project->territory.communes[1].source, "comptage de la CPTS, 2024");
  EXPECT_EQ(back.project->territory.communes[2].source, "");
  EXPECT_EQ(save_project(*back.project), text);
  // The row without a source has no "source" key at all (an older reader would refuse it).
  const std::size_t row = text.find("Quartier sans source");
  ASSERT_NE(row, std::string::npos);
  EXPECT_EQ(text.substr(row, text.find('}', row) - row).find("\"source\""), std::string::npos);
}
