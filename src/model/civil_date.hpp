// Civil dates (year-month-day, no time zone) and the month arithmetic the ACI deadlines need.
//
// Month-end rule: adding months keeps the day of month when it exists and otherwise clamps to the
// last day of the target month (31/01 + 1 mois = 28/02, or 29/02 in a leap year; 29/02/2024 + 1 an
// = 28/02/2025). This is the usual reading of "date de signature + 6 mois" in French contracts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cpts {

struct Date {
  int year = 0, month = 0, day = 0;  // 0/0/0 = no date
  bool valid() const;
  bool empty() const { return year == 0 && month == 0 && day == 0; }
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// The name the follow-up code (issue #19) uses for the same type.
using CivilDate = Date;

bool is_leap_year(int y);
int days_in_month(int y, int m);

// Days since 1970-01-01 (proleptic Gregorian), and back.
std::int64_t to_days(const Date& d);
Date from_days(std::int64_t days);
std::int64_t days_between(const Date& from, const Date& to);  // to - from

Date add_months(const Date& d, int months);  // month-end rule above
Date add_years(const Date& d, int years);

// Whole months from `from` to `to` (to >= from): the largest m with add_months(from, m) <= to.
int whole_months_between(const Date& from, const Date& to);

std::string to_iso(const Date& d);                       // "2022-10-18"
std::optional<Date> parse_iso(std::string_view s);        // strict YYYY-MM-DD, years 1900–2200
std::string format_fr(const Date& d);                     // "18/10/2022"
std::optional<Date> parse_fr(std::string_view s);         // "18/10/2022", "18/10/22" not accepted
std::string format_fr_long(const Date& d);                // "18 octobre 2022"

// A date typed by a person in a field: "18/10/2022", "18/10/22" (a two-digit year is 20YY: the
// ACI contracts all date from 2019 on), "1/2/2023", "18.10.2022", "18-10-2022" or ISO
// "2022-10-18". Files keep the strict parse_fr/parse_iso above. `error` tells a text that is not
// a date at all from a well-formed one that does not exist in the calendar ("31/02/2023"), which
// the field explains differently; day/month/year are what was read (for that message).
enum class DateTextError { None, Format, NoSuchDay, YearOutOfRange };
struct TypedDate {
  std::optional<Date> date;
  DateTextError error = DateTextError::None;
  int day = 0, month = 0, year = 0;
};
TypedDate parse_typed_date(std::string_view s);

}  // namespace cpts
