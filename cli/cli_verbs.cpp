#include "cli_verbs.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

#include "engine/catalogue_compare.hpp"
#include "engine/checks.hpp"
#include "engine/estimates.hpp"
#include "engine/funding_table.hpp"
#include "io/csv_export.hpp"
#include "io/documents/documents.hpp"
#include "io/json_reader.hpp"
#include "io/project_json.hpp"
#include "io/repair.hpp"
#include "io/result_json.hpp"
#include "io/samples.hpp"
#include "io/schema_export.hpp"
#include "io/xlsx_export.hpp"
#include "engine/scenarios.hpp"
#include "engine/suivi.hpp"
#include "io/review_report.hpp"
#include "text_table.hpp"

namespace cpts::cli {

std::optional<std::string> read_file_up_to(const std::string& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > limit) break;  // the reader refuses it with a clear message
  }
  return text;
}

namespace {

constexpr int kOk = 0, kFindings = 1, kUsage = 2;

// Arguments: positional ones plus "--flag value" options and bare "--flag" switches.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  bool has(const std::string& k) const { return options.count(k) > 0; }
  std::string get(const std::string& k, const std::string& def = {}) const {
    auto it = options.find(k);
    return it == options.end() ? def : it->second;
  }
};

int usage(const std::string& msg);

// What a verb accepts: switches ("--json") and options followed by a value ("-o SORTIE"). Every
// verb is parsed against its own spec, so that a mistyped option ("--senario realiste") is refused
// instead of silently ignored (issue #13, item 7); a new verb only declares its spec in kVerbs.
struct VerbSpec {
  const char* name;
  std::initializer_list<const char*> switches;
  std::initializer_list<const char*> with_value;
  int (*run)(const Args&);
};

std::string options_list(const VerbSpec& spec) {
  std::string s;
  for (const char* o : spec.switches) s += (s.empty() ? "" : ", ") + std::string(o);
  for (const char* o : spec.with_value) s += (s.empty() ? "" : ", ") + std::string(o);
  return s.empty() ? "aucune" : s;
}

// Fills `a`; returns false (and prints why, exit code 2) on an unknown option.
bool parse_args(const std::vector<std::string>& in, const VerbSpec& spec, Args& a) {
  auto listed = [](std::initializer_list<const char*> l, const std::string& s) {
    for (const char* w : l)
      if (s == w) return true;
    return false;
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::string& s = in[i];
    if (s.size() > 1 && s[0] == '-') {
      if (listed(spec.with_value, s)) {
        a.options[s] = i + 1 < in.size() ? in[++i] : "";  // each verb says what it expected ("new --from-sample": the list)
      } else if (listed(spec.switches, s)) {
        a.options[s] = "1";
      } else {
        usage("option inconnue « " + s + " » (options de « " + spec.name + " » : " + options_list(spec) + ")");
        return false;
      }
    } else {
      a.positional.push_back(s);
    }
  }
  return true;
}

int usage(const std::string& msg) {
  std::fprintf(stderr, "cpts-cli : %s (voir cpts-cli --help)\n", msg.c_str());
  return kUsage;
}

// --annee N: a contract year 1..5; 0 when the option is absent, -1 when it is wrong (said on stderr).
int contract_year_option(const Args& a) {
  if (!a.has("--annee")) return 0;
  const std::string s = a.get("--annee");
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < 1 || v > kContractYears) {
    usage("--annee attend une année de contrat de 1 à " + std::to_string(kContractYears));
    return -1;
  }
  return static_cast<int>(v);
}

std::optional<std::string> read_file(const std::string& path) { return read_file_up_to(path, kMaxFileBytes); }

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

void print_errors(const std::string& file, const std::vector<JsonError>& errors) {
  std::fprintf(stderr, "%s : fichier refusé (%zu erreur%s)\n", file.c_str(), errors.size(), errors.size() > 1 ? "s" : "");
  for (const JsonError& e : errors) std::fprintf(stderr, "  %s : %s\n", e.path.c_str(), e.message.c_str());
}

// --catalogue FICHIER|ID (issue #17): a catalogue file read, checked (French errors naming the JSON
// path) and registered for this run, or the id of a known catalogue. nullptr with `code` set when
// refused; nullptr with `code` untouched when the option is absent.
const Catalogue* catalogue_option(const Args& a, int& code) {
  if (!a.has("--catalogue")) return nullptr;
  const std::string arg = a.get("--catalogue");
  auto text = read_file(arg);
  if (!text) {
    if (const Catalogue* known = find_catalogue(arg)) return known;
    std::fprintf(stderr, "cpts-cli : impossible de lire le catalogue « %s » (fichier ou identifiant de catalogue connu)\n",
                 arg.c_str());
    code = kUsage;
    return nullptr;
  }
  std::vector<CatalogueError> errors;
  auto cat = load_catalogue(*text, errors);
  if (!cat) {
    std::fprintf(stderr, "%s : catalogue refusé (%zu erreur%s)\n", arg.c_str(), errors.size(), errors.size() > 1 ? "s" : "");
    for (const CatalogueError& e : errors) std::fprintf(stderr, "  %s : %s\n", e.path.c_str(), e.message.c_str());
    code = kFindings;
    return nullptr;
  }
  // A shipped catalogue's own file is that catalogue.
  if (const Catalogue* shipped = find_catalogue(cat->id); shipped && is_builtin_catalogue(cat->id) && shipped->file_text == cat->file_text)
    return shipped;
  std::string why;
  const Catalogue* registered = register_catalogue(std::move(*cat), &why);
  if (!registered) {
    std::fprintf(stderr, "%s : catalogue refusé\n  $.id : %s\n", arg.c_str(), why.c_str());
    code = kFindings;
  }
  return registered;
}

// Loads the project named by the first positional argument; prints errors and sets `code`. With
// --catalogue, the catalogue is registered first (a project naming it then opens) and, when
// `use_option_catalogue`, the project's money is computed under it. A project whose catalogue is
// unknown (not shipped, not embedded, not given) is refused when `needs_catalogue`, with the way
// to give it.
std::optional<Project> load_arg(const Args& a, int& code, bool needs_catalogue = true, bool use_option_catalogue = true) {
  const Catalogue* given = catalogue_option(a, code);
  if (code != kOk) return std::nullopt;
  if (a.positional.empty()) {
    code = usage("fichier projet manquant");
    return std::nullopt;
  }
  const std::string& path = a.positional[0];
  auto text = read_file(path);
  if (!text) {
    std::fprintf(stderr, "cpts-cli : impossible de lire « %s »\n", path.c_str());
    code = kUsage;
    return std::nullopt;
  }
  ProjectLoad loaded = load_project(*text);
  if (!loaded.project) {
    print_errors(path, loaded.errors);
    code = kFindings;
    return std::nullopt;
  }
  if (given && use_option_catalogue) {  // as the app's switch: an imported catalogue travels in the file
    loaded.project->contract.catalogue = given->id;
    loaded.project->embedded_catalogue = is_builtin_catalogue(given->id) ? std::string() : given->file_text;
    loaded.unknown_catalogue.clear();
  }
  if (!loaded.unknown_catalogue.empty()) {
    std::fprintf(stderr,
                 "%s : le catalogue « %s » n’est ni fourni avec l’application ni intégré au fichier : importez-le avec "
                 "--catalogue FICHIER\n",
                 path.c_str(), loaded.unknown_catalogue.c_str());
    if (needs_catalogue) {
      code = kFindings;
      return std::nullopt;
    }
  }
  return std::move(loaded.project);
}

std::optional<Scenario> scenario_from(const std::string& s) {
  if (s == "plafond" || s == "ceiling") return Scenario::Ceiling;
  if (s == "pessimiste" || s == "pessimistic") return Scenario::Pessimistic;
  if (s == "realiste" || s == "réaliste" || s == "realistic") return Scenario::Realistic;
  if (s == "optimiste" || s == "optimistic") return Scenario::Optimistic;
  if (s == "constate" || s == "constaté" || s == "recorded") return Scenario::Recorded;
  return std::nullopt;
}

// Every verb that prints money takes --scenario; without it, the project's own choice
// (contract.scenario, "plafond" unless the project says otherwise) is used, as in the app.
// Returns false (usage printed) on an unknown word; else `scenario` holds the one to use.
bool scenario_option(const Args& a, std::optional<Scenario>& scenario) {
  if (!a.has("--scenario")) return true;
  scenario = scenario_from(a.get("--scenario"));
  if (!scenario) {
    usage("scénario inconnu « " + a.get("--scenario") + " » (plafond, pessimiste, realiste, optimiste ou constate)");
    return false;
  }
  return true;
}

// Loads the project and applies --scenario to it (so that documents and exports read it too).
std::optional<Project> load_with_scenario(const Args& a, int& code) {
  std::optional<Scenario> scenario;
  if (!scenario_option(a, scenario)) {
    code = kUsage;
    return std::nullopt;
  }
  auto p = load_arg(a, code);
  if (p && scenario) p->contract.scenario = *scenario;
  return p;
}

// "scénario réaliste (valeurs constatées prioritaires)" — said above every table of money.
std::string scenario_heading(Scenario s) {
  switch (s) {
    case Scenario::Ceiling: return "plafond (toute la part variable gagnée)";
    case Scenario::Recorded: return "constaté (valeurs relevées où l’année en a, réaliste ailleurs)";
    default: return std::string(to_string(s)) + " (cible de l’année × probabilité ; valeurs relevées prioritaires)";
  }
}


int verb_validate(const Args& a) {
  int code = kOk;
  auto p = load_arg(a, code, false);
  if (!p) return code;
  std::printf("%s : fichier valide — « %s », %zu communes, %zu actions, %zu indicateurs\n", a.positional[0].c_str(),
              p->identity.name.c_str(), p->territory.communes.size(), p->actions.size(), p->indicators.size());
  return kOk;
}

int verb_check(const Args& a) {
  int code = kOk;
  auto p = load_arg(a, code);
  if (!p) return code;
  auto findings = check_project(*p);
  if (a.has("--json")) {
    std::fputs(findings_to_json(findings).c_str(), stdout);
  } else {
    for (const Finding& f : findings)
      std::printf("[%s] %s%s%s\n", to_string(f.severity), f.message_fr.c_str(), f.ref.id.empty() ? "" : "  ⟶ ",
                  f.ref.id.empty() ? "" : (std::string(to_string(f.ref.kind)) + " " + f.ref.id).c_str());
    std::printf("%d bloquant(s), %d à revoir, %d information(s)\n", count(findings, Severity::Blocking),
                count(findings, Severity::Warning), count(findings, Severity::Info));
  }
  return count(findings, Severity::Blocking) > 0 ? kFindings : kOk;
}

void print_simulation(const Project& p, const FundingResult& r) {
  const Catalogue& cat = *r.catalogue;
  std::printf("%s — %s — taille %d (%s habitants%s)\n", p.identity.name.c_str(), cat.label_fr.c_str(), r.taille,
              format_number_fr(static_cast<double>(r.population), 0).c_str(),
              r.taille != r.computed_taille ? ", taille forcée" : "");
  std::printf("Contrat signé le %s — scénario : %s\n\n", format_fr(p.contract.signature).c_str(), scenario_heading(r.scenario).c_str());
  std::vector<std::string> header = {"Montants en €"};
  for (const YearFunding& y : r.years) header.push_back("Année " + std::to_string(y.year));
  header.push_back("Total");
  TextTable t(header, {false, true, true, true, true, true, true});
  // The rows and their figures are the core's (engine/funding_table.hpp), as in the documents and the app.
  FundingTable ft = funding_table(r);
  for (const FundingTableRow& row : ft.rows) {
    if (row.kind == FundingRowKind::TotalFixed) t.separator();
    std::vector<std::string> cells = {row.label_fr + (row.estimate ? " *" : "")};
    for (const std::string& c : row.year_cells) cells.push_back(c);
    cells.push_back(row.total_cell);
    t.row(cells);
  }
  std::vector<std::string> basis = {"Part variable : base"};
  for (Basis b : ft.basis) basis.push_back(basis_label_fr(b));
  basis.push_back("");
  t.row(basis);
  std::fputs(t.str().c_str(), stdout);
  std::printf("\nAnnées de contrat :");
  for (const YearFunding& y : r.years) std::printf(" %d) %s → %s", y.year, format_fr(y.start).c_str(), format_fr(from_days(to_days(y.end) - 1)).c_str());
  std::printf("\n\nPar année civile (dates de versement) :\n");
  TextTable cal({"Année civile", "Versements"}, {false, true});
  for (auto& [year, cents] : r.by_calendar_year) cal.row({std::to_string(year), format_eur(cents)});
  std::fputs(cal.str().c_str(), stdout);
  if (r.pre_contract) std::printf("Avant le contrat (lettre d’intention) : %s\n", format_eur(r.pre_contract).c_str());
  std::vector<std::string> estimates = estimates_in_use_fr(p, r);  // catalogue cells and PASS years
  if (!estimates.empty()) {
    std::printf("\n* Montants estimés utilisés (à remplacer par ceux du contrat) :");
    for (std::size_t i = 0; i < estimates.size(); ++i) std::printf("%s %s", i ? ";" : "", estimates[i].c_str());
    std::printf(".\n");
  }
}

int verb_simulate(const Args& a) {
  int code = kOk;
  auto p = load_with_scenario(a, code);
  if (!p) return code;
  FundingResult r = simulate(*p, p->contract.scenario);
  int draws = 0;
  if (a.has("--monte-carlo")) {
    draws = std::atoi(a.get("--monte-carlo").c_str());
    if (draws < 1 || draws > 1000000) return usage("--monte-carlo attend un nombre de tirages entre 1 et 1 000 000");
  }
  std::uint64_t seed = a.has("--seed") ? std::strtoull(a.get("--seed").c_str(), nullptr, 10) : 20190820;
  if (a.has("--json")) {
    std::fputs(funding_to_json(r).c_str(), stdout);
    if (draws) std::fputs(monte_carlo_to_json(monte_carlo(*p, draws, seed)).c_str(), stdout);
    return kOk;
  }
  print_simulation(*p, r);
  if (draws) {
    MonteCarloResult mc = monte_carlo(*p, draws, seed);
    std::printf("\nPart variable, Monte-Carlo (%d tirages, graine %llu, probabilités « réaliste ») :\n", mc.draws,
                static_cast<unsigned long long>(mc.seed));
    TextTable t({"Année", "P10", "P50", "P90"}, {false, true, true, true});
    for (int k = 0; k < kContractYears; ++k)
      t.row({std::to_string(k + 1), format_eur(mc.variable_by_year[k].p10), format_eur(mc.variable_by_year[k].p50),
             format_eur(mc.variable_by_year[k].p90)});
    t.separator();
    t.row({"5 ans", format_eur(mc.variable_total.p10), format_eur(mc.variable_total.p50), format_eur(mc.variable_total.p90)});
    std::fputs(t.str().c_str(), stdout);
  }
  return kOk;
}

int verb_schedule(const Args& a) {
  int code = kOk;
  auto p = load_with_scenario(a, code);
  if (!p) return code;
  FundingResult r = simulate(*p, p->contract.scenario);
  if (a.has("--json")) {
    std::fputs(schedule_to_json(r).c_str(), stdout);
    return kOk;
  }
  std::printf("Échéancier — scénario : %s\n\n", scenario_heading(r.scenario).c_str());
  TextTable t({"Date", "Année", "Mission", "Composante", "Nature", "Montant", "Base", ""},
              {false, true, false, false, false, true, false, false});
  std::array<Cents, kContractYears> by_year{};
  for (const PaymentItem& it : r.schedule) {
    const CatalogueMission* m = r.catalogue->mission(it.mission);
    t.row({format_fr(it.date), it.contract_year ? std::to_string(it.contract_year) : "avant", m ? m->short_fr : "Contrat",
           payment_label_fr(r, it), payment_kind_label_fr(it.kind), format_eur(it.cents), basis_label_fr(it.basis),
           it.estimate ? "estimé" : ""});
    if (it.contract_year >= 1) by_year[static_cast<std::size_t>(it.contract_year - 1)] += it.cents;
  }
  std::fputs(t.str().c_str(), stdout);
  // The same totals as `simulate` with the same scenario, year by year.
  std::printf("\nPar année de contrat :\n");
  TextTable y({"Année", "Versements", "Part variable : base"}, {false, true, false});
  for (const YearFunding& yf : r.years)
    y.row({std::to_string(yf.year), format_eur(by_year[static_cast<std::size_t>(yf.year - 1)]), basis_label_fr(yf.basis())});
  std::fputs(y.str().c_str(), stdout);
  std::printf("Total des années 1 à 5 : %s\n", format_eur(r.total()).c_str());
  return kOk;
}

// Today's date, or the one of SOURCE_DATE_EPOCH when set (reproducible documents).
Date document_date() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// Default year of the annual report: the latest contract year with an actual value, else 1.
int default_report_year(const Project& p) {
  int year = 1;
  for (const Indicator& ind : p.indicators)
    for (const auto& [y, v] : ind.actuals)
      if (y >= 1 && y <= kContractYears && y > year) year = y;
  return year;
}

int verb_export_document(const Args& a) {
  int formats = a.has("--html") + a.has("--docx") + a.has("--md");
  if (formats != 1) return usage("export attend un seul format : --html, --docx ou --md, suivi du document : projet, annexe ou rapport");
  DocFormat format = a.has("--html") ? DocFormat::Html : a.has("--docx") ? DocFormat::Docx : DocFormat::Markdown;
  std::string kind_s = a.get(a.has("--html") ? "--html" : a.has("--docx") ? "--docx" : "--md");
  DocKind kind;
  if (kind_s == "projet") kind = DocKind::ProjetDeSante;
  else if (kind_s == "annexe") kind = DocKind::Annexe;
  else if (kind_s == "rapport") kind = DocKind::RapportAnnuel;
  else if (kind_s == "tableau") kind = DocKind::TableauDeBord;
  else return usage("document inconnu « " + kind_s + " » (projet, annexe, rapport ou tableau)");
  int year = contract_year_option(a);
  if (year < 0) return kUsage;
  int code = kOk;
  auto p = load_with_scenario(a, code);
  if (!p) return code;
  if (year == 0) year = kind == DocKind::TableauDeBord ? current_contract_year(*p, document_date()) : default_report_year(*p);
  RenderedDocument doc = render_document(*p, kind, format, year, document_date());
  if (!doc.ok) return usage(doc.error);
  if (!write_output(a.get("-o"), doc.bytes)) {
    std::fprintf(stderr, "cpts-cli : impossible d'écrire « %s »\n", a.get("-o").c_str());
    return kUsage;
  }
  if (!a.get("-o").empty() && a.get("-o") != "-")
    std::fprintf(stderr, "Fichier écrit : %s (%s, %zu octets)\n", a.get("-o").c_str(), doc_kind_label_fr(kind), doc.bytes.size());
  return kOk;
}

// suivi FICHIER [--annee N] [--date AAAA-MM-JJ] [--json]: the dashboard of a contract year
// (engine/suivi.hpp), the same figures as the app's Tableau de bord and the board summary.
int verb_suivi(const Args& a) {
  Date today = document_date();
  if (a.has("--date")) {
    auto d = parse_iso(a.get("--date"));
    if (!d) return usage("--date attend une date AAAA-MM-JJ, trouvé « " + a.get("--date") + " »");
    today = *d;
  }
  int year = contract_year_option(a);
  if (year < 0) return kUsage;
  int code = kOk;
  auto p = load_arg(a, code);
  if (!p) return code;
  if (year == 0) year = current_contract_year(*p, today);
  FundingResult r = simulate(*p, Scenario::Recorded);
  Suivi s = compute_suivi(*p, *r.catalogue, year, today);
  if (a.has("--json")) {
    std::fputs(suivi_to_json(s).c_str(), stdout);
    return kOk;
  }
  std::printf("%s — tableau de bord de l’année de contrat %d", p->identity.name.c_str(), s.year);
  if (s.year_start.valid())
    std::printf(" (du %s au %s)", format_fr(s.year_start).c_str(), format_fr(from_days(to_days(s.year_end) - 1)).c_str());
  std::printf("\nSituation au %s — revue annuelle %s %s\n\n", format_fr(today).c_str(), s.review_passed ? "tenue le" : "prévue le",
              s.review_date.valid() ? format_fr(s.review_date).c_str() : "(date inconnue)");
  auto opt = [](const std::optional<double>& x, const std::string& unit) {
    return x ? format_number_fr(*x) + (unit.empty() ? "" : " " + unit) : std::string("–");
  };
  // Two decimals on every amount of the tables or on none (money.hpp, issue #14 item 8).
  std::vector<Cents> amounts{s.earned, s.at_stake, s.lost, s.forecast};
  for (const IndicatorTrack& x : s.indicators) amounts.insert(amounts.end(), {x.earned, x.at_stake, x.lost});
  for (const MissionTrack& x : s.missions) amounts.insert(amounts.end(), {x.earned, x.at_stake, x.lost, x.forecast});
  const bool with_cents = money_needs_cents(amounts);
  auto money = [with_cents](Cents c) { return c == 0 ? std::string("–") : format_eur_digits(c, with_cents); };
  TextTable t({"Indicateur", "Cible", "Valeur de l’année", "Projection", "Statut", "Acquis", "En jeu", "Perdu"},
              {false, true, true, true, false, true, true, true});
  for (const IndicatorTrack& x : s.indicators)
    t.row({x.indicator_id + " " + x.label, opt(x.target, x.unit), opt(x.year_value, x.unit), opt(x.projected, x.unit),
           track_status_fr(x.status), money(x.earned), money(x.at_stake), money(x.lost)});
  std::fputs(t.str().c_str(), stdout);
  std::printf("\nPart variable par mission (scénario constaté, plafond et prorata compris), en € :\n");
  TextTable m({"Mission", "Acquis", "En jeu", "Perdu", "Prévision"}, {false, true, true, true, true});
  for (const MissionTrack& x : s.missions) {
    const CatalogueMission* cm = r.catalogue->mission(x.mission_id);
    m.row({cm ? cm->short_fr : x.mission_id, money(x.earned), money(x.at_stake), money(x.lost), money(x.forecast)});
  }
  m.separator();
  m.row({"Total", money(s.earned), money(s.at_stake), money(s.lost), money(s.forecast)});
  std::fputs(m.str().c_str(), stdout);
  std::printf("Acquis + prévision = part variable « constaté » de l’année : %s ; année entière (part fixe comprise) : %s\n",
              format_eur(s.constate_variable).c_str(), format_eur(s.constate_total).c_str());
  if (!s.before_review.empty()) {
    std::printf("\nAvant la revue (par montant en jeu) :\n");
    for (const ReviewItem& it : s.before_review)
      std::printf("  - %s%s%s\n", it.text_fr.c_str(), it.at_stake ? " — en jeu : " : "", it.at_stake ? format_eur(it.at_stake).c_str() : "");
  }
  return kOk;
}

// export --xlsx PROJET -o CLASSEUR: the workbook (io/xlsx_export.hpp), in the project's scenario as the CSV.
int verb_export_workbook(const Args& a) {
  if (a.has("--csv") || a.has("--annee")) return usage("export --xlsx ne se combine ni avec --csv ni avec --annee");
  const std::string out = a.get("-o");
  if (out.empty() || out == "-") return usage("export --xlsx attend -o FICHIER.xlsx (un classeur ne s’écrit pas dans le terminal)");
  int code = kOk;
  auto p = load_with_scenario(a, code);
  if (!p) return code;
  XlsxWorkbook wb = export_workbook(*p, simulate(*p, p->contract.scenario), document_date());
  if (!wb.ok) {
    std::fprintf(stderr, "cpts-cli : %s\n", wb.error.c_str());
    return kFindings;
  }
  if (!write_output(out, wb.bytes)) {
    std::fprintf(stderr, "cpts-cli : impossible d'écrire « %s »\n", out.c_str());
    return kUsage;
  }
  std::fprintf(stderr, "Fichier écrit : %s (classeur, %zu octets)\n", out.c_str(), wb.bytes.size());
  return kOk;
}

int verb_export(const Args& a) {
  if (a.has("--xlsx")) {
    if (a.has("--html") || a.has("--docx") || a.has("--md")) return usage("export attend un seul format");
    return verb_export_workbook(a);
  }
  if (a.has("--html") || a.has("--docx") || a.has("--md")) return verb_export_document(a);
  std::string kind = a.get("--csv");
  if (kind.empty()) return usage("export attend --csv indicateurs|echeancier, --xlsx, ou --html|--docx|--md projet|annexe|rapport");
  int code = kOk;
  auto p = load_with_scenario(a, code);
  if (!p) return code;
  FundingResult r = simulate(*p, p->contract.scenario);
  std::string csv;
  if (kind == "indicateurs" || kind == "indicators") csv = indicators_csv(*p, r);
  else if (kind == "echeancier" || kind == "échéancier" || kind == "schedule") csv = schedule_csv(r, *r.catalogue);
  else return usage("export CSV inconnu « " + kind + " » (indicateurs ou echeancier)");
  if (!write_output(a.get("-o"), csv)) {
    std::fprintf(stderr, "cpts-cli : impossible d'écrire « %s »\n", a.get("-o").c_str());
    return kUsage;
  }
  return kOk;
}

int verb_migrate(const Args& a) {
  if (a.has("--catalogue")) {  // rewritten under that catalogue, embedded when it is not a shipped one
    int code = kOk;
    auto p = load_arg(a, code);
    if (!p) return code;
    std::vector<JsonError> errors = validate_project(*p);
    if (!errors.empty()) {
      print_errors(a.positional[0], errors);
      return kFindings;
    }
    if (!write_output(a.get("-o"), save_project(*p))) return usage("impossible d'écrire « " + a.get("-o") + " »");
    return kOk;
  }
  if (a.positional.empty()) return usage("fichier projet manquant");
  auto text = read_file(a.positional[0]);
  if (!text) return usage("impossible de lire « " + a.positional[0] + " »");
  std::vector<JsonError> errors;
  std::string out = migrate_project_text(*text, errors);
  if (out.empty()) {
    print_errors(a.positional[0], errors);
    return kFindings;
  }
  if (!write_output(a.get("-o"), out)) return usage("impossible d'écrire « " + a.get("-o") + " »");
  return kOk;
}

// repair FICHIER [-o SORTIE]: what older versions could write (repair.hpp); the input is never modified.
int verb_repair(const Args& a) {
  if (a.positional.empty()) return usage("fichier projet manquant");
  const std::string& in = a.positional[0];
  auto text = read_file(in);
  if (!text) return usage("impossible de lire « " + in + " »");
  RepairResult r = repair_project_text(*text);
  const std::string out = a.get("-o");
  const bool to_file = !out.empty() && out != "-";
  FILE* say = to_file ? stdout : stderr;  // the repaired text may be on stdout
  if (!r.ok()) {
    print_errors(in, r.errors);
    std::fprintf(stderr, "Réparation impossible : %zu erreur%s à corriger dans le fichier.\n", r.errors.size(),
                 r.errors.size() > 1 ? "s" : "");
    return kFindings;
  }
  if (r.changes.empty()) std::fprintf(say, "%s : fichier valide, aucune réparation nécessaire\n", in.c_str());
  for (const RepairChange& c : r.changes) std::fprintf(say, "%s : %s\n", c.path.c_str(), c.description.c_str());
  if (!write_output(out, r.text)) return usage("impossible d'écrire « " + out + " »");
  if (to_file)
    std::fprintf(say, "%zu modification%s ; fichier réparé écrit : %s (%s inchangé)\n", r.changes.size(),
                 r.changes.size() > 1 ? "s" : "", out.c_str(), in.c_str());
  return kOk;
}

int verb_new(const Args& a) {
  std::string name = a.get("--from-sample");
  if (name.empty() && !a.positional.empty()) name = a.positional[0];
  if (name.empty()) {
    std::printf("Exemples disponibles :\n");
    for (const std::string& id : sample_ids()) std::printf("  %s\n", id.c_str());
    return a.has("--from-sample") ? kOk : usage("new attend --from-sample NOM");
  }
  if (sample_name(name).empty()) return usage("exemple inconnu « " + name + " » (cpts-cli new --from-sample pour la liste)");
  const std::string text = sample_text(name);  // build/<preset>/data/samples/, made by the build
  if (text.empty()) {
    std::fprintf(stderr, "Exemple « %s » introuvable : le fichier %s manque dans les données de la construction.\n", name.c_str(),
                 sample_file(name).c_str());
    return kFindings;
  }
  if (!write_output(a.get("-o"), std::string(text))) return usage("impossible d'écrire « " + a.get("-o") + " »");
  if (!a.get("-o").empty()) std::fprintf(stderr, "Projet créé : %s\n", a.get("-o").c_str());
  return kOk;
}

// compare-catalogues FICHIER --catalogue AUTRE: the project's funding under its catalogue and under
// another one, per contract year and per mission, with the difference (issue #17 item 3).
int verb_compare_catalogues(const Args& a) {
  if (!a.has("--catalogue")) return usage("compare-catalogues attend --catalogue FICHIER (ou l’identifiant d’un catalogue connu)");
  std::optional<Scenario> scenario;  // without --scenario: the project's own choice, as everywhere
  if (!scenario_option(a, scenario)) return kUsage;
  int code = kOk;
  auto p = load_arg(a, code, true, false);
  if (!p) return code;
  if (!scenario) scenario = p->contract.scenario;
  const Catalogue* other = catalogue_option(a, code);  // registered by load_arg: found again, not read twice
  if (!other) return code == kOk ? kUsage : code;
  CatalogueComparison c = compare_catalogues(*p, catalogue_for(*p), *other, *scenario);
  std::printf("%s — scénario : %s\n", p->identity.name.c_str(), to_string(c.scenario));
  std::printf("A : %s (%s), taille %d\nB : %s (%s), taille %d\n\n", c.a->label_fr.c_str(), c.a->id.c_str(), c.taille_a,
              c.b->label_fr.c_str(), c.b->id.c_str(), c.taille_b);
  std::vector<std::string> header = {"Montants en €", ""};
  for (int k = 1; k <= kContractYears; ++k) header.push_back("Année " + std::to_string(k));
  header.push_back("Total");
  TextTable t(header, {false, false, true, true, true, true, true, true});
  // One money rule for the table (model/money.hpp): cents on every amount or on none.
  std::vector<Cents> amounts;
  for (const ComparisonLine& l : c.lines)
    for (int k = 1; k <= kContractYears; ++k) amounts.insert(amounts.end(), {l.a[k - 1], l.b[k - 1], l.diff(k)});
  const bool cents = money_needs_cents(amounts);
  auto money = [cents](Cents v) { return v == 0 ? std::string("—") : format_eur_digits(v, cents); };
  auto signed_eur = [&](Cents v) { return v > 0 ? "+" + money(v) : money(v); };
  auto rows = [&](const ComparisonLine& l) {
    std::vector<std::string> ra = {l.label_fr, "A"}, rb = {"", "B"}, rd = {"", "B − A"};
    for (int k = 1; k <= kContractYears; ++k) {
      ra.push_back(money(l.a[k - 1]));
      rb.push_back(money(l.b[k - 1]));
      rd.push_back(signed_eur(l.diff(k)));
    }
    ra.push_back(money(l.total_a()));
    rb.push_back(money(l.total_b()));
    rd.push_back(signed_eur(l.total_diff()));
    t.row(ra);
    t.row(rb);
    t.row(rd);
  };
  for (const ComparisonLine& l : c.lines) rows(l);
  t.separator();
  rows(c.total);
  std::fputs(t.str().c_str(), stdout);
  if (c.pre_contract_a || c.pre_contract_b)
    std::printf("Avant le contrat (lettre d’intention) : A %s, B %s\n", format_eur(c.pre_contract_a).c_str(),
                format_eur(c.pre_contract_b).c_str());
  for (const std::string& n : c.notes_fr) std::printf("* %s\n", n.c_str());
  return kOk;
}

// The file format, generated from its description (model/schema.hpp): JSON Schema or Markdown.
int verb_schema(const Args& a) {
  std::string what = a.positional.empty() ? "projet" : a.positional[0];
  std::string text;
  if (what == "projet") text = a.has("--markdown") ? project_format_markdown() : dump_canonical(project_json_schema());
  else if (what == "catalogue") text = a.has("--markdown") ? catalogue_format_markdown() : dump_canonical(catalogue_json_schema());
  else return usage("format inconnu « " + what + " » (projet ou catalogue)");
  if (!write_output(a.get("-o"), text)) return usage("impossible d'écrire « " + a.get("-o") + " »");
  return kOk;
}

// review DIR|FICHIERS… [--csv|--html|--json] [--scenario S] [--catalogue C] [-o SORTIE]: one row per project
// (io/review_report.hpp). A directory stands for its *.json files, by name. A file that does not
// load is a row with its error, and makes the exit status 1.
int verb_review(const Args& a) {
  if (a.positional.empty()) return usage("review attend un dossier ou des fichiers projet");
  if (a.has("--csv") + a.has("--html") + a.has("--json") > 1) return usage("review attend un seul format : --csv, --html ou --json");
  std::optional<Scenario> scenario;
  if (!scenario_option(a, scenario)) return kUsage;
  int code = kOk;  // --catalogue: registered for this run, so that the projects naming it open
  if (a.has("--catalogue") && !catalogue_option(a, code)) return code;
  std::vector<std::string> files;
  for (const std::string& arg : a.positional) {
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      std::vector<std::string> in_dir;
      for (const auto& e : std::filesystem::directory_iterator(arg, ec))
        if (e.path().extension() == ".json") in_dir.push_back(e.path().string());
      std::sort(in_dir.begin(), in_dir.end());
      if (in_dir.empty()) std::fprintf(stderr, "cpts-cli : aucun fichier .json dans « %s »\n", arg.c_str());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else {
      files.push_back(arg);
    }
  }
  std::vector<ReviewRow> rows;
  rows.reserve(files.size());
  for (const std::string& f : files) rows.push_back(review_file(f, read_file(f), scenario));
  ReviewTotals totals = review_totals(rows);
  std::string out;
  if (a.has("--csv")) out = review_csv(rows);
  else if (a.has("--html")) out = review_html(rows);
  else if (a.has("--json")) out = review_json(rows);
  else {
    TextTable t({"Fichier", "CPTS", "T.", "Signature", "Scénario", "Plafond 5 ans", "Scénario 5 ans", "Part à risque", "Bloq.",
                 "À revoir", "Estimés"},
                {false, false, true, false, false, true, true, true, true, true, true});
    for (const ReviewRow& r : rows) {
      std::string file = std::filesystem::path(r.file).filename().string();
      if (!r.ok()) {  // the message itself is listed under the table, where its length does not widen every row
        t.row({file, "ERREUR : fichier non lu (voir ci-dessous)", "", "", "", "", "", "", "", "", ""});
        continue;
      }
      t.row({file, r.name, std::to_string(r.taille), format_fr(r.signature), to_string(r.scenario), format_eur(r.ceiling_total),
             format_eur(r.chosen_total), format_eur(r.at_risk), std::to_string(r.blocking), std::to_string(r.to_review),
             std::to_string(r.estimates.size())});
    }
    t.separator();
    t.row({"Total", std::to_string(totals.projects - totals.failed) + " lu(s), " + std::to_string(totals.failed) + " refusé(s)", "", "",
           "", format_eur(totals.ceiling_total), format_eur(totals.chosen_total), format_eur(totals.at_risk),
           std::to_string(totals.blocking), std::to_string(totals.to_review), std::to_string(totals.estimates)});
    out = t.str();
    // Per contract year, ceiling and chosen scenario, summed over the projects read.
    TextTable y({"Année de contrat", "Plafond", "Scénario choisi"}, {false, true, true});
    for (int k = 0; k < kContractYears; ++k)
      y.row({std::to_string(k + 1), format_eur(totals.ceiling[k]), format_eur(totals.chosen[k])});
    out += "\nTotaux par année de contrat (" + std::string(scenario ? scenario_heading(*scenario) : "scénario de chaque projet") + ") :\n" + y.str();
    if (totals.failed) {
      out += "\nFichiers non lus :\n";
      for (const ReviewRow& r : rows)
        if (!r.ok()) out += "  " + r.file + " : " + r.error + "\n";
    }
  }
  if (!write_output(a.get("-o"), out)) return usage("impossible d'écrire « " + a.get("-o") + " »");
  const bool errors_printed = !a.has("--csv") && !a.has("--html") && !a.has("--json") && (a.get("-o").empty() || a.get("-o") == "-");
  if (!errors_printed)
    for (const ReviewRow& r : rows)
      if (!r.ok()) std::fprintf(stderr, "%s : %s\n", r.file.c_str(), r.error.c_str());
  return totals.failed ? kFindings : kOk;
}

// import --table KIND TABLEAU PROJET [-o SORTIE] [--dry-run] (table_verbs.cpp).
int verb_import(const Args& a) {
  if (!a.has("--table")) return usage("import attend --table communes|professionnels|diagnostic|actions|indicateurs");
  if (a.positional.size() != 2) return usage("import attend un tableau (.csv, .tsv, .xlsx) puis un fichier projet");
  return run_import_table(a.get("--table"), a.positional[0], a.positional[1], a.get("-o"), a.has("--dry-run"));
}

}  // namespace

int run_verb(const std::string& verb, const std::vector<std::string>& raw) {
  // Verbs with sub-verbs check their own options.
  if (verb == "library") return run_library_verb(raw);
  if (verb == "communes") return run_communes_verb(raw);
  if (verb == "territoire") return run_territoire_verb(raw);
  static const VerbSpec kVerbs[] = {
      {"validate", {}, {"--catalogue"}, verb_validate},
      {"check", {"--json"}, {"--catalogue"}, verb_check},
      {"simulate", {"--json"}, {"--scenario", "--monte-carlo", "--seed", "--catalogue"}, verb_simulate},
      {"schedule", {"--json"}, {"--scenario", "--catalogue"}, verb_schedule},
      {"export", {"--xlsx"}, {"--csv", "--html", "--docx", "--md", "--annee", "--scenario", "-o", "--catalogue"}, verb_export},
      {"review", {"--csv", "--html", "--json"}, {"--scenario", "-o", "--catalogue"}, verb_review},
      {"compare-catalogues", {}, {"--catalogue", "--scenario"}, verb_compare_catalogues},
      {"migrate", {}, {"-o", "--catalogue"}, verb_migrate},
      {"repair", {}, {"-o"}, verb_repair},
      {"new", {}, {"--from-sample", "-o"}, verb_new},
      {"schema", {"--markdown"}, {"-o"}, verb_schema},
      {"import", {"--dry-run"}, {"--table", "-o"}, verb_import},
      {"suivi", {"--json"}, {"--annee", "--date", "--catalogue"}, verb_suivi},
  };
  for (const VerbSpec& spec : kVerbs) {
    if (verb != spec.name) continue;
    Args a;
    if (!parse_args(raw, spec, a)) return kUsage;
    return spec.run(a);
  }
  return usage("commande inconnue « " + verb + " »");
}

}  // namespace cpts::cli
