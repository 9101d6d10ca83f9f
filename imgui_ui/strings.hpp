// Every piece of UI text, in one table per language, so an English switch only adds a file
// (strings_en.cpp) and a selector. Fields are grouped by where they appear. Labels that ImGui also
// uses as IDs must stay unique within their window/menu.
#pragma once

namespace cpts::ui {

struct Strings {
  // Product
  const char* app_name;        // window title, About
  const char* app_tagline;

  // Menus
  const char* menu_file;
  const char* file_new;
  const char* file_open;
  const char* file_save;
  const char* file_quit;
  const char* menu_edit;
  const char* edit_undo;
  const char* edit_redo;
  const char* menu_view;
  const char* view_theme_light;
  const char* view_theme_dark;
  const char* view_zoom_fmt;   // printf format, %d = percent
  const char* menu_help;
  const char* help_about;

  // Shortcut hints shown in menus
  const char* key_new;
  const char* key_open;
  const char* key_save;
  const char* key_undo;
  const char* key_redo;

  // About dialog
  const char* about_title;
  const char* about_version_fmt;  // %s = version
  const char* about_build_fmt;    // %s = build info
  const char* about_text_sample;  // accents, quotes, ligatures: shows the font covers French
  const char* about_amount_label;
  const char* about_close;

  // Welcome body (replaced by the real panels later)
  const char* welcome_title;
  const char* welcome_intro;
  const char* welcome_ready;
  const char* welcome_no_project;
  const char* welcome_hint;

  // Status line
  const char* status_ready;
  const char* status_not_yet_fmt;  // %s = menu item label
};

// The active language's table (French only for now).
const Strings& tr();

}  // namespace cpts::ui
