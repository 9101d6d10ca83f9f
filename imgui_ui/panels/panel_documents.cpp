// Documents: the projet de santé, the contract's indicator annex and the annual report, previewed
// here from the same document model the writers use (headings, text, tables, figures), and
// downloaded as HTML (print to PDF), DOCX (Word, LibreOffice) or Markdown.
#include <imgui.h>

#include <algorithm>
#include <ctime>

#include "fitted_text.hpp"
#include "io/documents/documents.hpp"
#include "io/project_json.hpp"
#include "edit_helpers.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "tool_runner.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

void spans(const std::vector<doc::Span>& v) {
  std::string text;
  for (const doc::Span& s : v) text += s.text;
  ImGui::TextWrapped("%s", text.c_str());
}

// The document's vector figure drawn with ImDrawList, scaled to the panel's width.
void figure(const doc::Figure& f) {
  const doc::Drawing& d = f.drawing;
  if (d.width <= 0 || d.height <= 0) return;
  float scale = std::min(1.5f, ImGui::GetContentRegionAvail().x / static_cast<float>(d.width));
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(static_cast<float>(d.width) * scale, static_cast<float>(d.height) * scale));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto col = [](doc::Rgb c, double a = 1) { return IM_COL32(c.r, c.g, c.b, static_cast<int>(a * 255)); };
  auto pt = [&](double x, double y) { return ImVec2(o.x + static_cast<float>(x) * scale, o.y + static_cast<float>(y) * scale); };
  dl->AddRectFilled(o, pt(d.width, d.height), IM_COL32(255, 255, 255, 255));
  for (const doc::Shape& s : d.shapes) {
    switch (s.kind) {
      case doc::Shape::Rect:
        if (s.has_fill) dl->AddRectFilled(pt(s.x, s.y), pt(s.x + s.w, s.y + s.h), col(s.fill, s.opacity));
        if (s.has_stroke) dl->AddRect(pt(s.x, s.y), pt(s.x + s.w, s.y + s.h), col(s.stroke), 0, 0, static_cast<float>(s.stroke_width) * scale);
        break;
      case doc::Shape::Line: dl->AddLine(pt(s.x, s.y), pt(s.w, s.h), col(s.stroke), static_cast<float>(s.stroke_width) * scale); break;
      case doc::Shape::Polygon: {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i + 1 < s.points.size(); i += 2) pts.push_back(pt(s.points[i], s.points[i + 1]));
        if (pts.size() >= 3) dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), col(s.fill, s.opacity));
        break;
      }
      case doc::Shape::Text: {
        float size = static_cast<float>(s.size) * scale;
        ImFont* font = s.bold ? bold_font() : ImGui::GetFont();
        ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, s.text.c_str());
        float x = pt(s.x, s.y).x - (s.anchor == doc::Anchor::Middle ? ts.x / 2 : s.anchor == doc::Anchor::End ? ts.x : 0);
        dl->AddText(font, size, ImVec2(x, pt(s.x, s.y).y - size * 0.8f), col(s.fill), s.text.c_str());
        break;
      }
    }
  }
  ImGui::TextDisabled("%s", f.caption.c_str());
}

void table(const doc::Table& t, int index) {
  std::size_t cols = t.key_value ? 2 : t.header.size();
  for (const auto& r : t.rows) cols = std::max(cols, r.cells.size());
  if (cols == 0 || cols > 60) return;
  ImGui::PushID(index);
  if (ImGui::BeginTable("##doc_table", static_cast<int>(cols), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    if (!t.key_value && !t.header.empty()) {
      for (const std::string& h : t.header) ImGui::TableSetupColumn(h.c_str());
      ImGui::TableHeadersRow();
    }
    // Long tables (the stress project's annex has thousands of rows): only visible rows are drawn.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(t.rows.size()));
    while (clipper.Step())
    for (int ri = clipper.DisplayStart; ri < clipper.DisplayEnd; ++ri) {
      const auto& r = t.rows[static_cast<std::size_t>(ri)];
      ImGui::TableNextRow();
      if (r.group) {
        ImGui::TableNextColumn();
        ImGui::PushFont(bold_font());
        ImGui::TextUnformatted(r.cells.empty() ? "" : r.cells[0].c_str());
        ImGui::PopFont();
        continue;
      }
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        ImGui::TableNextColumn();
        if (r.total) ImGui::PushFont(bold_font());
        ImGui::TextWrapped("%s", r.cells[c].c_str());
        if (r.total) ImGui::PopFont();
      }
    }
    ImGui::EndTable();
  }
  if (!t.caption.empty()) ImGui::TextDisabled("%s", t.caption.c_str());
  ImGui::PopID();
}

constexpr int kBlocksPerPage = 60;  // the preview shows the document a page of blocks at a time

void preview(const doc::Document& d, int page) {
  ImGui::PushTextWrapPos(0);
  if (page == 0) {  // the cover
    ImGui::PushFont(bold_font());
    ImGui::TextUnformatted(d.cover.kicker.c_str());
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(d.cover.title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    ImGui::TextDisabled("%s", d.cover.subtitle.c_str());
    for (const auto& [label, value] : d.cover.facts) ImGui::Text("%s : %s", label.c_str(), value.c_str());
  }
  int index = 0;
  const int first = page * kBlocksPerPage;
  for (int bi = first; bi < static_cast<int>(d.blocks.size()) && bi < first + kBlocksPerPage; ++bi) {
    const doc::Block& b = d.blocks[static_cast<std::size_t>(bi)];
    switch (b.kind) {
      case doc::Block::Heading:
        ImGui::Spacing();
        ImGui::PushFont(bold_font());
        if (b.level == 1) ImGui::SetWindowFontScale(1.2f);
        ImGui::TextUnformatted(b.heading_text().c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopFont();
        if (b.level == 1) ImGui::Separator();
        break;
      case doc::Block::Paragraph:
        if (b.style == doc::ParagraphStyle::Note) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        spans(b.spans);
        if (b.style == doc::ParagraphStyle::Note) ImGui::PopStyleColor();
        break;
      case doc::Block::Bullets:
        for (const auto& item : b.items) {
          ImGui::Bullet();
          spans(item);
        }
        break;
      case doc::Block::TableBlock: table(b.table, index++); break;
      case doc::Block::FigureBlock: figure(b.figure); break;
      case doc::Block::PageBreak: ImGui::Separator(); break;
      case doc::Block::Toc:
        ImGui::TextDisabled("%s", T("docs.toc"));
        for (const doc::Block* h : d.headings())
          if (h->level <= 2) ImGui::Text("%*s%s", (h->level - 1) * 4, "", h->heading_text().c_str());
        break;
    }
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

void draw_panel_documents(UiState& s) {
  DocumentsState& st = s.panels.documents;
  int& kind = st.kind;
  int& year = st.year;
  int& page = st.page;
  const Project& p = s.doc.project();
  panel_title(T("panel.documents"), T("docs.subtitle"));
  // In DocKind's order (io/documents/documents.hpp); the board summary is issue #19's one page.
  std::vector<std::string> kinds = {T("docs.projet"), T("docs.annexe"), T("docs.rapport"), T("docs.tableau")};
  int picked = 0;
  if (widgets::combo("##kind", kind, kinds, &picked, em(16))) kind = picked;
  mark_item("docs.kind");
  if (doc_kind_has_year(static_cast<DocKind>(kind))) {
    ImGui::SameLine();
    int y = year;
    if (widgets::slider_int("##year", year, &y, 1, kContractYears, T("docs.year_fmt"), em(12), nullptr, "docs.year")) year = y;
  }
  const DocKind dk = static_cast<DocKind>(kind);
  static const struct {
    DocFormat format;
    const char* key;
    const char* id;
  } kFormats[] = {{DocFormat::Docx, "docs.download_docx", "docs.docx"},
                  {DocFormat::Html, "docs.download_html", "docs.html"},
                  {DocFormat::Markdown, "docs.download_md", "docs.md"}};
  for (const auto& f : kFormats) {
    same_line_if_fits(button_width(T(f.key)));
    // Written by the tools module (app/tool_runner.hpp: in a worker on the web, at once natively)
    // from the project as saved; the download comes with its answer.
    if (ImGui::Button(T(f.key))) {
      tools::Job job;
      job.kind = tools::JobKind::Document;
      job.input = save_project(p);
      job.doc_kind = dk;
      job.format = f.format;
      job.year = year;
      job.date = today();
      s.status = TF("status.tool_running", T(f.key));
      UiState* st = &s;
      run_tool_job(std::move(job), [st](tools::JobResult r) {
        if (r.ok) {
          st->downloads.push_back({r.file_name, r.mime, std::move(r.bytes)});
        } else {
          st->message = r.error;
          st->status.clear();
        }
      });
    }
    mark_item(f.id);
  }
  ImGui::PushTextWrapPos(0.0f);  // one long line: at 1366 px and 150 % it ran 47 px past the edge
  ImGui::TextDisabled("%s", T("docs.help"));
  ImGui::PopTextWrapPos();
  // The preview is built when the project, the kind or the year changes — not every frame.
  if (st.revision != s.doc.history.revision() || st.built_kind != kind || st.built_year != year) {
    DocOptions o{year, today()};
    st.built = build_document(p, dk, o);
    st.revision = s.doc.history.revision();
    st.built_kind = kind;
    st.built_year = year;
    page = 0;
  }
  const doc::Document& cached = st.built;
  const int pages = std::max(1, (static_cast<int>(cached.blocks.size()) + kBlocksPerPage - 1) / kBlocksPerPage);
  page = std::clamp(page, 0, pages - 1);
  if (pages > 1) {
    ImGui::BeginDisabled(page == 0);
    if (ImGui::ArrowButton("##prevpage", ImGuiDir_Left)) --page;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("%s", TF("docs.page", page + 1, pages).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(page == pages - 1);
    if (ImGui::ArrowButton("##nextpage", ImGuiDir_Right)) ++page;
    ImGui::EndDisabled();
  }
  ImGui::BeginChild("##preview", ImVec2(0, 0), ImGuiChildFlags_Border);
  mark_window("docs.preview");
  preview(cached, page);
  ImGui::EndChild();
}

}  // namespace cpts::ui
