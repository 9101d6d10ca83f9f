// cpts-cli communes … and cpts-cli territoire …: the official list of communes (issue #15).
//   cpts-cli communes search TEXTE [--json] [--max N] [--epci]
//   cpts-cli territoire add (--commune CODE… | --epci SIREN) FICHIER [-o SORTIE]
//   cpts-cli territoire update-populations FICHIER [-o SORTIE]
// All take --communes-table TABLE (default: the build's data/communes.tsv, made by
// scripts/communes_table.py). What changed is printed on stderr when the project goes to stdout,
// on stdout otherwise.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_verbs.hpp"
#include "edit/territory_edits.hpp"
#include "io/project_json.hpp"
#include "model/money.hpp"
#include "text_table.hpp"

#ifndef CPTS_COMMUNES_TABLE_DEFAULT
#define CPTS_COMMUNES_TABLE_DEFAULT "data/communes.tsv"
#endif

namespace cpts::cli {

namespace {

constexpr int kOk = 0, kErrors = 1, kUsage = 2;

int fail_usage(const std::string& msg) {
  std::fprintf(stderr, "cpts-cli : %s (voir cpts-cli --help)\n", msg.c_str());
  return kUsage;
}

std::string people(long long n) { return format_number_fr(static_cast<double>(n), 0); }

bool looks_like_insee(const std::string& s) {
  if (s.size() != 5) return false;
  for (std::size_t i = 0; i < 5; ++i) {
    char c = s[i];
    bool digit = c >= '0' && c <= '9';
    if (!digit && !(i == 1 && (c == 'A' || c == 'B'))) return false;  // 2A, 2B: Corsica
  }
  return true;
}

struct Options {
  std::vector<std::string> pos, communes;
  std::string epci, output, table = CPTS_COMMUNES_TABLE_DEFAULT;
  bool json = false, epci_search = false;
  std::size_t max = 20;
};

std::optional<Options> parse(const std::vector<std::string>& args, int& code) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--commune") {
      // One or more codes: "--commune 71153 71306", "--commune 71153,71306" or repeated.
      if (!value(v)) { code = fail_usage("--commune attend un ou plusieurs codes INSEE"); return std::nullopt; }
      std::stringstream ss(v);
      for (std::string c; std::getline(ss, c, ',');) if (!c.empty()) o.communes.push_back(c);
      while (i + 1 < args.size() && looks_like_insee(args[i + 1])) o.communes.push_back(args[++i]);
    } else if (a == "--epci") {
      if (args.size() > i + 1 && args[i + 1].size() == 9 && args[i + 1][0] >= '0' && args[i + 1][0] <= '9') o.epci = args[++i];
      else o.epci_search = true;  // communes search --epci TEXTE: search intercommunalités
    } else if (a == "-o") {
      if (!value(o.output)) { code = fail_usage("-o attend un fichier"); return std::nullopt; }
    } else if (a == "--communes-table") {
      if (!value(o.table)) { code = fail_usage("--communes-table attend un fichier"); return std::nullopt; }
    } else if (a == "--max") {
      if (!value(v) || v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6) {
        code = fail_usage("--max attend un nombre");
        return std::nullopt;
      }
      o.max = std::stoul(v);
    } else if (a == "--json") {
      o.json = true;
    } else if (a.size() > 1 && a[0] == '-') {
      code = fail_usage("option inconnue « " + a + " »");
      return std::nullopt;
    } else {
      o.pos.push_back(a);
    }
  }
  return o;
}

std::optional<CommuneIndex> load_index(const Options& o, int& code) {
  std::string error;
  auto table = read_communes_table_file(o.table, error);
  if (!table) {
    std::fprintf(stderr, "cpts-cli : %s\n", error.c_str());
    code = kUsage;
    return std::nullopt;
  }
  return CommuneIndex(std::move(*table));
}

std::optional<Project> load(const std::string& path, int& code) {
  std::ifstream in(path, std::ios::binary);
  if (!in) { code = fail_usage("impossible de lire « " + path + " »"); return std::nullopt; }
  std::stringstream ss;
  ss << in.rdbuf();
  ProjectLoad loaded = load_project(ss.str());
  if (!loaded.project) {
    std::fprintf(stderr, "%s : fichier refusé\n", path.c_str());
    for (const JsonError& e : loaded.errors) std::fprintf(stderr, "  %s : %s\n", e.path.c_str(), e.message.c_str());
    code = kErrors;
    return std::nullopt;
  }
  return std::move(*loaded.project);
}

// Writes the project, then the report where it does not mix with the project's JSON.
int finish(const Project& p, const std::string& output, const std::string& report) {
  std::string text = save_project(p);
  if (output.empty() || output == "-") {
    std::fputs(text.c_str(), stdout);
    std::fputs(report.c_str(), stderr);
    return kOk;
  }
  std::ofstream f(output, std::ios::binary);
  f << text;
  if (!f) return fail_usage("impossible d'écrire « " + output + " »");
  std::fputs(report.c_str(), stdout);
  std::printf("Fichier écrit : %s\n", output.c_str());
  return kOk;
}

std::string effect_line(const TerritoryEffect& e, const std::string& provenance) {
  std::string s = "Population : " + people(e.old_total) + " → " + people(e.new_total) + " habitants (" + provenance +
                  ") ; taille " + std::to_string(e.old_taille) + " → " + std::to_string(e.new_taille);
  if (e.taille_overridden) s += " (la taille forcée du projet reste appliquée)";
  return s + "\n";
}

int search(const Options& o, const CommuneIndex& idx) {
  if (o.pos.size() < 2) return fail_usage("communes search attend un texte");
  std::string text;
  for (std::size_t i = 1; i < o.pos.size(); ++i) text += (i > 1 ? " " : "") + o.pos[i];
  if (o.epci_search) {
    auto hits = idx.search_epci(text, o.max);
    if (o.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const RefEpci* e : hits)
        out.push_back({{"siren", e->siren}, {"nom", e->name}, {"communes", idx.members(e->siren).size()},
                       {"population", idx.epci_population(e->siren)}});
      std::printf("%s\n", nlohmann::json{{"source", idx.table().source}, {"provenance", idx.provenance()}, {"intercommunalites", out}}.dump(2).c_str());
      return kOk;
    }
    TextTable t({"SIREN", "Intercommunalité", "Communes", "Population"}, {false, false, true, true});
    for (const RefEpci* e : hits)
      t.row({e->siren, e->name, std::to_string(idx.members(e->siren).size()), people(idx.epci_population(e->siren))});
    std::fputs(t.str().c_str(), stdout);
    std::printf("%zu intercommunalité(s) — %s\n", hits.size(), idx.provenance().c_str());
    return kOk;
  }
  auto hits = idx.search(text, o.max);
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const RefCommune* c : hits) {
      const RefEpci* e = c->epci.empty() ? nullptr : idx.find_epci(c->epci);
      out.push_back({{"insee", c->code}, {"nom", c->name}, {"departement", c->department}, {"population", c->population},
                     {"codes_postaux", c->postcodes}, {"epci", c->epci}, {"epci_nom", e ? e->name : ""}});
    }
    std::printf("%s\n", nlohmann::json{{"source", idx.table().source}, {"provenance", idx.provenance()}, {"communes", out}}.dump(2).c_str());
    return kOk;
  }
  TextTable t({"INSEE", "Commune", "Dép.", "Population", "Codes postaux"}, {false, false, false, true, false});
  for (const RefCommune* c : hits) t.row({c->code, c->name, c->department, people(c->population), c->postcodes});
  std::fputs(t.str().c_str(), stdout);
  std::printf("%zu commune(s) — %s\n", hits.size(), idx.provenance().c_str());
  return kOk;
}

int add(const Options& o, const CommuneIndex& idx) {
  if (o.pos.size() != 2) return fail_usage("territoire add attend un FICHIER projet");
  if (o.communes.empty() == o.epci.empty())
    return fail_usage("territoire add attend --commune CODE… ou --epci SIREN (l’un des deux)");
  int code = kOk;
  auto p = load(o.pos[1], code);
  if (!p) return code;
  TerritoryAddPlan plan = o.epci.empty() ? plan_add_communes(*p, idx, o.communes) : plan_add_epci(*p, idx, o.epci);
  std::string report;
  for (const Commune& c : plan.added)
    report += "  + " + c.insee + " " + c.name + " (" + c.department + ") : " + people(c.population) + " hab.\n";
  for (const CommuneRefusal& r : plan.refused) report += "  = " + r.message + "\n";
  report += std::to_string(plan.added.size()) + " commune(s) ajoutée(s), " + std::to_string(plan.refused.size()) +
            " non ajoutée(s) ; territoire : " + std::to_string(p->territory.communes.size() + plan.added.size()) + " commune(s)\n";
  report += effect_line(plan.effect, plan.provenance);
  auto cmd = add_communes_command(plan);
  if (!cmd) {
    std::fputs(report.c_str(), stderr);
    std::fputs("Rien à ajouter : le fichier n’est pas écrit.\n", stderr);
    return kErrors;
  }
  cmd->apply(*p);
  return finish(*p, o.output, report);
}

int update_populations(const Options& o, const CommuneIndex& idx) {
  if (o.pos.size() != 2) return fail_usage("territoire update-populations attend un FICHIER projet");
  int code = kOk;
  auto p = load(o.pos[1], code);
  if (!p) return code;
  PopulationUpdatePlan plan = plan_update_populations(*p, idx);
  std::string report;
  for (const PopulationChange& c : plan.changes)
    report += "  " + c.code + " " + c.name + " : " + people(c.old_population) + " → " + people(c.new_population) + "\n";
  for (const std::string& n : plan.not_in_list) report += "  ? " + n + " : pas dans la liste officielle, population gardée\n";
  report += std::to_string(plan.changes.size()) + " population(s) mise(s) à jour, " + std::to_string(plan.unchanged) +
            " déjà à jour, " + std::to_string(plan.not_in_list.size()) + " hors liste\n";
  report += effect_line(plan.effect, idx.provenance());
  auto cmd = update_populations_command(plan);
  if (cmd) cmd->apply(*p);
  else report += "Populations déjà à jour.\n";
  return finish(*p, o.output, report);
}

}  // namespace

int run_communes_verb(const std::vector<std::string>& args) {
  int code = kOk;
  auto o = parse(args, code);
  if (!o) return code;
  if (o->pos.empty() || o->pos[0] != "search") return fail_usage("communes attend « search TEXTE »");
  if (!o->epci.empty()) {  // "communes search --epci 247100290": a SIREN is searched like a name
    o->epci_search = true;
    o->pos.push_back(o->epci);
  }
  auto idx = load_index(*o, code);
  if (!idx) return code;
  return search(*o, *idx);
}

int run_territoire_verb(const std::vector<std::string>& args) {
  int code = kOk;
  auto o = parse(args, code);
  if (!o) return code;
  if (o->pos.empty() || (o->pos[0] != "add" && o->pos[0] != "update-populations"))
    return fail_usage("territoire attend « add » ou « update-populations »");
  auto idx = load_index(*o, code);
  if (!idx) return code;
  return o->pos[0] == "add" ? add(*o, *idx) : update_populations(*o, *idx);
}

}  // namespace cpts::cli
