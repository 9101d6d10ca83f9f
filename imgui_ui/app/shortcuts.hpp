// Every keyboard shortcut, once: App::handle_shortcuts and draw_presentation dispatch from this
// table, and the guide (Aide → Guide) lists it, so the guide cannot promise a key the code does
// not handle. Letters, not digits, with Alt: digits need Maj on AZERTY keyboards, and Ctrl+digits
// switch browser tabs. Ctrl+Alt is AltGr on Windows (€ @ # are typed), so never a shortcut.
#pragma once
#include <imgui.h>

#include <string>

#include "app.hpp"

namespace cpts::ui {

enum class ShortcutScope { Editing, Presenting };
enum class SlideMove { Next, Previous, First, Last, Leave };

struct Shortcut {
  ImGuiKey key;
  bool ctrl, shift, alt;
  ShortcutScope scope;
  int command;        // ActionKind (Editing) or SlideMove (Presenting)
  int value;          // the AppRequest's value (CycleZoom: +1 / -1)
  const char* what;   // i18n key of what it does, for the guide
  bool desktop_only;  // the browser keeps it for itself (Ctrl+N: a new window)
};

inline constexpr Shortcut kShortcuts[] = {
    {ImGuiKey_O, true, false, false, ShortcutScope::Editing, static_cast<int>(ActionKind::Open), 0, "keys.open", false},
    {ImGuiKey_S, true, false, false, ShortcutScope::Editing, static_cast<int>(ActionKind::Save), 0, "keys.save", false},
    {ImGuiKey_N, true, false, false, ShortcutScope::Editing, static_cast<int>(ActionKind::Welcome), 0, "keys.new", true},
    {ImGuiKey_Z, true, false, false, ShortcutScope::Editing, static_cast<int>(ActionKind::Undo), 0, "keys.undo", false},
    {ImGuiKey_Z, true, true, false, ShortcutScope::Editing, static_cast<int>(ActionKind::Redo), 0, "keys.redo", false},
    {ImGuiKey_Y, true, false, false, ShortcutScope::Editing, static_cast<int>(ActionKind::Redo), 0, "keys.redo", false},
    {ImGuiKey_V, true, false, false, ShortcutScope::Editing, static_cast<int>(ActionKind::PasteTable), 0, "keys.paste_table", false},
    {ImGuiKey_Z, false, false, true, ShortcutScope::Editing, static_cast<int>(ActionKind::CycleZoom), 1, "keys.zoom_in", false},
    {ImGuiKey_Z, false, true, true, ShortcutScope::Editing, static_cast<int>(ActionKind::CycleZoom), -1, "keys.zoom_out", false},
    {ImGuiKey_P, false, false, true, ShortcutScope::Editing, static_cast<int>(ActionKind::Present), 0, "keys.present", false},
    // Presentation clickers send PageDown / PageUp (some the arrows).
    {ImGuiKey_RightArrow, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::Next), 0, "keys.slide_next", false},
    {ImGuiKey_PageDown, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::Next), 0, "keys.slide_next", false},
    {ImGuiKey_Space, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::Next), 0, "keys.slide_next", false},
    {ImGuiKey_LeftArrow, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::Previous), 0, "keys.slide_previous", false},
    {ImGuiKey_PageUp, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::Previous), 0, "keys.slide_previous", false},
    {ImGuiKey_Home, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::First), 0, "keys.slide_first", false},
    {ImGuiKey_End, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::Last), 0, "keys.slide_last", false},
    {ImGuiKey_Escape, false, false, false, ShortcutScope::Presenting, static_cast<int>(SlideMove::Leave), 0, "keys.slide_leave", false},
};

// True when `s` was pressed this frame with exactly its modifiers (Ctrl+Maj+Z is not Ctrl+Z).
// `repeat`: a held key repeats (slides), not for actions.
bool shortcut_pressed(const Shortcut& s, bool repeat = false);

// "Ctrl+Maj+Z", "Page suivante": the keys as the user's language names them (i18n "key.*").
std::string shortcut_keys(const Shortcut& s);

}  // namespace cpts::ui
