// The application shell: one full-window ImGui window with the menu bar, the body (welcome screen
// or summary + navigation + current panel) and a status line. The UI pass only *records* what the
// user asked for (AppRequest, Command); App applies them after the pass (the immediate-mode
// "Documents" pattern of ImGui's demo): one undo step per finished edit and a clean "unsaved"
// flag. No platform code here: main.cpp + platform_*.cpp drive it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "file_actions.hpp"
#include "theme.hpp"
#include "ui_state.hpp"

namespace cpts::ui {

struct AppConfig {
  bool in_browser = false;    // no Quit (a page cannot close itself), no Ctrl+N (the browser keeps it)
  Theme theme = Theme::Light;
  int zoom_percent = 100;
  float base_font_px = 17.0f;  // font height at 100 %, in UI units (CSS pixels on the web)
  std::string sample;          // open this sample at start ("cpts-21-52"…), "" = welcome screen
  std::string panel;           // and show this panel ("financement"…)
};

inline constexpr int kZoomLevels[] = {100, 150, 200, 300};
// Presenting at 200 %, a line of text is 1/21 of the screen height (App::prepare_frame): its ink
// from ascender to descender (0.86 of the line in DejaVu Sans) is then 1/24 of the screen, above
// the 1/30 a room reads from the back.
inline constexpr float kPresentLinesPerScreen = 21.0f;

class App {
 public:
  explicit App(const AppConfig& config);

  // Before ImGui::NewFrame(): rebuilds fonts and style when zoom, theme or pixel ratio changed.
  // Returns true when the font atlas was rebuilt (the renderer must upload it again).
  bool prepare_frame(float pixel_ratio);
  void draw();  // the whole UI, between ImGui::NewFrame() and ImGui::Render()

  void request(AppRequest a) { state_.request(std::move(a)); }  // the one queue (requests.hpp)
  bool quit_requested() const { return quit_requested_; }
  bool take_about_request();  // true once after an About action (the dialog opens the popup)
  bool& guide_open() { return guide_open_; }  // Aide → Guide: a window beside the panels, not modal

  bool in_browser() const { return config_.in_browser; }
  Theme theme() const { return config_.theme; }
  int zoom_percent() const { return config_.zoom_percent; }
  const std::string& status() const { return state_.status; }
  ImVec4 background() const { return palette().background; }
  void set_theme(Theme t) { config_.theme = t; }
  void set_zoom(int percent);
  std::string window_title() const;  // project name + unsaved marker

  UiState& state() { return state_; }
  const UiState& state() const { return state_; }
  // Opens a project file's text; on error shows the French message and keeps the open project.
  bool open_text(const std::string& text, const std::string& name);
  // Imports a catalogue file's text (Fichier → Catalogues → Importer…, or a catalogue file opened or
  // dropped): checked, kept on the device, and used by the open project when it names it.
  bool import_catalogue_text(const std::string& text, const std::string& name);
  FileActions& files() { return files_; }  // export, open, autosave, versions (file_actions.hpp)

 private:
  void handle_shortcuts();
  void after_frame();  // actions, the panels' edits, the engine's figures, file work
  void apply(const AppRequest& a);
  void open_arrived_sample();  // a sample asked for (start, welcome, menu) that has arrived

  std::optional<PanelId> sample_panel_;  // where the sample asked for at start opens

  AppConfig config_;
  UiState state_;
  bool quit_requested_ = false;
  bool about_requested_ = false;
  bool guide_open_ = false;
  int zoom_before_presenting_ = 0;  // restored when the presentation ends
  float fonts_px_ = 0, fonts_ratio_ = 0;  // what the font atlas was built for
  float style_px_ = 0;
  Theme style_theme_ = Theme::Light;
  FileActions files_;
};

// Parts of the shell, one file each.
void draw_menu_bar(App& app);
void draw_about_dialog(App& app);
void draw_guide_window(App& app);     // Aide → Guide (guide_dialog.cpp)
void draw_message_dialog(App& app);
void draw_confirm_dialog(App& app);   // Document::confirmation (confirm_dialog.cpp)
void draw_status_line(const App& app);

}  // namespace cpts::ui
