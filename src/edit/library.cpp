#include "edit/library.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "engine/funding.hpp"
#include "edit/text_search.hpp"

namespace cpts {

namespace {

constexpr std::size_t kMaxEntries = 5000;

const char* kind_word(IndicatorKind k) { return k == IndicatorKind::Deliverable ? "livrable" : "resultat"; }
const char* direction_word(Direction d) { return d == Direction::Up ? "hausse" : "baisse"; }

void read_strings(JsonReader& r, const Json& obj, const char* key, const std::string& path, std::vector<std::string>& out) {
  if (!obj.contains(key)) return;
  std::string p = JsonReader::key_path(path, key);
  if (!r.array(obj[key], p, 200)) return;
  for (std::size_t i = 0; i < obj[key].size(); ++i) {
    if (obj[key][i].is_string()) out.push_back(obj[key][i].get<std::string>());
    else r.error(JsonReader::index_path(p, i), "texte attendu, trouvé " + describe_value(obj[key][i]));
  }
}

void read_indicator(JsonReader& r, const Json& j, const std::string& path, LibraryIndicator& ind) {
  if (!r.object(j, path, {"label", "kind", "unit", "direction", "source", "evidence", "share", "tiers", "baseline_example"})) return;
  r.str(j, "label", path, ind.label, true);
  std::string kind, dir;
  r.str(j, "kind", path, kind, true);
  if (kind == "livrable") ind.kind = IndicatorKind::Deliverable;
  else if (kind != "resultat" && !kind.empty()) r.error(path + ".kind", "« livrable » ou « resultat » attendu");
  r.str(j, "unit", path, ind.unit, ind.kind == IndicatorKind::Result);
  r.str(j, "direction", path, dir, true);
  if (dir == "baisse") ind.direction = Direction::Down;
  else if (dir != "hausse" && !dir.empty()) r.error(path + ".direction", "« hausse » ou « baisse » attendu");
  r.str(j, "source", path, ind.source, true);
  r.str(j, "evidence", path, ind.evidence, true);
  // An indicator without its source or evidence is not usable in a contract annex.
  if (j.contains("source") && ind.source.empty()) r.error(path + ".source", "source des données obligatoire");
  if (j.contains("evidence") && ind.evidence.empty()) r.error(path + ".evidence", "justificatif attendu obligatoire");
  if (j.contains("label") && ind.label.empty()) r.error(path + ".label", "libellé obligatoire");
  r.number(j, "share", path, ind.share, 0, 1, true);
  r.optional_number(j, "baseline_example", path, ind.baseline_example, -1e12, 1e12);
  if (j.contains("tiers") && r.array(j["tiers"], path + ".tiers", 10)) {
    double last = -1;
    for (std::size_t i = 0; i < j["tiers"].size(); ++i) {
      std::string tp = JsonReader::index_path(path + ".tiers", i);
      const Json& t = j["tiers"][i];
      if (!r.object(t, tp, {"label", "threshold", "fraction"})) continue;
      LibraryTier tier;
      r.str(t, "label", tp, tier.label, true);
      r.number(t, "threshold", tp, tier.threshold, -1e12, 1e12, true);
      r.number(t, "fraction", tp, tier.fraction, 0, 1, true);
      if (tier.fraction <= last) r.error(tp + ".fraction", "paliers dans l’ordre croissant de montant attendus");
      last = tier.fraction;
      ind.tiers.push_back(tier);
    }
  }
  if (ind.kind == IndicatorKind::Result && ind.tiers.empty()) r.error(path + ".tiers", "un indicateur de résultat doit donner au moins un palier");
}

void read_entry(JsonReader& r, const Json& j, const std::string& path, LibraryEntry& e) {
  if (!r.object(j, path, {"id", "mission", "title", "objective", "target_population", "partners", "steps", "indicators", "origin", "reference"}))
    return;
  r.str(j, "id", path, e.id, true);
  r.str(j, "mission", path, e.mission, true);
  if (!e.mission.empty() && !find_catalogue(kDefaultCatalogue)->mission(e.mission))
    r.error(path + ".mission", "mission de l’ACI attendue (acces, parcours, prevention, crise, qualite, accompagnement)");
  r.str(j, "title", path, e.title, true);
  r.str(j, "objective", path, e.objective, true);
  r.str(j, "target_population", path, e.target_population);
  read_strings(r, j, "partners", path, e.partners);
  read_strings(r, j, "steps", path, e.steps);
  r.str(j, "origin", path, e.origin, true);
  if (!e.origin.empty() && e.origin != "observed" && e.origin != "public" && e.origin != "example")
    r.error(path + ".origin", "« observed », « public » ou « example » attendu");
  r.str(j, "reference", path, e.reference, true);
  if (j.contains("reference") && e.reference.empty()) r.error(path + ".reference", "d’où vient cette fiche ? référence obligatoire");
  if (j.contains("indicators") && r.array(j["indicators"], path + ".indicators", 50)) {
    double shares = 0;
    for (std::size_t i = 0; i < j["indicators"].size(); ++i) {
      LibraryIndicator ind;
      read_indicator(r, j["indicators"][i], JsonReader::index_path(path + ".indicators", i), ind);
      shares += ind.share;
      e.indicators.push_back(std::move(ind));
    }
    if (shares > 1.0 + 1e-9) r.error(path + ".indicators", "les parts des indicateurs dépassent 100 % de la part variable");
  }
  if (e.indicators.empty()) r.error(path + ".indicators", "au moins un indicateur attendu");
}

}  // namespace

std::optional<Library> load_library(std::string_view text, std::vector<JsonError>& errors) {
  JsonError perr;
  auto doc = parse_json_limited(text, perr);
  if (!doc) {
    errors.push_back(perr);
    return std::nullopt;
  }
  JsonReader r;
  Library lib;
  const Json& j = *doc;
  if (r.object(j, "$", {"format", "schema_version", "name", "notes", "entries"})) {
    std::string format;
    r.str(j, "format", "$", format, true);
    if (!format.empty() && format != kLibraryFormat) r.error("$.format", std::string("« ") + kLibraryFormat + " » attendu : ce fichier n’est pas une bibliothèque");
    int version = 0;
    r.integer(j, "schema_version", "$", version, 1, 1, true);
    r.str(j, "name", "$", lib.name, true);
    r.str(j, "notes", "$", lib.notes);
    if (j.contains("entries") && r.array(j["entries"], "$.entries", kMaxEntries)) {
      for (std::size_t i = 0; i < j["entries"].size(); ++i) {
        LibraryEntry e;
        std::string p = JsonReader::index_path("$.entries", i);
        read_entry(r, j["entries"][i], p, e);
        for (const LibraryEntry& other : lib.entries)
          if (other.id == e.id) r.error(p + ".id", "identifiant en double « " + e.id + " »");
        lib.entries.push_back(std::move(e));
      }
    } else if (!j.contains("entries")) {
      r.error("$.entries", "champ obligatoire manquant");
    }
  }
  if (!r.ok()) {
    errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    return std::nullopt;
  }
  return lib;
}

std::string save_library(const Library& lib) {
  OrderedJson j;
  j["format"] = kLibraryFormat;
  j["schema_version"] = 1;
  j["name"] = lib.name;
  j["notes"] = lib.notes;
  j["entries"] = OrderedJson::array();
  for (const LibraryEntry& e : lib.entries) {
    OrderedJson ej;
    ej["id"] = e.id;
    ej["mission"] = e.mission;
    ej["title"] = e.title;
    ej["objective"] = e.objective;
    ej["target_population"] = e.target_population;
    ej["partners"] = e.partners;
    ej["steps"] = e.steps;
    ej["indicators"] = OrderedJson::array();
    for (const LibraryIndicator& ind : e.indicators) {
      OrderedJson ij;
      ij["label"] = ind.label;
      ij["kind"] = kind_word(ind.kind);
      ij["unit"] = ind.unit;
      ij["direction"] = direction_word(ind.direction);
      ij["source"] = ind.source;
      ij["evidence"] = ind.evidence;
      ij["share"] = ind.share;
      if (!ind.tiers.empty()) {
        ij["tiers"] = OrderedJson::array();
        for (const LibraryTier& t : ind.tiers) ij["tiers"].push_back({{"label", t.label}, {"threshold", t.threshold}, {"fraction", t.fraction}});
      }
      if (ind.baseline_example) ij["baseline_example"] = *ind.baseline_example;
      ej["indicators"].push_back(ij);
    }
    ej["origin"] = e.origin;
    ej["reference"] = e.reference;
    j["entries"].push_back(ej);
  }
  return dump_canonical(j);
}

// Not embedded (issue #18 item 4: the web page's first load does not carry it): natively read
// from the build's data folder (src/CMakeLists.txt copies it there); the web page fetches
// library-fiches-actions.json when the Bibliothèque is first shown (imgui_ui/app/library_source.hpp)
// and loads it with load_library.
const Library& builtin_library() {
  static const Library lib = [] {
    std::ifstream in(CPTS_LIBRARY_FILE, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<JsonError> errors;
    auto l = load_library(text.str(), errors);
    return l ? *l : Library{};  // a broken or missing shipped library is caught by the library tests
  }();
  return lib;
}

std::vector<const LibraryEntry*> search_library(const Library& lib, const std::string& mission, const std::string& keyword) {
  std::vector<const LibraryEntry*> out;
  for (const LibraryEntry& e : lib.entries) {
    if (!mission.empty() && e.mission != mission) continue;
    std::string haystack = e.title + " " + e.objective + " " + e.target_population;
    for (const auto& s : e.partners) haystack += " " + s;
    for (const auto& i : e.indicators) haystack += " " + i.label;
    if (contains_folded(haystack, keyword)) out.push_back(&e);
  }
  return out;
}

Project insert_library_entry(const Project& p, const LibraryEntry& entry, std::string* new_action_id) {
  Project next = p;
  const Catalogue& cat = catalogue_for(p);
  ProjectMission* pm = next.find_mission(entry.mission);
  if (!pm) {
    next.missions.push_back({entry.mission, true, {}, {}, {}});
    pm = &next.missions.back();
  }
  pm->chosen = true;
  Action a;
  a.id = fresh_id(next, 'A');
  a.mission = entry.mission;
  a.title = entry.title;
  a.objective = entry.objective;
  for (std::size_t i = 0; i < entry.steps.size(); ++i) a.objective += (i == 0 ? "\n\nÉtapes : " : " ; ") + entry.steps[i];
  a.partners = entry.partners;
  a.target_population = entry.target_population;
  a.start = pm->start;
  a.comments = "Inséré depuis la bibliothèque (" + entry.id + ", " + entry.reference + ")";
  next.actions.push_back(a);
  if (new_action_id) *new_action_id = a.id;
  // Amounts: share of the mission's variable part for this project's taille, rounded to 100 €.
  ResolvedAmount variable = resolve_amount(p, cat, effective_taille(p, cat), Component::Variable, entry.mission, 0);
  auto round100 = [](Cents c) { return mul_div(c, 1, 10000) * 10000; };
  for (const LibraryIndicator& li : entry.indicators) {
    Indicator ind;
    ind.id = fresh_id(next, 'I');
    ind.action = a.id;
    ind.label = li.label;
    ind.kind = li.kind;
    ind.unit = li.unit;
    ind.direction = li.direction;
    ind.source = li.source;
    ind.evidence = li.evidence;
    ind.baseline = li.baseline_example;
    Cents amount = round100(static_cast<Cents>(std::llround(static_cast<double>(variable.cents) * li.share)));
    if (li.tiers.empty()) {
      ind.cents = amount;
    } else {
      for (const LibraryTier& t : li.tiers) ind.tiers.push_back({t.label, t.threshold, round100(static_cast<Cents>(std::llround(static_cast<double>(amount) * t.fraction)))});
    }
    next.indicators.push_back(std::move(ind));
  }
  return next;
}

std::optional<LibraryEntry> entry_from_action(const Project& p, const std::string& action_id) {
  const Action* a = p.find_action(action_id);
  if (!a) return std::nullopt;
  LibraryEntry e;
  e.id = "perso-" + a->id;
  e.mission = a->mission;
  e.title = a->title;
  e.objective = a->objective;
  e.target_population = a->target_population;
  e.partners = a->partners;
  e.origin = "example";
  e.reference = "Fiche-action de « " + (p.identity.name.empty() ? std::string("projet sans nom") : p.identity.name) + " »";
  const Catalogue& cat = catalogue_for(p);
  ResolvedAmount variable = resolve_amount(p, cat, effective_taille(p, cat), Component::Variable, a->mission, 0);
  for (const Indicator& ind : p.indicators) {
    if (ind.action != action_id) continue;
    LibraryIndicator li;
    li.label = ind.label;
    li.kind = ind.kind;
    li.unit = ind.unit;
    li.direction = ind.direction;
    li.source = ind.source.empty() ? "À préciser" : ind.source;
    li.evidence = ind.evidence.empty() ? "À préciser" : ind.evidence;
    Cents max = ind.max_cents();
    li.share = variable.cents > 0 ? std::min(1.0, static_cast<double>(max) / static_cast<double>(variable.cents)) : 0;
    li.baseline_example = ind.baseline;
    for (const Tier& t : ind.tiers) li.tiers.push_back({t.label, t.threshold, max > 0 ? static_cast<double>(t.cents) / static_cast<double>(max) : 1});
    if (li.kind == IndicatorKind::Result && li.tiers.empty()) {
      auto target = target_for(ind, kContractYears);
      li.tiers.push_back({"objectif", target ? *target : ind.baseline.value_or(0), 1});
    }
    e.indicators.push_back(std::move(li));
  }
  return e;
}

}  // namespace cpts
