#include <gtest/gtest.h>

#include "rules/departments.hpp"

using namespace cpts;

TEST(Departments, TheHundredAndOneOfTheCog) {
  EXPECT_EQ(departments().size(), 101u);
  EXPECT_STREQ(departments()[71].code, "71");
  EXPECT_STREQ(departments()[71].name, "Saône-et-Loire");
}

TEST(Departments, NamesAndCodesAreUnderstoodWhenUnambiguous) {
  EXPECT_EQ(department_code("Saône-et-Loire"), "71");
  EXPECT_EQ(department_code("saone et loire"), "71");
  EXPECT_EQ(department_code("  SAONE-ET-LOIRE "), "71");
  EXPECT_EQ(department_code("Corse-du-Sud"), "2A");
  EXPECT_EQ(department_code("haute corse"), "2B");
  EXPECT_EQ(department_code("Côte d'Or"), "21");
  EXPECT_EQ(department_code("Val-d’Oise"), "95");
  EXPECT_EQ(department_code("Réunion"), "974");
  EXPECT_EQ(department_code("la réunion"), "974");
  EXPECT_EQ(department_code("2a"), "2A");
  EXPECT_EQ(department_code("71"), "71");
  EXPECT_EQ(department_code("976"), "976");
  // Not a department: left to the loader's rule, which says what is expected.
  EXPECT_EQ(department_code("Corse"), std::nullopt);   // two departments
  EXPECT_EQ(department_code("Saône"), std::nullopt);   // Haute-Saône or Saône-et-Loire
  EXPECT_EQ(department_code("7115"), std::nullopt);
  EXPECT_EQ(department_code("975"), std::nullopt);     // Saint-Pierre-et-Miquelon is a collectivité, not a department
  EXPECT_EQ(department_code(""), std::nullopt);
}
