// The board summary of a contract year (issue #19): one page for the CPTS's board meeting before
// the annual review with the CPAM and the ARS — the money earned, still at stake and lost, per
// mission, the indicators' statuses and the open items, all from the follow-up engine
// (engine/suivi.hpp), so the figures are the dashboard's and the `constate` scenario's.
#include <algorithm>
#include <ctime>

#include "engine/suivi.hpp"
#include "io/documents/doc_common.hpp"
#include "io/documents/documents.hpp"

namespace cpts {

using namespace doc;

namespace {

Date system_today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n > 1 ? many : one); }

// At most this many rows per list, so that the summary stays on one A4 page; the rest is counted.
constexpr std::size_t kMaxRows = 12;

}  // namespace

doc::Document build_tableau_de_bord(const Project& p, const DocOptions& o) {
  const int year = std::clamp(o.year, 1, kContractYears);
  const Date today = o.date.valid() ? o.date : system_today();
  FundingResult r = simulate(p, Scenario::Recorded);
  Suivi s = compute_suivi(p, r.catalogue ? *r.catalogue : catalogue_for(p), year, today);
  const std::string y = std::to_string(year);
  Document d = start_document(p, o.date, r, "Tableau de bord, année " + y, "Tableau de bord — revue annuelle, année " + y,
                              "Tableau de bord pour le conseil d’administration", "Tableau de bord — revue annuelle");
  d.sheet = true;
  d.cover.facts.clear();  // one page: the period and the review say what the board needs
  const std::string period = s.year_start.valid() ? "du " + format_fr(s.year_start) + " au " + format_fr(from_days(to_days(s.year_end) - 1))
                                                  : "dates à préciser (signature manquante)";
  d.cover.subtitle = "Année de contrat " + y + " (" + period + ") — situation au " + format_fr(today) + " — revue " +
                     (s.review_date.valid() ? std::string(s.review_passed ? "tenue le " : "prévue le ") + format_fr(s.review_date) : "à dater");

  int counts[4] = {0, 0, 0, 0};
  int evidence_expected = 0, evidence_received = 0;
  for (const IndicatorTrack& t : s.indicators) {
    ++counts[static_cast<int>(t.status)];
    if (t.evidence_expected) ++evidence_expected, evidence_received += t.evidence_received ? 1 : 0;
  }

  d.heading(1, "Part variable de l’année");
  Table m;
  m.header = {"Mission", "Acquis", "Encore en jeu", "Perdu", "Prévision (non renseigné)"};
  m.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right};
  m.widths = {36, 16, 16, 16, 16};
  m.compact = true;
  for (const MissionTrack& mt : s.missions)
    m.row({mission_short(r, mt.mission_id), money(mt.earned), money(mt.at_stake), money(mt.lost), money(mt.forecast)});
  m.row({"Total", money(s.earned), money(s.at_stake), money(s.lost), money(s.forecast)}, true);
  m.caption = "Acquis + prévision = part variable du scénario « constaté » (" + money(s.constate_variable) + ")";
  d.table(std::move(m));
  d.paragraph("Indicateurs : " + plural(counts[0], "atteint", "atteints") + ", " + std::to_string(counts[1]) + " en bonne voie, " +
              std::to_string(counts[2]) + " à risque, " + std::to_string(counts[3]) + " non renseigné" + (counts[3] > 1 ? "s" : "") +
              ". Justificatifs reçus : " + std::to_string(evidence_received) + " sur " + std::to_string(evidence_expected) + ".");

  d.heading(1, "Indicateurs");
  std::vector<const IndicatorTrack*> inds;
  for (const IndicatorTrack& t : s.indicators) inds.push_back(&t);
  // The ones that carry the most money first (at stake or lost, then earned).
  std::stable_sort(inds.begin(), inds.end(), [](const IndicatorTrack* a, const IndicatorTrack* b) {
    return a->at_stake + a->lost != b->at_stake + b->lost ? a->at_stake + a->lost > b->at_stake + b->lost : a->earned > b->earned;
  });
  Table t;
  t.header = {"Indicateur", "Cible", "Valeur de l’année", "Projection à la revue", "Statut", "Acquis", "En jeu / perdu"};
  t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Left, Align::Right, Align::Right};
  t.widths = {30, 11, 12, 12, 11, 12, 12};
  t.compact = true;
  for (std::size_t i = 0; i < inds.size() && i < kMaxRows; ++i) {
    const IndicatorTrack& x = *inds[i];
    t.row({x.indicator_id + " — " + x.label, x.target ? value_with_unit(*x.target, x.unit) : kDash,
           x.year_value ? value_with_unit(*x.year_value, x.unit) : kDash, x.projected ? value_with_unit(*x.projected, x.unit) : kDash,
           track_status_fr(x.status), money_or_dash(x.earned),
           x.lost ? money(x.lost) + " perdu" : money_or_dash(x.at_stake)});
  }
  if (inds.size() > kMaxRows)
    t.caption = "Les " + std::to_string(kMaxRows) + " indicateurs aux montants en jeu les plus élevés ; " +
                std::to_string(inds.size() - kMaxRows) + " autres dans le rapport annuel";
  d.table(std::move(t));

  d.heading(1, "Avant la revue");
  if (s.review_passed) {
    d.paragraph("La revue de l’année " + y + " a eu lieu le " + format_fr(s.review_date) + " : ce qui n’a pas été atteint est perdu (" +
                money(s.lost) + ").");
  } else if (s.before_review.empty()) {
    d.paragraph("Rien en suspens : chaque indicateur est atteint et chaque justificatif reçu.");
  } else {
    std::vector<std::vector<Span>> items;
    for (std::size_t i = 0; i < s.before_review.size() && i < kMaxRows; ++i) {
      const ReviewItem& it = s.before_review[i];
      items.push_back({{it.text_fr}, {it.at_stake ? " — " + money(it.at_stake) + " en jeu" : std::string(), true}});
    }
    d.bullets(std::move(items));
    if (s.before_review.size() > kMaxRows)
      d.paragraph("… et " + std::to_string(s.before_review.size() - kMaxRows) + " autres points (tableau de bord de l’application).",
                  ParagraphStyle::Note);
  }
  d.paragraph("Statuts : « atteint » = la valeur de l’année obtient le montant de sa cible ; « en bonne voie » = la tendance des mesures "
              "de l’année l’obtient à la date de la revue ; « à risque » sinon ; « non renseigné » = aucune valeur pour l’année. "
              "Montants du scénario « constaté » (plafond de mission et prorata compris).",
              ParagraphStyle::Note);
  return d;
}

}  // namespace cpts
