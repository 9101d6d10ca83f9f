// The wire form of tools jobs and results (tool_jobs.hpp): small JSON objects next to the bytes,
// so that a job crosses postMessage between the page's module and the tools worker. Light on
// purpose: the page's start-up module links this file, not tool_jobs.cpp.
#include <nlohmann/json.hpp>

#include "io/tool_jobs.hpp"

namespace cpts::tools {

namespace {
using nlohmann::json;

template <typename T>
std::optional<T> int_in(const json& j, const char* key, int lo, int hi) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  const long long v = it->get<long long>();
  if (v < lo || v > hi) return std::nullopt;
  return static_cast<T>(v);
}
}  // namespace

std::string job_params(const Job& job) {
  json j;
  j["kind"] = static_cast<int>(job.kind);
  j["doc_kind"] = static_cast<int>(job.doc_kind);
  j["format"] = static_cast<int>(job.format);
  j["year"] = job.year;
  j["date"] = {job.date.year, job.date.month, job.date.day};
  return j.dump();
}

std::optional<Job> job_from_wire(std::string_view params, std::string input) {
  const json j = json::parse(params, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  auto kind = int_in<JobKind>(j, "kind", 0, 2);
  auto doc_kind = int_in<DocKind>(j, "doc_kind", 0, 2);
  auto format = int_in<DocFormat>(j, "format", 0, 2);
  auto year = int_in<int>(j, "year", -1000, 1000);
  auto d = j.find("date");
  if (!kind || !doc_kind || !format || !year || d == j.end() || !d->is_array() || d->size() != 3) return std::nullopt;
  for (const json& x : *d)
    if (!x.is_number_integer()) return std::nullopt;
  Job job;
  job.kind = *kind;
  job.doc_kind = *doc_kind;
  job.format = *format;
  job.year = *year;
  job.date = Date{(*d)[0].get<int>(), (*d)[1].get<int>(), (*d)[2].get<int>()};
  job.input = std::move(input);
  return job;
}

std::string result_meta(const JobResult& r) {
  json j;
  j["ok"] = r.ok;
  j["error"] = r.error;
  j["file_name"] = r.file_name;
  j["mime"] = r.mime;
  if (r.grid) {
    json rows = json::array();
    for (const TableRow& row : r.grid->rows) rows.push_back({row.number, row.cells});
    j["grid"] = {{"columns", r.grid->columns}, {"rows", std::move(rows)}};
  }
  // The cells are UTF-8 the reader checked; replace rather than throw on anything else.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

JobResult result_from_wire(std::string_view meta, std::string bytes) {
  JobResult r;
  const json j = json::parse(meta, nullptr, /*allow_exceptions=*/false);
  const auto str = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (!j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) {
    r.error = "Réponse illisible du module des documents.";
    return r;
  }
  r.ok = j["ok"].get<bool>();
  r.error = str("error");
  r.file_name = str("file_name");
  r.mime = str("mime");
  r.bytes = std::move(bytes);
  auto g = j.find("grid");
  if (g != j.end()) {
    const json* rows = g->is_object() && g->contains("rows") ? &(*g)["rows"] : nullptr;
    if (!rows || !rows->is_array() || !g->contains("columns") || !(*g)["columns"].is_number_unsigned()) {
      r.ok = false;
      r.error = "Réponse illisible du module des tableaux.";
      return r;
    }
    CellGrid grid;
    grid.columns = (*g)["columns"].get<std::size_t>();
    for (const json& row : *rows) {
      if (!row.is_array() || row.size() != 2 || !row[0].is_number_unsigned() || !row[1].is_array()) {
        r.ok = false;
        r.error = "Réponse illisible du module des tableaux.";
        return r;
      }
      TableRow tr;
      tr.number = row[0].get<std::size_t>();
      for (const json& c : row[1]) tr.cells.push_back(c.is_string() ? c.get<std::string>() : std::string());
      grid.rows.push_back(std::move(tr));
    }
    r.grid = std::move(grid);
  }
  return r;
}

}  // namespace cpts::tools
