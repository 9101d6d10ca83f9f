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
  // Large files (the working copy: 4.4 MiB for the stress project) go to IndexedDB as a Blob, whose
  // structured clone is a reference, where a byte array's is a copy on the main thread (13–18 ms
  // for the stress project in Chromium, in the same task as the rest of the flush; issue #18 item 5).
  // A Blob read back becomes bytes again before the app starts; entries stored as bytes (small
  // files, copies written by earlier versions) load as before.
  const blobReads = [];
  const storeRemote = IDBFS.storeRemoteEntry, loadRemote = IDBFS.loadRemoteEntry;
  IDBFS.storeRemoteEntry = (store, path, entry, callback) => {
    const bytes = entry['contents'];
    if (bytes && bytes.length >= 65536 && typeof Blob === 'function')
      entry = { 'timestamp': entry['timestamp'], 'mode': entry['mode'], 'contents': new Blob([bytes]) };
    storeRemote(store, path, entry, callback);
  };
  IDBFS.loadRemoteEntry = (store, path, callback) => loadRemote(store, path, (err, entry) => {
    if (err || !entry || typeof Blob !== 'function' || !(entry['contents'] instanceof Blob)) return callback(err, entry);
    blobReads.push(entry['contents'].arrayBuffer().then((buf) => {
      entry['contents'] = new Uint8Array(buf);
      callback(null, entry);
    }, (e) => callback(e)));
  });
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
    // Once IndexedDB's transaction is complete, every Blob read has been started: wait for them.
    FS.syncfs(true, (err) => { Promise.all(blobReads).then(() => { clearTimeout(timer); finish(err); }); });
  } catch (e) {
    clearTimeout(timer);
    finish(e);
  }
});
