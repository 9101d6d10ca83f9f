// Running a tools job (tool_jobs.hpp). This file is what pulls the document writers, the workbook
// writer and the .xlsx reader into a binary: the CLI, the tests, the native app and the browser's
// tools worker link it; the browser's start-up module does not.
#include "io/tool_jobs.hpp"

#include "engine/funding.hpp"
#include "io/project_json.hpp"
#include "io/xlsx_export.hpp"
#include "io/xlsx_reader.hpp"

namespace cpts::tools {

namespace {

// The project of a Document or Workbook job. The page sends what save_project wrote from a
// project it holds, so a refusal here means a bug or a version mismatch between the two modules:
// said in French with the first error, never a crash.
std::optional<Project> project_of(const Job& job, std::string& error) {
  ProjectLoad l = load_project(job.input);
  if (l.project) return std::move(l.project);
  error = "Le projet transmis au module des documents est illisible";
  if (!l.errors.empty()) error += " (" + l.errors.front().path + " : " + l.errors.front().message + ")";
  if (!l.unknown_catalogue.empty()) error += " : catalogue « " + l.unknown_catalogue + " » inconnu";
  error += ".";
  return std::nullopt;
}

}  // namespace

JobResult run_job(const Job& job) {
  JobResult r;
  switch (job.kind) {
    case JobKind::Document: {
      std::optional<Project> p = project_of(job, r.error);
      if (!p) return r;
      RenderedDocument d = render_document(*p, job.doc_kind, job.format, job.year, job.date);
      r.ok = d.ok;
      r.error = std::move(d.error);
      r.bytes = std::move(d.bytes);
      r.file_name = std::move(d.file_name);
      r.mime = std::move(d.mime);
      return r;
    }
    case JobKind::Workbook: {
      std::optional<Project> p = project_of(job, r.error);
      if (!p) return r;
      // The project's scenario, as the app's views, the CSV exports and `cpts-cli export --xlsx`.
      XlsxWorkbook wb = export_workbook(*p, simulate(*p, p->contract.scenario), job.date);
      r.ok = wb.ok;
      r.error = std::move(wb.error);
      r.bytes = std::move(wb.bytes);
      r.mime = kXlsxMime;
      return r;
    }
    case JobKind::Table: {
      GridRead g = read_xlsx(job.input);
      r.ok = g.ok();
      r.error = std::move(g.error);
      r.grid = std::move(g.grid);
      return r;
    }
  }
  r.error = "Tâche inconnue.";
  return r;
}

}  // namespace cpts::tools
