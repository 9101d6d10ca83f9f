// Layout helpers shared by the panels: titles, labelled rows of a two-column form.
#pragma once
#include <imgui.h>

namespace cpts::ui {

void panel_title(const char* text, const char* subtitle = nullptr);
void section(const char* text);
// Starts a two-column form (label | field); rows with form_label(); end with form_end().
bool form_begin(const char* id);
void form_label(const char* label, const char* help = nullptr);
void form_end();

}  // namespace cpts::ui
