// Shared wording of the three documents (internal to src/documents): French labels, value and
// amount formatting, the order of missions, actions and indicators.
#pragma once
#include <string>
#include <vector>

#include "io/documents/doc_model.hpp"
#include "engine/funding.hpp"

namespace cpts::doc {

extern const char* const kDash;           // "—" for an empty cell
std::string or_dash(const std::string& s);
std::string date_or_dash(const Date& d);
std::string money(Cents c);               // "1 234,56 €"; "—" for 0 is NOT applied (use money_or_dash)
std::string money_or_dash(Cents c);
std::string amount_cell(Cents c);         // "1 234,56" (no € sign: for wide tables whose header says "(€)"); "—" for 0

std::string value_with_unit(double v, const std::string& unit);  // "13 %", "16 médecins"
const char* status_label(ActionStatus s);                        // "En cours"
const char* kind_label(IndicatorKind k);                          // "Livrable" / "Résultat"
std::string direction_label(const Indicator& ind);                // "↓ à la baisse"
std::string baseline_text(const Indicator& ind);
std::string target_text(const Indicator& ind, int year);          // that year's target, or "—"
std::string targets_text(const Indicator& ind);                   // "A1 : 12,8 %\nA2 : 12,5 %…" (one line per year)
std::string tiers_text(const Indicator& ind);                     // "socle ≤ 12,5 % : 3 000,00 €\n…", or single amount
std::string mission_short(const FundingResult& r, const std::string& id);
std::string mission_long(const FundingResult& r, const std::string& id);

// Chosen missions in catalogue order with their catalogue index (engine's MissionYear index).
struct MissionRef {
  std::size_t index;
  const CatalogueMission* cm;
  const ProjectMission* pm;
};
std::vector<MissionRef> chosen_missions(const Project& p, const FundingResult& r);
std::vector<const Action*> actions_of(const Project& p, const std::string& mission);
std::vector<const Indicator*> indicators_of(const Project& p, const std::string& action);

// The cover facts every document shares (CPTS, territory, contract).
void cover_facts(Cover& c, const Project& p, const FundingResult& r);
std::string generated_note(const Date& d);

// The opening every document shares: metadata, running header, cover (kicker, the CPTS's facts,
// generation note) and the table of contents. `what` names the document in titles and headers.
Document start_document(const Project& p, const Date& date, const FundingResult& r, const std::string& title,
                        const std::string& header, const std::string& subject, const std::string& kicker);
std::string cpts_name(const Project& p);  // the CPTS's name, or "CPTS"  // "Document établi le 18/10/2022 par le Planificateur CPTS 0.1.0…"

}  // namespace cpts::doc
