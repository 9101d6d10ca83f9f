#include "tool_runner.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include <chrono>
#include <map>

#include "platform.hpp"

// web/bridge.js: posts the job to the tools worker (created on the first call); the answer comes
// back through cpts_tool_done below.
extern "C" void cpts_tools_post(int id, const char* params, const char* input, int len);
#endif

namespace cpts::ui {

#ifndef __EMSCRIPTEN__

namespace {
int g_running = 0;
}

void run_tool_job(tools::Job job, std::function<void(tools::JobResult)> done) {
  ++g_running;
  tools::JobResult r = tools::run_job(job);
  --g_running;
  done(std::move(r));
}

int tool_jobs_running() { return g_running; }

#else

namespace {

struct Pending {
  std::function<void(tools::JobResult)> done;
  std::chrono::steady_clock::time_point sent;
};

struct Jobs {
  int next_id = 1;
  int answered = 0;
  std::map<int, Pending> pending;
};

Jobs& jobs() {
  static Jobs j;
  return j;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

void run_tool_job(tools::Job job, std::function<void(tools::JobResult)> done) {
  Jobs& j = jobs();
  const int id = j.next_id++;
  j.pending[id] = Pending{std::move(done), std::chrono::steady_clock::now()};
  const std::string params = tools::job_params(job);
  cpts_tools_post(id, params.c_str(), job.input.data(), static_cast<int>(job.input.size()));
}

int tool_jobs_running() { return static_cast<int>(jobs().pending.size()); }

#endif

}  // namespace cpts::ui

#ifdef __EMSCRIPTEN__
// The worker's answer (web/bridge.js): `meta` is result_meta()'s JSON, `bytes` the output;
// `worker_ms` the time the job took inside the worker.
extern "C" EMSCRIPTEN_KEEPALIVE void cpts_tool_done(int id, const char* meta, const char* bytes, int len, double worker_ms) {
  using namespace cpts::ui;
  Jobs& j = jobs();
  auto it = j.pending.find(id);
  if (it == j.pending.end()) return;
  Pending p = std::move(it->second);
  j.pending.erase(it);
  // For the benchmark (tests/browser/bench.mjs): the first job's delay includes fetching and
  // compiling the worker's module; later ones are the job alone.
  const double total = ms_since(p.sent);
  if (j.answered++ == 0) {
    platform::publish_stat("tools_first_job_ms", total);
    platform::publish_stat("tools_first_job_worker_ms", worker_ms);
  } else {
    platform::publish_stat("tools_last_job_ms", total);
  }
  cpts::tools::JobResult r = cpts::tools::result_from_wire(meta ? meta : "", std::string(bytes ? bytes : "", bytes ? static_cast<std::size_t>(len) : 0));
  p.done(std::move(r));
  platform::request_frame();
}
#endif

#ifdef __EMSCRIPTEN__
#include "i18n.hpp"
// The worker could not be loaded (offline before it was ever cached, blocked) or crashed: the job
// fails with the reason, in the user's language; nothing of the project changes.
extern "C" EMSCRIPTEN_KEEPALIVE void cpts_tool_failed(int id, const char* why) {
  using namespace cpts::ui;
  Jobs& j = jobs();
  auto it = j.pending.find(id);
  if (it == j.pending.end()) return;
  Pending p = std::move(it->second);
  j.pending.erase(it);
  cpts::tools::JobResult r;
  r.error = TF("tools.unavailable", why ? why : "");
  p.done(std::move(r));
  platform::request_frame();
}
#endif
