// Runs inside index.js (--pre-js) before main(): mounts the browser's storage (IndexedDB, through
// Emscripten's IDBFS) at /persist and loads it, so the app reads its autosaved working copy
// synchronously at start (imgui_ui/app/autosave.hpp). If IndexedDB is missing, blocked (some private
// modes) or does not answer, the app still starts: Module.cptsStorage says why, and the app warns.
'use strict';
// Open the database while index.wasm downloads, rather than after it started (preRun runs once the
// wasm is ready): IDBFS keeps the opened database, and the load below finds it. A microtask, as
// IDBFS is defined further down in index.js. Failures are left to the load below, which reports them.
Promise.resolve().then(function () {
  try { IDBFS.getDB('/persist', function () {}); } catch (e) { /* reported by cptsLoadStorage */ }
});
Module.preRun = [].concat(Module.preRun || []);
Module.preRun.push(function cptsLoadStorage() {
  const storage = (Module.cptsStorage = { available: true, error: '', loadMs: 0 });
  const t0 = performance.now();
  if (typeof cptsLoading === 'function') cptsLoading('Ouverture de la copie de travail…');
  try {
    FS.mkdir('/persist');
    FS.mount(IDBFS, {}, '/persist');
  } catch (e) {
    storage.available = false;
    storage.error = String((e && e.message) || e);
    return;
  }
  addRunDependency('cpts-storage');
  let finished = false;
  const finish = (err) => {
    if (finished) return;
    finished = true;
    storage.loadMs = performance.now() - t0;
    if (err) {
      storage.available = false;
      storage.error = String((err && (err.message || err.name)) || err);
    }
    removeRunDependency('cpts-storage');
  };
  // Some browsers never answer IndexedDB.open in private mode: start without storage after 4 s.
  const timer = setTimeout(() => finish(new Error('le stockage du navigateur ne répond pas')), 4000);
  try {
    FS.syncfs(true, (err) => { clearTimeout(timer); finish(err); });
  } catch (e) {
    clearTimeout(timer);
    finish(e);
  }
});
