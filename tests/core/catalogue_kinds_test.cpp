// Catalogues as data (issue #17 items 2 and 3): payment kinds named by the catalogue file, format 1
// still read, the test catalogue with a new mission and a ceiling shared by two missions (figures
// computed by hand below), the comparison of two catalogues, a project embedding its catalogue.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "edit/edits.hpp"
#include "edit/history.hpp"
#include "engine/catalogue_compare.hpp"
#include "engine/funding.hpp"
#include "io/embedded_data.hpp"
#include "io/json_reader.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"

using namespace cpts;

namespace {

const std::string kCatalogues = std::string(CPTS_SOURCE_DIR) + "/tests/data/catalogues";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const Catalogue& test_catalogue() {
  static const Catalogue* cat = [] {
    std::vector<CatalogueError> errors;
    auto c = load_catalogue(read_text(kCatalogues + "/aci-test-avenant-france-sante.json"), errors);
    EXPECT_TRUE(c) << (errors.empty() ? "" : errors[0].path + " : " + errors[0].message);
    return register_catalogue(std::move(*c));
  }();
  return *cat;
}

Project test_project() {
  test_catalogue();  // registered first: the project names it
  ProjectLoad l = load_project(read_text(kCatalogues + "/projet-avenant-france-sante.json"));
  EXPECT_TRUE(l.project) << (l.errors.empty() ? "" : l.errors[0].path + " : " + l.errors[0].message);
  EXPECT_EQ(l.unknown_catalogue, "");
  return *l.project;
}

std::string first_error(std::string_view text) {
  std::vector<CatalogueError> errors;
  if (load_catalogue(text, errors)) return "(accepté)";
  return errors.empty() ? "(aucune erreur)" : errors[0].path + " : " + errors[0].message;
}

// The shipped avenant 2 catalogue with one change applied to its JSON.
template <class F>
std::string avenant2_with(F change) {
  Json j = Json::parse(embedded_file("aci-2019-avenant2.json"));
  change(j);
  return j.dump();
}

Cents eur(long long e) { return e * 100; }

}  // namespace

// The shipped catalogues name every payment (format 2); the same file without them, in format 1,
// pays the same lines to the cent on every sample: the kinds in the files are the old code's.
TEST(CatalogueKinds, Format1WithoutPaymentsPaysTheSameAsTheShippedFormat2) {
  std::string v1 = avenant2_with([](Json& j) {
    j["schema_version"] = 1;
    j["id"] = "aci-2019-avenant2-format1";
    for (Json& line : j["amounts"]) line.erase("payment");
  });
  std::vector<CatalogueError> errors;
  auto old = load_catalogue(v1, errors);
  ASSERT_TRUE(old) << errors[0].path << " " << errors[0].message;
  EXPECT_EQ(old->schema_version, 1);
  EXPECT_TRUE(old->payments.empty());
  const Catalogue& shipped = *find_catalogue("aci-2019-avenant2");
  EXPECT_EQ(shipped.schema_version, 2);
  EXPECT_EQ(shipped.payments.size(), shipped.amounts.size());
  for (const std::string& id : sample_ids()) {
    ProjectLoad l = load_project(sample_text(id));
    ASSERT_TRUE(l.project) << id;
    Project p = *l.project;
    p.contract.pay_lettre_intention = true;  // every component in play
    p.crises.push_back({2, "crise de test"});
    for (Scenario s : {Scenario::Ceiling, Scenario::Realistic}) {
      FundingResult a = simulate(p, shipped, s), b = simulate(p, *old, s);
      ASSERT_EQ(a.schedule.size(), b.schedule.size()) << id;
      for (std::size_t i = 0; i < a.schedule.size(); ++i) {
        EXPECT_EQ(a.schedule[i].date, b.schedule[i].date) << id << " #" << i;
        EXPECT_EQ(a.schedule[i].cents, b.schedule[i].cents) << id << " #" << i;
        EXPECT_EQ(a.schedule[i].component, b.schedule[i].component) << id << " #" << i;
      }
      EXPECT_EQ(a.total(), b.total()) << id;
      EXPECT_EQ(a.pre_contract, b.pre_contract) << id;
    }
  }
}

TEST(CatalogueKinds, BadPaymentsAreRefusedWithTheirPath) {
  // Format 2: every amount line names its payment.
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["amounts"][0].erase("payment"); })),
            "$.amounts[0].payment : mode de versement obligatoire (format 2) : « kind » et ses paramètres");
  // A fixed part is not paid on indicators; a variable part is.
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["amounts"][1]["payment"] = {{"kind", "variable"}}; })),
            "$.amounts[1].payment.kind : « variable » est réservé à la part variable d’une mission (composante « variable »)");
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["amounts"][2]["payment"] = {{"kind", "prorated"}}; })),
            "$.amounts[2].payment.kind : la part variable se verse en « variable »");
  // The fonctionnement has no mission to prorate from.
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["amounts"][0]["payment"] = {{"kind", "prorated"}}; })),
            "$.amounts[0].payment.kind : « prorated » suit le démarrage d’une mission : composante de mission attendue");
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["amounts"][0]["payment"] = {{"kind", "lump_sum"}, {"on", "date"}}; })),
            "$.amounts[0].payment.date : date obligatoire pour un versement à une date (« on » : « date »)");
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["amounts"][0]["payment"]["advance_percent"] = 120; })),
            "$.amounts[0].payment.advance_percent : entier entre 0 et 100 attendu, trouvé « 120 »");
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["amounts"][0]["payment"]["kind"] = "mensuel"; })).rfind(
                "$.amounts[0].payment.kind : ", 0),
            0u);
  EXPECT_EQ(first_error(avenant2_with([](Json& j) { j["schema_version"] = 3; })),
            "$.schema_version : version du format 1 à 2 attendue, trouvé « 3 »");
}

TEST(CatalogueKinds, BadCeilingsAndExtrasAreRefusedWithTheirPath) {
  std::string text = read_text(kCatalogues + "/aci-test-avenant-france-sante.json");
  auto with = [&](auto change) {
    Json j = Json::parse(text);
    change(j);
    return first_error(j.dump());
  };
  EXPECT_EQ(with([](Json& j) { j["shared_ceilings"][0]["missions"][1] = "teleconsultation"; }),
            "$.shared_ceilings[0].missions[1] : mission du catalogue attendue, trouvé « teleconsultation »");
  EXPECT_EQ(with([](Json& j) { j["shared_ceilings"][0]["missions"] = {"prevention"}; }),
            "$.shared_ceilings[0].missions : au moins deux missions attendues pour un plafond commun");
  EXPECT_EQ(with([](Json& j) { j["shared_ceilings"].push_back(j["shared_ceilings"][0]); j["shared_ceilings"][1]["id"] = "autre"; }),
            "$.shared_ceilings[1].missions[0] : la mission « prevention » est déjà dans un plafond commun");
  EXPECT_EQ(with([](Json& j) { j["extra_components"][0]["id"] = "fixe"; }),
            "$.extra_components[0].id : « fixe » est déjà une composante du catalogue");
  EXPECT_EQ(with([](Json& j) { j["extra_components"][0]["payment"] = {{"kind", "variable"}}; }),
            "$.extra_components[0].payment.kind : « variable » est réservé à la part variable d’une mission (composante « variable »)");
  EXPECT_EQ(with([](Json& j) { j["extra_components"][0]["mission"] = "inconnue"; }),
            "$.extra_components[0].mission : mission du catalogue attendue, trouvé « inconnue »");
}

// The test catalogue, taille 2 (50 000 inhabitants), signed 01/01/2027, the four missions started
// at signature (no prorata), ceiling scenario. Per contract year:
//   fonctionnement                               60 000
//   appui au réseau France Santé (extra, yearly) 10 000   (7 500 advance + 2 500 balance)
//   accès          30 000 fixe + 30 000 variable  60 000
//   parcours       20 000 fixe + 40 000 variable  60 000  (another fixed/variable split)
//   prévention     10 000 fixe + 15 000 variable  25 000
//   France Santé   10 000 fixe +  5 000 variable  15 000  (its 15 000 capped: the shared ceiling is
//                                                          20 000 − 15 000 taken by prévention)
//   year total = 60 000 + 10 000 + 60 000 + 60 000 + 25 000 + 15 000 = 230 000 €; 5 years: 1 150 000 €.
TEST(CatalogueKinds, TestCatalogueGivesHandComputedFigures) {
  Project p = test_project();
  FundingResult r = simulate(p);
  ASSERT_EQ(r.catalogue, &test_catalogue());
  EXPECT_EQ(r.taille, 2);
  for (const YearFunding& y : r.years) {
    EXPECT_EQ(y.fonctionnement, eur(60000));
    ASSERT_EQ(y.extras.size(), 1u);
    EXPECT_EQ(y.extras[0], (std::pair<std::string, Cents>{"appui_france_sante", eur(10000)}));
    ASSERT_EQ(y.missions.size(), 4u);
    EXPECT_EQ(y.missions[0].total(), eur(60000));
    EXPECT_EQ(y.missions[1].fixe, eur(20000));
    EXPECT_EQ(y.missions[1].variable, eur(40000));
    EXPECT_EQ(y.missions[2].variable, eur(15000));
    EXPECT_EQ(y.missions[2].ceiling_cut, 0);
    EXPECT_EQ(y.missions[3].fixe, eur(10000));
    EXPECT_EQ(y.missions[3].variable, eur(5000));
    EXPECT_EQ(y.missions[3].ceiling_cut, eur(10000));
    EXPECT_EQ(y.missions[2].variable_max + y.missions[3].variable_max, eur(20000));
    EXPECT_EQ(y.total(), eur(230000));
  }
  EXPECT_EQ(r.total(), eur(1150000));
  // Year 1: fonctionnement in full at signature; the extra yearly component 75 % at the start of
  // the year (first_year_at_signature is not set) and its balance at the end.
  int appui_lines = 0;
  for (const PaymentItem& it : r.schedule) {
    if (it.extra != "appui_france_sante" || it.contract_year != 1) continue;
    ++appui_lines;
    EXPECT_EQ(payment_label_fr(r, it), "Appui au réseau France Santé");
    const bool advance = it.kind == PaymentKind::Advance;
    EXPECT_EQ(it.date, advance ? (Date{2027, 1, 1}) : (Date{2028, 1, 1}));
    EXPECT_EQ(it.cents, advance ? eur(7500) : eur(2500));
  }
  EXPECT_EQ(appui_lines, 2);
  Cents scheduled = 0;
  for (const PaymentItem& it : r.schedule) scheduled += it.cents;
  EXPECT_EQ(scheduled, r.total());  // every euro of the years is on a dated line
}

// Interchangeable envelopes: under the realistic scenario, what prévention does not earn is
// available to France Santé. Prévention earns 0 (no indicator), France Santé at most its own 15 000:
// the ceiling (20 000) no longer cuts anything.
TEST(CatalogueKinds, SharedCeilingFollowsWhatEachMissionEarns) {
  Project p = test_project();
  FundingResult r = simulate(p, Scenario::Realistic);
  for (const YearFunding& y : r.years) {
    EXPECT_EQ(y.missions[2].variable, 0);  // no indicator: nothing earned
    EXPECT_EQ(y.missions[3].variable, 0);
    EXPECT_EQ(y.missions[3].ceiling_cut, 0);
  }
}

// Side by side with avenant 2 (taille 2, signed 2027: no top-up). Avenant 2 per year:
// fonctionnement 60 000 + accès 27 000 + 27 000 + SNP 42 500 + parcours 34 500 × 2 + prévention
// 13 500 × 2 = 252 500 €; France Santé is not in avenant 2 (0). Difference B − A = 252 500 −
// 230 000 = +22 500 € a year, +112 500 € over 5 years.
TEST(CatalogueKinds, CompareTwoCataloguesPerYearAndMission) {
  Project p = test_project();
  CatalogueComparison c = compare_catalogues(p, test_catalogue(), *find_catalogue("aci-2019-avenant2"));
  EXPECT_EQ(c.taille_a, 2);
  EXPECT_EQ(c.taille_b, 2);
  for (int k = 1; k <= kContractYears; ++k) {
    EXPECT_EQ(c.total.a[k - 1], eur(230000));
    EXPECT_EQ(c.total.b[k - 1], eur(252500));
    EXPECT_EQ(c.total.diff(k), eur(22500));
  }
  EXPECT_EQ(c.total.total_diff(), eur(112500));
  auto line = [&](const std::string& key) -> const ComparisonLine* {
    for (const ComparisonLine& l : c.lines)
      if (l.key == key) return &l;
    return nullptr;
  };
  ASSERT_TRUE(line("mission:france_sante"));
  EXPECT_EQ(line("mission:france_sante")->a[0], eur(15000));
  EXPECT_EQ(line("mission:france_sante")->b[0], 0);
  ASSERT_TRUE(line("mission:acces"));
  EXPECT_EQ(line("mission:acces")->diff(1), eur(96500 - 60000));
  ASSERT_TRUE(line("extra:appui_france_sante"));
  EXPECT_EQ(line("extra:appui_france_sante")->total_a(), eur(50000));
  EXPECT_FALSE(line("topup"));  // nothing on either side
  ASSERT_FALSE(c.notes_fr.empty());
  EXPECT_NE(c.notes_fr[0].find("Réseau France Santé"), std::string::npos) << c.notes_fr[0];
}

// Switching to an imported catalogue embeds it (one undoable edit); the saved text carries it and
// loads again; switching back to a shipped catalogue drops it.
TEST(CatalogueKinds, ProjectEmbedsItsImportedCatalogue) {
  test_catalogue();
  ProjectLoad sample = load_project(sample_text(sample_ids().front()));
  ASSERT_TRUE(sample.project);
  History h(*sample.project);
  ASSERT_TRUE(h.execute(edits::switch_catalogue(h.project(), test_catalogue().id, "catalogue")));
  EXPECT_EQ(h.project().embedded_catalogue, test_catalogue().file_text);
  std::string saved = save_project(h.project());
  EXPECT_NE(saved.find("\"embedded_catalogue\""), std::string::npos);
  ProjectLoad again = load_project(saved);
  ASSERT_TRUE(again.project) << again.errors[0].path << " " << again.errors[0].message;
  EXPECT_EQ(again.project->embedded_catalogue, test_catalogue().file_text);
  EXPECT_EQ(save_project(*again.project), saved);
  h.undo();
  EXPECT_EQ(h.project().embedded_catalogue, "");
  EXPECT_EQ(save_project(h.project()).find("embedded_catalogue"), std::string::npos);  // shipped: nothing embedded
}

TEST(CatalogueKinds, EmbeddedCatalogueErrorsNameTheirPlace) {
  Json j = Json::parse(read_text(kCatalogues + "/projet-avenant-france-sante.json"));
  j["embedded_catalogue"] = Json::parse(read_text(kCatalogues + "/aci-test-avenant-france-sante.json"));
  j["embedded_catalogue"]["amounts"][0]["by_taille"]["2"]["euros"] = -5;
  ProjectLoad l = load_project(j.dump());
  ASSERT_FALSE(l.project);
  EXPECT_EQ(l.errors[0].path, "$.embedded_catalogue.amounts[0].by_taille.2.euros");
  // An embedded catalogue that is not the one the contract names.
  Json k = Json::parse(read_text(kCatalogues + "/projet-avenant-france-sante.json"));
  k["embedded_catalogue"] = Json::parse(read_text(kCatalogues + "/aci-test-avenant-france-sante.json"));
  k["contract"]["catalogue"] = "aci-2019-avenant2";
  k["missions"] = Json::array();
  ProjectLoad m = load_project(k.dump());
  ASSERT_FALSE(m.project);
  EXPECT_EQ(m.errors[0].path, "$.embedded_catalogue");
}

// A project naming a catalogue nobody has opens (issue #17: no outright refusal) and says which.
TEST(CatalogueKinds, UnknownCatalogueOpensAndIsNamed) {
  Json j = Json::parse(read_text(kCatalogues + "/projet-avenant-france-sante.json"));
  j["contract"]["catalogue"] = "aci-avenant-inconnu";
  ProjectLoad l = load_project(j.dump());
  ASSERT_TRUE(l.project) << l.errors[0].path << " " << l.errors[0].message;
  EXPECT_EQ(l.unknown_catalogue, "aci-avenant-inconnu");
}

TEST(CatalogueKinds, ShippedIdCannotBeRegistered) {
  Catalogue c = *find_catalogue("aci-2019");
  std::string why;
  EXPECT_FALSE(register_catalogue(c, &why));
  EXPECT_NE(why.find("fourni avec l’application"), std::string::npos);
}

// Every file of tests/data/catalogues/bad is refused with the place and a French message.
TEST(CatalogueKinds, BadCatalogueFilesNameThePlace) {
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"payment-missing", {"$.amounts[1].payment", "mode de versement obligatoire"}},
      {"fixe-paid-as-variable", {"$.amounts[1].payment.kind", "réservé à la part variable"}},
      {"ceiling-unknown-mission", {"$.shared_ceilings[0].missions[1]", "mission du catalogue attendue"}},
      {"extra-without-source", {"$.extra_components[0].source", "champ obligatoire manquant"}},
      {"lump-sum-without-date", {"$.extra_components[0].payment.date", "date obligatoire"}},
      {"version-3", {"$.schema_version", "version du format 1 à 2 attendue"}},
  };
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCatalogues + "/bad")) {
    std::string name = entry.path().stem().string();
    SCOPED_TRACE(name);
    auto it = expected.find(name);
    ASSERT_NE(it, expected.end()) << "no expectation for tests/data/catalogues/bad/" << name << ".json";
    std::vector<CatalogueError> errors;
    EXPECT_FALSE(load_catalogue(read_text(entry.path().string()), errors));
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].path, it->second.first);
    EXPECT_NE(errors[0].message.find(it->second.second), std::string::npos) << errors[0].message;
    ++seen;
  }
  EXPECT_EQ(seen, static_cast<int>(expected.size()));
}
