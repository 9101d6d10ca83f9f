// The page's side of the web platform (imgui_ui/platform/platform_web.cpp), as an Emscripten JS library
// (linked with --js-library, so it lives inside index.js: no inline script, CSP-friendly).
//
// [SECTION] Frames      requestAnimationFrame loop paced by the app: no frame while nothing changes
// [SECTION] Keys        AltGr characters, browser zoom shortcuts and Ctrl+V reach the browser too
// [SECTION] Text        a hidden <textarea> takes dead keys, IME and mobile keyboards
// [SECTION] Clipboard   system clipboard both ways (SDL2's web backend has none)
// [SECTION] Files       file picker, drag-and-drop, downloads
// [SECTION] Storage     IndexedDB sync of /persist (IDBFS), idle tasks, page hide, "Leave site?"
// [SECTION] Scale       devicePixelRatio changes (zoom, another screen) resize the backing store
//
// C++ entry points called from here (EMSCRIPTEN_KEEPALIVE in platform_web.cpp): _cpts_tick,
// _cpts_idle_task, _cpts_page_hidden, _cpts_text_input, _cpts_key_tap, _cpts_paste,
// _cpts_file_received, _cpts_storage_done, _cpts_soon_task; _cpts_communes_received (imgui_ui/app/communes_source.cpp),
// _cpts_sample_received (imgui_ui/app/sample_source.cpp), _cpts_library_received (imgui_ui/app/library_source.cpp),
// _cpts_tool_done and _cpts_tool_failed (imgui_ui/app/tool_runner.cpp).

mergeInto(LibraryManager.library, {
  $cpts__deps: ['malloc', 'free'],
  $cpts: {
    raf: 0, timer: 0, input: false, stopped: false,
    idleTimer: 0, idleHandle: 0, idleSince: 0, lastInputAt: -1e9,
    clipboard: '', pasteShortcutAt: -1e9, lastKeypress: { text: '', at: -1e9 },
    text: null, wantText: false, composing: false, textPos: '',
    unsaved: false, syncing: false, syncAgain: false,

    // Calls f(ptr) with a NUL-terminated UTF-8 copy of `s` in wasm memory.
    withString: function (s, f) {
      const n = lengthBytesUTF8(s) + 1;
      const p = _malloc(n);
      stringToUTF8(s, p, n);
      try { return f(p); } finally { _free(p); }
    },
    withBytes: function (bytes, f) {
      const p = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, p);
      try { return f(p, bytes.length); } finally { _free(p); }
    },

    // ---- [SECTION] Frames ------------------------------------------------------------------------
    // ms: 0 = next animation frame, > 0 = after that delay, < 0 = only when woken.
    schedule: function (ms) {
      if (cpts.stopped || cpts.raf) return;  // a frame is coming anyway
      if (cpts.timer) { clearTimeout(cpts.timer); cpts.timer = 0; }
      if (ms === 0) cpts.raf = requestAnimationFrame(cpts.tick);
      else if (ms > 0) cpts.timer = setTimeout(function () { cpts.timer = 0; cpts.schedule(0); }, ms);
    },
    wake: function () { cpts.input = true; cpts.schedule(0); },
    tick: function () {
      cpts.raf = 0;
      if (ABORT) { cpts.stopped = true; return; }
      const input = cpts.input;
      cpts.input = false;
      let next = 0;
      try {
        next = _cpts_tick(input ? 1 : 0);
      } catch (e) {
        cpts.stopped = true;  // a crash stops the loop instead of repeating every frame
        throw e;
      }
      cpts.schedule(next);
    },

    // ---- [SECTION] Keys --------------------------------------------------------------------------
    // SDL2 calls preventDefault on every key with Ctrl held. That would swallow: AltGr characters
    // on Windows (reported as Ctrl+Alt: € @ # never reach keypress), the browser's zoom shortcuts
    // (Ctrl + = - 0 on any layout, incl. AZERTY's Ctrl+à) and the paste event of Ctrl+V. For those,
    // SDL still sees the key, but its preventDefault is made a no-op for that one event.
    keyPolicy: function (e) {
      const keepDefault = function () { e.preventDefault = function () {}; };
      const ch = e.key && e.key.length === 1 ? e.key : '';
      const altGr = (e.getModifierState && e.getModifierState('AltGraph')) || (e.ctrlKey && e.altKey);
      if (altGr && ch) {
        // A real Ctrl+Alt+letter shortcut types its own letter: only symbols count as AltGr text.
        const plain = /^[a-z0-9]$/i.test(ch) && (e.code === 'Key' + ch.toUpperCase() || e.code === 'Digit' + ch);
        if (!plain) { keepDefault(); return; }
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (ch === 'v' || ch === 'V') { cpts.pasteShortcutAt = performance.now(); keepDefault(); return; }
      const zoomKeys = ['+', '-', '=', '0', '_'];
      const zoomCodes = ['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'];
      if (zoomKeys.indexOf(ch) >= 0 || zoomCodes.indexOf(e.code) >= 0) keepDefault();
    },

    // ---- [SECTION] Text --------------------------------------------------------------------------
    sendText: function (s) {
      if (!s) return;
      // A key whose keypress already reached SDL must not arrive twice.
      const k = cpts.lastKeypress;
      if (s === k.text && performance.now() - k.at < 100) return;
      cpts.withString(s, function (p) { _cpts_text_input(p); });
      cpts.wake();
    },
    setupText: function () {
      const t = (cpts.text = document.getElementById('text-input'));
      if (!t) return;
      t.addEventListener('compositionstart', function () { cpts.composing = true; t.classList.add('composing'); });
      t.addEventListener('compositionend', function (e) {
        cpts.composing = false;
        t.classList.remove('composing');
        cpts.sendText(e.data || t.value);
        t.value = '';
      });
      t.addEventListener('input', function (e) {
        if (cpts.composing || e.isComposing) return;  // the text comes whole at compositionend
        const type = e.inputType || 'insertText';
        if (type === 'insertText' || type === 'insertReplacementText') cpts.sendText(e.data !== null && e.data !== undefined ? e.data : t.value);
        else if (type === 'deleteContentBackward') { _cpts_key_tap(8); cpts.wake(); }   // mobile keyboards
        else if (type === 'deleteContentForward') { _cpts_key_tap(46); cpts.wake(); }
        t.value = '';
      });
      // Touch: focusing from inside the tap lets iOS and Android open their keyboard.
      Module.canvas.addEventListener('pointerup', function (e) {
        if (e.pointerType !== 'mouse' && cpts.wantText && document.activeElement !== t) t.focus({ preventScroll: true });
      });
    },
    // The hidden field follows ImGui's caret and has the focus exactly while a field is edited.
    textField: function (active, x, y, h) {
      const t = cpts.text;
      if (!t) return;
      cpts.wantText = active;
      if (active) {
        const pos = Math.round(x) + ',' + Math.round(y) + ',' + Math.round(h);
        if (pos !== cpts.textPos) {
          cpts.textPos = pos;
          t.style.left = Math.round(x) + 'px';
          t.style.top = Math.round(y) + 'px';
          t.style.height = Math.max(16, Math.round(h)) + 'px';
        }
        if (document.activeElement !== t) t.focus({ preventScroll: true });
      } else if (document.activeElement === t) {
        if (cpts.composing) { cpts.composing = false; t.classList.remove('composing'); }
        t.value = '';
        Module.canvas.focus({ preventScroll: true });
      }
    },

    // ---- [SECTION] Clipboard ---------------------------------------------------------------------
    writeClipboard: function (s) {
      cpts.clipboard = s;
      const fallback = function () {
        // Older browsers, or no permission: a selected temporary field and the copy command.
        const a = document.createElement('textarea');
        const focused = document.activeElement;
        a.value = s;
        a.setAttribute('readonly', '');
        a.style.position = 'fixed';
        a.style.opacity = '0';
        document.body.appendChild(a);
        a.select();
        try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
        a.remove();
        if (focused && focused.focus) focused.focus({ preventScroll: true });
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(fallback);
      else fallback();
    },

    // ---- [SECTION] Files -------------------------------------------------------------------------
    deliverFile: function (name, bytes, error) {
      cpts.withString(name, function (pn) {
        cpts.withString(error || '', function (pe) {
          cpts.withBytes(bytes, function (pd, len) { _cpts_file_received(pn, pd, len, pe); });
        });
      });
      cpts.wake();
    },
    readFile: function (file) {
      const nbsp = '\u00a0';
      if (file.size > 64 * 1024 * 1024) {
        cpts.deliverFile(file.name, new Uint8Array(0), 'Le fichier «' + nbsp + file.name + nbsp + '» est trop gros (' +
          Math.round(file.size / 1048576) + nbsp + 'Mo) pour être un projet du planificateur.');
        return;
      }
      file.arrayBuffer().then(function (buf) {
        cpts.deliverFile(file.name, new Uint8Array(buf), '');
      }, function (e) {
        cpts.deliverFile(file.name, new Uint8Array(0), 'Impossible de lire «' + nbsp + file.name + nbsp + '»' + nbsp + ': ' + e.message);
      });
    },
    setupFiles: function () {
      const input = document.getElementById('file-input');
      if (input) input.addEventListener('change', function () {
        if (input.files && input.files[0]) cpts.readFile(input.files[0]);
        input.value = '';  // the same file can be chosen again
      });
      const zone = document.getElementById('drop-zone');
      const hasFiles = function (e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0; };
      let depth = 0;
      const show = function (on) { if (zone) zone.classList.toggle('active', on); };
      window.addEventListener('dragenter', function (e) { if (!hasFiles(e)) return; e.preventDefault(); depth++; show(true); });
      window.addEventListener('dragover', function (e) { if (!hasFiles(e)) return; e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
      window.addEventListener('dragleave', function (e) { if (!hasFiles(e)) return; if (--depth <= 0) { depth = 0; show(false); } });
      window.addEventListener('drop', function (e) {
        if (!hasFiles(e)) return;
        e.preventDefault();  // never let the browser navigate to the dropped file
        depth = 0;
        show(false);
        if (e.dataTransfer.files && e.dataTransfer.files[0]) cpts.readFile(e.dataTransfer.files[0]);
      });
    },

    // ---- [SECTION] Storage -----------------------------------------------------------------------
    quotaMessage: function (err) {
      const name = err && err.name;
      if (name === 'QuotaExceededError') return 'le stockage du navigateur est plein';
      return String((err && (err.message || name)) || err);
    },
    // Emscripten 3.1.6's IDBFS loses the errors IndexedDB reports asynchronously (a full disk
    // aborts the transaction and the callback never comes): a watchdog turns silence into an error.
    sync: function () {
      if (cpts.syncing) { cpts.syncAgain = true; return; }
      cpts.syncing = true;
      const t0 = performance.now();
      let finished = false;
      const watchdog = setTimeout(function () {
        done(new Error('le stockage du navigateur ne répond pas (plein ?)'));
      }, 10000);
      const done = function (err) {
        if (finished) return;
        finished = true;
        clearTimeout(watchdog);
        cpts.syncing = false;
        cpts.lastSyncError = err ? cpts.quotaMessage(err) : '';
        if (cpts.syncAgain) { cpts.syncAgain = false; cpts.sync(); }  // a newer state is waiting
        cpts.withString(err ? cpts.quotaMessage(err) : '', function (p) {
          _cpts_storage_done(err ? 0 : 1, cpts.syncing ? 1 : 0, p, performance.now() - t0);
        });
        cpts.schedule(0);
      };
      try { FS.syncfs(false, done); } catch (e) { done(e); }
    },
    // Idle work (the autosave) waits for a pause in the user's input (0.8 s without a key, a click
    // or a mouse move) and for the browser to be idle, so that writing a large project never
    // lands in the middle of typing; after 5 s of continuous input it runs anyway.
    requestIdle: function () {
      cpts.idleTimer = 0;
      if (window.requestIdleCallback) cpts.idleHandle = requestIdleCallback(cpts.runIdleTask, { timeout: 1000 });
      else cpts.runIdleTask();
    },
    runIdleTask: function () {
      cpts.idleHandle = 0;
      const now = performance.now(), quiet = now - cpts.lastInputAt;
      if (quiet < 800 && now - cpts.idleSince < 5000) {
        cpts.idleTimer = setTimeout(cpts.requestIdle, 800 - quiet);
        return;
      }
      _cpts_idle_task();
    },
    noteInput: function () { cpts.lastInputAt = performance.now(); cpts.wake(); },
    // Work between frames (platform run_soon: the autosave's slices): a message the page posts to
    // itself runs as a task of its own, without the 4 ms clamp of setTimeout and without drawing a
    // frame; the browser renders and handles input between two of them.
    soonChannel: null,
    soon: function () {
      if (!cpts.soonChannel) {
        cpts.soonChannel = new MessageChannel();
        cpts.soonChannel.port1.onmessage = function () {
          if (ABORT) return;
          _cpts_soon_task();
        };
      }
      cpts.soonChannel.port2.postMessage(0);
    },
  },

  // ---- Called from C++ ---------------------------------------------------------------------------

  cpts_bridge_init__deps: ['$cpts'],
  cpts_bridge_init: function () {
    window.addEventListener('keydown', cpts.keyPolicy, true);
    window.addEventListener('keypress', function (e) {
      if (e.key && e.key.length <= 2) cpts.lastKeypress = { text: e.key, at: performance.now() };
    }, true);
    // Any input wakes the frame loop (SDL2's own listeners queue the events themselves).
    ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend',
      'touchcancel', 'pointerdown', 'pointerup', 'input', 'compositionupdate'].forEach(function (type) {
      window.addEventListener(type, cpts.noteInput, { capture: true, passive: true });
    });
    ['resize', 'focus', 'blur'].forEach(function (type) {
      window.addEventListener(type, cpts.wake, { capture: true, passive: true });
    });
    document.addEventListener('visibilitychange', function () {
      cpts.wake();
      if (document.visibilityState === 'hidden') _cpts_page_hidden();
    });
    window.addEventListener('pagehide', function () { _cpts_page_hidden(); });
    window.addEventListener('beforeunload', function (e) {
      // « Recharger » for a new version (web/offline.js) comes after the working copy was saved:
      // the reload brings the work back, so no "Leave site?" then.
      if (!cpts.unsaved || cpts.reloadAfterSave) return;
      e.preventDefault();
      e.returnValue = '';  // Chrome needs it set to show "Leave site?"
    });
    // Paste (Ctrl+V, or the mobile keyboard's paste): the text is the clipboard's from now on; a
    // paste without the shortcut types the text into the field directly.
    document.addEventListener('paste', function (e) {
      const s = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      e.preventDefault();
      const viaShortcut = performance.now() - cpts.pasteShortcutAt < 1000;
      cpts.pasteShortcutAt = -1e9;
      cpts.clipboard = s;
      cpts.withString(s, function (p) { _cpts_paste(p, viaShortcut ? 1 : 0); });
      cpts.wake();
    });
    cpts.setupText();
    cpts.setupFiles();
    // ---- [SECTION] Scale: a devicePixelRatio change without a resize (a window moved to another
    // screen) gets a resize event, which SDL2 answers by resizing the canvas' backing store.
    const watchRatio = function () {
      const mq = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      const changed = function () {
        mq.removeEventListener('change', changed);
        window.dispatchEvent(new Event('resize'));
        cpts.wake();
        watchRatio();
      };
      mq.addEventListener('change', changed);
    };
    watchRatio();
    // For web/offline.js before a reload to a new version: runs a pending autosave now and resolves
    // once the browser's storage has it (rejects if storage failed, so the page is not reloaded).
    window.cptsSaveNow = function (forReload) {
      _cpts_page_hidden();
      return new Promise(function (resolve, reject) {
        const check = function () {
          if (cpts.syncing) { setTimeout(check, 50); return; }
          if (Module.cptsStorage && !Module.cptsStorage.available) { reject(new Error(Module.cptsStorage.error)); return; }
          if (cpts.lastSyncError) { reject(new Error(cpts.lastSyncError)); return; }
          if (forReload) cpts.reloadAfterSave = true;
          resolve();
        };
        check();
      });
    };
    window.cptsWake = cpts.wake;  // for the browser tests: draw a few frames now
  },

  cpts_loop_start__deps: ['$cpts'],
  cpts_loop_start: function () { cpts.schedule(0); },
  cpts_request_frame__deps: ['$cpts'],
  cpts_request_frame: function () { cpts.schedule(0); },

  cpts_text_field__deps: ['$cpts'],
  cpts_text_field: function (active, x, y, h) { cpts.textField(!!active, x, y, h); },

  cpts_clipboard_write__deps: ['$cpts'],
  cpts_clipboard_write: function (text) { cpts.writeClipboard(UTF8ToString(text)); },
  cpts_clipboard_read__deps: ['$cpts', 'malloc'],
  cpts_clipboard_read: function () {
    const n = lengthBytesUTF8(cpts.clipboard) + 1;
    const p = _malloc(n);
    stringToUTF8(cpts.clipboard, p, n);
    return p;
  },

  cpts_pick_file: function () {
    const input = document.getElementById('file-input');
    if (input) input.click();  // inside the frame that followed the click or Ctrl+O: still a user gesture
  },

  // A Blob URL clicked through a temporary <a download>: no network, no server.
  cpts_download: function (name, mime, data, len) {
    const blob = new Blob([HEAPU8.slice(data, data + len)], { type: UTF8ToString(mime) });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },

  // Files fetched on first use, not at start-up (issue #18 item 4): the official list of communes
  // (issue #15, on first use of the picker), the sample projects (when one is opened) and the
  // library of fiches-actions (when the Bibliothèque is first shown), next to
  // index.html. The browser's HTTP cache and the service worker (web/sw.js) keep them once fetched.
  // Each hands the bytes, or the reason in a few words ("HTTP 404", "Failed to fetch"), to its C++
  // side, which words the message in the user's language; window.__stats[<stat>] gets the fetch's
  // duration (the benchmark's first-use delays).
  $cptsFetchBytes__deps: ['$cpts'],
  $cptsFetchBytes: function (url, stat, received) {
    const t0 = performance.now();
    const deliver = function (bytes, error) {
      cpts.withString(error, function (pe) {
        cpts.withBytes(bytes, function (pd, len) { received(pd, len, pe); });
      });
      cpts.wake();
    };
    fetch(url, { cache: 'force-cache' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (buf) {
      (window.__stats = window.__stats || {})[stat] = performance.now() - t0;
      deliver(new Uint8Array(buf), '');
    }).catch(function (e) {
      deliver(new Uint8Array(0), (e && e.message) || 'network');
    });
  },
  // Calls _cpts_communes_received (imgui_ui/app/communes_source.cpp).
  cpts_fetch_communes__deps: ['$cptsFetchBytes'],
  cpts_fetch_communes: function (url) {
    cptsFetchBytes(UTF8ToString(url), 'communes_fetch_ms', function (pd, len, pe) { _cpts_communes_received(pd, len, pe); });
  },
  // Calls _cpts_library_received (imgui_ui/app/library_source.cpp).
  cpts_fetch_library__deps: ['$cptsFetchBytes'],
  cpts_fetch_library: function (url) {
    cptsFetchBytes(UTF8ToString(url), 'library_fetch_ms', function (pd, len, pe) { _cpts_library_received(pd, len, pe); });
  },
  // Calls _cpts_sample_received (imgui_ui/app/sample_source.cpp) with the url it asked for.
  cpts_fetch_sample__deps: ['$cpts', '$cptsFetchBytes'],
  cpts_fetch_sample: function (url) {
    const u = UTF8ToString(url);
    cptsFetchBytes(u, 'sample_http_ms', function (pd, len, pe) {
      cpts.withString(u, function (pu) { _cpts_sample_received(pu, pd, len, pe); });
    });
  },

  // The tools worker (issue #18 item 4): documents, the .xlsx workbook and .xlsx tables are made
  // by a second wasm module (tools.js + tools.wasm, imgui_ui/platform/tools_worker.cpp) in a Web
  // Worker, created on the first job: the page's start-up fetches neither file. Called by
  // imgui_ui/app/tool_runner.cpp; answers through _cpts_tool_done (result) or _cpts_tool_failed
  // (the worker could not load or crashed: every job sent is failed with the reason).
  $cptsTools: { worker: null, pending: {} },
  cpts_tools_post__deps: ['$cpts', '$cptsTools'],
  cpts_tools_post: function (id, params, input, len) {
    const t = cptsTools;
    const failAll = function (why) {
      const ids = Object.keys(t.pending);
      t.pending = {};
      if (t.worker) t.worker.terminate();
      t.worker = null;  // the next job tries again (the network may be back)
      for (const i of ids) cpts.withString(why, function (pw) { _cpts_tool_failed(Number(i), pw); });
      cpts.wake();
    };
    if (!t.worker) {
      try {
        t.worker = new Worker('tools.js');
      } catch (e) {
        t.pending[id] = true;
        failAll((e && e.message) || 'Worker');
        return;
      }
      t.worker.onmessage = function (e) {
        const m = e.data;
        if (!t.pending[m.id]) return;
        delete t.pending[m.id];
        cpts.withString(m.meta, function (pm) {
          cpts.withBytes(m.bytes, function (pb, n) { _cpts_tool_done(m.id, pm, pb, n, m.ms); });
        });
        cpts.wake();
      };
      t.worker.onerror = function (e) {
        e.preventDefault();
        failAll((e && e.message) || 'tools.js');
      };
    }
    t.pending[id] = true;
    const bytes = HEAPU8.slice(input, input + len);
    t.worker.postMessage({ id: id, params: UTF8ToString(params), input: bytes }, [bytes.buffer]);
  },

  cpts_storage_sync__deps: ['$cpts'],
  cpts_storage_sync: function () { cpts.sync(); },
  cpts_storage_available: function () { return !Module.cptsStorage || Module.cptsStorage.available ? 1 : 0; },
  cpts_storage_error__deps: ['malloc'],
  cpts_storage_error: function () {
    const s = (Module.cptsStorage && Module.cptsStorage.error) || '';
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  // delay_ms < 0 cancels. requestIdleCallback runs between frames, when the page is idle (with a
  // 1 s ceiling); browsers without it (Safari) get a plain timeout. See runIdleTask.
  cpts_idle_schedule__deps: ['$cpts'],
  cpts_idle_schedule: function (delayMs) {
    if (cpts.idleTimer) { clearTimeout(cpts.idleTimer); cpts.idleTimer = 0; }
    if (cpts.idleHandle && window.cancelIdleCallback) { cancelIdleCallback(cpts.idleHandle); cpts.idleHandle = 0; }
    if (delayMs < 0) return;
    cpts.idleSince = performance.now();
    cpts.idleTimer = setTimeout(cpts.requestIdle, delayMs);
  },

  cpts_soon_schedule__deps: ['$cpts'],
  cpts_soon_schedule: function () { cpts.soon(); },

  cpts_set_unsaved__deps: ['$cpts'],
  cpts_set_unsaved: function (on) { cpts.unsaved = !!on; },

  // window.__statsAt[key]: when it was last published (performance.now()), so that the benchmark
  // can tell which main-thread stalls fell during the autosave.
  cpts_publish_stat: function (key, value) {
    const k = UTF8ToString(key);
    (window.__stats = window.__stats || {})[k] = value;
    (window.__statsAt = window.__statsAt || {})[k] = performance.now();
  },

  // Messages and the status line for screen readers (the canvas says nothing to them).
  cpts_announce: function (text) {
    const el = document.getElementById('announce');
    if (el) el.textContent = UTF8ToString(text);
  },
});
