// CSV exports for French spreadsheet software (LibreOffice Calc, Excel in a French locale):
// UTF-8 with a BOM (so Excel detects the encoding), ";" between fields, CRLF line ends, a field
// quoted when it holds ";", '"', CR or LF (quotes doubled), numbers with a decimal comma and no
// thousands separator ("1234,56", so that the cell stays a number).
//
// Formula injection (OWASP "CSV injection"): a text cell starting with = + - @ TAB CR or LF gets a
// leading apostrophe, so that "=HYPERLINK(…)" typed in a label is shown, never evaluated. Numbers
// written by the exporter itself (a negative amount "-12,50") are left as they are.
#pragma once
#include <string>
#include <string_view>

#include "rules/catalogue.hpp"
#include "engine/funding.hpp"
#include "model/project.hpp"

namespace cpts {

// One row per indicator, missions in catalogue order then actions in project order: mission,
// fiche-action, indicator id, label, kind, unit, direction (↑/↓), baseline, targets of years 1–5,
// tiers as text, maximum amount, evidence, source, actual values of years 1–5.
std::string indicators_csv(const Project& p, const FundingResult& r);

// One row per dated payment of the schedule: date (JJ/MM/AAAA), contract year (0 = before the
// contract), mission (short French label, "Contrat" for contract-level money), component, kind of
// payment (avance / solde / versement), amount, estimate (oui/non), basis (fixe, plafond, prévision
// « réaliste », constaté… — forecast.hpp; the schedule is the one of r's scenario). The amounts add up to the
// engine's totals (years 1–5 plus the pre-contract money).
std::string schedule_csv(const FundingResult& r, const Catalogue& cat);

// Building blocks, exposed for the tests and for other exports.
std::string csv_text_cell(std::string_view text);  // neutralised and quoted as needed
std::string csv_cents(Cents c);                     // "1234,56", "-12,50"
std::string csv_number(double v);                   // "66,26", "13", "" when not finite

}  // namespace cpts
