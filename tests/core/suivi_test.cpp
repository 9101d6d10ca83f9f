// The follow-up of a contract year (issue #19): measurements, the year's value, statuses, the trend
// projection, money earned / at stake / lost per mission and their agreement with the funding
// engine's `constate` scenario; the edits, the file format and the baseline checks. Every figure is
// worked out by hand in the comment next to it.
#include "engine/suivi.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "edit/edits.hpp"
#include "engine/checks.hpp"
#include "engine/forecast.hpp"
#include "engine/funding.hpp"
#include "io/documents/documents.hpp"
#include "io/project_json.hpp"

using namespace cpts;

namespace {

const Catalogue& avenant2() { return *find_catalogue("aci-2019-avenant2"); }

Measurement at(Date d, double v, bool final = false) { return {d, v, "requête CPAM", final}; }

// Signed 01/01/2023, taille 3 (90 000 inhabitants), prevention (variable max 17 500 €) and
// parcours (45 000 €) from the signature: whole years, no prorata. Contract year 3 runs
// 01/01/2025 – 31/12/2025; its review is the anniversary, 01/01/2026.
//
// Prevention (action A1, in progress):
//  I1 tiers ≥ 100 → 4 000 €, ≥ 150 → 8 000 €; year-3 target 150 (stake 8 000 €). Measurements on
//     01/01 (x = 0 days), 01/03 (x = 59), 01/06 (x = 151) of 2025: 80, 91,8, 110,2 — the line
//     80 + 0,2 x. Year value 110,2 (the last): socle tier, 4 000 € earned. Projection at the review
//     (x = 365): 80 + 0,2 × 365 = 153 ≥ 150 → en bonne voie; 8 000 − 4 000 = 4 000 € at stake.
//  I2 single target 25 in year 3, 6 000 €. Measurements 01/01 (x = 0): 10, 01/02 (x = 31): 14,
//     04/03 (x = 62): 12. Year value 12: nothing earned. Least squares: x̄ = 31, ȳ = 12,
//     Sxx = 31² + 0 + 31² = 1 922, Sxy = (−31)(−2) + 0 + 31 × 0 = 62, slope 62 / 1 922 = 1/31;
//     at x = 365: 12 + (365 − 31)/31 = 12 + 10,774… = 22,774… < 25 → à risque; 6 000 € at stake.
//  I3 deliverable 3 000 €, done (actuals[3] = 1, no measurement) → atteint, 3 000 € earned; its
//     evidence (« charte signée ») not received → an evidence item of 3 000 €.
//  Mission: earned 4 000 + 0 + 3 000 = 7 000 € (under the 17 500 € cap); at stake 4 000 + 6 000 =
//  10 000 €.
// Parcours (action A2, planned):
//  I4 single target 50, 10 000 €: 55 on 01/02 marked final, 40 on 01/05 → the final one counts:
//     55 ≥ 50 → atteint, 10 000 € earned.
//  I5 lower is better, target 10, 5 000 €, no value → non renseigné; constate forecasts it with the
//     realistic probability 0,8: 4 000 €; 5 000 € at stake.
//  Mission: earned 10 000 €, forecast 4 000 €, at stake 5 000 €; constate pays 14 000 €.
// Totals: earned 17 000 €, at stake 15 000 €, lost 0, forecast 4 000 €; constate's variable part
// of year 3 = 7 000 + 14 000 = 21 000 € = earned + forecast.
Project year3_project() {
  Project p = new_project("CPTS Suivi", {2023, 1, 1}, avenant2());
  p.territory.communes = {{"71153", "Le Creusot", "71", 90000}};
  for (auto& m : p.missions) m.chosen = false;
  for (const char* id : {"prevention", "parcours"}) {
    p.find_mission(id)->chosen = true;
    p.find_mission(id)->start = {2023, 1, 1};
  }
  Action a1{"A1", "prevention", "Dépistage"};
  a1.status = ActionStatus::InProgress;
  p.actions.push_back(a1);
  p.actions.push_back({"A2", "parcours", "Parcours diabète"});

  Indicator i1{"I1", "A1", "Patients dépistés", IndicatorKind::Result, "patients"};
  i1.tiers = {{"socle", 100, euros(4000)}, {"objectif", 150, euros(8000)}};
  i1.targets = {{3, 150}};
  i1.baseline = 70;
  i1.baseline_year = 2020;
  i1.measurements = {at({2025, 1, 1}, 80), at({2025, 3, 1}, 91.8), at({2025, 6, 1}, 110.2)};
  Indicator i2{"I2", "A1", "Ateliers réalisés", IndicatorKind::Result};
  i2.targets = {{3, 25}};
  i2.cents = euros(6000);
  i2.measurements = {at({2025, 1, 1}, 10), at({2025, 2, 1}, 14), at({2025, 3, 4}, 12)};
  Indicator i3{"I3", "A1", "Charte signée", IndicatorKind::Deliverable};
  i3.cents = euros(3000);
  i3.actuals = {{3, 1}};
  i3.evidence = "charte signée";
  Indicator i4{"I4", "A2", "Patients inclus", IndicatorKind::Result};
  i4.targets = {{3, 50}};
  i4.cents = euros(10000);
  i4.measurements = {at({2025, 2, 1}, 55, true), at({2025, 5, 1}, 40)};
  Indicator i5{"I5", "A2", "Délai moyen", IndicatorKind::Result, "jours"};
  i5.direction = Direction::Down;
  i5.targets = {{3, 10}};
  i5.cents = euros(5000);
  i5.assumptions = {0.5, 0.8, 1.0};
  p.indicators = {i1, i2, i3, i4, i5};
  return p;
}

const IndicatorTrack& track(const Suivi& s, const std::string& id) {
  return *std::find_if(s.indicators.begin(), s.indicators.end(), [&](const IndicatorTrack& t) { return t.indicator_id == id; });
}
const MissionTrack& mission(const Suivi& s, const std::string& id) {
  return *std::find_if(s.missions.begin(), s.missions.end(), [&](const MissionTrack& m) { return m.mission_id == id; });
}

}  // namespace

TEST(Suivi, YearValueIsTheFinalElseTheLastElseTheActual) {
  Project p = year3_project();
  const Date sig = p.contract.signature;
  EXPECT_DOUBLE_EQ(*year_value(p.indicators[0], 3, sig), 110.2);  // the last of 2025
  EXPECT_DOUBLE_EQ(*year_value(p.indicators[3], 3, sig), 55);     // marked final, though 40 came later
  EXPECT_DOUBLE_EQ(*year_value(p.indicators[2], 3, sig), 1);      // no measurement: actuals[3]
  EXPECT_FALSE(year_value(p.indicators[4], 3, sig));              // nothing for year 3
  EXPECT_FALSE(year_value(p.indicators[0], 2, sig));              // 2024: no measurement, no actual
}

TEST(Suivi, Year3StatusesTrendAndMoneyBeforeTheReview) {
  Project p = year3_project();
  EXPECT_EQ(current_contract_year(p, {2025, 7, 1}), 3);
  Suivi s = compute_suivi(p, 3, {2025, 7, 1});
  EXPECT_EQ(s.year_start, (Date{2025, 1, 1}));
  EXPECT_EQ(s.review_date, (Date{2026, 1, 1}));
  EXPECT_FALSE(s.review_passed);

  const IndicatorTrack& i1 = track(s, "I1");
  EXPECT_EQ(i1.status, TrackStatus::EnBonneVoie);
  EXPECT_NEAR(*i1.projected, 153, 1e-9);  // 80 + 0,2 × 365
  EXPECT_EQ(i1.earned, euros(4000));
  EXPECT_EQ(i1.at_stake, euros(4000));
  const IndicatorTrack& i2 = track(s, "I2");
  EXPECT_EQ(i2.status, TrackStatus::ARisque);
  EXPECT_NEAR(*i2.projected, 12 + 334.0 / 31, 1e-9);  // 22,774…
  EXPECT_EQ(i2.earned, 0);
  EXPECT_EQ(i2.at_stake, euros(6000));
  EXPECT_EQ(track(s, "I3").status, TrackStatus::Atteint);
  EXPECT_EQ(track(s, "I3").earned, euros(3000));
  EXPECT_EQ(track(s, "I4").status, TrackStatus::Atteint);
  EXPECT_EQ(track(s, "I4").at_stake, 0);
  EXPECT_EQ(track(s, "I5").status, TrackStatus::NonRenseigne);
  EXPECT_EQ(track(s, "I5").at_stake, euros(5000));
  EXPECT_EQ(track(s, "I1").points.size(), 3u);

  EXPECT_EQ(mission(s, "prevention").earned, euros(7000));
  EXPECT_EQ(mission(s, "prevention").at_stake, euros(10000));
  EXPECT_EQ(mission(s, "prevention").forecast, 0);
  EXPECT_EQ(mission(s, "parcours").earned, euros(10000));
  EXPECT_EQ(mission(s, "parcours").forecast, euros(4000));
  EXPECT_EQ(mission(s, "parcours").at_stake, euros(5000));
  EXPECT_EQ(s.earned, euros(17000));
  EXPECT_EQ(s.at_stake, euros(15000));
  EXPECT_EQ(s.lost, 0);
  EXPECT_EQ(s.forecast, euros(4000));

  // The totals are the engine's constate figures for year 3.
  FundingResult constate = simulate(p, Scenario::Recorded);
  EXPECT_EQ(constate.years[2].variable_total(), euros(21000));
  EXPECT_EQ(s.earned + s.forecast, constate.years[2].variable_total());
  EXPECT_EQ(s.constate_total, constate.years[2].total());
  for (const MissionYear& my : constate.years[2].missions)
    if (my.active && my.variable_max > 0) {
      EXPECT_EQ(mission(s, my.mission).earned + mission(s, my.mission).forecast, my.variable);
    }

  // Before the review, by money at stake: A1 (4 000 + 6 000), I2, I5 (indicators before actions
  // at equal amounts), A2 (5 000), I1, the evidence of I3 (3 000).
  ASSERT_EQ(s.before_review.size(), 6u);
  EXPECT_EQ(s.before_review[0].kind, ReviewItem::Kind::Action);
  EXPECT_EQ(s.before_review[0].target_id, "A1");
  EXPECT_EQ(s.before_review[0].at_stake, euros(10000));
  EXPECT_EQ(s.before_review[1].target_id, "I2");
  EXPECT_EQ(s.before_review[2].target_id, "I5");
  EXPECT_EQ(s.before_review[3].target_id, "A2");
  EXPECT_EQ(s.before_review[4].target_id, "I1");
  EXPECT_EQ(s.before_review[5].kind, ReviewItem::Kind::Evidence);
  EXPECT_EQ(s.before_review[5].target_id, "I3");
  EXPECT_EQ(s.before_review[5].at_stake, euros(3000));
  EXPECT_NE(s.before_review[5].text_fr.find("charte signée"), std::string::npos);
}

TEST(Suivi, AfterTheReviewWhatIsNotReachedIsLost) {
  Project p = year3_project();
  Suivi s = compute_suivi(p, 3, {2026, 2, 1});  // review held on 01/01/2026
  EXPECT_TRUE(s.review_passed);
  EXPECT_EQ(s.at_stake, 0);
  EXPECT_EQ(s.lost, euros(15000));  // 10 000 (prevention) + 5 000 (parcours)
  EXPECT_EQ(mission(s, "prevention").lost, euros(10000));
  EXPECT_EQ(mission(s, "parcours").lost, euros(5000));
  EXPECT_EQ(s.earned, euros(17000));
  EXPECT_TRUE(s.before_review.empty());
  EXPECT_EQ(current_contract_year(p, {2026, 2, 1}), 4);
}

TEST(Suivi, CapAndProrataApplyToTheMissionFigures) {
  // Prevention starts on 01/07/2023: year 1 runs 6 of 12 months, the variable part is prorated.
  // Year 1: I4-like single indicator of 20 000 € (over the 17 500 € cap), reached: constate pays
  // min(20 000, 17 500) × 6/12 = 8 750 €, which is what the follow-up reports as earned.
  Project p = new_project("CPTS Prorata", {2023, 1, 1}, avenant2());
  p.territory.communes = {{"71153", "Le Creusot", "71", 90000}};
  for (auto& m : p.missions) m.chosen = false;
  p.find_mission("prevention")->chosen = true;
  p.find_mission("prevention")->start = {2023, 7, 1};
  p.actions.push_back({"A1", "prevention", "Dépistage"});
  Indicator i{"I1", "A1", "Dépistages", IndicatorKind::Result};
  i.targets = {{1, 10}};
  i.cents = euros(20000);
  i.measurements = {at({2023, 9, 1}, 12)};
  p.indicators = {i};
  Suivi s = compute_suivi(p, 1, {2023, 10, 1});
  EXPECT_EQ(track(s, "I1").earned, euros(20000));  // the indicator's own rule, before the cap
  EXPECT_EQ(s.earned, euros(8750));
  EXPECT_EQ(s.earned + s.forecast, simulate(p, Scenario::Recorded).years[0].variable_total());
}

TEST(Suivi, ReviewDateOfTheProjectAppliesToTheNearestAnniversary) {
  Project p = year3_project();
  p.contract.review_date = Date{2026, 3, 15};  // 73 days after the anniversary of year 3
  EXPECT_EQ(review_date_for(p, 3), (Date{2026, 3, 15}));
  EXPECT_EQ(review_date_for(p, 2), (Date{2025, 1, 1}));  // more than six months away: the anniversary
  Suivi s = compute_suivi(p, 3, {2026, 2, 1});
  EXPECT_FALSE(s.review_passed);  // the review is still ahead
  EXPECT_EQ(s.at_stake, euros(15000));
  // I1's projection now at x = 365 + 31 + 28 + 14 = 438: 80 + 0,2 × 438 = 167,6.
  EXPECT_NEAR(*track(s, "I1").projected, 167.6, 1e-9);
}

TEST(Suivi, ConstateUsesTheMeasurements) {
  Project p = year3_project();
  FundingResult r = simulate(p, Scenario::Recorded);
  // Prevention year 3 rests on values only (I1 measured, I2 measured, I3 actual): 4 000 + 0 + 3 000.
  auto prev = std::find_if(r.years[2].missions.begin(), r.years[2].missions.end(), [](const MissionYear& m) { return m.mission == "prevention"; });
  EXPECT_EQ(prev->variable, euros(7000));
  EXPECT_EQ(prev->basis, Basis::Recorded);
}

TEST(SuiviEdits, MeasurementsStaySortedAndRefuseDatesOutsideTheContract) {
  History::set_strict(true);
  History h(year3_project());
  // Inserted in date order, between the existing ones.
  ASSERT_TRUE(h.execute(edits::set_measurement("I1", {2025, 2, 1}, 85.0, "tableau ARS")));
  const auto& ms = h.project().indicators[0].measurements;
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[1].date, (Date{2025, 2, 1}));
  EXPECT_EQ(ms[1].source, "tableau ARS");
  // The same date replaces the value.
  ASSERT_TRUE(h.execute(edits::set_measurement("I1", {2025, 2, 1}, 86.0, "tableau ARS")));
  EXPECT_EQ(h.project().indicators[0].measurements.size(), 4u);
  EXPECT_DOUBLE_EQ(h.project().indicators[0].measurements[1].value, 86);
  // nullopt removes it; undo brings it back.
  ASSERT_TRUE(h.execute(edits::set_measurement("I1", {2025, 2, 1}, std::nullopt, "")));
  EXPECT_EQ(h.project().indicators[0].measurements.size(), 3u);
  h.undo();
  EXPECT_EQ(h.project().indicators[0].measurements.size(), 4u);
  // Before the signature (01/01/2023): refused with a French message, nothing changed.
  EditResult r = h.execute(edits::set_measurement("I1", {2022, 12, 31}, 1.0, ""));
  EXPECT_FALSE(r.applied);
  EXPECT_NE(r.message().find("date de mesure entre le 01/01/2023 (signature) et le 31/12/2028"), std::string::npos) << r.message();
  EXPECT_EQ(h.project().indicators[0].measurements.size(), 4u);
  // After the sixth year (the last review): refused too.
  EXPECT_FALSE(h.execute(edits::set_measurement("I1", {2029, 1, 1}, 1.0, "")).applied);
  // An unknown indicator: nothing to do.
  EXPECT_FALSE(h.execute(edits::set_measurement("I99", {2025, 2, 1}, 1.0, "")).applied);
}

TEST(SuiviEdits, OneFinalValuePerContractYear) {
  History::set_strict(true);
  History h(year3_project());
  // I4 has 55 (01/02/2025, final) and 40 (01/05/2025): marking 40 final unmarks 55.
  ASSERT_TRUE(h.execute(edits::set_measurement_final("I4", {2025, 5, 1}, true)));
  const auto& ms = h.project().indicators[3].measurements;
  EXPECT_FALSE(ms[0].final);
  EXPECT_TRUE(ms[1].final);
  EXPECT_DOUBLE_EQ(*year_value(h.project().indicators[3], 3, h.project().contract.signature), 40);
  h.undo();
  EXPECT_TRUE(h.project().indicators[3].measurements[0].final);
  // Two finals in one year written by hand are refused by the loader's rules.
  Project p = year3_project();
  p.indicators[3].measurements[1].final = true;
  auto errors = validate_project(p);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find("une seule valeur retenue par année de contrat"), std::string::npos);
}

TEST(SuiviEdits, BaselineYearAndReviewDate) {
  History::set_strict(true);
  History h(year3_project());
  ASSERT_TRUE(h.execute(edits::set_baseline_year("I1", 2022)));
  EXPECT_EQ(h.project().indicators[0].baseline_year, 2022);
  EXPECT_FALSE(h.execute(edits::set_baseline_year("I1", 1800)).applied);  // years 1990–2200
  ASSERT_TRUE(h.execute(edits::set_review_date(Date{2026, 2, 10})));
  EXPECT_EQ(h.project().contract.review_date, (Date{2026, 2, 10}));
  EditResult r = h.execute(edits::set_review_date(Date{2035, 1, 1}));
  EXPECT_FALSE(r.applied);
  EXPECT_NE(r.message().find("date de revue"), std::string::npos);
  ASSERT_TRUE(h.execute(edits::set_review_date(std::nullopt)));
  EXPECT_FALSE(h.project().contract.review_date);
}

TEST(SuiviFormat, MeasurementsBaselineYearAndReviewDateRoundTrip) {
  Project p = year3_project();
  p.contract.review_date = Date{2026, 2, 10};
  std::string text = save_project(p);
  EXPECT_NE(text.find("\"measurements\""), std::string::npos);
  EXPECT_NE(text.find("\"baseline_year\": 2020"), std::string::npos);
  EXPECT_NE(text.find("\"review_date\": \"2026-02-10\""), std::string::npos);
  ProjectLoad back = load_project(text);
  ASSERT_TRUE(back.project) << (back.errors.empty() ? "" : back.errors[0].message);
  EXPECT_EQ(save_project(*back.project), text);
  EXPECT_EQ(back.project->indicators[3].measurements.size(), 2u);
  EXPECT_TRUE(back.project->indicators[3].measurements[0].final);
  // Without follow-up data, nothing new is written: older builds open the file.
  Project plain = year3_project();
  for (Indicator& i : plain.indicators) i.measurements.clear(), i.baseline_year.reset();
  std::string old = save_project(plain);
  EXPECT_EQ(old.find("measurements"), std::string::npos);
  EXPECT_EQ(old.find("baseline_year"), std::string::npos);
  EXPECT_EQ(old.find("review_date"), std::string::npos);
}

TEST(SuiviFormat, AMeasurementOutOfOrderIsRefusedWithItsPath) {
  Project p = year3_project();
  std::swap(p.indicators[0].measurements[0], p.indicators[0].measurements[1]);
  ProjectLoad back = load_project(save_project(p));
  ASSERT_FALSE(back.project);
  EXPECT_EQ(back.errors[0].path, "$.indicators[0].measurements[1].date");
  EXPECT_NE(back.errors[0].message.find("mesures triées par date"), std::string::npos);
}

TEST(SuiviChecks, OldBaselineAndMovedNationalReference) {
  Project p = year3_project();
  p.indicators[4].label = "Part des patients en ALD sans médecin traitant";
  p.indicators[4].baseline = 6.5;
  p.indicators[4].baseline_year = 2022;
  auto findings = check_project(p, simulate(p, Scenario::Realistic), {2025, 7, 1});
  auto find = [&](const std::string& code, const std::string& id) {
    return std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code && f.ref.id == id; });
  };
  // I1's baseline is from 2020, signature 2023: 2020 < 2023 − 2.
  auto old = find("reference_ancienne", "I1");
  ASSERT_NE(old, findings.end());
  EXPECT_NE(old->message_fr.find("Demandez une donnée récente"), std::string::npos);
  EXPECT_FALSE(old->message_en.empty());
  // I5's baseline (2022) is within two years of 2023: not old, but before the 2024 reference.
  EXPECT_EQ(find("reference_ancienne", "I5"), findings.end());
  auto mt = find("reference_nationale_mt", "I5");
  ASSERT_NE(mt, findings.end());
  EXPECT_NE(mt->message_fr.find("au plus 2 %"), std::string::npos);
  // Re-based in 2025: no longer flagged.
  p.indicators[4].baseline_year = 2025;
  findings = check_project(p, simulate(p, Scenario::Realistic), {2025, 7, 1});
  EXPECT_EQ(find("reference_nationale_mt", "I5"), findings.end());
}

TEST(SuiviDocument, BoardSummaryCarriesTheSuiviFigures) {
  Project p = year3_project();
  RenderedDocument md = render_document(p, DocKind::TableauDeBord, DocFormat::Markdown, 3, {2025, 7, 1});
  ASSERT_TRUE(md.ok) << md.error;
  EXPECT_EQ(md.file_name, "tableau-de-bord-annee-3-cpts-suivi.md");
  const std::string& t = md.bytes;
  EXPECT_NE(t.find("Tableau de bord — revue annuelle"), std::string::npos);
  EXPECT_NE(t.find("revue prévue le 01/01/2026"), std::string::npos);
  // Totals: earned 17 000 €, at stake 15 000 €, forecast 4 000 €, constate 21 000 € (year3_project).
  EXPECT_NE(t.find("17\u202F000,00\u00A0€"), std::string::npos);
  EXPECT_NE(t.find("15\u202F000,00\u00A0€"), std::string::npos);
  EXPECT_NE(t.find("21\u202F000,00\u00A0€"), std::string::npos);
  EXPECT_NE(t.find("2 atteints, 1 en bonne voie, 1 à risque, 1 non renseigné"), std::string::npos);
  // The three open items with the most money (A1, I2, I5: see Year3Statuses…), the other 3 counted.
  EXPECT_NE(t.find("Faire avancer l’action «\u202FDépistage\u202F»"), std::string::npos);
  EXPECT_NE(t.find("Renseigner la valeur de l’année de «\u202FDélai moyen\u202F»"), std::string::npos);
  EXPECT_EQ(t.find("Lancer l’action «\u202FParcours diabète\u202F»"), std::string::npos);
  EXPECT_NE(t.find("… et 3 autres points"), std::string::npos);
  RenderedDocument html = render_document(p, DocKind::TableauDeBord, DocFormat::Html, 3, {2025, 7, 1});
  EXPECT_NE(html.bytes.find("class=\"cover sheet\""), std::string::npos);
  RenderedDocument docx = render_document(p, DocKind::TableauDeBord, DocFormat::Docx, 3, {2025, 7, 1});
  ASSERT_TRUE(docx.ok);
  EXPECT_EQ(docx.bytes.substr(0, 2), "PK");
  EXPECT_FALSE(render_document(p, DocKind::TableauDeBord, DocFormat::Html, 6, {2025, 7, 1}).ok);
}

TEST(Suivi, StatusCountsAgreeInNumber) {
  // French: the participle agrees with the count, 0 and 1 in the singular; locutions stay as they are.
  EXPECT_EQ(track_status_count_fr(TrackStatus::Atteint, 15), "15 atteints");
  EXPECT_EQ(track_status_count_fr(TrackStatus::Atteint, 1), "1 atteint");
  EXPECT_EQ(track_status_count_fr(TrackStatus::NonRenseigne, 15), "15 non renseignés");
  EXPECT_EQ(track_status_count_fr(TrackStatus::NonRenseigne, 0), "0 non renseigné");
  EXPECT_EQ(track_status_count_fr(TrackStatus::ARisque, 3), "3 à risque");
  EXPECT_EQ(track_status_count_fr(TrackStatus::EnBonneVoie, 2), "2 en bonne voie");
  EXPECT_EQ(track_status_count_en(TrackStatus::NonRenseigne, 15), "15 no data");
}
