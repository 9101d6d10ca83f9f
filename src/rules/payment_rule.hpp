// How a catalogue amount is paid: a small closed set of kinds (issue #17 item 2), each component of
// a catalogue naming one with its parameters (rules/catalogue_format.hpp, "payment"). The engine
// applies them in engine/payment_kinds.cpp; a catalogue of format 1 names none and gets the
// behaviour the code had for its component (default_payment_rule), so old files pay the same.
#pragma once
#include <optional>
#include <string_view>

#include "model/civil_date.hpp"

namespace cpts {

enum class PayKind {
  LumpSum,       // once, on a date (signature, a fixed date, the letter of intent)
  Yearly,        // each contract year: advance_percent at its start, the balance at its end
  Prorated,      // each year a mission runs, prorated from its start; advance then balance
  Variable,      // earned on the mission's indicators, paid at the end of the year
  OnEvent,       // at the end of a year in which the event happened (crisis recognised by the ARS)
};
constexpr int kPayKindCount = 5;
enum class LumpOn { Signature, Date, LettreIntention };
enum class PayYears { All, First, Later };  // Prorated: every year, the mission's first year, the later ones
enum class PayEvent { CriseReconnue };

struct PaymentRule {
  PayKind kind = PayKind::Yearly;
  int advance_percent = 75;            // Yearly, Prorated (ACI art. 9.1; Sénat r25-0325)
  bool first_year_at_signature = false;  // Yearly: year 1 paid in full at signature (fonctionnement, art. 9.1)
  LumpOn on = LumpOn::Signature;       // LumpSum
  Date date;                           // LumpSum on Date: paid on max(signature, date)
  Date signed_until;                   // LumpSum: paid only to contracts signed on or before (avenant 2 top-up)
  PayYears years = PayYears::All;      // Prorated
  PayEvent event = PayEvent::CriseReconnue;  // OnEvent
};

const char* to_string(PayKind k);     // "lump_sum", "yearly", "prorated", "variable", "on_event"
const char* pay_kind_label_fr(PayKind k);

}  // namespace cpts
