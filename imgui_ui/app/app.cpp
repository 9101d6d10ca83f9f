#include "app.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <utility>
#include <cstdio>

#include "body.hpp"
#include "catalogue_store.hpp"
#include "edit/edits.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "io/stress.hpp"
#include "platform.hpp"
#include "sample_source.hpp"
#include "shortcuts.hpp"
#include "table_import_dialog.hpp"

namespace cpts::ui {

namespace {
PanelId panel_from_name(const std::string& name) {
  static const char* const kNames[] = {"projet",       "territoire",  "diagnostic", "professionnels", "missions",   "indicateurs",
                                       "bibliotheque", "financement", "calendrier", "budget",         "tableau-de-bord", "verification", "atelier", "documents"};
  for (int i = 0; i < static_cast<int>(PanelId::Count); ++i)
    if (name == kNames[i]) return static_cast<PanelId>(i);
  return PanelId::Projet;
}
}  // namespace

App::App(const AppConfig& config) : config_(config) {
  if (config_.sample == "stress") {  // the benchmarks' generated project (src/stress.hpp), ?sample=stress
    state_.doc.load(make_stress_project(), "stress.json");
    state_.go(panel_from_name(config_.panel));
  } else if (!config_.sample.empty()) {
    // Natively the sample is read at once and opened here; on the web it is fetched and opened
    // when it arrives (open_arrived_sample, after a frame).
    sample_panel_ = panel_from_name(config_.panel);
    samples::request(config_.sample);
    open_arrived_sample();
  }
  files_.start(*this, !config_.sample.empty());  // --open FILE, else the autosaved working copy
}

void App::set_zoom(int percent) {
  for (int z : kZoomLevels)
    if (z == percent) config_.zoom_percent = z;
}

bool App::open_text(const std::string& text, const std::string& name) {
  // A personal library shared by another CPTS is recognised by its format and goes to the library.
  if (text.find("\"cpts-planner/bibliotheque\"") != std::string::npos && text.find("\"cpts-planner/projet\"") == std::string::npos)
    return import_library_text(state_, text, name);
  // So is a catalogue of the ACI (issue #17): imported, not opened as a project.
  if (text.find("\"cpts-planner/catalogue-aci\"") != std::string::npos && text.find("\"cpts-planner/projet\"") == std::string::npos)
    return import_catalogue_text(text, name);
  ProjectLoad loaded = load_project(text);
  // A working group's copy coming back is merged (with a preview), not opened over the project.
  if (loaded.project && !loaded.project->group_copy.group.empty() && state_.doc.open && !state_.welcome) {
    start_merge(state_, std::move(*loaded.project), name);
    state_.status = TF("status.merge_preview", name.c_str());
    return true;
  }
  if (!loaded.project) {
    // Nothing of the file is applied: the open project stays exactly as it was. A file refused for
    // what older versions could write is offered a repair instead (FileActions::offer_repair).
    if (files_.offer_repair(*this, text, name, loaded.errors)) return false;
    std::string msg = TF("message.import_error", name.c_str()) + "\n";
    for (std::size_t i = 0; i < loaded.errors.size() && i < 8; ++i)
      msg += "\n• " + loaded.errors[i].path + " : " + loaded.errors[i].message;
    if (loaded.errors.size() > 8) msg += "\n• …";
    if (state_.doc.open) msg += std::string("\n\n") + T("message.unchanged");
    state_.message = msg;
    state_.status = T("status.import_failed");
    return false;
  }
  // A project naming a catalogue imported on this device (not embedded yet, as a file written
  // before issue #17) carries it from now on, so that it opens on another computer.
  if (const Catalogue* c = find_catalogue(loaded.project->contract.catalogue);
      c && !is_builtin_catalogue(c->id) && loaded.project->embedded_catalogue.empty())
    loaded.project->embedded_catalogue = c->file_text;
  files_.before_replace(*this);  // the outgoing project's last edits go to the autosave first
  state_.doc.load(std::move(*loaded.project), name);
  state_.go(state_.panel);
  state_.status = TF("status.loaded", name.c_str());
  // A catalogue nobody has here: the project opens all the same (figures under the default
  // catalogue meanwhile) and the message offers the import.
  state_.missing_catalogue = loaded.unknown_catalogue;
  if (!loaded.unknown_catalogue.empty()) state_.message = TF("catalogue.unknown_open", loaded.unknown_catalogue.c_str());
  return true;
}

bool App::import_catalogue_text(const std::string& text, const std::string& name) {
  CatalogueImport r = import_catalogue(platform::storage_dir(), text);
  if (!r.catalogue) {
    std::string msg = TF("catalogue.import_error", name.c_str()) + "\n";
    for (std::size_t i = 0; i < r.errors.size() && i < 8; ++i) msg += "\n• " + r.errors[i].path + " : " + r.errors[i].message;
    if (r.errors.size() > 8) msg += "\n• …";
    if (state_.doc.open) msg += std::string("\n\n") + T("message.unchanged");
    state_.message = msg;
    state_.status = T("status.import_failed");
    return false;
  }
  platform::storage_flush();
  const Catalogue& cat = *r.catalogue;
  state_.status = TF("catalogue.imported", label_of(cat).c_str(), cat.id.c_str());
  if (!r.storage_error.empty()) state_.message = TF("catalogue.not_kept", r.storage_error.c_str());
  // The open project names it (it was unknown, or an older copy): it now uses and embeds it.
  Document& doc = state_.doc;
  if (doc.open && doc.project().contract.catalogue == cat.id) {
    if (Command c = edits::switch_catalogue(doc.project(), cat.id, TF("catalogue.use_edit", cat.id.c_str())); c.apply) {
      EditResult done = doc.history.execute(std::move(c));
      if (!done) state_.message = done.message();
    }
    state_.missing_catalogue.clear();
    state_.status = TF("catalogue.imported_used", label_of(cat).c_str());
  }
  return true;
}

void App::open_arrived_sample() {
  auto a = samples::take();
  if (!a) return;
  const PanelId panel = sample_panel_.value_or(PanelId::Financement);
  sample_panel_.reset();
  if (a->text.empty()) {  // the open project stays as it was
    state_.status = TF("status.sample_failed", sample_name(a->id).c_str(), a->error.c_str());
    platform::announce(state_.status);
    return;
  }
  if (!open_text(a->text, a->id + ".json")) return;
  state_.go(panel);
  state_.status = TF("status.opened", a->id.c_str());
  // First use of a sample: request → fetched (web) or read (native) → validated and open.
  platform::publish_stat("sample_open_ms",
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a->requested).count());
}

std::string App::window_title() const {
  std::string t = state_.doc.open && !state_.doc.project().identity.name.empty() ? state_.doc.project().identity.name : T("app.name");
  if (state_.doc.unsaved()) t = "• " + t;  // changes not exported (also after a restore)
  return state_.doc.open ? t + " — " + T("app.name") : t;
}

bool App::prepare_frame(float pixel_ratio) {
  float px = std::round(config_.base_font_px * static_cast<float>(config_.zoom_percent) / 100.0f);
  // Presenting: the type follows the screen, not the desk's zoom — a line is 1/21 of its height
  // at the presentation's 200 % (51 px on 1080p, 103 px on 2160p; a line's ink 44 and 88 px,
  // above the 1/30 a room at the back reads), and Alt+Z scales it from there (300 % → 1/14, 100 % → 1/42).
  // The display size is the previous frame's: a resize rebuilds the fonts one frame later.
  if (const float h = ImGui::GetIO().DisplaySize.y; state_.presenting && h > 0)
    px = std::max(12.0f, std::round(h / kPresentLinesPerScreen * static_cast<float>(config_.zoom_percent) / 200.0f));
  bool rebuilt = false;
  if (px != fonts_px_ || pixel_ratio != fonts_ratio_) {
    build_fonts(px, pixel_ratio);
    fonts_px_ = px;
    fonts_ratio_ = pixel_ratio;
    rebuilt = true;
  }
  if (px != style_px_ || config_.theme != style_theme_) {
    apply_theme(config_.theme, px);
    style_px_ = px;
    style_theme_ = config_.theme;
  }
  return rebuilt;
}

bool App::take_about_request() {
  const bool r = about_requested_;
  about_requested_ = false;
  return r;
}

void App::draw() {
  state_.begin_frame();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (state_.presenting && state_.doc.open) {
    ImGui::PopStyleVar(2);
    draw_presentation(state_);
    if (!state_.presenting) apply({ActionKind::Present});  // left with Échap or the button
    draw_message_dialog(*this);
    handle_shortcuts();  // Alt+Z zooms the slides too; Alt+P leaves
    after_frame();
    return;
  }
  ImGui::Begin("##main", nullptr, flags);
  ImGui::PopStyleVar(2);

  draw_menu_bar(*this);
  // The body fills what the status line leaves; it scrolls on its own.
  const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##body", ImVec2(0, -status_h), ImGuiChildFlags_None, ImGuiWindowFlags_None);
  draw_body(*this);
  ImGui::EndChild();
  draw_status_line(*this);
  draw_about_dialog(*this);
  draw_guide_window(*this);
  files_.draw(*this);
  draw_confirm_dialog(*this);
  draw_table_import_dialog(state_);
  draw_message_dialog(*this);

  ImGui::End();

  handle_shortcuts();
  after_frame();
}

void App::after_frame() {
  // Edits recorded by the panels during the frame first: a Save or an Undo asked in the same frame
  // then sees them.
  if (state_.read_only) state_.doc.discard_pending();  // locked: a stray click changes nothing
  state_.doc.apply_pending();
  if (!state_.doc.refused.empty()) {  // a value the file format would refuse: said, not committed
    state_.status = sentence_start(state_.doc.refused);  // the core's reason, as a sentence
    state_.doc.refused.clear();
  }
  // Then what the frame asked for, in order (an action may ask for more: taken next frame).
  std::vector<AppRequest> actions;
  actions.swap(state_.requests);
  for (const AppRequest& a : actions) apply(a);
  open_arrived_sample();
  state_.doc.refresh();
  files_.after_frame(*this);  // file requests, arriving files, autosave
}

void App::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  for (const Shortcut& k : kShortcuts) {
    if (k.scope != ShortcutScope::Editing || !shortcut_pressed(k)) continue;
    if (k.desktop_only && config_.in_browser) continue;
    const auto kind = static_cast<ActionKind>(k.command);
    // Undo/redo and the paste preview stay with the text field being edited (ImGui's own); Alt
    // shortcuts would type a character there.
    const bool field = io.WantTextInput;
    if ((kind == ActionKind::Undo || kind == ActionKind::Redo) && (field || state_.read_only)) continue;
    if (k.alt && field) continue;
    // Ctrl+V outside a text field, over a panel that shows a table: the paste preview.
    if (kind == ActionKind::PasteTable &&
        (field || state_.read_only || !state_.doc.open || state_.welcome || !table_of_panel(state_.panel) ||
         ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)))
      continue;
    if (state_.presenting && kind != ActionKind::CycleZoom && kind != ActionKind::Present) continue;  // slides: only zoom and leave
    request({kind, k.value});
  }
}

void App::apply(const AppRequest& a) {
  Document& doc = state_.doc;
  switch (a.kind) {
    case ActionKind::Welcome: state_.welcome = true; break;
    case ActionKind::OpenSample: {
      // Fetched (web) or read (native), then opened when it arrives (open_arrived_sample).
      auto ids = sample_ids();
      if (!a.text.empty()) samples::request(a.text);
      else if (a.value >= 0 && a.value < static_cast<int>(ids.size())) samples::request(ids[static_cast<std::size_t>(a.value)]);
      break;
    }
    case ActionKind::Open: files_.open_request(*this); break;
    case ActionKind::ReopenLast: files_.reopen_last(*this); break;
    case ActionKind::ImportCatalogue:  // the same picker: a catalogue file is recognised by its format
      files_.open_request(*this);
      state_.status = T("catalogue.pick_hint");
      break;
    case ActionKind::Save: files_.export_project(*this); break;
    case ActionKind::Undo:
      if (doc.history.can_undo() && !state_.read_only) {
        state_.status = TF("status.undone", doc.history.undo_label().c_str());
        doc.history.undo();
      }
      break;
    case ActionKind::Redo:
      if (doc.history.can_redo() && !state_.read_only) {
        state_.status = TF("status.redone", doc.history.redo_label().c_str());
        doc.history.redo();
      }
      break;
    case ActionKind::Quit: quit_requested_ = !config_.in_browser; break;
    case ActionKind::SetTheme: config_.theme = static_cast<Theme>(a.value); break;
    case ActionKind::SetZoom: config_.zoom_percent = a.value; break;
    case ActionKind::SetLanguage: set_language(static_cast<Lang>(a.value)); break;
    case ActionKind::About: about_requested_ = true; break;
    case ActionKind::Guide: guide_open_ = true; break;
    case ActionKind::ExportIndicatorsCsv: files_.export_csv(*this, "indicateurs"); break;
    case ActionKind::ExportScheduleCsv: files_.export_csv(*this, "echeancier"); break;
    case ActionKind::ExportWorkbookXlsx: files_.export_xlsx(*this); break;
    case ActionKind::CopyIndicatorsTable: files_.copy_table(*this, "indicateurs"); break;
    case ActionKind::CopyScheduleTable: files_.copy_table(*this, "echeancier"); break;
    case ActionKind::Versions: files_.show_versions(); break;
    case ActionKind::ImportTable: files_.import_table_request(*this); break;
    case ActionKind::PasteTable:
      if (auto kind = table_of_panel(state_.panel)) {
        const char* text = ImGui::GetClipboardText();
        start_table_import(state_, *kind, text ? text : "", T("tables.clipboard"));
      }
      break;
    case ActionKind::Present:
      if (zoom_before_presenting_) {  // presenting (or just left with Échap): back to editing
        state_.presenting = false;
        config_.zoom_percent = zoom_before_presenting_;
        zoom_before_presenting_ = 0;
      } else if (state_.doc.open) {
        // Large type for the back of the room: the presentation's 200 % is sized to the screen
        // (prepare_frame), back to the user's zoom afterwards.
        state_.presenting = true;
        state_.slide = 0;
        zoom_before_presenting_ = config_.zoom_percent;
        config_.zoom_percent = 200;
      }
      break;
    case ActionKind::ToggleLock:
      state_.read_only = !state_.read_only;
      state_.status = state_.read_only ? T("status.locked") : T("status.unlocked");
      break;
    case ActionKind::CycleZoom: {
      std::size_t n = std::size(kZoomLevels), i = 0;
      while (i < n && kZoomLevels[i] != config_.zoom_percent) ++i;
      config_.zoom_percent = kZoomLevels[(i + (a.value < 0 ? n - 1 : 1)) % n];
      break;
    }
  }
}

}  // namespace cpts::ui
