// Issue #14 item 6: no clipped text at 1366×768 and 150 % (the laptop screen a coordinator often
// has, with the zoom a presbyopic reader picks). The welcome form, Projet's Contacts table,
// Missions, Bibliothèque and Documents are drawn and measured with ImGui's own bookkeeping of the
// frame (imgui_internal.h), as a reader would see them:
// - a table header is drawn whole (ImGui would cut "Rôle" to "Rô…": the column is too narrow);
// - nothing drawn in a table cell ends past its column's right edge (text cut mid-letter without
//   an ellipsis, a "Suppr." button half hidden); text that may not fit goes through
//   fitted_text.hpp, which cuts it with "…";
// - nothing drawn in a window ends past its right edge unless the window scrolls sideways;
// - a date field's error message stays under the field: the calendar button keeps its line.
#include <gtest/gtest.h>

#include <imgui_internal.h>

#include <string>
#include <vector>

#include "drawn_text.hpp"
#include "i18n.hpp"
#include "ui_driver.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

namespace {

const ImVec2 kLaptop(1366, 768);
constexpr int kZoom = 150;

// What was cut in the last frame, one line per problem ("" when nothing was).
std::string clipped_in_last_frame() {
  ImGuiContext& g = *GImGui;
  std::string out;
  const int frame = ImGui::GetFrameCount();
  for (int i = 0; i < g.Tables.GetMapSize(); ++i) {
    ImGuiTable* t = g.Tables.TryGetMapData(i);
    if (!t || t->LastFrameActive != frame) continue;
    for (int c = 0; c < t->ColumnsCount; ++c) {
      const ImGuiTableColumn& col = t->Columns[c];
      if (!col.IsEnabled || !col.IsVisibleX) continue;
      const char* name = ImGui::TableGetColumnName(t, c);
      const std::string where = std::string("table ") + t->InnerWindow->Name + ", column " + std::to_string(c) + " « " + (name ? name : "") + " »";
      // TableHeader(): Ideal = where the whole label ends, Used = where it was drawn to.
      if (col.ContentMaxXHeadersIdeal > col.ContentMaxXHeadersUsed + 0.5f)
        out += where + ": header cut (" + std::to_string(col.ContentMaxXHeadersIdeal - col.ContentMaxXHeadersUsed) + " px missing)\n";
      // TableEndCell(): the farthest any cell's content reached, against the column's clip edge.
      const float content = std::max(col.ContentMaxXUnfrozen, col.ContentMaxXFrozen);
      if (content > col.ClipRect.Max.x + 0.5f)
        out += where + ": a cell runs " + std::to_string(content - col.ClipRect.Max.x) + " px past the column\n";
    }
  }
  for (ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden || w->ScrollbarX || (w->Flags & ImGuiWindowFlags_Tooltip)) continue;
    // A multiline text field is a child window without padding whose text area ImGui declares one
    // frame padding wider than the field (InputTextEx's Dummy): not a cut. Its text is soft-wrapped
    // (soft_wrap.hpp), tested in controls_ui_test.
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) && w->WindowPadding.x == 0.0f) continue;
    if (w->DC.CursorMaxPos.x > w->InnerClipRect.Max.x + 0.5f)
      out += std::string("window ") + w->Name + ": content runs " + std::to_string(w->DC.CursorMaxPos.x - w->InnerClipRect.Max.x) +
             " px past its right edge\n";
  }
  return out;
}

// Draws the current screen a few times (tables size their columns from the previous frame) and
// says what was cut. One frame covers the whole panel: ImGui measures every item it lays out, also
// those below the fold of a 768 px screen, and the vertical scroll bar takes its width as it would.
std::string clipped(UiDriver& ui) {
  ui.frames(3);
  return clipped_in_last_frame();
}

bool has_line(const std::string& drawn, const std::string& text) { return drawn.find(text) != std::string::npos; }

}  // namespace

TEST(UiClippedText, WelcomeFormAt1366And150Percent) {
  set_language(Lang::Fr);
  UiDriver ui({.zoom_percent = kZoom}, kLaptop);
  ASSERT_TRUE(ui.state().welcome);
  ASSERT_TRUE(ui.click("welcome.add_commune"));  // a commune row: its "Suppr." button and columns
  ui.state().draft.signature = Date{2023, 3, 15};  // the deadline lines appear
  EXPECT_EQ(clipped(ui), "");
  const std::string drawn = drawn_text(ui);
  EXPECT_TRUE(has_line(drawn, T("list.delete_short"))) << drawn;
}

// A refused date: the message goes under the field, the calendar button stays beside it.
TEST(UiClippedText, DateErrorKeepsTheCalendarButtonOnItsLine) {
  set_language(Lang::Fr);
  UiDriver ui({.zoom_percent = kZoom}, kLaptop);
  ui.frames(2);
  ItemRect field = ui.rect("welcome.signature.field"), button = ui.rect("welcome.signature.calendar");
  ASSERT_GT(field.w, 0);
  ASSERT_GT(button.w, 0);
  ASSERT_TRUE(ui.fill("welcome.signature.field", "31/02/2023"));  // no such day
  ui.frames(2);
  ItemRect field2 = ui.rect("welcome.signature.field"), button2 = ui.rect("welcome.signature.calendar");
  const std::string drawn = drawn_text(ui);
  EXPECT_TRUE(has_line(drawn, "02/2023")) << "the message is shown: " << drawn;  // « le mois 02/2023 n’a que 28 jours »
  EXPECT_FLOAT_EQ(button2.y, field2.y);  // same line
  EXPECT_GT(button2.x, field2.x + field2.w - 1);
  EXPECT_FLOAT_EQ(button2.y, button.y);  // and where it was before the error
  EXPECT_FLOAT_EQ(button2.x, button.x);
  EXPECT_EQ(clipped(ui), "");
}

TEST(UiClippedText, ContactsTableAt1366And150Percent) {
  set_language(Lang::Fr);
  UiDriver ui({.zoom_percent = kZoom, .sample = "cpts-centre-saone-et-loire", .panel = "projet"}, kLaptop);
  ASSERT_FALSE(ui.project().identity.contacts.empty());
  EXPECT_EQ(clipped(ui), "");
  const std::string drawn = drawn_text(ui);
  // The headers whole, "Rôle" and "Nom" included (they were squeezed to three letters).
  for (const char* key : {"projet.contact_role", "projet.contact_name"}) EXPECT_TRUE(has_line(drawn, T(key))) << key;
}

TEST(UiClippedText, MissionsAt1366And150Percent) {
  set_language(Lang::Fr);
  UiDriver ui({.zoom_percent = kZoom, .sample = "cpts-centre-saone-et-loire", .panel = "missions"}, kLaptop);
  EXPECT_EQ(clipped(ui), "");
}

TEST(UiClippedText, BibliothequeAt1366And150Percent) {
  set_language(Lang::Fr);
  UiDriver ui({.zoom_percent = kZoom, .sample = "cpts-centre-saone-et-loire", .panel = "bibliotheque"}, kLaptop);
  EXPECT_EQ(clipped(ui), "");
}

TEST(UiClippedText, DocumentsAt1366And150Percent) {
  set_language(Lang::Fr);
  UiDriver ui({.zoom_percent = kZoom, .sample = "cpts-centre-saone-et-loire", .panel = "documents"}, kLaptop);
  EXPECT_EQ(clipped(ui), "");
  // The download button whole, or cut with "…" (fitted_text.hpp), never cut mid-word.
  const std::string drawn = drawn_text(ui);
  EXPECT_TRUE(has_line(drawn, T("docs.download_md")) || has_line(drawn, "T\xC3\xA9l\xC3\xA9" "charger (Ma\xE2\x80\xA6")) << drawn;
}

// Financement's default tab, the funding table by contract year: the row labels
// (« Parcours pluriprofessionnels ») were cut mid-letter; they now end with « … » when short of room.
TEST(UiClippedText, FinancementAt1366And150Percent) {
  set_language(Lang::Fr);
  UiDriver ui({.zoom_percent = kZoom, .sample = "cpts-centre-saone-et-loire", .panel = "financement"}, kLaptop);
  EXPECT_EQ(clipped(ui), "");
}

// Every panel of a sample project, in French and in English: nothing cut without « … » (the
// Diagnostic « Commentaire » header and the Professionnels payments table were, before).
TEST(UiClippedText, EveryPanelAt1366And150PercentInBothLanguages) {
  for (Lang lang : {Lang::Fr, Lang::En}) {
    set_language(lang);
    for (const char* panel : {"projet", "territoire", "diagnostic", "professionnels", "missions", "indicateurs", "financement", "budget",
                              "calendrier", "atelier", "bibliotheque", "documents", "verification", "tableau-de-bord"}) {
      UiDriver ui({.zoom_percent = kZoom, .sample = "cpts-centre-saone-et-loire", .panel = panel}, kLaptop);
      EXPECT_EQ(clipped(ui), "") << panel << (lang == Lang::En ? " (English)" : "");
    }
  }
  set_language(Lang::Fr);
}
