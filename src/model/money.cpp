#include "model/money.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cpts {

Cents mul_div(Cents value, std::int64_t num, std::int64_t den) {
  if (den <= 0) return 0;
  // 128-bit intermediate: value * num may exceed 64 bits for large stress figures.
  __int128 p = static_cast<__int128>(value) * num;
  __int128 q = p / den, r = p % den;
  if (r < 0) r = -r;
  if (2 * r >= den) q += (p < 0) ? -1 : 1;
  return static_cast<Cents>(q);
}

namespace {

const char* const kNarrowNbsp = "\xE2\x80\xAF";  // U+202F
const char* const kNbsp = "\xC2\xA0";            // U+00A0

std::string group_thousands(std::uint64_t v, const char* sep) {
  std::string digits = std::to_string(v), out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

std::uint64_t magnitude(Cents c) { return c < 0 ? static_cast<std::uint64_t>(-(c + 1)) + 1 : static_cast<std::uint64_t>(c); }

}  // namespace

std::string format_eur(Cents c) {
  std::uint64_t m = magnitude(c);
  char cents[4];
  std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(m % 100));
  return std::string(c < 0 ? "-" : "") + group_thousands(m / 100, kNarrowNbsp) + "," + cents + kNbsp + "\xE2\x82\xAC";
}

std::string format_eur_short(Cents c) {
  std::uint64_t m = magnitude(c);
  std::string s = std::string(c < 0 ? "-" : "") + group_thousands(m / 100, kNarrowNbsp);
  unsigned frac = static_cast<unsigned>(m % 100);
  if (frac) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02u", frac);
    s += ",";
    s += buf;
  }
  return s;
}

std::string format_eur_digits(Cents c, bool with_cents) {
  if (!with_cents) {
    Cents e = mul_div(c, 1, 100);  // the rounding rule of the file head
    return std::string(e < 0 ? "-" : "") + group_thousands(magnitude(e), kNarrowNbsp);
  }
  std::uint64_t m = magnitude(c);
  char cents[4];
  std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(m % 100));
  return std::string(c < 0 ? "-" : "") + group_thousands(m / 100, kNarrowNbsp) + "," + cents;
}

std::string format_eur_en(Cents c) {
  std::uint64_t m = magnitude(c);
  char cents[4];
  std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(m % 100));
  return std::string(c < 0 ? "-" : "") + "\xE2\x82\xAC" + group_thousands(m / 100, ",") + "." + cents;
}

namespace {

// Removes ASCII spaces, U+00A0 and U+202F, and a trailing euro sign; false on any other byte
// outside [0-9,.-+].
bool normalise_number(std::string_view in, std::string& out, bool allow_euro) {
  out.clear();
  for (std::size_t i = 0; i < in.size();) {
    unsigned char ch = static_cast<unsigned char>(in[i]);
    if (ch == ' ' || ch == '\t') { ++i; continue; }
    if (in.substr(i, 2) == kNbsp) { i += 2; continue; }
    if (in.substr(i, 3) == kNarrowNbsp || in.substr(i, 3) == "\xE2\x80\x89") { i += 3; continue; }
    if (allow_euro && in.substr(i, 3) == "\xE2\x82\xAC") { i += 3; continue; }
    if ((ch >= '0' && ch <= '9') || ch == ',' || ch == '.' || ch == '-' || ch == '+') { out += static_cast<char>(ch); ++i; continue; }
    return false;
  }
  return !out.empty();
}

}  // namespace

std::optional<Cents> parse_eur(std::string_view text) {
  std::string s;
  if (!normalise_number(text, s, true)) return std::nullopt;
  bool neg = false;
  std::size_t i = 0;
  if (s[0] == '-' || s[0] == '+') { neg = s[0] == '-'; i = 1; }
  std::int64_t whole = 0;
  int frac = 0, frac_digits = 0, int_digits = 0;
  bool in_frac = false;
  for (; i < s.size(); ++i) {
    char ch = s[i];
    if (ch == ',' || ch == '.') {
      if (in_frac) return std::nullopt;
      in_frac = true;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    if (in_frac) {
      if (++frac_digits > 2) return std::nullopt;
      frac = frac * 10 + (ch - '0');
    } else {
      if (++int_digits > 13) return std::nullopt;  // < 10 000 milliards d'euros
      whole = whole * 10 + (ch - '0');
    }
  }
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  if (frac_digits == 1) frac *= 10;
  Cents c = whole * 100 + frac;
  return neg ? -c : c;
}

std::string format_number_fr(double v, int decimals) {
  if (!std::isfinite(v)) return "?";
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  double scale = std::pow(10.0, decimals);
  double r = std::round(std::fabs(v) * scale);
  if (r > 9e15 && decimals > 0) return format_number_fr(v, 0);
  if (r > 9e15) {  // beyond exact integers: scientific notation, French decimal comma
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3e", v);
    std::string out = buf;
    for (char& ch : out)
      if (ch == '.') ch = ',';
    return out;
  }
  auto units = static_cast<std::uint64_t>(r);
  auto p = static_cast<std::uint64_t>(scale);
  std::string s = (v < 0 && units != 0 ? "-" : "") + group_thousands(units / p, kNarrowNbsp);
  std::uint64_t frac = units % p;
  if (frac) {
    std::string f = std::to_string(frac);
    f.insert(0, static_cast<std::size_t>(decimals) - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    s += "," + f;
  }
  return s;
}

std::optional<double> parse_number_fr(std::string_view text) {
  std::string s;
  if (!normalise_number(text, s, false)) return std::nullopt;
  for (char& ch : s)
    if (ch == ',') ch = '.';
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace cpts
