#include "rules/catalogue.hpp"

#include <algorithm>
#include <cmath>
#include <list>
#include <mutex>

#include "io/embedded_data.hpp"
#include "io/field_reader.hpp"
#include "io/json_reader.hpp"
#include "rules/catalogue_format.hpp"

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

const char* component_label_en(Component c) {
  switch (c) {
    case Component::Fonctionnement: return "Running costs";
    case Component::Fixe: return "Fixed part";
    case Component::Variable: return "Variable part";
    case Component::Snp: return "Unscheduled care envelope";
    case Component::CrisePlan: return "Crisis plan (writing)";
    case Component::CriseUpdate: return "Crisis plan (update)";
    case Component::CriseActivation: return "Crisis activation";
    case Component::LettreIntention: return "Letter of intent";
    case Component::Avenant2Topup: return "Avenant 2 top-up";
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

PaymentRule default_payment_rule(const Catalogue& cat, Component c) {
  PaymentRule r;
  switch (c) {
    case Component::Fonctionnement:  // art. 9.1: year 1 in full at signature, later years 75 % + balance
      r.kind = PayKind::Yearly;
      r.first_year_at_signature = true;
      break;
    case Component::Fixe:
    case Component::Snp: r.kind = PayKind::Prorated; break;  // Sénat r25-0325: 75 % prorated, balance at the anniversary
    case Component::CrisePlan: r.kind = PayKind::Prorated, r.years = PayYears::First; break;  // avenant 2
    case Component::CriseUpdate: r.kind = PayKind::Prorated, r.years = PayYears::Later; break;
    case Component::Variable: r.kind = PayKind::Variable; break;
    case Component::CriseActivation: r.kind = PayKind::OnEvent; break;
    case Component::LettreIntention: r.kind = PayKind::LumpSum, r.on = LumpOn::LettreIntention; break;
    case Component::Avenant2Topup:
      // Avenant 2 (domain reference §4.1): paid on max(signature, paid_on) to contracts signed by
      // signed_until; a catalogue without the section pays none (no signature date qualifies).
      r.kind = PayKind::LumpSum, r.on = LumpOn::Date, r.date = cat.topup_paid_on;
      r.signed_until = cat.topup_signed_until.valid() ? cat.topup_signed_until : Date{1900, 1, 1};
      break;
  }
  return r;
}

PaymentRule Catalogue::payment(Component c, std::string_view mission_id) const {
  auto it = payments.find({c, std::string(is_mission_component(c) ? mission_id : std::string_view{})});
  return it != payments.end() ? it->second : default_payment_rule(*this, c);
}

const SharedCeiling* Catalogue::ceiling_for(std::string_view mission_id) const {
  for (const SharedCeiling& sc : shared_ceilings)
    for (const std::string& m : sc.missions)
      if (m == mission_id) return &sc;
  return nullptr;
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

// ---------------------------------------------------------------------------------------------
// Reading a catalogue file
// ---------------------------------------------------------------------------------------------
// Keys, types and limits come from the description in rules/catalogue_format.hpp, read by the
// generic visitor of io/field_reader.hpp (the project reader's). What follows by hand is what the
// description cannot say: the format checks that come first, the rules across objects (unique
// mission ids, a socle mission's deadlines, increasing size thresholds, the mission of an amount,
// a non-empty source for every figure, as docs/format-catalogue.md states) and the conversion of
// the file's shape (euros, "category", by_taille) into a Catalogue.

namespace {

namespace cf = catalogue_file;

Cents to_cents(double euros_value) { return static_cast<Cents>(std::llround(euros_value * 100)); }

// Format and version first, as for projects: a file of another kind gets one clear message
// instead of a list of missing fields.
bool check_format(const Json& j, JsonReader& r) {
  if (!j.is_object()) {
    r.error("$", "objet JSON { … } attendu, trouvé " + describe_value(j));
    return false;
  }
  auto f = j.find("format");
  if (f == j.end() || !f->is_string() || f->get_ref<const std::string&>() != cf::kFormat) {
    r.error("$.format", std::string("« ") + cf::kFormat + " » attendu" +
                            (f == j.end() ? std::string(" (champ manquant)")
                             : f->is_string() ? ", trouvé « " + f->get_ref<const std::string&>() + " »"
                                              : ", trouvé " + describe_value(*f)));
    return false;
  }
  auto v = j.find("schema_version");
  if (v == j.end() || !v->is_number_integer() || v->get<long long>() < cf::kOldestSchemaVersion ||
      v->get<long long>() > cf::kSchemaVersion) {
    r.error("$.schema_version", "version du format " + std::to_string(cf::kOldestSchemaVersion) + " à " +
                                    std::to_string(cf::kSchemaVersion) + " attendue" +
                                    (v == j.end() ? std::string(" (champ manquant)") : ", trouvé " + describe_value(*v)));
    return false;
  }
  return true;
}

void check_source(JsonReader& r, const std::string& path, const std::string& source) {
  if (source.empty()) r.error(JsonReader::key_path(path, "source"), "source obligatoire pour chaque montant");
}

// Amounts by taille as the file gives them (a taille left out is not paid).
std::array<std::optional<Amount>, 4> cells_of(const cf::ByTaille& b, const Json& by, const std::string& path, JsonReader& r) {
  std::array<std::optional<Amount>, 4> cells;
  const cf::Amount* in[4] = {&b.t1, &b.t2, &b.t3, &b.t4};
  for (int t = 1; t <= 4; ++t) {
    std::string key = std::to_string(t);
    if (!by.is_object() || !by.contains(key) || by[key].is_null()) continue;
    check_source(r, path + "." + key, in[t - 1]->source);
    cells[t - 1] = Amount{to_cents(in[t - 1]->euros), in[t - 1]->provenance, in[t - 1]->source};
  }
  return cells;
}

// A payment as the file gives it, checked against where it is used (issue #17 item 2): the
// variable kind is the variable part's and only its; prorated needs a mission, yearly and
// lump_sum are the contract's; a lump sum on a date names the date.
PaymentRule payment_of(const cf::Payment& f, bool per_mission, bool is_variable, const std::string& path, JsonReader& r) {
  PaymentRule p{f.kind, f.advance_percent, f.first_year_at_signature, f.on, f.date, f.signed_until, f.years, f.event};
  std::string kind = JsonReader::key_path(path, "kind");
  if (is_variable != (f.kind == PayKind::Variable))
    r.error(kind, is_variable ? "la part variable se verse en « variable »"
                              : "« variable » est réservé à la part variable d’une mission (composante « variable »)");
  else if (f.kind == PayKind::Prorated && !per_mission)
    r.error(kind, "« prorated » suit le démarrage d’une mission : composante de mission attendue");
  else if ((f.kind == PayKind::Yearly || f.kind == PayKind::LumpSum) && per_mission)
    r.error(kind, std::string("« ") + to_string(f.kind) + " » est versé au contrat : composante sans mission attendue");
  if (f.kind == PayKind::LumpSum && f.on == LumpOn::Date && !f.date.valid())
    r.error(JsonReader::key_path(path, "date"), "date obligatoire pour un versement à une date (« on » : « date »)");
  return p;
}

// The file as read (every field within its limits) becomes a Catalogue; `j` is the same file, to
// tell a taille left out of by_taille ("not paid") from one that is there.
void convert(const cf::File& f, const Json& j, JsonReader& r, Catalogue& c) {
  c.schema_version = static_cast<int>(j["schema_version"].get<long long>());
  c.id = f.id;
  c.label_fr = f.label_fr;
  c.label_en = f.label_en;
  c.reference = f.reference;
  c.in_force_from = f.in_force_from;
  c.taille2_from = f.size_thresholds.taille2_from;
  c.taille3_from = f.size_thresholds.taille3_from;
  c.taille4_above = f.size_thresholds.taille4_above;
  c.thresholds_source = f.size_thresholds.source;
  if (!(c.taille2_from < c.taille3_from && c.taille3_from < c.taille4_above))
    r.error("$.size_thresholds", "seuils croissants attendus");

  for (std::size_t i = 0; i < f.missions.size(); ++i) {
    const cf::Mission& fm = f.missions[i];
    std::string p = JsonReader::index_path("$.missions", i);
    CatalogueMission m{fm.id,      fm.label_fr,        fm.label_en,        fm.short_fr, fm.short_en,
                       fm.category == cf::Category::Socle, fm.start_months, fm.deployed_months,
                       fm.in_force_from, fm.crisis, fm.source};
    // Domain reference §3.1 (HDF PAPS table, after avenant 2): a socle mission has national
    // start and full-deployment deadlines (6/18 or 12/24 months after signature).
    if (m.socle && (m.start_months == 0 || m.deployed_months < m.start_months))
      r.error(p, "une mission socle doit avoir start_months > 0 et deployed_months ≥ start_months");
    if (c.mission(m.id)) r.error(p + ".id", "identifiant de mission en double « " + m.id + " »");
    c.missions.push_back(std::move(m));
  }

  for (std::size_t i = 0; i < f.amounts.size(); ++i) {
    const cf::AmountLine& line = f.amounts[i];
    std::string p = JsonReader::index_path("$.amounts", i);
    bool per_mission = is_mission_component(line.component);
    if (per_mission && !c.mission(line.mission)) {
      r.error(p + ".mission", "mission du catalogue attendue, trouvé « " + line.mission + " »");
      continue;
    }
    if (!per_mission && !line.mission.empty()) r.error(p + ".mission", "cette composante ne dépend pas d’une mission");
    std::pair<Component, std::string> key{line.component, per_mission ? line.mission : std::string()};
    if (c.amounts.count(key)) r.error(p, "composante déjà donnée plus haut pour cette mission");
    c.amounts[key] = cells_of(line.by_taille, j["amounts"][i]["by_taille"], p + ".by_taille", r);
    const Json& line_json = j["amounts"][i];
    if (line_json.contains("payment") && !line_json["payment"].is_null())
      c.payments[key] = payment_of(line.payment, per_mission, line.component == Component::Variable, p + ".payment", r);
    else if (c.schema_version >= 2)
      r.error(p + ".payment", "mode de versement obligatoire (format 2) : « kind » et ses paramètres");
  }

  for (std::size_t i = 0; i < f.extra_components.size(); ++i) {
    const cf::ExtraComponent& fe = f.extra_components[i];
    std::string p = JsonReader::index_path("$.extra_components", i);
    if (component_from(fe.id)) r.error(p + ".id", "« " + fe.id + " » est déjà une composante du catalogue");
    for (const ExtraComponent& other : c.extras)
      if (other.id == fe.id) r.error(p + ".id", "identifiant de composante en double « " + fe.id + " »");
    bool per_mission = !fe.mission.empty();
    if (per_mission && !c.mission(fe.mission)) r.error(p + ".mission", "mission du catalogue attendue, trouvé « " + fe.mission + " »");
    ExtraComponent e{fe.id, fe.label_fr, fe.label_en, fe.mission, payment_of(fe.payment, per_mission, false, p + ".payment", r),
                     cells_of(fe.by_taille, j["extra_components"][i]["by_taille"], p + ".by_taille", r), fe.source};
    c.extras.push_back(std::move(e));
  }

  for (std::size_t i = 0; i < f.shared_ceilings.size(); ++i) {
    const cf::SharedCeiling& fs = f.shared_ceilings[i];
    std::string p = JsonReader::index_path("$.shared_ceilings", i);
    for (const SharedCeiling& other : c.shared_ceilings)
      if (other.id == fs.id) r.error(p + ".id", "identifiant de plafond en double « " + fs.id + " »");
    if (fs.missions.size() < 2) r.error(p + ".missions", "au moins deux missions attendues pour un plafond commun");
    for (std::size_t k = 0; k < fs.missions.size(); ++k) {
      std::string mp = JsonReader::index_path(p + ".missions", k);
      if (!c.mission(fs.missions[k])) r.error(mp, "mission du catalogue attendue, trouvé « " + fs.missions[k] + " »");
      else if (c.ceiling_for(fs.missions[k]) || std::count(fs.missions.begin(), fs.missions.begin() + k, fs.missions[k]))
        r.error(mp, "la mission « " + fs.missions[k] + " » est déjà dans un plafond commun");
    }
    c.shared_ceilings.push_back(
        {fs.id, fs.label_fr, fs.label_en, fs.missions, cells_of(fs.by_taille, j["shared_ceilings"][i]["by_taille"], p + ".by_taille", r),
         fs.source});
  }

  c.topup_signed_until = f.avenant2_topup.signed_until;
  c.topup_paid_on = f.avenant2_topup.paid_on;
  c.pass_cap_from_year = f.pass.cap_from_year;
  for (std::size_t i = 0; i < f.pass.values.size(); ++i) {
    const cf::PassValue& v = f.pass.values[i];
    check_source(r, JsonReader::index_path("$.pass.values", i), v.source);
    c.pass_by_year[v.year] = PassValue{to_cents(v.euros), v.provenance, v.source};
  }
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
  if (check_format(*doc, r)) {
    cf::File file;
    field_io::FieldReader::read(r, *doc, "$", file);
    // Rules across objects once every field is readable: their paths index the lists as read.
    if (r.ok()) convert(file, *doc, r, c);
    // Canonical text (compact, keys sorted): the same however the file was laid out, so that a
    // project embedding it reads back exactly the catalogue it wrote (io/field_reader.hpp reads
    // the embedded object as a sorted Json).
    if (r.ok()) c.file_text = doc->dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
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

namespace {
// Run-time catalogues: a list, so that pointers stay valid as others are added; guarded as the app
// may import while a background task simulates.
std::list<Catalogue>& runtime_list() {
  static std::list<Catalogue> l;
  return l;
}
std::mutex& runtime_mutex() {
  static std::mutex m;
  return m;
}
}  // namespace

bool is_builtin_catalogue(std::string_view id) {
  for (const Catalogue& c : builtin_catalogues())
    if (c.id == id) return true;
  return false;
}

const Catalogue* find_catalogue(std::string_view id) {
  for (const Catalogue& c : builtin_catalogues())
    if (c.id == id) return &c;
  std::lock_guard lock(runtime_mutex());
  const auto& l = runtime_list();
  for (auto it = l.rbegin(); it != l.rend(); ++it)
    if (it->id == id) return &*it;
  return nullptr;
}

const Catalogue* register_catalogue(Catalogue c, std::string* error) {
  if (is_builtin_catalogue(c.id)) {
    if (error) *error = "l’identifiant « " + c.id + " » est celui d’un catalogue fourni avec l’application : choisissez-en un autre";
    return nullptr;
  }
  std::lock_guard lock(runtime_mutex());
  auto& l = runtime_list();
  // The same file registered again (a project opened twice) adds nothing.
  for (auto it = l.rbegin(); it != l.rend(); ++it)
    if (it->id == c.id) {
      if (it->file_text == c.file_text) return &*it;
      break;
    }
  l.push_back(std::move(c));
  return &l.back();
}

std::vector<const Catalogue*> known_catalogues() {
  std::vector<const Catalogue*> out;
  for (const Catalogue& c : builtin_catalogues()) out.push_back(&c);
  for (const Catalogue* c : runtime_catalogues()) {
    if (find_catalogue(c->id) != c) continue;  // an older registration of that id
    out.push_back(c);
  }
  return out;
}

std::vector<const Catalogue*> runtime_catalogues() {
  std::lock_guard lock(runtime_mutex());
  std::vector<const Catalogue*> out;
  for (const Catalogue& c : runtime_list()) out.push_back(&c);
  return out;
}

}  // namespace cpts
