// Money: exact integer cents, one rounding rule, French formatting and parsing.
//
// Rounding rule (the only one in the engine): a product or ratio that falls between two cents is
// rounded to the nearest cent, halves away from zero ("arrondi commercial"). Every prorata, every
// 75 % advance and every Monte-Carlo mean goes through `mul_div`.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cpts {

using Cents = std::int64_t;

constexpr Cents euros(std::int64_t e) { return e * 100; }

// round(value * num / den) with halves away from zero; den > 0. Exact for |value*num| < 9.2e18.
Cents mul_div(Cents value, std::int64_t num, std::int64_t den);

// "1 234,56 €" with U+202F (narrow no-break space) between thousands and U+00A0 before the sign.
std::string format_eur(Cents c);
// Same digits without the euro sign and with no cents when they are zero: "1 234" / "1 234,50"
// (two decimals or none, never one: issue #14 item 8).
std::string format_eur_short(Cents c);
// An amount of a table, without the euro sign: "1 234,56" (or "1 234,00") when `with_cents`,
// else "1 235" (rounded to the euro, halves away from zero). A table computes `with_cents` once
// for all its amounts (money_needs_cents), so a column never mixes "75 000" and "2 916,66".
std::string format_eur_digits(Cents c, bool with_cents);
// True when one of the amounts is not a whole number of euros.
template <class Range>
bool money_needs_cents(const Range& amounts) {
  for (Cents c : amounts)
    if (c % 100 != 0) return true;
  return false;
}
// English display: "€1,234.56".
std::string format_eur_en(Cents c);

// Parses what a French user types: "1 234,56", "1234.5", "1 234,56 €", "-12". Spaces (ASCII,
// U+00A0, U+202F) are thousands separators; ',' or '.' is the decimal mark; at most 2 decimals.
std::optional<Cents> parse_eur(std::string_view text);

// French decimal display of a plain number with up to `decimals` digits, trailing zeros removed:
// 66.26 -> "66,26", 68811 -> "68 811".
std::string format_number_fr(double v, int decimals = 2);
std::optional<double> parse_number_fr(std::string_view text);

}  // namespace cpts
