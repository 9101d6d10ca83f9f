#include "ui_state.hpp"

#include "widgets.hpp"

namespace cpts::ui {

void UiState::begin_frame() {
  if (panels_generation == doc.generation) return;
  panels_generation = doc.generation;
  panels = PanelStates{};
  // Selections name objects of the previous document (an action A3 there is another one here).
  sel_mission = "acces";
  sel_action.clear();
  sel_indicator.clear();
  jump.reset();
  pending_merge.reset();  // its plan was made against the previous document
  pending_table.reset();  // so was the preview of a pasted or imported table
  // Fields being typed in or left red hold the previous document's text under the same ids.
  widgets::forget_fields();
}

}  // namespace cpts::ui
