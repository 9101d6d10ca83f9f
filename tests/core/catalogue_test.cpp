#include "rules/catalogue.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "io/embedded_data.hpp"

using namespace cpts;

TEST(Catalogue, ShippedCataloguesLoadWithoutError) {
  for (const char* name : {"aci-2019.json", "aci-2019-avenant2.json"}) {
    std::vector<CatalogueError> errors;
    auto c = load_catalogue(embedded_file(name), errors);
    ASSERT_TRUE(c) << name << ": " << (errors.empty() ? "" : errors[0].path + " " + errors[0].message);
  }
  EXPECT_EQ(builtin_catalogues().size(), 2u);
  ASSERT_TRUE(find_catalogue(kDefaultCatalogue));
}

TEST(Catalogue, SizeBoundaries) {
  const Catalogue& c = *find_catalogue(kDefaultCatalogue);
  EXPECT_EQ(taille_for_population(c, 8500), 1);
  EXPECT_EQ(taille_for_population(c, 36907), 1);   // CPTS 21/52
  EXPECT_EQ(taille_for_population(c, 39999), 1);
  EXPECT_EQ(taille_for_population(c, 40000), 2);   // "< 40 000" is taille 1
  EXPECT_EQ(taille_for_population(c, 79999), 2);
  EXPECT_EQ(taille_for_population(c, 80000), 3);   // default convention
  EXPECT_EQ(taille_for_population(c, 80000, false), 2);
  EXPECT_EQ(taille_for_population(c, 94159), 3);   // Centre Saône-et-Loire
  EXPECT_EQ(taille_for_population(c, 175000), 3);  // "> 175 000" is taille 4
  EXPECT_EQ(taille_for_population(c, 175001), 4);
  EXPECT_EQ(taille_for_population(c, 200000), 4);  // Besançon
}

TEST(Catalogue, ObservedTaille3AmountsOfAvenant2) {
  const Catalogue& c = *find_catalogue("aci-2019-avenant2");
  auto eur = [&](Component comp, const char* m) { return c.amount(comp, m, 3)->cents / 100; };
  EXPECT_EQ(eur(Component::Fonctionnement, ""), 75000);
  EXPECT_EQ(eur(Component::Fixe, "acces"), 35000);
  EXPECT_EQ(eur(Component::Snp, "acces"), 55000);
  EXPECT_EQ(eur(Component::Variable, "acces"), 35000);
  EXPECT_EQ(eur(Component::Fixe, "parcours") + eur(Component::Variable, "parcours"), 90000);
  EXPECT_EQ(eur(Component::CriseUpdate, "crise"), 22500);
  EXPECT_EQ(eur(Component::CriseActivation, "crise"), 67500);
  EXPECT_EQ(c.amount(Component::Fixe, "acces", 3)->provenance, Provenance::Observed);
  EXPECT_EQ(c.amount(Component::Fixe, "acces", 1)->provenance, Provenance::Estimate);
  EXPECT_EQ(c.amount(Component::Fonctionnement, "", 1)->provenance, Provenance::Verified);
}

// Domain reference §12.2: every estimate of tailles 1, 2 and 4 is the taille 3 amount scaled by
// (2019 ceiling − fonctionnement) / 295 000 and rounded to the nearest 500 €.
TEST(Catalogue, EstimatesFollowTheScalingRule) {
  const double factor[5] = {0, 170000.0 / 295000, 227000.0 / 295000, 1, 360000.0 / 295000};
  for (const Catalogue& c : builtin_catalogues()) {
    for (const auto& [key, cells] : c.amounts) {
      if (!is_mission_component(key.first)) continue;
      ASSERT_TRUE(cells[2]) << c.id << " " << to_string(key.first) << " " << key.second;
      for (int t : {1, 2, 4}) {
        ASSERT_TRUE(cells[t - 1]);
        EXPECT_EQ(cells[t - 1]->provenance, Provenance::Estimate);
        double expected = std::floor(cells[2]->cents / 100.0 * factor[t] / 500 + 0.5) * 500;
        EXPECT_EQ(cells[t - 1]->cents, static_cast<Cents>(expected) * 100) << c.id << " " << to_string(key.first) << " " << key.second << " T" << t;
      }
    }
  }
  // Hand check: parcours fixe T1 = 45 000 × 170/295 = 25 932,2 -> 26 000 €.
  EXPECT_EQ(find_catalogue("aci-2019-avenant2")->amount(Component::Fixe, "parcours", 1)->cents, euros(26000));
}

TEST(Catalogue, Taille3SumsMatchTheWorkedExampleA) {
  // Domain reference §9.A: 397 500 € without crisis, of which 122 500 € variable.
  const Catalogue& c = *find_catalogue("aci-2019-avenant2");
  Cents total = c.amount(Component::Fonctionnement, "", 3)->cents, variable = 0;
  for (const auto& m : c.missions) {
    for (Component comp : {Component::Fixe, Component::Snp, Component::CriseUpdate})
      if (auto* a = c.amount(comp, m.id, 3)) total += a->cents;
    if (auto* a = c.amount(Component::Variable, m.id, 3)) { total += a->cents; variable += a->cents; }
  }
  EXPECT_EQ(total, euros(397500));
  EXPECT_EQ(variable, euros(122500));
  // The 2019 catalogue (no crisis mission, SNP 50 000 €) meets the 2019 ceiling of 370 000 €.
  const Catalogue& c19 = *find_catalogue("aci-2019");
  Cents t19 = c19.amount(Component::Fonctionnement, "", 3)->cents;
  for (const auto& m : c19.missions)
    for (Component comp : {Component::Fixe, Component::Snp, Component::Variable})
      if (auto* a = c19.amount(comp, m.id, 3)) t19 += a->cents;
  EXPECT_EQ(t19, euros(370000));
}

TEST(Catalogue, PassCapByCalendarYear) {
  const Catalogue& c = *find_catalogue(kDefaultCatalogue);
  EXPECT_FALSE(c.pass_for(2021));  // décret 2022-375: no cap before 2022
  EXPECT_EQ(c.pass_for(2023)->cents, euros(43992));
  EXPECT_EQ(c.pass_for(2027)->cents, euros(47100));
  EXPECT_EQ(c.pass_for(2027)->provenance, Provenance::Estimate);
}

TEST(Catalogue, BadCatalogueGivesPathAndFrenchMessage) {
  std::vector<CatalogueError> errors;
  EXPECT_FALSE(load_catalogue("{\"format\":\"x\"}", errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "$.format");
  errors.clear();
  EXPECT_FALSE(load_catalogue("{\"format\": ", errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("tronqué"), std::string::npos) << errors[0].message;
}
