// Layout helpers shared by the panels: titles, labelled rows of a two-column form.
#pragma once
#include <imgui.h>

#include <string>

#include "model/civil_date.hpp"
#include "model/money.hpp"

namespace cpts::ui {

void panel_title(const char* text, const char* subtitle = nullptr);
void section(const char* text);
// Starts a two-column form (label | field); rows with form_label(); end with form_end().
bool form_begin(const char* id);
void form_label(const char* label, const char* help = nullptr);
void form_end();

// Wide tables of amounts (5 years + total, readable at 200 %): euros without the sign and without
// ",00" ("1 614 166,66", "75 000"), "–" for zero; the header says "en €". Right-aligned in a cell.
std::string eur_short(Cents c);
// An amount of a table whose amounts all show cents or none (money_needs_cents over the table).
std::string eur_cell(Cents c, bool with_cents);
void right_text(const std::string& s, const ImVec4* color = nullptr);

// Today on this device (local time): deadlines, the calendar's « aujourd'hui », document dates.
Date today();

}  // namespace cpts::ui
