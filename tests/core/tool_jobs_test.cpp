// The tools jobs (io/tool_jobs.hpp): what the browser's tools worker runs and the native app runs
// in-process. A job through its wire form (params JSON + input bytes, then meta JSON + output
// bytes, as they cross postMessage) must give exactly what the direct calls give: the same document
// bytes as render_document, the same workbook as export_workbook, the same grid as read_xlsx.
// Figures by hand: CPTS Centre Saône-et-Loire gets 347 500 € in contract year 2
// (75 000 + 125 000 + 90 000 + 35 000 + 22 500, see samples_test.cpp).
#include <gtest/gtest.h>

#include "engine/funding.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "io/tool_jobs.hpp"
#include "io/xlsx_export.hpp"
#include "io/xlsx_reader.hpp"

namespace cpts {
namespace {

const Date kDate{2024, 3, 15};

// Sends the job and its result through their wire forms, as the page and the worker do.
tools::JobResult over_the_wire(const tools::Job& job) {
  std::optional<tools::Job> received = tools::job_from_wire(tools::job_params(job), job.input);
  if (!received) return {};
  tools::JobResult r = tools::run_job(*received);
  return tools::result_from_wire(tools::result_meta(r), r.bytes);
}

TEST(ToolJobs, JobParamsSurviveTheWire) {
  tools::Job job;
  job.kind = tools::JobKind::Document;
  job.doc_kind = DocKind::RapportAnnuel;
  job.format = DocFormat::Markdown;
  job.year = 3;
  job.date = kDate;
  auto back = tools::job_from_wire(tools::job_params(job), "abc");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->kind, tools::JobKind::Document);
  EXPECT_EQ(back->doc_kind, DocKind::RapportAnnuel);
  EXPECT_EQ(back->format, DocFormat::Markdown);
  EXPECT_EQ(back->year, 3);
  EXPECT_EQ(back->date, kDate);
  EXPECT_EQ(back->input, "abc");
  // Not a job: refused, never guessed (a page and a worker of different versions).
  EXPECT_FALSE(tools::job_from_wire("{", ""));
  EXPECT_FALSE(tools::job_from_wire(R"({"kind": 7, "doc_kind": 0, "format": 0, "year": 1, "date": [0, 0, 0]})", ""));
  EXPECT_FALSE(tools::job_from_wire(R"({"kind": 0, "doc_kind": 0, "format": 0, "year": 1})", ""));
  EXPECT_FALSE(tools::result_from_wire("not json", "").ok);
}

TEST(ToolJobs, DocumentJobGivesTheBytesOfRenderDocument) {
  const std::string text = sample_text("cpts-centre-saone-et-loire");
  ProjectLoad l = load_project(text);
  ASSERT_TRUE(l.project);
  for (DocFormat f : {DocFormat::Html, DocFormat::Docx, DocFormat::Markdown}) {
    tools::Job job;
    job.kind = tools::JobKind::Document;
    job.input = save_project(*l.project);
    job.doc_kind = DocKind::RapportAnnuel;
    job.format = f;
    job.year = 2;
    job.date = kDate;
    tools::JobResult r = over_the_wire(job);
    RenderedDocument d = render_document(*l.project, DocKind::RapportAnnuel, f, 2, kDate);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.bytes, d.bytes);
    EXPECT_EQ(r.file_name, d.file_name);
    EXPECT_EQ(r.mime, d.mime);
  }
  // A contract year out of range: render_document's French refusal comes back as the error.
  tools::Job bad;
  bad.kind = tools::JobKind::Document;
  bad.input = save_project(*l.project);
  bad.doc_kind = DocKind::RapportAnnuel;
  bad.year = 9;
  tools::JobResult r = over_the_wire(bad);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, render_document(*l.project, DocKind::RapportAnnuel, DocFormat::Html, 9).error);
  EXPECT_FALSE(r.error.empty());
}

TEST(ToolJobs, UnreadableProjectIsRefusedInFrench) {
  tools::Job job;
  job.kind = tools::JobKind::Workbook;
  job.input = "{\"format\": \"cpts-planner/projet\"";
  tools::JobResult r = over_the_wire(job);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("illisible"), std::string::npos) << r.error;
}

TEST(ToolJobs, WorkbookAndTableJobsGiveWhatTheDirectCallsGive) {
  ProjectLoad l = load_project(sample_text("cpts-centre-saone-et-loire"));
  ASSERT_TRUE(l.project);
  const Project& p = *l.project;
  tools::Job job;
  job.kind = tools::JobKind::Workbook;
  job.input = save_project(p);
  job.date = kDate;
  tools::JobResult wb = over_the_wire(job);
  ASSERT_TRUE(wb.ok) << wb.error;
  EXPECT_EQ(wb.mime, kXlsxMime);
  // The workbook is reproducible for a given date: byte for byte the direct export.
  EXPECT_EQ(wb.bytes, export_workbook(p, simulate(p, p.contract.scenario), kDate).bytes);

  // Read back as a table (the import of an .xlsx): the grid of read_xlsx, rows and cells.
  tools::Job table;
  table.kind = tools::JobKind::Table;
  table.input = wb.bytes;
  tools::JobResult t = over_the_wire(table);
  ASSERT_TRUE(t.ok) << t.error;
  ASSERT_TRUE(t.grid);
  GridRead direct = read_xlsx(wb.bytes);
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(t.grid->columns, direct.grid->columns);
  ASSERT_EQ(t.grid->rows.size(), direct.grid->rows.size());
  for (std::size_t i = 0; i < t.grid->rows.size(); ++i) {
    EXPECT_EQ(t.grid->rows[i].number, direct.grid->rows[i].number);
    EXPECT_EQ(t.grid->rows[i].cells, direct.grid->rows[i].cells);
  }
  // The first sheet (financement par année) carries year 2's total: 347 500 €.
  bool found = false;
  for (const TableRow& row : t.grid->rows)
    for (const std::string& c : row.cells) found = found || c == "347500";
  EXPECT_TRUE(found);

  // Not an .xlsx: refused with read_xlsx's French reason.
  table.input = "PK\x03\x04 pas un classeur";
  tools::JobResult bad = over_the_wire(table);
  EXPECT_FALSE(bad.ok);
  EXPECT_FALSE(bad.grid);
  EXPECT_EQ(bad.error, read_xlsx(table.input).error);
}

}  // namespace
}  // namespace cpts
