// Which figures a project's money is shown with: the contract ceiling, a forecast of the
// indicators, or the recorded results. The project holds one choice (Contract::scenario) so that the
// app, the CLI and the exported documents print the same balances (issue #17 item 1).
#pragma once

namespace cpts {

enum class Scenario {
  Ceiling,      // "plafond" : every variable euro of the contract earned (catalogue maximum)
  Pessimistic,  // each indicator's stake for the year × its pessimistic probability
  Realistic,
  Optimistic,
  Recorded,     // "constaté" : recorded actual values where a year has them, realistic elsewhere
};
constexpr int kScenarioCount = 5;

// How the access mission's SNP envelope (soins non programmés) is paid. The sources leave it open
// (domain reference §5, "SNP envelope … UNCERTAIN"), so it is a contract convention.
enum class SnpPayment {
  Advance,    // like the fixed part: 75 % advance, balance at the anniversary (default, as before)
  YearEnd,    // settled in full at the end of the contract year, on actual participation
};

}  // namespace cpts
