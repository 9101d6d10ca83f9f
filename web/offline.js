// Offline start and updates of the deployed page. Only dist/index.html asks for it (a
// <meta name="cpts-service-worker"> added by scripts/lib/make_dist.mjs): the build folder served
// as is has no service worker. Registers dist/sw.js (web/sw.js), and when a new version has been
// deployed and installed, waits until the working copy is saved, then shows a quiet notice
// « Nouvelle version disponible — Recharger ». The page never reloads by itself: only that button
// does, after saving the working copy once more (web/bridge.js: window.cptsSaveNow).
'use strict';
(function () {
  const meta = document.querySelector('meta[name="cpts-service-worker"]');
  if (!meta || !('serviceWorker' in navigator)) return;
  // Test hook (tests/browser/offline.test.mjs): what happened, in order.
  const state = (window.__cptsOffline = { registered: false, waiting: false, notice: false, error: '' });

  // Resolves once the app has written its working copy to the browser's storage (or at once if it
  // has no hook yet: the app is still starting, so nothing is unsaved).
  const saved = (forReload) => (typeof window.cptsSaveNow === 'function' ? window.cptsSaveNow(forReload) : Promise.resolve());

  const showNotice = (registration) => {
    const box = document.getElementById('update-notice');
    if (!box || state.notice) return;
    state.notice = true;
    box.hidden = false;
    document.getElementById('update-reload').addEventListener('click', () => {
      const button = document.getElementById('update-reload');
      button.disabled = true;
      saved(true).then(() => {
        const waiting = registration.waiting;
        if (!waiting) { location.reload(); return; }
        // Reload once the new worker controls the page (it takes over when asked, here).
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
        waiting.postMessage({ type: 'cpts-activate' });
      }, (e) => {
        button.disabled = false;
        state.error = String((e && e.message) || e);
      });
    });
  };

  // A version is waiting when a worker is installed while another one controls the page (the
  // very first install controls nothing yet: no notice then).
  const whenWaiting = (registration) => {
    if (!registration.waiting || !navigator.serviceWorker.controller) return;
    state.waiting = true;
    saved().then(() => showNotice(registration), () => showNotice(registration));
  };

  window.addEventListener('load', () => {
    navigator.serviceWorker.register(meta.content).then((registration) => {
      state.registered = true;
      whenWaiting(registration);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => { if (worker.state === 'installed') whenWaiting(registration); });
      });
      // A page left open for days still learns about new versions (the browser itself checks at
      // each navigation): once an hour, and when the network comes back.
      const check = () => registration.update().catch(() => {});
      setInterval(check, 3600 * 1000);
      window.addEventListener('online', check);
    }, (e) => { state.error = String((e && e.message) || e); });
  });
})();
