#include "io/project_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "io/stress.hpp"

using namespace cpts;

namespace {

const std::string kData = std::string(CPTS_SOURCE_DIR) + "/tests/data";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::string first_error(const ProjectLoad& l) {
  return l.errors.empty() ? "(aucune erreur)" : l.errors[0].path + " : " + l.errors[0].message;
}

}  // namespace

TEST(ProjectJson, CanonicalTextStartsWithFormatAndVersionAndEndsWithNewline) {
  Project p = new_project("CPTS Test", {2024, 1, 15}, *find_catalogue(kDefaultCatalogue));
  std::string text = save_project(p);
  EXPECT_EQ(text.rfind("{\n  \"format\": \"cpts-planner/projet\",\n  \"schema_version\": 2,\n  \"identity\": {", 0), 0u);
  EXPECT_EQ(text.back(), '\n');
  // Defaults are written too: the file describes itself.
  EXPECT_NE(text.find("\"prorata\": \"mois\""), std::string::npos);
  EXPECT_NE(text.find("\"crises\": []"), std::string::npos);
  EXPECT_NE(text.find("\"decisions\": []"), std::string::npos);
  ProjectLoad l = load_project(text);
  ASSERT_TRUE(l.project) << first_error(l);
  EXPECT_EQ(l.file_version, 2);
  EXPECT_FALSE(l.migrated);
  EXPECT_EQ(save_project(*l.project), text);
}

// tests/data/v2/complet.json sets every field of the model to a non-default value.
TEST(ProjectJson, CompleteFileLoadsEveryFieldAndRoundTripsByteIdentical) {
  const std::string text = read_file(kData + "/v2/complet.json");
  ProjectLoad l = load_project(text);
  ASSERT_TRUE(l.project) << first_error(l);
  const Project& p = *l.project;
  EXPECT_EQ(save_project(p), text);

  EXPECT_EQ(p.contract.snp_payment, SnpPayment::YearEnd);
  EXPECT_EQ(p.contract.scenario, Scenario::Realistic);
  EXPECT_EQ(p.identity.rna, "W212000000");
  ASSERT_EQ(p.identity.contacts.size(), 1u);
  EXPECT_EQ(p.identity.contacts[0].email, "president@example.org");
  ASSERT_EQ(p.territory.communes.size(), 3u);
  EXPECT_EQ(p.territory.communes[1].insee, "2A004");
  EXPECT_EQ(p.territory.communes[2].insee, "");
  EXPECT_EQ(p.territory.total_population(), 18000 + 70000 + 1234);
  EXPECT_EQ(p.territory.taille_override.taille, 2);
  EXPECT_EQ(p.contract.signature, (Date{2024, 3, 1}));
  EXPECT_EQ(p.contract.lettre_intention, (Date{2023, 6, 15}));
  EXPECT_EQ(p.contract.prorata, Prorata::Days);
  EXPECT_FALSE(p.contract.prorate_variable);
  EXPECT_FALSE(p.contract.boundary_80000_taille3);
  EXPECT_TRUE(p.contract.pay_lettre_intention);
  EXPECT_FALSE(p.professionals[1].member);
  EXPECT_EQ(p.colleges[0].members, (std::vector<std::string>{"P1", "Mme Externe"}));
  EXPECT_EQ(p.diagnostic[1].value, -0.125);
  EXPECT_EQ(p.diagnostic[1].year, 0);
  EXPECT_EQ(p.missions[1].deployed, Date{});
  const Action& a1 = p.actions[0];
  EXPECT_EQ(a1.status, ActionStatus::InProgress);
  EXPECT_EQ(p.actions[1].status, ActionStatus::Abandoned);
  EXPECT_EQ(a1.end, (Date{2028, 2, 29}));
  ASSERT_EQ(a1.budget.size(), 2u);
  EXPECT_EQ(a1.budget[0].cents, 150050);
  EXPECT_EQ(a1.budget[1].cents, -2500);
  EXPECT_TRUE(a1.example);
  const Indicator& i1 = p.indicators[0];
  EXPECT_EQ(i1.direction, Direction::Down);
  EXPECT_EQ(i1.baseline, 219.0);
  EXPECT_EQ(i1.targets, (std::map<int, double>{{1, 200.0}, {3, 100.0}, {5, 50.0}}));
  EXPECT_EQ(i1.tiers[2].cents, 900050);
  EXPECT_EQ(i1.max_cents(), 900050);
  EXPECT_EQ(i1.actuals.at(1), 150.5);
  EXPECT_EQ(i1.evidence_received, (std::map<int, bool>{{1, true}, {2, false}}));
  EXPECT_EQ(i1.assumptions.pessimistic, 0.25);
  EXPECT_FALSE(p.indicators[1].baseline.has_value());
  EXPECT_EQ(p.indicators[1].partial, Partial::Linear);
  EXPECT_EQ(p.indicators[2].kind, IndicatorKind::Deliverable);
  EXPECT_EQ(p.expenses[1].cents, -1);
  EXPECT_EQ(p.member_payments[0].calendar_year, 2024);
  EXPECT_EQ(p.member_payments[0].kind, "indemnité");
  ASSERT_EQ(p.overrides.size(), 3u);
  EXPECT_EQ(p.overrides[1].component, Component::Fonctionnement);
  EXPECT_EQ(p.overrides[2].component, Component::CriseActivation);
  EXPECT_EQ(p.crises[0].year, 3);
  EXPECT_EQ(p.decisions[1].date, Date{});
  EXPECT_NE(p.notes.find("« guillemets »"), std::string::npos);
}

TEST(ProjectJson, DoublesRoundTripExactly) {
  Project p = new_project("Doubles", {2024, 1, 15}, *find_catalogue(kDefaultCatalogue));
  const double values[] = {0.1 + 0.2, 1e-7, 123456.789012345, -0.0, 7.8, 1e15, 66.26, 1.0 / 3};
  for (double v : values) p.diagnostic.push_back({"D" + std::to_string(p.diagnostic.size() + 1), "x", v, "", "", 2020, ""});
  std::string text = save_project(p);
  ProjectLoad l = load_project(text);
  ASSERT_TRUE(l.project) << first_error(l);
  for (std::size_t i = 0; i < std::size(values); ++i) EXPECT_EQ(l.project->diagnostic[i].value, values[i]) << i;
  EXPECT_EQ(save_project(*l.project), text);
}

// The version-1 fixture is tests/data/v2/complet.json written the old way: euros as numbers
// ("amount": 1500.5), dates "JJ/MM/AAAA" (even "1/3/2024"), no crises and no decisions.
TEST(ProjectJson, Version1FileIsMigratedWithEurosAndFrenchDatesConverted) {
  ProjectLoad l = load_project(read_file(kData + "/v1/cpts-essai-v1.json"));
  ASSERT_TRUE(l.project) << first_error(l);
  EXPECT_EQ(l.file_version, 1);
  EXPECT_TRUE(l.migrated);
  const Project& p = *l.project;
  EXPECT_EQ(p.contract.signature, (Date{2024, 3, 1}));          // "1/3/2024"
  EXPECT_EQ(p.contract.lettre_intention, (Date{2023, 6, 15}));  // "15/06/2023"
  EXPECT_EQ(p.missions[0].start, (Date{2024, 7, 15}));
  EXPECT_EQ(p.actions[0].end, (Date{2028, 2, 29}));
  EXPECT_EQ(p.actions[0].budget[0].cents, 150050);               // 1500.5 €
  EXPECT_EQ(p.actions[0].budget[1].cents, -2500);                // -25 €
  EXPECT_EQ(p.indicators[0].tiers[0].cents, 300000);             // 3000 €
  EXPECT_EQ(p.indicators[0].tiers[2].cents, 900050);             // 9000.5 €
  EXPECT_EQ(p.indicators[1].cents, 1000000);                     // 10000 €
  EXPECT_EQ(p.expenses[0].cents, 4200000);
  EXPECT_EQ(p.expenses[1].cents, -1);                            // -0.01 €
  EXPECT_EQ(p.other_income[0].cents, 2000000);
  EXPECT_EQ(p.member_payments[0].cents, 470000);
  EXPECT_EQ(p.overrides[0].cents, 3600000);
  EXPECT_TRUE(p.crises.empty());
  EXPECT_TRUE(p.decisions.empty());

  // Apart from what version 1 did not have (two sections, two contract settings that kept their
  // defaults), it is the same project as the v2 file.
  EXPECT_EQ(p.contract.scenario, Scenario::Ceiling);
  EXPECT_EQ(p.contract.snp_payment, SnpPayment::Advance);
  Project v2 = *load_project(read_file(kData + "/v2/complet.json")).project;
  v2.crises.clear();
  v2.decisions.clear();
  v2.contract.scenario = Scenario::Ceiling;
  v2.contract.snp_payment = SnpPayment::Advance;
  EXPECT_EQ(save_project(p), save_project(v2));
}

TEST(ProjectJson, MigrateProjectTextWritesTheCurrentVersion) {
  std::vector<JsonError> errors;
  std::string out = migrate_project_text(read_file(kData + "/v1/cpts-essai-v1.json"), errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_FALSE(out.empty());
  EXPECT_NE(out.find("\"schema_version\": 2"), std::string::npos);
  EXPECT_NE(out.find("\"signature\": \"2024-03-01\""), std::string::npos);
  EXPECT_NE(out.find("\"amount_cents\": 150050"), std::string::npos);
  ProjectLoad again = load_project(out);
  ASSERT_TRUE(again.project) << first_error(again);
  EXPECT_EQ(again.file_version, 2);
  EXPECT_FALSE(again.migrated);
  EXPECT_EQ(save_project(*again.project), out);
  // A current file is rewritten canonically; a bad one gives errors and no text.
  std::string complet = read_file(kData + "/v2/complet.json");
  EXPECT_EQ(migrate_project_text(complet, errors), complet);
  EXPECT_TRUE(migrate_project_text("{", errors).empty());
  EXPECT_FALSE(errors.empty());
}

TEST(ProjectJson, NewerVersionIsRefusedWithAClearMessage) {
  std::string text = read_file(kData + "/v2/complet.json");
  std::string future = text;
  future.replace(future.find("\"schema_version\": 2"), 19, "\"schema_version\": 7");
  ProjectLoad l = load_project(future);
  EXPECT_FALSE(l.project);
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].path, "$.schema_version");
  EXPECT_EQ(l.errors[0].message, "version de fichier 7 plus récente que ce logiciel (2) : mettez à jour le planificateur");
}

TEST(ProjectJson, ErrorsNameThePathAndWhatWasExpected) {
  std::string text = read_file(kData + "/v2/complet.json");
  text.replace(text.find("\"population\": 18000"), 19, "\"population\": -5");
  ProjectLoad l = load_project(text);
  EXPECT_FALSE(l.project);
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].path, "$.territory.communes[0].population");
  EXPECT_EQ(l.errors[0].message, "entier entre 0 et 100\u202F000\u202F000 attendu, trouvé « -5 »");
}

// Each file of tests/data/bad must be refused, for the reason written here (path and words of
// the first error that concerns it), with French messages, never a crash.
TEST(ProjectJson, BadFilesAreRefusedWithPathAndFrenchMessage) {
  struct Expect {
    const char* path;      // expected path of one of the errors ("" = syntax error: "ligne …")
    const char* fragment;  // expected words of that error's message
  };
  const std::map<std::string, Expect> expectations = {
      {"action-unknown-mission", {"$.actions[0].mission", "mission du catalogue"}},
      {"actuals-not-object", {"$.indicators[0].actuals", "objet JSON"}},
      {"amount-euros-in-v2", {"$.finance.other_income[0].amount", "amount_cents"}},
      {"baseline-string", {"$.indicators[0].baseline", "nombre entre"}},
      {"bom-garbage", {"", "syntaxe JSON invalide"}},
      {"bool-as-string", {"$.contract.prorate_variable", "true ou false"}},
      {"calendar-year-1900", {"$.finance.member_payments[0].calendar_year", "entre 1990 et 2200"}},
      {"cents-float", {"$.finance.expenses[0].amount_cents", "montant en centimes"}},
      {"cents-negative-tier", {"$.indicators[0].tiers[0].amount_cents", "entre 0 et"}},
      {"cents-too-large", {"$.finance.expenses[0].amount_cents", "montant en centimes"}},
      {"college-seats-negative", {"$.colleges[0].seats", "entier entre 0"}},
      {"comment", {"", "syntaxe JSON invalide"}},
      {"contract-year-6", {"$.actions[0].budget[0].year", "entier entre 1 et 5"}},
      {"control-char-id", {"$.professionals[0].id", "identifiant"}},
      {"crise-mission-in-aci-2019", {"$.missions[1].mission", "aci-2019"}},
      {"crisis-year-0", {"$.crises[0].year", "entier entre 1 et 5"}},
      {"date-february-30", {"$.contract.signature", "AAAA-MM-JJ"}},
      {"date-french-in-v2", {"$.contract.signature", "AAAA-MM-JJ"}},
      {"date-number", {"$.decisions[0].date", "AAAA-MM-JJ"}},
      {"date-year-1850", {"$.actions[0].start", "AAAA-MM-JJ"}},
      {"deep-nesting", {"", "imbrication trop profonde"}},
      {"deep-nesting-objects", {"", "imbrication trop profonde"}},
      {"department-malformed", {"$.territory.communes[0].department", "département"}},
      {"diagnostic-year-1800", {"$.diagnostic[0].year", "entre 1990 et 2200"}},
      {"direction-arrow", {"$.indicators[0].direction", "« hausse » ou « baisse »"}},
      {"duplicate-action-ids", {"$.actions[1].id", "en double"}},
      {"duplicate-diagnostic-ids", {"$.diagnostic[1].id", "en double"}},
      {"duplicate-indicator-ids", {"$.indicators[2].id", "en double"}},
      {"duplicate-key", {"", "clé en double « schema_version » dans un même objet ($)"}},
      {"duplicate-missions", {"$.missions[1].mission", "en double"}},
      {"duplicate-professional-ids", {"$.professionals[1].id", "en double"}},
      {"empty", {"", "fichier vide"}},
      {"empty-id", {"$.actions[0].id", "identifiant de 1 à 64"}},
      {"future-version", {"$.schema_version", "plus récente que ce logiciel"}},
      {"huge-key", {"$.identity.kkkk", "clé inconnue"}},
      {"huge-string", {"$", "dépasse 100\u202F000 octets"}},
      {"indicator-unknown-action", {"$.indicators[0].action", "fiche-action"}},
      {"infinity-overflow", {"", "syntaxe JSON invalide"}},
      {"insee-duplicate", {"$.territory.communes[1].insee", "en double"}},
      {"insee-malformed", {"$.territory.communes[0].insee", "code INSEE"}},
      {"invalid-utf8", {"", "non UTF-8"}},
      {"kind-english", {"$.indicators[0].kind", "« livrable » ou « resultat »"}},
      {"member-payment-unknown-professional", {"$.finance.member_payments[0].professional", "professionnel"}},
      {"missing-contract", {"$.contract", "section obligatoire manquante"}},
      {"missing-format", {"$.format", "cpts-planner/projet"}},
      {"missing-id", {"$.indicators[0].id", "champ obligatoire manquant"}},
      {"nan-literal", {"", "syntaxe JSON invalide"}},
      {"override-component-not-in-catalogue", {"$.overrides[2]", "ne prévoit pas"}},
      {"override-contract-component-with-mission", {"$.overrides[1].mission", "ne dépend pas d’une mission"}},
      {"override-duplicate", {"$.overrides[3]", "en double"}},
      {"override-unknown-component", {"$.overrides[0].component", "composante attendue"}},
      {"partners-not-strings", {"$.actions[0].partners[1]", "texte attendu"}},
      {"population-absurd", {"$.territory.communes[0].population", "entier entre 0 et 100\u202F000\u202F000"}},
      {"population-float", {"$.territory.communes[0].population", "entier entre 0"}},
      {"population-huge-integer", {"$.territory.communes[0].population", "entier entre 0"}},
      {"population-negative", {"$.territory.communes[0].population", "trouvé « -5 »"}},
      {"population-string", {"$.territory.communes[0].population", "entier entre 0"}},
      {"population-total-too-large", {"$.territory.communes", "population totale"}},
      {"probability-out-of-range", {"$.indicators[0].assumptions.realistic", "nombre entre 0 et 1"}},
      {"project-mission-unknown", {"$.missions[0].mission", "mission du catalogue"}},
      {"embedded-catalogue-negative-amount", {"$.embedded_catalogue.amounts[0].by_taille.2.euros", "nombre entre 0"}},
      {"prorata-unknown", {"$.contract.prorata", "« mois » ou « jours »"}},
      {"section-wrong-type", {"$.actions", "liste JSON"}},
      {"status-unknown", {"$.actions[0].status", "« en_cours »"}},
      {"taille-override-out-of-range", {"$.territory.taille_override.taille", "entier entre 0 et 4"}},
      {"taille-override-without-justification", {"$.territory.taille_override.justification", "justification"}},
      {"targets-bad-year-key", {"$.indicators[0].targets.0", "clé inconnue"}},
      {"targets-string-value", {"$.indicators[0].targets.1", "nombre entre"}},
      {"tiers-too-many", {"$.indicators[0].tiers", "trop d’éléments"}},
      {"top-level-array", {"$", "objet JSON"}},
      {"top-level-null", {"$", "objet JSON"}},
      {"top-level-string", {"$", "objet JSON"}},
      {"trailing-garbage", {"", "syntaxe JSON invalide"}},
      {"truncated", {"", "tronqué"}},
      {"unknown-nested-key", {"$.identity.nom", "clé inconnue « nom »"}},
      {"unknown-top-key", {"$.budget", "clé inconnue « budget »"}},
      {"v1-amount-string", {"$.overrides[0].amount", "montant en euros"}},
      {"v1-cents-key", {"$.indicators[1].amount_cents", "version 1"}},
      {"v1-iso-date", {"$.contract.signature", "JJ/MM/AAAA"}},
      {"v1-negative-indicator-amount", {"$.indicators[1].amount", "entre 0 et"}},
      {"v1-three-decimals", {"$.finance.expenses[0].amount", "au plus 2 décimales"}},
      {"v1-with-decisions", {"$.decisions", "version 1"}},
      {"value-too-large", {"$.indicators[0].tiers[0].threshold", "nombre entre"}},
      {"version-missing", {"$.schema_version", "champ manquant"}},
      {"version-string", {"$.schema_version", "version du format"}},
      {"version-zero", {"$.schema_version", "inconnue"}},
      {"whitespace-only", {"", "tronqué"}},
      {"wrong-format", {"$.format", "pas un projet du planificateur"}},
  };
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kData + "/bad"))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  EXPECT_GE(files.size(), 30u);
  for (const std::string& file : files) {
    std::string name = std::filesystem::path(file).stem().string();
    SCOPED_TRACE(name);
    ProjectLoad l = load_project(read_file(file));
    EXPECT_FALSE(l.project);
    ASSERT_FALSE(l.errors.empty());
    for (const JsonError& e : l.errors) {
      EXPECT_FALSE(e.path.empty());
      EXPECT_FALSE(e.message.empty());
      EXPECT_TRUE(valid_utf8(e.path) && valid_utf8(e.message)) << e.path;
      EXPECT_LE(e.path.size() + e.message.size(), 700u);  // a hostile 25 000-byte key is cut
    }
    auto it = expectations.find(name);
    ASSERT_NE(it, expectations.end()) << "no expectation written for tests/data/bad/" << name << ".json";
    bool found = false;
    for (const JsonError& e : l.errors) {
      bool path_ok = it->second.path[0] == '\0' ? e.path.rfind("ligne ", 0) == 0 : e.path.rfind(it->second.path, 0) == 0;
      found = found || (path_ok && e.message.find(it->second.fragment) != std::string::npos);
    }
    EXPECT_TRUE(found) << "expected " << it->second.path << " « " << it->second.fragment << " », got " << first_error(l);
  }
}

// A key given twice is refused with the line and column of the second one and its object's path.
TEST(ProjectJson, DuplicateKeyGivesLineAndColumn) {
  ProjectLoad l = load_project(read_file(kData + "/bad/duplicate-key.json"));
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].path, "ligne 4, colonne 3");  // the second "schema_version"
  EXPECT_EQ(l.errors[0].message, "clé en double « schema_version » dans un même objet ($)");
  JsonError e;
  EXPECT_FALSE(parse_json_limited("{\n  \"format\": \"x\",\n  \"identity\": {\"name\": \"a\", \"name\": \"b\"}\n}", e));
  EXPECT_EQ(e.path, "ligne 3, colonne 29");
  EXPECT_EQ(e.message, "clé en double « name » dans un même objet ($.identity)");
  EXPECT_FALSE(parse_json_limited(R"({"a": [{"k": 1}, {"k": 1, "k": 2}]})", e));
  EXPECT_EQ(e.path, "ligne 1, colonne 27");
  EXPECT_EQ(e.message, "clé en double « k » dans un même objet ($.a[1])");
}

TEST(ProjectJson, ListLimitsAreEnforced) {
  OrderedJson j = project_to_json(new_project("Limites", {2024, 1, 15}, *find_catalogue(kDefaultCatalogue)));
  for (std::size_t i = 0; i <= kMaxCommunes; ++i)
    j["territory"]["communes"].push_back(OrderedJson{{"insee", ""}, {"name", "C"}, {"department", ""}, {"population", 1}});
  ProjectLoad l = load_project(j.dump());
  EXPECT_FALSE(l.project);
  ASSERT_FALSE(l.errors.empty());
  EXPECT_EQ(l.errors[0].path, "$.territory.communes");
  EXPECT_NE(l.errors[0].message.find("trop d’éléments (5001 ; maximum 5000)"), std::string::npos);
}

// Loading never applies part of a file: one bad value anywhere and no project comes back.
TEST(ProjectJson, OneBadValueMeansNoProjectAtAll) {
  std::string text = read_file(kData + "/v2/complet.json");
  text.replace(text.find("\"realistic\": 0.75"), 17, "\"realistic\": 7.5");
  ProjectLoad l = load_project(text);
  EXPECT_FALSE(l.project.has_value());
  EXPECT_EQ(l.errors.size(), 1u);
}

// Truncations and byte flips of a valid file: every one loads or is refused, none crashes.
TEST(ProjectJson, MutatedFilesNeverCrash) {
  const std::string text = read_file(kData + "/v2/complet.json");
  const char replacements[] = {'\0', '"', '{', '[', ']', '}', ',', ':', '9', '-', 'e', '\xff', '\\', 'x'};
  unsigned seed = 12345;
  int refused = 0;
  for (int i = 0; i < 300; ++i) {
    seed = seed * 1103515245u + 12345u;
    std::size_t pos = (seed >> 8) % text.size();
    std::string m = text;
    if (i % 3 == 0) m.resize(pos);
    else m[pos] = replacements[(seed >> 4) % sizeof replacements];
    ProjectLoad l = load_project(m);
    if (!l.project) {
      ++refused;
      EXPECT_FALSE(l.errors.empty());
    }
  }
  EXPECT_GT(refused, 100);
}

TEST(ProjectJson, StressProjectRoundTrips) {
  Project p = make_stress_project();
  std::string text = save_project(p);
  ProjectLoad l = load_project(text);
  ASSERT_TRUE(l.project) << first_error(l);
  EXPECT_EQ(l.project->indicators.size(), 5000u);
  EXPECT_EQ(save_project(*l.project), text);
}

TEST(ProjectJson, ValidateProjectTellsWhenTheSavedFileWouldNotLoad) {
  Project p = new_project("Validation", {2024, 1, 15}, *find_catalogue(kDefaultCatalogue));
  EXPECT_TRUE(validate_project(p).empty());
  Action a;
  a.id = "A1";
  a.mission = "acces";
  p.actions.push_back(a);
  p.actions.push_back(a);  // same id twice
  std::vector<JsonError> errors = validate_project(p);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "$.actions[1].id");
}

TEST(ProjectJson, EnumWords) {
  EXPECT_STREQ(to_word(Prorata::Days), "jours");
  EXPECT_STREQ(to_word(ActionStatus::Done), "realisee");
  EXPECT_STREQ(to_word(IndicatorKind::Deliverable), "livrable");
  EXPECT_STREQ(to_word(Direction::Down), "baisse");
  EXPECT_STREQ(to_word(Partial::Linear), "lineaire");
}
