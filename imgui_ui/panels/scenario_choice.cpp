#include "scenario_choice.hpp"

#include <vector>

#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

const char* scenario_name(Scenario s) {
  switch (s) {
    case Scenario::Ceiling: return T("scenario.ceiling");
    case Scenario::Pessimistic: return T("scenario.pessimistic");
    case Scenario::Realistic: return T("scenario.realistic");
    case Scenario::Optimistic: return T("scenario.optimistic");
    case Scenario::Recorded: return T("scenario.recorded");
  }
  return "?";
}

const char* basis_name(Basis b) {
  switch (b) {
    case Basis::Fixed: return T("basis.fixed");
    case Basis::Ceiling: return T("basis.ceiling");
    case Basis::Forecast: return T("basis.forecast");
    case Basis::Recorded: return T("basis.recorded");
    case Basis::Mixed: return T("basis.mixed");
  }
  return "?";
}

void scenario_choice(UiState& s) {
  const Project& p = s.doc.project();
  std::vector<std::string> names;
  for (int i = 0; i < kScenarioCount; ++i) names.push_back(scenario_name(static_cast<Scenario>(i)));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(T("scenario.choice"));
  ImGui::SameLine();
  int picked = 0;
  if (widgets::combo("##scenario", static_cast<int>(p.contract.scenario), names, &picked, em(12), "scenario.choice"))
    s.doc.edit(set_value(T("cmd.edit_scenario"), Locate<Scenario>([](Project& q) { return &q.contract.scenario; }),
                         static_cast<Scenario>(picked)));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("scenario.choice_help"));
}

}  // namespace cpts::ui
