#include "io/result_json.hpp"

#include "io/json_reader.hpp"

namespace cpts {

namespace {
OrderedJson item_json(const PaymentItem& it) {
  OrderedJson j;
  j["date"] = to_iso(it.date);
  j["contract_year"] = it.contract_year;
  j["mission"] = it.mission;
  j["component"] = it.extra.empty() ? to_string(it.component) : it.extra.c_str();  // an extra component: its catalogue id
  j["kind"] = it.kind == PaymentKind::Full ? "full" : it.kind == PaymentKind::Advance ? "advance" : "balance";
  j["cents"] = it.cents;
  j["estimate"] = it.estimate;
  j["basis"] = basis_label_fr(it.basis);
  return j;
}
Json percentiles_json(const Percentiles& p) { return Json{{"p10", p.p10}, {"p50", p.p50}, {"p90", p.p90}}; }
}  // namespace

std::string funding_to_json(const FundingResult& r) {
  OrderedJson j;
  j["catalogue"] = r.catalogue ? r.catalogue->id : "";
  j["scenario"] = to_string(r.scenario);
  j["population"] = r.population;
  j["computed_taille"] = r.computed_taille;
  j["taille"] = r.taille;
  j["deadlines"] = OrderedJson::array();
  for (const MissionDeadline& d : r.deadlines)
    j["deadlines"].push_back({{"mission", d.mission}, {"start_by", to_iso(d.start_by)}, {"deployed_by", to_iso(d.deployed_by)},
                              {"planned_start", to_iso(d.planned_start)}, {"planned_deployed", to_iso(d.planned_deployed)},
                              {"start_late", d.start_late}, {"deploy_late", d.deploy_late}});
  j["years"] = OrderedJson::array();
  for (const YearFunding& y : r.years) {
    OrderedJson yj;
    yj["year"] = y.year;
    yj["start"] = to_iso(y.start);
    yj["end"] = to_iso(y.end);
    yj["fonctionnement_cents"] = y.fonctionnement;
    yj["topup_cents"] = y.topup;
    yj["missions"] = OrderedJson::array();
    for (const MissionYear& m : y.missions) {
      if (!m.active) continue;
      yj["missions"].push_back({{"mission", m.mission}, {"prorata", std::to_string(m.prorata_num) + "/" + std::to_string(m.prorata_den)},
                                {"fixe_cents", m.fixe}, {"snp_cents", m.snp}, {"activation_cents", m.activation},
                                {"variable_max_cents", m.variable_max}, {"variable_cents", m.variable}, {"total_cents", m.total()},
                                {"basis", basis_label_fr(m.basis)}});
      // Catalogue format 2 only (absent for the shipped catalogues' figures, which keep their shape).
      if (m.extra) yj["missions"].back()["extra_cents"] = m.extra;
      if (m.ceiling_cut) yj["missions"].back()["ceiling_cut_cents"] = m.ceiling_cut;
    }
    if (!y.extras.empty()) {
      yj["extras"] = OrderedJson::array();
      for (const auto& [id, cents] : y.extras) yj["extras"].push_back({{"id", id}, {"cents", cents}});
    }
    yj["fixed_cents"] = y.fixed_total();
    yj["activation_cents"] = y.activation_total();
    yj["variable_cents"] = y.variable_total();
    yj["variable_max_cents"] = y.variable_max_total();
    yj["total_cents"] = y.total();
    yj["basis"] = basis_label_fr(y.basis());
    j["years"].push_back(yj);
  }
  j["total_cents"] = r.total();
  j["pre_contract_cents"] = r.pre_contract;
  j["by_calendar_year"] = OrderedJson::array();
  for (auto& [year, cents] : r.by_calendar_year) j["by_calendar_year"].push_back({{"year", year}, {"cents", cents}});
  j["estimates"] = OrderedJson::array();
  for (const EstimateUse& e : r.estimates)
    j["estimates"].push_back({{"component", to_string(e.component)}, {"mission", e.mission}, {"cents", e.cents}});
  return dump_canonical(j);
}

std::string schedule_to_json(const FundingResult& r) {
  OrderedJson j = OrderedJson::array();
  for (const PaymentItem& it : r.schedule) j.push_back(item_json(it));
  return dump_canonical(j);
}

std::string findings_to_json(const std::vector<Finding>& findings) {
  OrderedJson j = OrderedJson::array();
  for (const Finding& f : findings)
    j.push_back({{"severity", to_string(f.severity)}, {"code", f.code}, {"message_fr", f.message_fr}, {"message_en", f.message_en},
                 {"object", to_string(f.ref.kind)}, {"id", f.ref.id}});
  return dump_canonical(j);
}

std::string monte_carlo_to_json(const MonteCarloResult& mc) {
  OrderedJson j;
  j["draws"] = mc.draws;
  j["seed"] = mc.seed;
  j["variable_by_year"] = OrderedJson::array();
  for (int k = 0; k < kContractYears; ++k) {
    OrderedJson y = percentiles_json(mc.variable_by_year[k]);
    y["year"] = k + 1;
    y["fixed_cents"] = mc.fixed_by_year[k];
    j["variable_by_year"].push_back(y);
  }
  j["variable_total"] = percentiles_json(mc.variable_total);
  return dump_canonical(j);
}

std::string suivi_to_json(const Suivi& s) {
  auto opt = [](const std::optional<double>& x) { return x ? OrderedJson(*x) : OrderedJson(nullptr); };
  OrderedJson j;
  j["year"] = s.year;
  j["year_start"] = to_iso(s.year_start);
  j["year_end"] = to_iso(s.year_end);
  j["review_date"] = to_iso(s.review_date);
  j["today"] = to_iso(s.today);
  j["review_passed"] = s.review_passed;
  j["earned_cents"] = s.earned;
  j["at_stake_cents"] = s.at_stake;
  j["lost_cents"] = s.lost;
  j["forecast_cents"] = s.forecast;
  j["constate_variable_cents"] = s.constate_variable;
  j["constate_total_cents"] = s.constate_total;
  j["missions"] = OrderedJson::array();
  for (const MissionTrack& m : s.missions)
    j["missions"].push_back({{"mission", m.mission_id}, {"earned_cents", m.earned}, {"at_stake_cents", m.at_stake},
                             {"lost_cents", m.lost}, {"forecast_cents", m.forecast}, {"variable_max_cents", m.variable_max}});
  j["indicators"] = OrderedJson::array();
  for (const IndicatorTrack& t : s.indicators) {
    OrderedJson i;
    i["id"] = t.indicator_id;
    i["action"] = t.action_id;
    i["mission"] = t.mission_id;
    i["label"] = t.label;
    i["unit"] = t.unit;
    i["baseline"] = opt(t.baseline);
    i["baseline_year"] = t.baseline_year ? OrderedJson(*t.baseline_year) : OrderedJson(nullptr);
    i["target"] = opt(t.target);
    i["year_value"] = opt(t.year_value);
    i["projected"] = opt(t.projected);
    i["status"] = track_status_word(t.status);
    i["stake_cents"] = t.stake;
    i["earned_cents"] = t.earned;
    i["at_stake_cents"] = t.at_stake;
    i["lost_cents"] = t.lost;
    i["evidence_expected"] = t.evidence_expected;
    i["evidence_received"] = t.evidence_received;
    i["points"] = OrderedJson::array();
    for (const Measurement& m : t.points)
      i["points"].push_back({{"date", to_iso(m.date)}, {"value", m.value}, {"source", m.source}, {"final", m.final}});
    j["indicators"].push_back(std::move(i));
  }
  j["before_review"] = OrderedJson::array();
  for (const ReviewItem& it : s.before_review) {
    const char* kind = it.kind == ReviewItem::Kind::Indicator ? "indicator" : it.kind == ReviewItem::Kind::Evidence ? "evidence" : "action";
    j["before_review"].push_back({{"kind", kind}, {"target", it.target_id}, {"text_fr", it.text_fr}, {"text_en", it.text_en},
                                  {"at_stake_cents", it.at_stake}});
  }
  return dump_canonical(j);
}

}  // namespace cpts
