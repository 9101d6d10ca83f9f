// The worker side of the tools module (imgui_ui/platform/tools_worker.cpp), prepended to tools.js
// (--pre-js): each message { id, params, input } from the page (web/bridge.js) runs one job once
// the wasm is ready (messages that arrive before are queued) and is answered with
// { id, meta, bytes, ms } (ms: the job's time inside the worker). Messages go in order: one job at
// a time, the page stays responsive meanwhile.
var cptsQueue = [];
var cptsReady = false;

function cptsRunJob(m) {
  const t0 = performance.now();
  const params = new TextEncoder().encode(m.params + '\0');
  const pp = _malloc(params.length);
  HEAPU8.set(params, pp);
  const input = m.input || new Uint8Array(0);
  const ip = _malloc(input.length + 1);
  HEAPU8.set(input, ip);
  _tools_run(pp, ip, input.length);
  _free(pp);
  _free(ip);
  const mp = _tools_meta();
  let end = mp;
  while (HEAPU8[end]) end++;
  const meta = new TextDecoder().decode(HEAPU8.subarray(mp, end));
  const at = _tools_bytes();
  const bytes = HEAPU8.slice(at, at + _tools_bytes_len());
  postMessage({ id: m.id, meta: meta, bytes: bytes, ms: performance.now() - t0 }, [bytes.buffer]);
}

self.onmessage = function (e) {
  if (cptsReady) cptsRunJob(e.data);
  else cptsQueue.push(e.data);
};

Module['onRuntimeInitialized'] = function () {
  cptsReady = true;
  for (const m of cptsQueue.splice(0)) cptsRunJob(m);
};
