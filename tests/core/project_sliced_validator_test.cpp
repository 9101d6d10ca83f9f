// The sliced validation of the autosave (io/project_sliced_validator.hpp) gives validate_project's
// errors, same paths, same messages, same order, same limit of 50, whatever the slices.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "io/project_json.hpp"
#include "io/project_sliced_validator.hpp"
#include "io/samples.hpp"
#include "io/stress.hpp"

using namespace cpts;

namespace {

std::vector<JsonError> sliced(const Project& p, double budget_ms) {
  SlicedProjectValidator v(std::make_shared<const Project>(p));
  while (!v.step(budget_ms)) {}
  return v.errors();
}

// "path : message" per error, to compare and to print.
std::vector<std::string> lines(const std::vector<JsonError>& errors) {
  std::vector<std::string> out;
  for (const JsonError& e : errors) out.push_back(e.path + " : " + e.message);
  return out;
}

Project sample(const char* id) {
  ProjectLoad l = load_project(sample_text(id));
  EXPECT_TRUE(l.project) << id;
  return l.project ? *l.project : Project{};
}

}  // namespace

TEST(SlicedProjectValidator, ValidProjectsHaveNoError) {
  for (const std::string& id : sample_ids()) EXPECT_TRUE(sliced(sample(id.c_str()), 0).empty()) << id;
  EXPECT_TRUE(sliced(make_stress_project(), 8).empty());
}

// Field errors inside lists (communes, actions, indicators) and outside them (notes), in the
// order the whole walk finds them: territory before actions before indicators before notes.
TEST(SlicedProjectValidator, FieldErrorsComeInTheWholeWalksOrder) {
  Project p = sample("cpts-21-52");
  ASSERT_GE(p.territory.communes.size(), 2u);
  ASSERT_GE(p.actions.size(), 1u);
  ASSERT_GE(p.indicators.size(), 2u);
  p.notes = std::string(kMaxTextBytes + 1, 'x');
  p.indicators[1].baseline = std::numeric_limits<double>::quiet_NaN();
  p.actions[0].start = Date{2023, 2, 30};
  p.territory.communes[1].insee = "ABC";
  const std::vector<JsonError> whole = validate_project(p);
  ASSERT_EQ(whole.size(), 4u) << ::testing::PrintToString(lines(whole));
  EXPECT_EQ(lines(sliced(p, 0)), lines(whole));
  EXPECT_EQ(lines(sliced(p, 1e9)), lines(whole));
  EXPECT_NE(whole[0].path.find("$.territory.communes[1].insee"), std::string::npos) << whole[0].path;
  EXPECT_EQ(whole[3].path, "$.notes");
}

// A rule across objects (a payment to a professional who is not in the project) is checked only
// when every field passed, as load_project does.
TEST(SlicedProjectValidator, RulesAcrossObjectsOnlyWhenTheFieldsPass) {
  Project p = sample("cpts-21-52");
  p.member_payments.push_back({"P99", 2024, 120000, "indemnité"});
  const std::vector<JsonError> whole = validate_project(p);
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(lines(sliced(p, 0)), lines(whole));
  p.notes = std::string(kMaxTextBytes + 1, 'x');  // now a field error hides the rule, in both
  EXPECT_EQ(lines(sliced(p, 0)), lines(validate_project(p)));
  EXPECT_EQ(validate_project(p).size(), 1u);
}

// 60 bad communes: the first 50 errors, as the whole validation (and the reader) stop there.
TEST(SlicedProjectValidator, KeepsTheFirstFiftyErrors) {
  Project p = sample("cpts-21-52");
  p.territory.communes.clear();
  for (int i = 0; i < 60; ++i) p.territory.communes.push_back({"X" + std::to_string(i), "Commune", "71", 100, ""});
  p.notes = std::string(kMaxTextBytes + 1, 'x');  // after the communes: beyond the 50
  const std::vector<JsonError> whole = validate_project(p);
  ASSERT_EQ(whole.size(), 50u);
  EXPECT_EQ(lines(sliced(p, 0)), lines(whole));
}
