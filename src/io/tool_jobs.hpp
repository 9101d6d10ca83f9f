// The heavy file work the first screen never needs (issue #18 item 4), as self-contained jobs:
//   Document  the project's JSON -> a DOCX, HTML or Markdown document (io/documents/documents.hpp)
//   Workbook  the project's JSON -> the .xlsx workbook (io/xlsx_export.hpp: libxlsxwriter, zlib)
//   Table     an .xlsx file's bytes -> its first sheet as a grid of cells (io/xlsx_reader.hpp:
//             minizip, expat)
// A job carries everything it needs (the project as its saved JSON, not a pointer), so the same
// job runs in-process natively and, in the browser, in a second wasm module inside a Web Worker
// (imgui_ui/platform/tools_worker.cpp), which is the only one linking the writers and readers:
// the page's start-up module links only this header's wire functions (tool_wire.cpp).
//
// Wire form (what crosses postMessage): a job is `job_params()` (a small JSON object) + its input
// bytes; a result is `result_meta()` (JSON: ok, error, file name, MIME type, the grid of a Table
// job) + its output bytes.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "io/documents/documents.hpp"
#include "io/table_grid.hpp"
#include "model/civil_date.hpp"

namespace cpts::tools {

enum class JobKind { Document, Workbook, Table };

struct Job {
  JobKind kind = JobKind::Document;
  std::string input;                          // Document, Workbook: the project (save_project); Table: the file
  DocKind doc_kind = DocKind::ProjetDeSante;  // Document
  DocFormat format = DocFormat::Html;         // Document
  int year = 1;                               // Document: contract year of the annual report
  Date date;                                  // Document, Workbook: the date written in the file
};

struct JobResult {
  bool ok = false;
  std::string error;             // French, when !ok
  std::string bytes;             // Document, Workbook: the file
  std::string file_name, mime;   // Document: as render_document names it; Workbook: mime only
  std::optional<CellGrid> grid;  // Table
};

// Runs the job (links the document writers, libxlsxwriter, minizip, expat, zlib).
JobResult run_job(const Job& job);

// ---- Wire form (light: JSON only) ----------------------------------------------------------------
std::string job_params(const Job& job);
// The job from its params and input; nullopt when the params are not a job's.
std::optional<Job> job_from_wire(std::string_view params, std::string input);
std::string result_meta(const JobResult& r);
// The result from its meta and bytes; a meta that does not parse gives a failed result saying so.
JobResult result_from_wire(std::string_view meta, std::string bytes);

}  // namespace cpts::tools
