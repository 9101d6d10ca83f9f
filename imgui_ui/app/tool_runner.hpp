// Where the heavy file jobs run (src/io/tool_jobs.hpp: documents, the .xlsx workbook, reading an
// .xlsx table). One interface, two implementations (tool_runner.cpp):
//   - native (desktop app, headless UI tests): in-process, at once — `done` is called before
//     run_tool_job returns;
//   - browser: in the tools worker (tools.js + tools.wasm, a second wasm module built from the
//     same core, imgui_ui/platform/tools_worker.cpp), fetched the first time a job is sent, so the
//     page's start-up module links none of the writers and readers (issue #18 item 4). `done` is
//     called later, from the worker's answer, on the main thread between two frames; the page
//     keeps drawing meanwhile.
#pragma once
#include <functional>

#include "io/tool_jobs.hpp"

namespace cpts::ui {

void run_tool_job(tools::Job job, std::function<void(tools::JobResult)> done);

// Jobs sent and not answered yet (the UI says "…en cours" and does not send the same one twice).
int tool_jobs_running();

}  // namespace cpts::ui
