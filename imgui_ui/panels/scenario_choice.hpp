// The project's one scenario choice (Contract::scenario), drawn where money is shown (Financement,
// Budget) so that a user sees and changes which figures every view, export and document uses.
#pragma once
#include <string>

#include "engine/forecast.hpp"
#include "model/scenario.hpp"

namespace cpts::ui {

struct UiState;

const char* scenario_name(Scenario s);  // "Plafond", "Réaliste", "Constaté"… (i18n)
const char* basis_name(Basis b);        // "fixe", "prévision", "constaté"… (i18n)
// "Scénario : Réaliste" combo; a change is one undoable edit of the project.
void scenario_choice(UiState& s);

}  // namespace cpts::ui
