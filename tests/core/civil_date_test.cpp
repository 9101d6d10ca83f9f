#include "model/civil_date.hpp"

#include <gtest/gtest.h>

using namespace cpts;

TEST(CivilDate, MonthArithmeticClampsToMonthEnd) {
  EXPECT_EQ(add_months({2023, 1, 31}, 1), (Date{2023, 2, 28}));
  EXPECT_EQ(add_months({2024, 1, 31}, 1), (Date{2024, 2, 29}));  // leap year
  EXPECT_EQ(add_months({2024, 2, 29}, 12), (Date{2025, 2, 28}));
  EXPECT_EQ(add_months({2023, 8, 31}, 6), (Date{2024, 2, 29}));
  EXPECT_EQ(add_months({2022, 10, 18}, 6), (Date{2023, 4, 18}));  // Centre Saône-et-Loire: accès, début
  EXPECT_EQ(add_months({2022, 10, 18}, 24), (Date{2024, 10, 18}));
  EXPECT_EQ(add_months({2020, 12, 10}, 18), (Date{2022, 6, 10}));  // CPTS 21/52: accès, déploiement
  EXPECT_EQ(add_months({2023, 3, 9}, -3), (Date{2022, 12, 9}));
  EXPECT_EQ(add_years({2020, 2, 29}, 4), (Date{2024, 2, 29}));
}

TEST(CivilDate, DaysAndWholeMonths) {
  EXPECT_EQ(days_between({2024, 3, 1}, {2025, 3, 1}), 365);
  EXPECT_EQ(days_between({2023, 3, 1}, {2024, 3, 1}), 366);  // contains 29/02/2024
  EXPECT_EQ(from_days(to_days({2000, 2, 29})), (Date{2000, 2, 29}));
  EXPECT_EQ(to_days({1970, 1, 1}), 0);
  EXPECT_EQ(whole_months_between({2024, 9, 1}, {2025, 3, 1}), 6);
  EXPECT_EQ(whole_months_between({2024, 9, 15}, {2025, 3, 1}), 5);  // 15/02 + 1 mois > 01/03
  EXPECT_EQ(whole_months_between({2024, 1, 31}, {2024, 2, 29}), 1);
  EXPECT_EQ(whole_months_between({2024, 3, 1}, {2024, 3, 1}), 0);
}

// What a person types in a date field (issue #14 item 7): short years, ISO, other separators;
// a date that does not exist is told apart from text that is not a date.
TEST(CivilDate, TypedDatesAcceptShortYearsAndIsoAndTellNonexistentDaysApart) {
  EXPECT_EQ(parse_typed_date("18/10/2022").date, (Date{2022, 10, 18}));
  EXPECT_EQ(parse_typed_date("18/10/22").date, (Date{2022, 10, 18}));    // 22 → 2022
  EXPECT_EQ(parse_typed_date(" 2022-10-18 ").date, (Date{2022, 10, 18}));
  EXPECT_EQ(parse_typed_date("1/2/2023").date, (Date{2023, 2, 1}));
  EXPECT_EQ(parse_typed_date("18.10.2022").date, (Date{2022, 10, 18}));
  EXPECT_EQ(parse_typed_date("18-10-22").date, (Date{2022, 10, 18}));
  EXPECT_EQ(parse_typed_date("29/02/24").date, (Date{2024, 2, 29}));     // 2024 is a leap year
  // 31/02/2023: well formed, but February 2023 has 28 days.
  TypedDate feb = parse_typed_date("31/02/2023");
  EXPECT_FALSE(feb.date);
  EXPECT_EQ(feb.error, DateTextError::NoSuchDay);
  EXPECT_EQ(feb.day, 31);
  EXPECT_EQ(feb.month, 2);
  EXPECT_EQ(feb.year, 2023);
  EXPECT_EQ(parse_typed_date("29/02/2023").error, DateTextError::NoSuchDay);
  EXPECT_EQ(parse_typed_date("12/13/2023").error, DateTextError::NoSuchDay);  // no 13th month
  EXPECT_EQ(parse_typed_date("2023-02-30").error, DateTextError::NoSuchDay);
  EXPECT_EQ(parse_typed_date("01/01/1850").error, DateTextError::YearOutOfRange);
  for (const char* bad : {"", "18 octobre", "18/10", "18/10/2022/1", "18/10-2022", "2022/10/18x", "1/2/202", "123/1/2023", "abc"})
    EXPECT_EQ(parse_typed_date(bad).error, DateTextError::Format) << bad;
  // Files stay strict: a two-digit year is not a file's date.
  EXPECT_FALSE(parse_fr("18/10/22"));
}

TEST(CivilDate, ParsingAndFormatting) {
  EXPECT_EQ(format_fr({2022, 10, 18}), "18/10/2022");
  EXPECT_EQ(to_iso({2022, 10, 18}), "2022-10-18");
  EXPECT_EQ(parse_fr("18/10/2022"), (Date{2022, 10, 18}));
  EXPECT_EQ(parse_fr("1/2/2023"), (Date{2023, 2, 1}));
  EXPECT_FALSE(parse_fr("29/02/2023"));
  EXPECT_FALSE(parse_fr("18/10/22"));
  EXPECT_EQ(parse_iso("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(parse_iso("2023-02-29"));
  EXPECT_FALSE(parse_iso("2023-2-1"));
  EXPECT_FALSE(parse_iso("9999-01-01"));
  EXPECT_EQ(format_fr_long({2023, 3, 9}), "9 mars 2023");
  EXPECT_EQ(format_fr_long({2023, 3, 1}), "1er mars 2023");
}
