#include "io/communes_table.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

namespace cpts {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

}  // namespace

std::optional<CommuneTable> load_communes_table(std::string_view bytes, std::string& error) {
  CommuneTable t;
  std::size_t line_no = 0, pos = 0;
  bool header = false;
  auto fail = [&](const std::string& what) {
    error = "table des communes, ligne " + std::to_string(line_no) + " : " + what;
    return std::nullopt;
  };
  while (pos < bytes.size()) {
    std::size_t nl = bytes.find('\n', pos);
    std::string_view line = bytes.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ++line_no;
    if (line.empty()) continue;
    std::vector<std::string_view> f = split_tabs(line);
    if (!header) {
      if (f.size() != 2 || f[0] != "#cpts-communes" || f[1] != "1")
        return fail("en-tête « #cpts-communes<TAB>1 » attendu (fichier produit par scripts/communes_table.py)");
      header = true;
      continue;
    }
    if (f[0] == "S") {
      if (f.size() != 3) return fail("3 champs attendus (S, source, provenance)");
      t.source = f[1];
      t.provenance = f[2];
    } else if (f[0] == "E") {
      if (f.size() != 3 || f[1].size() != 9) return fail("EPCI : 3 champs attendus (E, SIREN à 9 chiffres, nom)");
      t.epcis.push_back({std::string(f[1]), std::string(f[2])});
    } else if (f[0] == "C") {
      if (f.size() != 9) return fail("commune : 9 champs attendus (C, code, nom, département, région, codes postaux, population, EPCI, commune parente)");
      if (f[1].size() != 5) return fail("code INSEE à 5 caractères attendu, lu « " + std::string(f[1]) + " »");
      RefCommune c;
      c.code = f[1];
      c.name = f[2];
      c.department = f[3];
      c.region = f[4];
      c.postcodes = f[5];
      auto [p, ec] = std::from_chars(f[6].data(), f[6].data() + f[6].size(), c.population);
      if (ec != std::errc() || p != f[6].data() + f[6].size() || c.population < 0)
        return fail("population : entier positif attendu, lu « " + std::string(f[6]) + " »");
      c.epci = f[7];
      c.parent = f[8];
      if (!t.communes.empty() && !(t.communes.back().code < c.code)) return fail("codes INSEE triés et uniques attendus");
      t.communes.push_back(std::move(c));
    } else {
      return fail("ligne commençant par S, E ou C attendue");
    }
  }
  if (!header) { line_no = 1; return fail("table vide"); }
  if (t.communes.empty()) return fail("aucune commune dans la table");
  return t;
}

std::optional<CommuneTable> read_communes_table_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "impossible de lire la table des communes « " + path + " » (construite avec l’application)";
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return load_communes_table(ss.str(), error);
}

}  // namespace cpts
