#include "model/civil_date.hpp"

#include <cstdio>

namespace cpts {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool Date::valid() const {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms).
std::int64_t to_days(const Date& d) {
  std::int64_t y = d.year - (d.month <= 2);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (d.month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return Date{y, m, d};
}

std::int64_t days_between(const Date& from, const Date& to) { return to_days(to) - to_days(from); }

Date add_months(const Date& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  int y = total / 12, m = total % 12 + 1;
  int dim = days_in_month(y, m);
  return Date{y, m, d.day > dim ? dim : d.day};
}

Date add_years(const Date& d, int years) { return add_months(d, 12 * years); }

int whole_months_between(const Date& from, const Date& to) {
  if (to <= from) return 0;
  int m = (to.year - from.year) * 12 + (to.month - from.month);
  while (m > 0 && add_months(from, m) > to) --m;
  return m;
}

std::string to_iso(const Date& d) {
  if (d.empty()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::optional<Date> parse_iso(std::string_view s) {
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_int(s, 0, 4, d.year) || !read_int(s, 5, 2, d.month) || !read_int(s, 8, 2, d.day)) return std::nullopt;
  if (!d.valid()) return std::nullopt;
  return d;
}

std::string format_fr(const Date& d) {
  if (d.empty()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::optional<Date> parse_fr(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  Date d;
  // Accept "1/2/2023" as well as "01/02/2023".
  std::size_t a = s.find('/'), b = a == std::string_view::npos ? a : s.find('/', a + 1);
  if (b == std::string_view::npos || s.size() - b - 1 != 4) return std::nullopt;
  if (a < 1 || a > 2 || b - a - 1 < 1 || b - a - 1 > 2) return std::nullopt;
  if (!read_int(s, 0, a, d.day) || !read_int(s, a + 1, b - a - 1, d.month) || !read_int(s, b + 1, 4, d.year)) return std::nullopt;
  if (!d.valid()) return std::nullopt;
  return d;
}

TypedDate parse_typed_date(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  TypedDate out;
  out.error = DateTextError::Format;
  // Three runs of digits separated by one '/', '.' or '-' (the same separator twice).
  std::string_view parts[3];
  std::size_t start = 0;
  char sep = 0;
  for (int k = 0; k < 3; ++k) {
    std::size_t end = start;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    if (end == start || end - start > 4) return out;
    parts[k] = s.substr(start, end - start);
    if (k < 2) {
      if (end >= s.size() || (s[end] != '/' && s[end] != '.' && s[end] != '-')) return out;
      if (sep && s[end] != sep) return out;
      sep = s[end];
      start = end + 1;
    } else if (end != s.size()) {
      return out;
    }
  }
  int n[3];
  for (int k = 0; k < 3; ++k) read_int(parts[k], 0, parts[k].size(), n[k]);
  if (parts[0].size() == 4 && sep == '-') {  // ISO: 2022-10-18
    if (parts[1].size() > 2 || parts[2].size() > 2) return out;
    out.year = n[0], out.month = n[1], out.day = n[2];
  } else {  // day first, as in France
    if (parts[0].size() > 2 || parts[1].size() > 2 || (parts[2].size() != 2 && parts[2].size() != 4)) return out;
    out.day = n[0], out.month = n[1];
    out.year = parts[2].size() == 2 ? 2000 + n[2] : n[2];
  }
  Date d{out.year, out.month, out.day};
  if (out.year < 1900 || out.year > 2200) {
    out.error = DateTextError::YearOutOfRange;
  } else if (!d.valid()) {
    out.error = DateTextError::NoSuchDay;
  } else {
    out.error = DateTextError::None;
    out.date = d;
  }
  return out;
}

std::string format_fr_long(const Date& d) {
  static const char* const kMonths[12] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                          "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  if (!d.valid()) return "";
  return std::to_string(d.day) + (d.day == 1 ? "er " : " ") + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

}  // namespace cpts
