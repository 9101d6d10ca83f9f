// ACI catalogues: the national rules and amounts of one version of the accord, loaded from a data
// file in shared/catalogues/ (OpenFisca-style: every figure carries its provenance and source).
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/civil_date.hpp"
#include "model/money.hpp"
#include "rules/payment_rule.hpp"

namespace cpts {

enum class Provenance { Verified, Observed, Estimate };
const char* to_string(Provenance p);                 // "verified" / "observed" / "estimate"
std::optional<Provenance> provenance_from(std::string_view s);

// What an amount pays for. Mission components are per mission; the others are per contract.
enum class Component {
  Fonctionnement,   // annual structure funding (Art. 9.1)
  Fixe,             // mission fixed part ("volet fixe", 75 % advance)
  Variable,         // mission variable part, paid on indicators
  Snp,              // access mission: specific envelope for unscheduled care (SNP / SAS)
  CrisePlan,        // crisis mission: fixed amount of the plan-writing year
  CriseUpdate,      // crisis mission: fixed amount of each later year (plan update)
  CriseActivation,  // crisis mission: paid when the ARS recognises a crisis
  LettreIntention,  // paid when the ARS validates the letter of intent (before the contract)
  Avenant2Topup,    // avenant 2: +75 % of the first fonctionnement for contracts signed early
};
constexpr int kComponentCount = 9;
const char* to_string(Component c);                  // "fonctionnement", "fixe", ...
std::optional<Component> component_from(std::string_view s);
bool is_mission_component(Component c);
const char* component_label_fr(Component c);       // "Part fixe", "Enveloppe soins non programmés"…
const char* component_label_en(Component c);       // "Fixed part", "Unscheduled care envelope"…

struct Amount {
  Cents cents = 0;
  Provenance provenance = Provenance::Estimate;
  std::string source;
};

struct CatalogueMission {
  std::string id;                 // "acces", "parcours", "prevention", "crise", "qualite", "accompagnement"
  std::string label_fr, label_en; // official label
  std::string short_fr, short_en; // for tables and charts
  bool socle = false;             // mandatory mission
  int start_months = 0;           // latest start, months after signature (0 = chosen by the CPTS)
  int deployed_months = 0;        // latest full deployment (0 = chosen by the CPTS)
  Date in_force_from;             // deadlines run from max(signature, in_force_from) (crisis: 03/09/2022)
  bool crisis = false;            // paid as plan / update / activation instead of fixe + variable
  std::string source;
};

// A component that is none of the nine above (format 2): e.g. "appui au réseau France Santé"
// (LFSS 2026 art. 63). Contract-level when `mission` is empty. Not overridable by a project.
struct ExtraComponent {
  std::string id, label_fr, label_en;
  std::string mission;
  PaymentRule payment;
  std::array<std::optional<Amount>, 4> by_taille;
  std::string source;
};

// A ceiling on the variable parts of several missions together (interchangeable envelopes,
// Sénat r25-032): each mission earns up to its own variable amount (or the shared ceiling when the
// catalogue gives it none), and the missions' sum is capped, in catalogue order, by the ceiling.
struct SharedCeiling {
  std::string id, label_fr, label_en;
  std::vector<std::string> missions;
  std::array<std::optional<Amount>, 4> by_taille;
  std::string source;
};

struct PassValue {                // plafond annuel de la sécurité sociale (members' pay cap)
  Cents cents = 0;
  Provenance provenance = Provenance::Verified;
  std::string source;
};

struct Catalogue {
  std::string id;                 // "aci-2019-avenant2"
  std::string label_fr, label_en;
  std::string reference;          // legal text
  Date in_force_from;
  // Size classes: taille 2 from taille2_from, taille 3 from taille3_from (the 80 000 boundary is a
  // project convention, see Contract), taille 4 above taille4_above (exclusive: 175 000 is taille 3).
  long long taille2_from = 40000, taille3_from = 80000, taille4_above = 175000;
  std::string thresholds_source;
  std::vector<CatalogueMission> missions;
  // amounts[{component, mission id or ""}][taille - 1]; a missing cell means "not paid".
  std::map<std::pair<Component, std::string>, std::array<std::optional<Amount>, 4>> amounts;
  Date topup_signed_until;        // Avenant2Topup applies to contracts signed on or before this date
  Date topup_paid_on;             // ... paid on this date when the contract was signed earlier
  int pass_cap_from_year = 0;     // the cap exists from this calendar year (décret 2022-375)
  std::map<int, PassValue> pass_by_year;
  // Format 2: how each amount line is paid (a line without one, or a format-1 file, pays as
  // default_payment_rule says), components beyond the nine, ceilings shared by missions.
  int schema_version = 1;
  std::map<std::pair<Component, std::string>, PaymentRule> payments;
  std::vector<ExtraComponent> extras;
  std::vector<SharedCeiling> shared_ceilings;
  std::string file_text;          // the file as read (compact JSON), to embed in a project that uses it

  const CatalogueMission* mission(std::string_view id) const;
  const Amount* amount(Component c, std::string_view mission_id, int taille) const;
  // PASS for a calendar year: the year's value, else the latest earlier one marked as estimate.
  std::optional<PassValue> pass_for(int year) const;
  PaymentRule payment(Component c, std::string_view mission_id) const;
  const SharedCeiling* ceiling_for(std::string_view mission_id) const;
};

// How a component is paid when the catalogue does not say (format 1): the behaviour of the ACI
// as the code had it (ACI art. 9.1, Sénat r25-0325, avenant 2; domain reference §5).
PaymentRule default_payment_rule(const Catalogue& cat, Component c);

struct CatalogueError {
  std::string path;     // JSON path, e.g. "$.missions[2].start_months"
  std::string message;  // French
};

// Parses and validates a catalogue file. On error, `errors` says what and where; nothing is returned.
std::optional<Catalogue> load_catalogue(std::string_view json_text, std::vector<CatalogueError>& errors);

// The catalogues shipped in shared/catalogues (embedded in the binary), loaded once.
const std::vector<Catalogue>& builtin_catalogues();
// A shipped catalogue, else the latest one registered at run time with that id.
const Catalogue* find_catalogue(std::string_view id);
bool is_builtin_catalogue(std::string_view id);

// Catalogues loaded at run time (CLI --catalogue, the app's import, a project's embedded copy):
// kept for the life of the process (results point to them), the latest registration of an id
// wins. Refused (French message, nullptr) when the id is a shipped catalogue's.
const Catalogue* register_catalogue(Catalogue c, std::string* error = nullptr);
std::vector<const Catalogue*> runtime_catalogues();
// What a person can choose: the shipped catalogues, then those registered at run time (the latest
// registration of each id), in registration order.
std::vector<const Catalogue*> known_catalogues();
constexpr const char* kDefaultCatalogue = "aci-2019-avenant2";

// Size class from a population, with the project's 80 000 convention.
int taille_for_population(const Catalogue& cat, long long population, bool boundary_80000_is_taille3 = true);

}  // namespace cpts
