// libFuzzer target: every text parser of what a user types (money, numbers, dates), and their
// round trips through the French formatters.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/civil_date.hpp"
#include "model/money.hpp"
#include "edit/text_search.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string s(reinterpret_cast<const char*>(data), size);
  if (auto c = cpts::parse_eur(s)) {
    if (cpts::parse_eur(cpts::format_eur(*c)) != *c) std::abort();
  }
  if (auto v = cpts::parse_number_fr(s)) {
    if (!std::isfinite(*v)) std::abort();
    (void)cpts::format_number_fr(*v, 2);
  }
  if (auto d = cpts::parse_fr(s)) {
    if (!d->valid() || cpts::parse_fr(cpts::format_fr(*d)) != d) std::abort();
    if (cpts::from_days(cpts::to_days(*d)) != *d) std::abort();
    (void)cpts::add_months(*d, static_cast<int>(size % 121) - 60);
  }
  if (auto d = cpts::parse_iso(s)) {
    if (cpts::parse_iso(cpts::to_iso(*d)) != d) std::abort();
  }
  (void)cpts::contains_folded(s, "é");
  return 0;
}
