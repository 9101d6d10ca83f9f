// The frame around the panels: the always-visible summary (taille, 5-year total, part at risk,
// blocking findings), the navigation that follows the structure of a projet de santé, and the
// dispatch to the current panel.
#include <imgui.h>

#include "i18n.hpp"
#include "item_rects.hpp"
#include "scenario_choice.hpp"
#include "theme.hpp"
#include "ui_state.hpp"

namespace cpts::ui {

const char* panel_key(PanelId p) {
  static const char* const kKeys[] = {"panel.projet",      "panel.territoire",   "panel.diagnostic", "panel.professionnels",
                                      "panel.missions",    "panel.indicateurs",  "panel.bibliotheque", "panel.financement",
                                      "panel.calendrier",  "panel.budget",       "panel.tableau_de_bord", "panel.verification", "panel.atelier", "panel.documents"};
  return kKeys[static_cast<int>(p)];
}

void UiState::jump_to(const ObjectRef& ref) {
  switch (ref.kind) {
    case ObjectKind::Project:
    case ObjectKind::Contract: go(PanelId::Projet); break;
    case ObjectKind::Territory:
    case ObjectKind::Commune: go(PanelId::Territoire); break;
    case ObjectKind::Mission: go(PanelId::Missions); sel_mission = ref.id; break;
    case ObjectKind::Action: {
      go(PanelId::Missions);
      if (const Action* a = doc.project().find_action(ref.id)) {
        sel_mission = a->mission;
        sel_action = a->id;
      }
      break;
    }
    case ObjectKind::Indicator: go(PanelId::Indicateurs); sel_indicator = ref.id; break;
    case ObjectKind::Professional: go(PanelId::Professionnels); break;
    case ObjectKind::Budget: go(PanelId::Budget); break;
    case ObjectKind::Amount: go(PanelId::Financement); break;
  }
  jump = Jump{ref};
}

namespace {
// Keeps the next item on this line when it fits, else starts a new line (the summary wraps at
// 200 % zoom or on a narrow window instead of being cut).
void same_line_if_fits(const std::string& next, float gap) {
  float end = ImGui::GetItemRectMax().x + gap + ImGui::CalcTextSize(next.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  if (end < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0, gap);
}
}  // namespace

void draw_summary(UiState& s) {
  const Derived& d = s.doc.derived;
  const FundingResult& f = d.ceiling;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(s.doc.project().identity.name.empty() ? T("summary.untitled") : s.doc.project().identity.name.c_str());
  if (s.doc.unsaved()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T("summary.unsaved"));
  }
  float gap = em(1.5f);
  std::string taille = std::string(T("summary.taille")) + " " + std::to_string(f.taille);
  same_line_if_fits(taille, gap);
  ImGui::TextUnformatted(taille.c_str());
  if (f.taille != f.computed_taille && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("summary.taille_forced"));
  // The ceiling says so on screen; the project's scenario, when it is another one, follows it.
  std::string total = std::string(T("summary.total5")) + " " + format_eur(f.total());
  same_line_if_fits(total, gap);
  ImGui::TextUnformatted(total.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("summary.total5_tooltip"));
  if (d.selected.scenario != Scenario::Ceiling) {
    std::string chosen = TF("summary.total5_scenario", scenario_name(d.selected.scenario)) + " " + format_eur(d.selected.total());
    same_line_if_fits(chosen, gap);
    ImGui::TextUnformatted(chosen.c_str());
  }
  Cents at_risk = 0;
  for (const YearFunding& y : f.years) at_risk += y.variable_max_total();
  std::string risk = std::string(T("summary.at_risk")) + " " + format_eur(at_risk);
  same_line_if_fits(risk, gap);
  ImGui::TextUnformatted(risk.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("summary.at_risk_tooltip"));
  std::string findings = TN("summary.blocking", d.blocking, d.blocking) + " · " + TF("summary.warnings", d.warnings);
  same_line_if_fits(findings, gap);
  ImVec4 col = d.blocking ? ImVec4(0.80f, 0.10f, 0.10f, 1) : palette().ok;
  ImGui::PushStyleColor(ImGuiCol_Text, col);
  if (ImGui::SmallButton(findings.c_str())) s.go(PanelId::Verification);
  mark_item("summary.findings");
  ImGui::PopStyleColor();
}

void draw_navigation(UiState& s) {
  for (int i = 0; i < static_cast<int>(PanelId::Count); ++i) {
    PanelId p = static_cast<PanelId>(i);
    std::string label = T(panel_key(p));
    if (p == PanelId::Verification && s.doc.derived.blocking) label += " (" + std::to_string(s.doc.derived.blocking) + ")";
    label += "##nav";
    if (ImGui::Selectable(label.c_str(), !s.welcome && s.panel == p, 0, ImVec2(0, ImGui::GetFrameHeight()))) s.go(p);
    std::string id = std::string("nav.") + panel_key(p);
    mark_item(id.c_str());
  }
}

void draw_current_panel(UiState& s) {
  switch (s.panel) {
    case PanelId::Projet: draw_panel_projet(s); break;
    case PanelId::Territoire: draw_panel_territoire(s); break;
    case PanelId::Diagnostic: draw_panel_diagnostic(s); break;
    case PanelId::Professionnels: draw_panel_professionnels(s); break;
    case PanelId::Missions: draw_panel_missions(s); break;
    case PanelId::Indicateurs: draw_panel_indicateurs(s); break;
    case PanelId::Financement: draw_panel_financement(s); break;
    case PanelId::Calendrier: draw_panel_calendrier(s); break;
    case PanelId::Budget: draw_panel_budget(s); break;
    case PanelId::TableauDeBord: draw_panel_tableau_de_bord(s); break;
    case PanelId::Verification: draw_panel_verification(s); break;
    case PanelId::Bibliotheque: draw_panel_bibliotheque(s); break;
    case PanelId::Atelier: draw_panel_atelier(s); break;
    case PanelId::Documents: draw_panel_documents(s); break;
    case PanelId::Count: break;
  }
  if (s.jump && --s.jump->frames_left <= 0) s.jump.reset();
}

}  // namespace cpts::ui
