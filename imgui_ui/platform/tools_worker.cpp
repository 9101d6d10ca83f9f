// The browser's tools module (issue #18 item 4): tools.js + tools.wasm, run in a Web Worker that
// the page creates on the first document, workbook or .xlsx table (web/bridge.js,
// imgui_ui/app/tool_runner.cpp). Built from the same core as the page (cpts_core), it links what
// the page's start-up module leaves out: the DOCX/HTML/Markdown writers, libxlsxwriter, minizip,
// expat and zlib. No ImGui, no SDL: web/tools_pre.js receives each job from postMessage, calls
// tools_run and posts the result back.
#include <emscripten.h>

#include <string>

#include "io/tool_jobs.hpp"

namespace {
cpts::tools::JobResult g_result;
std::string g_meta;
}  // namespace

extern "C" {

// Runs one job (params: job_params()'s JSON; input: the project's JSON or the file's bytes) and
// keeps its result until the next call; returns 1 when it succeeded.
EMSCRIPTEN_KEEPALIVE int tools_run(const char* params, const char* input, int len) {
  std::optional<cpts::tools::Job> job = cpts::tools::job_from_wire(params, std::string(input, static_cast<std::size_t>(len)));
  g_result = {};
  if (job) g_result = cpts::tools::run_job(*job);
  else g_result.error = "Tâche illisible pour le module des documents (versions différentes de la page et du module ?).";
  g_meta = cpts::tools::result_meta(g_result);
  return g_result.ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* tools_meta() { return g_meta.c_str(); }
EMSCRIPTEN_KEEPALIVE const char* tools_bytes() { return g_result.bytes.data(); }
EMSCRIPTEN_KEEPALIVE int tools_bytes_len() { return static_cast<int>(g_result.bytes.size()); }

}  // extern "C"
