#include "model/money.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace cpts;

TEST(Money, MulDivRoundsHalfAwayFromZero) {
  EXPECT_EQ(mul_div(euros(45000), 6, 12), euros(22500));
  EXPECT_EQ(mul_div(euros(22500), 75, 100), 1687500);  // 16 875,00 €
  EXPECT_EQ(mul_div(1, 1, 2), 1);                      // 0,5 cent -> 1 cent
  EXPECT_EQ(mul_div(-1, 1, 2), -1);
  EXPECT_EQ(mul_div(100, 1, 3), 33);
  EXPECT_EQ(mul_div(200, 1, 3), 67);
  EXPECT_EQ(mul_div(euros(35000), 181, 365), 1735616);  // 35 000 × 181/365 = 17 356,164… -> 17 356,16 €
  EXPECT_EQ(mul_div(5, 1, 0), 0);
}

TEST(Money, FrenchFormatUsesNarrowNoBreakSpaces) {
  EXPECT_EQ(format_eur(123456), "1\u202F234,56\u00A0€");
  EXPECT_EQ(format_eur(euros(397500)), "397\u202F500,00\u00A0€");
  EXPECT_EQ(format_eur(5), "0,05\u00A0€");
  EXPECT_EQ(format_eur(-123456), "-1\u202F234,56\u00A0€");
  EXPECT_EQ(format_eur_short(euros(1234)), "1\u202F234");
  EXPECT_EQ(format_eur_short(123450), "1\u202F234,50");  // two decimals or none (issue #14 item 8)
  EXPECT_EQ(format_eur_short(21791250), "217\u202F912,50");
  EXPECT_EQ(format_eur_en(123456), "€1,234.56");
}

// One rule per table: 75 000 € and 2 916,66 € in the same table are both shown with cents.
TEST(Money, ATableShowsCentsOnEveryAmountOrOnNone) {
  std::vector<Cents> mixed = {euros(75000), 291666};
  std::vector<Cents> whole = {euros(75000), euros(2916)};
  EXPECT_TRUE(money_needs_cents(mixed));
  EXPECT_FALSE(money_needs_cents(whole));
  EXPECT_EQ(format_eur_digits(euros(75000), money_needs_cents(mixed)), "75\u202F000,00");
  EXPECT_EQ(format_eur_digits(291666, money_needs_cents(mixed)), "2\u202F916,66");
  EXPECT_EQ(format_eur_digits(euros(75000), money_needs_cents(whole)), "75\u202F000");
  EXPECT_EQ(format_eur_digits(-euros(1234), false), "-1\u202F234");
  EXPECT_EQ(format_eur_digits(5, true), "0,05");
}

TEST(Money, ParsesWhatFrenchUsersType) {
  EXPECT_EQ(parse_eur("1 234,56"), 123456);
  EXPECT_EQ(parse_eur("1\u202F234,56\u00A0€"), 123456);
  EXPECT_EQ(parse_eur("1234.5"), 123450);
  EXPECT_EQ(parse_eur("-12"), -1200);
  EXPECT_EQ(parse_eur("0,05"), 5);
  EXPECT_FALSE(parse_eur(""));
  EXPECT_FALSE(parse_eur("12,345"));   // 3 decimals: ambiguous, refused
  EXPECT_FALSE(parse_eur("1,2,3"));
  EXPECT_FALSE(parse_eur("abc"));
  EXPECT_FALSE(parse_eur("99999999999999"));  // absurd
}

TEST(Money, NumbersInFrench) {
  EXPECT_EQ(format_number_fr(66.26), "66,26");
  EXPECT_EQ(format_number_fr(68811), "68\u202F811");
  EXPECT_EQ(format_number_fr(13.0), "13");
  EXPECT_EQ(format_number_fr(-0.5), "-0,5");
  EXPECT_EQ(parse_number_fr("66,26"), 66.26);
  EXPECT_EQ(parse_number_fr("68 811"), 68811);
  EXPECT_FALSE(parse_number_fr("1e999"));
  EXPECT_FALSE(parse_number_fr("douze"));
}
