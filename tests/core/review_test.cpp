// `cpts-cli review`'s rows (engine/review.hpp, io/review_report.hpp): figures of each project, a
// broken file as a row with its error, totals over the files that loaded.
#include "engine/review.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "io/review_report.hpp"
#include "io/samples.hpp"
#include "xml_check.hpp"

using namespace cpts;

TEST(Review, SampleRowAndBrokenFile) {
  std::vector<ReviewRow> rows;
  rows.push_back(review_file("csl.json", std::string(sample_text("cpts-centre-saone-et-loire")), std::nullopt));
  rows.push_back(review_file("cassé.json", std::string("{\"format\": \"cpts-planner/projet\""), std::nullopt));
  rows.push_back(review_file("absent.json", std::nullopt, Scenario::Realistic));
  const ReviewRow& csl = rows[0];
  ASSERT_TRUE(csl.ok()) << csl.error;
  EXPECT_EQ(csl.taille, 3);
  EXPECT_EQ(csl.scenario, Scenario::Ceiling);  // the project's own choice
  // Year 2, all four socle missions at taille 3: 75 000 + 125 000 + 90 000 + 35 000 + 22 500 = 347 500 €.
  EXPECT_EQ(csl.ceiling[1], euros(347500));
  EXPECT_EQ(csl.chosen[1], euros(347500));
  EXPECT_FALSE(rows[1].ok());
  EXPECT_NE(rows[1].error.find("fichier refusé"), std::string::npos) << rows[1].error;
  EXPECT_EQ(rows[2].error, "impossible de lire le fichier");
  ReviewTotals t = review_totals(rows);
  EXPECT_EQ(t.projects, 3);
  EXPECT_EQ(t.failed, 2);
  EXPECT_EQ(t.ceiling[1], euros(347500));  // only the file that loaded counts
  // CSV: header, 3 rows, the totals; the broken row carries its error in the last column.
  std::string csv = review_csv(rows);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);
  EXPECT_NE(csv.find("347500,00"), std::string::npos);
  EXPECT_NE(review_json(rows).find("\"error\": \"impossible de lire le fichier\""), std::string::npos);
  std::string html = review_html(rows);
  EXPECT_NE(html.find("<tr class=\"err\"><td>cassé.json</td>"), std::string::npos);
  // One self-contained page, well-formed (XHTML-compatible like the documents), no script.
  xmlcheck::Result x = xmlcheck::check(html.substr(html.find("<html")));
  EXPECT_TRUE(x.ok) << x.error;
  EXPECT_FALSE(x.elements.count("script"));
}

// The chosen scenario next to the ceiling: realistic on the same sample counts each indicator's
// stake × its probability, so it is at most the ceiling and the part at risk is the variable maximum.
TEST(Review, ChosenScenarioBesideTheCeiling) {
  ReviewRow r = review_file("csl.json", std::string(sample_text("cpts-centre-saone-et-loire")), Scenario::Realistic);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.scenario, Scenario::Realistic);
  EXPECT_LE(r.chosen_total, r.ceiling_total);
  EXPECT_GT(r.at_risk, 0);
  EXPECT_LE(r.ceiling_total - r.chosen_total, r.at_risk);
}
