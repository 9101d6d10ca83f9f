// Configuration that Emscripten's index.js reads from the global `Module`, the loading indicator
// (download progress of index.wasm, then start-up) and the error overlay. Loaded before index.js
// as a file (not inline) so a strict CSP can forbid inline scripts. The app's own bridges (files,
// storage, clipboard, text input, frames) are web/bridge.js and web/pre.js, compiled into index.js.
'use strict';

function cptsShowError(message) {
  const box = document.getElementById('loading');
  document.body.classList.remove('ready');
  box.classList.add('error');
  document.getElementById('loading-text').textContent = message;
}

// Test hook: every state the indicator went through ({text, value}), for the browser tests.
window.__loading = [];
function cptsLoading(text, percent) {
  const bar = document.getElementById('loading-progress');
  if (percent !== undefined) bar.value = percent;
  document.getElementById('loading-text').textContent = text;
  window.__loading.push({ text, value: bar.value, at: performance.now() });
}

// Checked before the wasm downloads, so an old browser gets a sentence rather than a blank page.
const cptsHasWebGL2 = !!document.createElement('canvas').getContext('webgl2');
if (!cptsHasWebGL2) {
  cptsShowError('Ce navigateur ne prend pas en charge WebGL 2 : utilisez une version récente de Firefox, Chrome, Edge ou Safari.');
}

// Ctrl/Cmd+S and Ctrl/Cmd+O are the app's (Enregistrer, Ouvrir), not the browser's "save page" and
// "open file". preventDefault keeps the key event flowing to SDL. (Ctrl+N/T/W cannot be taken.)
window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S' || e.key === 'o' || e.key === 'O')) e.preventDefault();
}, true);

// Downloads index.wasm with progress events (XMLHttpRequest has them built in; reading a fetch()
// body through a stream made Chromium report the download as aborted now and then), then compiles it.
function cptsInstantiateWasm(imports, receiveInstance) {
  const nbsp = '\u00a0';
  let shown = -1;
  const report = (loaded, total) => {
    // A compressing server makes the body longer than Content-Length: stay below 100 %.
    const percent = total ? Math.min(99, Math.floor((loaded * 100) / total)) : 0;
    if (percent === shown) return;
    shown = percent;
    cptsLoading('Téléchargement du Planificateur CPTS… ' + percent + nbsp + '%', percent);
  };
  const fail = (why) => cptsShowError('Le Planificateur CPTS n’a pas pu être chargé : ' + why);
  const xhr = new XMLHttpRequest();
  xhr.open('GET', 'index.wasm');
  xhr.responseType = 'arraybuffer';
  xhr.onprogress = (e) => report(e.loaded, e.lengthComputable ? e.total : 0);
  xhr.onerror = () => fail('index.wasm ne se télécharge pas.');
  xhr.onload = () => {
    if (xhr.status !== 200) return fail('index.wasm : HTTP ' + xhr.status);
    report(1, 1);
    cptsLoading('Démarrage…', 100);
    WebAssembly.instantiate(xhr.response, imports)
      .then((result) => receiveInstance(result.instance, result.module))
      .catch((e) => fail(e.message));
  };
  report(0, 0);
  xhr.send();
  return {};  // asynchronous: Emscripten waits for receiveInstance
}

var Module = {
  canvas: (function () {
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());  // right click belongs to the app
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      cptsShowError('Le contexte graphique a été perdu : rechargez la page.');
    });
    return canvas;
  })(),
  instantiateWasm: cptsInstantiateWasm,
  print: (text) => console.log(text),
  printErr: (text) => console.error(text),
  onAbort: (what) => cptsShowError('Erreur au chargement du Planificateur CPTS : ' + what),
  preRun: [],
  postRun: [],
};
