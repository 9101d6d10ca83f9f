#include "rules/catalogue.hpp"

#include <cmath>

#include "io/embedded_data.hpp"
#include "io/json_reader.hpp"

namespace cpts {

namespace {

const char* const kProvenance[] = {"verified", "observed", "estimate"};
const char* const kComponents[kComponentCount] = {"fonctionnement", "fixe",           "variable",
                                                  "snp",            "crise_plan",     "crise_update",
                                                  "crise_activation", "lettre_intention", "avenant2_topup"};

}  // namespace

const char* to_string(Provenance p) { return kProvenance[static_cast<int>(p)]; }

std::optional<Provenance> provenance_from(std::string_view s) {
  for (int i = 0; i < 3; ++i)
    if (s == kProvenance[i]) return static_cast<Provenance>(i);
  return std::nullopt;
}

const char* to_string(Component c) { return kComponents[static_cast<int>(c)]; }

std::optional<Component> component_from(std::string_view s) {
  for (int i = 0; i < kComponentCount; ++i)
    if (s == kComponents[i]) return static_cast<Component>(i);
  return std::nullopt;
}

const char* component_label_fr(Component c) {
  switch (c) {
    case Component::Fonctionnement: return "Fonctionnement";
    case Component::Fixe: return "Part fixe";
    case Component::Variable: return "Part variable";
    case Component::Snp: return "Enveloppe soins non programmés";
    case Component::CrisePlan: return "Plan de crise (rédaction)";
    case Component::CriseUpdate: return "Plan de crise (mise à jour)";
    case Component::CriseActivation: return "Activation en crise";
    case Component::LettreIntention: return "Lettre d’intention";
    case Component::Avenant2Topup: return "Complément avenant 2";
  }
  return "?";
}

bool is_mission_component(Component c) {
  return c != Component::Fonctionnement && c != Component::LettreIntention && c != Component::Avenant2Topup;
}

const CatalogueMission* Catalogue::mission(std::string_view mid) const {
  for (const auto& m : missions)
    if (m.id == mid) return &m;
  return nullptr;
}

const Amount* Catalogue::amount(Component c, std::string_view mission_id, int taille) const {
  if (taille < 1 || taille > 4) return nullptr;
  auto it = amounts.find({c, std::string(is_mission_component(c) ? mission_id : std::string_view{})});
  if (it == amounts.end() || !it->second[taille - 1]) return nullptr;
  return &*it->second[taille - 1];
}

std::optional<PassValue> Catalogue::pass_for(int year) const {
  if (year < pass_cap_from_year || pass_by_year.empty()) return std::nullopt;
  auto it = pass_by_year.upper_bound(year);
  if (it == pass_by_year.begin()) return std::nullopt;
  --it;
  PassValue v = it->second;
  if (it->first != year) {
    v.provenance = Provenance::Estimate;
    v.source = "PASS " + std::to_string(year) + " inconnu : valeur " + std::to_string(it->first) + " reprise";
  }
  return v;
}

int taille_for_population(const Catalogue& cat, long long population, bool boundary_80000_is_taille3) {
  if (population > cat.taille4_above) return 4;
  if (boundary_80000_is_taille3 ? population >= cat.taille3_from : population > cat.taille3_from) return 3;
  if (population >= cat.taille2_from) return 2;
  return 1;
}

namespace {

constexpr Cents kMaxCatalogueCents = euros(10'000'000);

void read_euros(JsonReader& r, const Json& obj, const std::string& path, Cents& out) {
  double e = 0;
  r.number(obj, "euros", path, e, 0, 10'000'000, true);
  double c = std::round(e * 100);
  if (std::fabs(c - e * 100) > 1e-6) r.error(JsonReader::key_path(path, "euros"), "montant avec au plus 2 décimales attendu");
  out = static_cast<Cents>(c);
}

// Reads euros / provenance / source of `j` (whose keys the caller has checked).
void read_amount_fields(JsonReader& r, const Json& j, const std::string& path, Amount& a) {
  read_euros(r, j, path, a.cents);
  std::string prov;
  r.str(j, "provenance", path, prov, true);
  if (auto p = provenance_from(prov)) a.provenance = *p;
  else if (!prov.empty()) r.error(JsonReader::key_path(path, "provenance"), "« verified », « observed » ou « estimate » attendu");
  r.str(j, "source", path, a.source, true);
  if (a.source.empty()) r.error(JsonReader::key_path(path, "source"), "source obligatoire pour chaque montant");
}

void read_amount(JsonReader& r, const Json& j, const std::string& path, Amount& a) {
  if (r.object(j, path, {"euros", "provenance", "source"})) read_amount_fields(r, j, path, a);
}

void read_mission(JsonReader& r, const Json& j, const std::string& path, CatalogueMission& m) {
  if (!r.object(j, path, {"id", "label_fr", "label_en", "short_fr", "short_en", "category", "start_months",
                          "deployed_months", "in_force_from", "crisis", "source"}))
    return;
  r.str(j, "id", path, m.id, true);
  r.str(j, "label_fr", path, m.label_fr, true);
  r.str(j, "label_en", path, m.label_en, true);
  r.str(j, "short_fr", path, m.short_fr, true);
  r.str(j, "short_en", path, m.short_en, true);
  std::string cat;
  r.str(j, "category", path, cat, true);
  if (cat == "socle") m.socle = true;
  else if (cat != "optional" && !cat.empty()) r.error(JsonReader::key_path(path, "category"), "« socle » ou « optional » attendu");
  r.integer(j, "start_months", path, m.start_months, 0, 60);
  r.integer(j, "deployed_months", path, m.deployed_months, 0, 60);
  if (m.socle && (m.start_months == 0 || m.deployed_months < m.start_months))
    r.error(path, "une mission socle doit avoir start_months > 0 et deployed_months ≥ start_months");
  r.date(j, "in_force_from", path, m.in_force_from);
  r.boolean(j, "crisis", path, m.crisis);
  r.str(j, "source", path, m.source, true);
}

}  // namespace

std::optional<Catalogue> load_catalogue(std::string_view text, std::vector<CatalogueError>& errors) {
  JsonError perr;
  auto doc = parse_json_limited(text, perr);
  if (!doc) {
    errors.push_back({perr.path, perr.message});
    return std::nullopt;
  }
  JsonReader r;
  Catalogue c;
  const Json& j = *doc;
  if (r.object(j, "$", {"format", "schema_version", "id", "label_fr", "label_en", "reference", "in_force_from",
                        "size_thresholds", "missions", "amounts", "avenant2_topup", "pass", "notes"})) {
    std::string format;
    r.str(j, "format", "$", format, true);
    if (!format.empty() && format != "cpts-planner/catalogue-aci")
      r.error("$.format", "« cpts-planner/catalogue-aci » attendu, trouvé « " + format + " »");
    int version = 0;
    r.integer(j, "schema_version", "$", version, 1, 1, true);
    r.str(j, "id", "$", c.id, true);
    r.str(j, "label_fr", "$", c.label_fr, true);
    r.str(j, "label_en", "$", c.label_en, true);
    r.str(j, "reference", "$", c.reference, true);
    r.date(j, "in_force_from", "$", c.in_force_from, true);
    if (j.contains("size_thresholds")) {
      const Json& t = j["size_thresholds"];
      if (r.object(t, "$.size_thresholds", {"taille2_from", "taille3_from", "taille4_above", "source"})) {
        r.integer(t, "taille2_from", "$.size_thresholds", c.taille2_from, 1, 10'000'000, true);
        r.integer(t, "taille3_from", "$.size_thresholds", c.taille3_from, 1, 10'000'000, true);
        r.integer(t, "taille4_above", "$.size_thresholds", c.taille4_above, 1, 10'000'000, true);
        r.str(t, "source", "$.size_thresholds", c.thresholds_source, true);
        if (!(c.taille2_from < c.taille3_from && c.taille3_from < c.taille4_above))
          r.error("$.size_thresholds", "seuils croissants attendus");
      }
    } else {
      r.error("$.size_thresholds", "champ obligatoire manquant");
    }
    if (j.contains("missions") && r.array(j["missions"], "$.missions", 20)) {
      for (std::size_t i = 0; i < j["missions"].size(); ++i) {
        CatalogueMission m;
        std::string p = JsonReader::index_path("$.missions", i);
        read_mission(r, j["missions"][i], p, m);
        if (c.mission(m.id)) r.error(p + ".id", "identifiant de mission en double « " + m.id + " »");
        c.missions.push_back(std::move(m));
      }
    } else if (!j.contains("missions")) {
      r.error("$.missions", "champ obligatoire manquant");
    }
    if (j.contains("amounts") && r.array(j["amounts"], "$.amounts", 200)) {
      for (std::size_t i = 0; i < j["amounts"].size(); ++i) {
        const Json& a = j["amounts"][i];
        std::string p = JsonReader::index_path("$.amounts", i);
        if (!r.object(a, p, {"component", "mission", "by_taille"})) continue;
        std::string comp, mid;
        r.str(a, "component", p, comp, true);
        r.str(a, "mission", p, mid);
        auto component = component_from(comp);
        if (!component) {
          if (!comp.empty()) r.error(p + ".component", "composante inconnue « " + comp + " »");
          continue;
        }
        if (is_mission_component(*component) && !c.mission(mid)) {
          r.error(p + ".mission", "mission du catalogue attendue, trouvé « " + mid + " »");
          continue;
        }
        if (!is_mission_component(*component) && !mid.empty()) r.error(p + ".mission", "cette composante ne dépend pas d’une mission");
        auto& cells = c.amounts[{*component, is_mission_component(*component) ? mid : std::string()}];
        if (!a.contains("by_taille") || !r.object(a["by_taille"], p + ".by_taille", {"1", "2", "3", "4"})) {
          if (!a.contains("by_taille")) r.error(p + ".by_taille", "champ obligatoire manquant");
          continue;
        }
        for (int t = 1; t <= 4; ++t) {
          std::string key = std::to_string(t);
          if (!a["by_taille"].contains(key)) continue;
          Amount amount;
          read_amount(r, a["by_taille"][key], p + ".by_taille." + key, amount);
          cells[t - 1] = amount;
        }
      }
    }
    if (j.contains("avenant2_topup")) {
      const Json& t = j["avenant2_topup"];
      if (r.object(t, "$.avenant2_topup", {"signed_until", "paid_on", "source"})) {
        r.date(t, "signed_until", "$.avenant2_topup", c.topup_signed_until, true);
        r.date(t, "paid_on", "$.avenant2_topup", c.topup_paid_on, true);
      }
    }
    if (j.contains("pass")) {
      const Json& ps = j["pass"];
      if (r.object(ps, "$.pass", {"cap_from_year", "values"})) {
        r.integer(ps, "cap_from_year", "$.pass", c.pass_cap_from_year, 1990, 2200, true);
        if (ps.contains("values") && r.array(ps["values"], "$.pass.values", 200)) {
          for (std::size_t i = 0; i < ps["values"].size(); ++i) {
            const Json& v = ps["values"][i];
            std::string p = JsonReader::index_path("$.pass.values", i);
            if (!r.object(v, p, {"year", "euros", "provenance", "source"})) continue;
            int year = 0;
            r.integer(v, "year", p, year, 1990, 2200, true);
            Amount a;
            read_amount_fields(r, v, p, a);
            c.pass_by_year[year] = PassValue{a.cents, a.provenance, a.source};
          }
        }
      }
    }
    for (const auto& [key, cells] : c.amounts)
      for (const auto& cell : cells)
        if (cell && cell->cents > kMaxCatalogueCents) r.error("$.amounts", "montant absurde");
  }
  if (!r.ok()) {
    for (auto& e : r.errors) errors.push_back({e.path, e.message});
    return std::nullopt;
  }
  return c;
}

const std::vector<Catalogue>& builtin_catalogues() {
  static const std::vector<Catalogue> catalogues = [] {
    std::vector<Catalogue> out;
    for (const EmbeddedFile& f : embedded_files()) {
      if (f.name.substr(0, 4) != "aci-") continue;
      std::vector<CatalogueError> errors;
      if (auto c = load_catalogue(f.content, errors)) out.push_back(std::move(*c));
      // A shipped catalogue that fails to load is caught by the catalogue tests, not at run time.
    }
    return out;
  }();
  return catalogues;
}

const Catalogue* find_catalogue(std::string_view id) {
  for (const Catalogue& c : builtin_catalogues())
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace cpts
