// Configuration that Emscripten's index.js reads from the global `Module`, and the loading /
// error overlay. Loaded before index.js as a file (not inline) so a strict CSP can forbid inline
// scripts.
'use strict';

function cptsShowError(message) {
  const box = document.getElementById('loading');
  document.body.classList.remove('ready');
  box.classList.add('error');
  document.getElementById('loading-text').textContent = message;
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
  print: (text) => console.log(text),
  printErr: (text) => console.error(text),
  onAbort: (what) => cptsShowError('Erreur au chargement du Planificateur CPTS : ' + what),
  preRun: [],
  postRun: [],
};
