#include "rules/catalogue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "io/embedded_data.hpp"
#include "io/json_reader.hpp"

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
// (2019 ceiling − fonctionnement) / 295 000 and rounded to the nearest 500 €; capped at the top of
// its sources' range (§13: crisis plan at most 50 000 €, activation at most 75 000 €; issue #17).
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
        if (key.first == Component::CrisePlan) expected = std::min(expected, 50000.0);        // T4: 55 000 -> 50 000
        if (key.first == Component::CriseActivation) expected = std::min(expected, 75000.0);  // T4: 82 500 -> 75 000
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

// The reader takes its allowed keys from rules/catalogue_format.hpp: a key the description does not
// name is refused where it stands, at the top and deep inside.
TEST(Catalogue, UnknownKeysAreRefusedWithTheirPath) {
  Json j = Json::parse(embedded_file("aci-2019-avenant2.json"));
  j["couleur"] = "bleu";
  j["missions"][1]["priorite"] = 1;
  j["amounts"][0]["by_taille"]["3"]["note"] = "x";
  j["size_thresholds"]["taille5_above"] = 500000;
  std::vector<CatalogueError> errors;
  EXPECT_FALSE(load_catalogue(j.dump(), errors));
  auto message_at = [&](const std::string& path) {
    for (const auto& e : errors)
      if (e.path == path) return e.message;
    return std::string("(aucune erreur à ce chemin)");
  };
  EXPECT_EQ(message_at("$.couleur"), "clé inconnue « couleur »");
  EXPECT_EQ(message_at("$.missions[1].priorite"), "clé inconnue « priorite »");
  EXPECT_EQ(message_at("$.amounts[0].by_taille.3.note"), "clé inconnue « note »");
  EXPECT_EQ(message_at("$.size_thresholds.taille5_above"), "clé inconnue « taille5_above »");
  EXPECT_EQ(errors.size(), 4u);
}

// Limits and words of the description, and the hand-written rules across objects, still hold.
TEST(Catalogue, DescribedLimitsAndCrossObjectRules) {
  auto first_error = [](const Json& j) {
    std::vector<CatalogueError> errors;
    EXPECT_FALSE(load_catalogue(j.dump(), errors));
    return errors.empty() ? CatalogueError{} : errors[0];
  };
  const Json base = Json::parse(embedded_file("aci-2019-avenant2.json"));
  Json j = base;
  j["amounts"][0]["by_taille"]["1"]["euros"] = 12.345;
  CatalogueError e = first_error(j);
  EXPECT_EQ(e.path, "$.amounts[0].by_taille.1.euros");
  EXPECT_EQ(e.message, "montant avec au plus 2 décimales attendu");
  j = base;
  j["missions"][0]["start_months"] = 61;
  EXPECT_EQ(first_error(j).path, "$.missions[0].start_months");
  j = base;
  j["missions"][0]["category"] = "facultative";
  e = first_error(j);
  EXPECT_EQ(e.path, "$.missions[0].category");
  EXPECT_NE(e.message.find("« socle » ou « optional » attendu"), std::string::npos) << e.message;
  j = base;
  j["missions"][1]["id"] = "acces";
  e = first_error(j);
  EXPECT_EQ(e.path, "$.missions[1].id");
  EXPECT_EQ(e.message, "identifiant de mission en double « acces »");
  j = base;
  j["amounts"][1]["mission"] = "inconnue";
  e = first_error(j);
  EXPECT_EQ(e.path, "$.amounts[1].mission");
  EXPECT_EQ(e.message, "mission du catalogue attendue, trouvé « inconnue »");
  j = base;
  j["pass"]["values"][0]["source"] = "";
  EXPECT_EQ(first_error(j).path, "$.pass.values[0].source");
  j = base;
  j["size_thresholds"]["taille3_from"] = 30000;
  EXPECT_EQ(first_error(j).message, "seuils croissants attendus");
  j = base;
  j.erase("missions");
  e = first_error(j);
  EXPECT_EQ(e.path, "$.missions");
  EXPECT_EQ(e.message, "champ obligatoire manquant");
}

// Every shipped catalogue reads to the same Catalogue as with the hand-written reader. The figures
// were counted in the JSON files by hand (python: sum of round(euros × 100) over every by_taille cell).
TEST(Catalogue, ShippedCataloguesReadToTheSameFigures) {
  struct Expected {
    const char* id;
    std::size_t missions, socle, amount_keys, cells;
    Cents total;
    int verified, observed, estimate;
  };
  for (const Expected& x : {Expected{"aci-2019", 5, 3, 12, 48, euros(1326500), 4, 0, 44},
                            Expected{"aci-2019-avenant2", 6, 4, 17, 68, euros(2107250), 12, 13, 43}}) {
    const Catalogue* c = find_catalogue(x.id);
    ASSERT_TRUE(c) << x.id;
    EXPECT_EQ(c->missions.size(), x.missions) << x.id;
    std::size_t socle = 0, cells = 0;
    for (const auto& m : c->missions) socle += m.socle;
    EXPECT_EQ(socle, x.socle) << x.id;
    EXPECT_EQ(c->amounts.size(), x.amount_keys) << x.id;
    Cents total = 0;
    int by_provenance[3] = {0, 0, 0};
    for (const auto& [key, row] : c->amounts)
      for (const auto& cell : row)
        if (cell) {
          ++cells;
          total += cell->cents;
          ++by_provenance[static_cast<int>(cell->provenance)];
          EXPECT_FALSE(cell->source.empty());
        }
    EXPECT_EQ(cells, x.cells) << x.id;
    EXPECT_EQ(total, x.total) << x.id;
    EXPECT_EQ(by_provenance[0], x.verified) << x.id;
    EXPECT_EQ(by_provenance[1], x.observed) << x.id;
    EXPECT_EQ(by_provenance[2], x.estimate) << x.id;
    EXPECT_EQ(c->taille2_from, 40000);
    EXPECT_EQ(c->taille3_from, 80000);
    EXPECT_EQ(c->taille4_above, 175000);
    EXPECT_EQ(c->amount(Component::Fonctionnement, "", 1)->cents, euros(50000));
    EXPECT_EQ(c->amount(Component::Fonctionnement, "", 4)->cents, euros(90000));
    const CatalogueMission* acces = c->mission("acces");
    ASSERT_TRUE(acces);
    EXPECT_TRUE(acces->socle);
    EXPECT_EQ(acces->start_months, 6);
    EXPECT_EQ(acces->deployed_months, 18);
    EXPECT_FALSE(c->mission("qualite")->socle);
    EXPECT_EQ(c->pass_cap_from_year, 2022);
    EXPECT_EQ(c->pass_by_year.size(), 4u);
    EXPECT_EQ(c->pass_by_year.at(2022).cents, euros(41136));
    EXPECT_EQ(c->pass_by_year.at(2025).cents, euros(47100));
  }
  const Catalogue& a2 = *find_catalogue("aci-2019-avenant2");
  EXPECT_TRUE(a2.mission("crise")->crisis);
  EXPECT_EQ(to_iso(a2.mission("crise")->in_force_from), "2022-09-03");
  EXPECT_EQ(to_iso(a2.topup_signed_until), "2021-12-31");
  EXPECT_EQ(to_iso(a2.topup_paid_on), "2022-03-31");
  EXPECT_FALSE(find_catalogue("aci-2019")->topup_signed_until.valid());
}
