// End-to-end tests of the web app in real headless Chromium (Debian's, via playwright-core): the
// page behaves like a real web app. Files (export, import by picker and by drag-and-drop, a broken
// file), CSV downloads, autosave restored after a reload and after a browser restart, versions,
// storage failures, the "Leave site?" prompt, the system clipboard both ways, French keyboards
// (AZERTY, dead keys, AltGr, IME and mobile text), crisp text at every pixel ratio, browser zoom
// shortcuts, idle frame pacing, 1280×720 and 4K, right-click / long-press context menus and taps.
// Screenshots go to build/wasm-release/screenshots/e2e-*.png.
//   node --test tests/browser/e2e.test.mjs
// Env: CPTS_DIST_DIR (the page, served by nginx), CPTS_SCREENSHOT_DIR, CPTS_CHROMIUM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveApp, distDir } from './lib/server.mjs';
import { decodePng, stats } from '../lib/png.mjs';
import { launch, collectErrors, firstFrame, visibleItem, isVisible, frames, clickItem } from './lib/chromium.mjs';
import { solidShare, upscale } from './lib/text_metrics.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shotDir = path.resolve(process.env.CPTS_SCREENSHOT_DIR || path.join(distDir, '../screenshots'));
const sampleText = (id) => fs.readFileSync(path.join(repo, 'shared/samples', `${id}.json`), 'utf8');
const sampleName = (id) => JSON.parse(sampleText(id)).identity.name;
const shot = (page, name, options = {}) => page.screenshot({ path: path.join(shotDir, `e2e-${name}.png`), ...options });
const figures = {};  // printed at the end (and by scripts/bench.sh for its own runs)

let server, url;

before(async () => {
  fs.mkdirSync(shotDir, { recursive: true });
  server = await serveApp();  // nginx with deploy/nginx/ (tests/browser/lib/server.mjs)
  url = server.url;
});

after(async () => {
  await server?.close();
  console.log(`  figures: ${JSON.stringify(figures)}`);
});

// ---- Helpers ----------------------------------------------------------------------------------------

async function openApp(b, query = '') {
  const errors = collectErrors(b.page);
  // Playwright intercepts file choosers only once a listener exists, and turning that on takes a
  // round trip: a listener from the start, so a picker opened right after a key press is caught.
  b.page.on('filechooser', () => {});
  await b.page.goto(url + query);
  await firstFrame(b.page);
  await frames(b.page, 2);
  return errors;
}

async function download(page, action) {
  const [d] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

const exportProject = (page) => download(page, () => page.keyboard.press('Control+s'));

async function waitTitle(page, pattern, timeout = 10000) {
  await page.waitForFunction((s) => new RegExp(s).test(document.title), pattern.source, { timeout });
  return page.title();
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Clicks a text field and waits until the hidden text field holds the keyboard focus.
async function focusField(page, id) {
  await clickItem(page, id);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
}

async function replaceFieldText(page, id, typeIt) {
  await focusField(page, id);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await typeIt();
  await page.keyboard.press('Enter');
}

async function flushes(page) {
  return page.evaluate(() => (window.__stats && window.__stats.storage_flushes) || 0);
}
async function waitFlushAfter(page, n, timeout = 15000) {
  await page.waitForFunction((k) => ((window.__stats && window.__stats.storage_flushes) || 0) > k, n, { timeout });
}

// What the app said last (message or status line), no-break spaces as plain spaces.
const announced = (page) => page.evaluate(() => document.getElementById('announce').textContent.replace(/[\u00a0\u202f]/g, ' '));

// Tab-separated text as a spreadsheet reads it ("" quoting, cells may hold line breaks).
function parseTsv(text) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') { rows.at(-1).push(cell); cell = ''; }
    else if (c === '\n') { rows.at(-1).push(cell); cell = ''; rows.push([]); }
    else cell += c;
  }
  if (cell !== '' || rows.at(-1).length) rows.at(-1).push(cell); else rows.pop();
  return rows;
}

// ---- French keyboard: real key events through the DevTools protocol (build-notes pitfall 10) --------

const AZERTY = { 'é': ['Digit2', 50], 'è': ['Digit7', 55], 'ç': ['Digit9', 57], 'à': ['Digit0', 48], 'ù': ['Quote', 192] };
const DEAD = { '^': { shift: false }, '¨': { shift: true } };  // both on the key right of P (BracketLeft)
const COMPOSED = {
  'ê': ['^', 'e'], 'â': ['^', 'a'], 'î': ['^', 'i'], 'ô': ['^', 'o'], 'û': ['^', 'u'], 'Î': ['^', 'I'],
  'ë': ['¨', 'e'], 'ï': ['¨', 'i'],
};
const ALTGR = { '€': ['KeyE', 69], '@': ['Digit0', 48], '#': ['Digit3', 51] };  // Windows AZERTY: Ctrl+Alt

async function key(cdp, { key, code, vk, text, modifiers = 0 }) {
  const base = { key, code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk, modifiers };
  await cdp.send('Input.dispatchKeyEvent', text ? { type: 'keyDown', text, unmodifiedText: text, ...base } : { type: 'rawKeyDown', ...base });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}
async function modifierDown(cdp, key, code, vk, modifiers, down) {
  await cdp.send('Input.dispatchKeyEvent', { type: down ? 'rawKeyDown' : 'keyUp', key, code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk, modifiers });
}

// Types `text` as a French AZERTY keyboard would send it: plain keys, accented keys, dead keys
// followed by a letter, and AltGr combinations.
async function typeFrench(page, cdp, text) {
  for (const ch of text) {
    if (AZERTY[ch]) {
      const [code, vk] = AZERTY[ch];
      await key(cdp, { key: ch, code, vk, text: ch });
    } else if (COMPOSED[ch]) {
      const [dead, base] = COMPOSED[ch];
      const shiftDead = DEAD[dead].shift, upper = base !== base.toLowerCase();
      if (shiftDead) await modifierDown(cdp, 'Shift', 'ShiftLeft', 16, 8, true);
      await key(cdp, { key: 'Dead', code: 'BracketLeft', vk: 221, modifiers: shiftDead ? 8 : 0 });  // nothing typed yet
      if (shiftDead) await modifierDown(cdp, 'Shift', 'ShiftLeft', 16, 0, false);
      if (upper) await modifierDown(cdp, 'Shift', 'ShiftLeft', 16, 8, true);
      await key(cdp, { key: ch, code: 'Key' + base.toUpperCase(), vk: base.toUpperCase().charCodeAt(0), text: ch, modifiers: upper ? 8 : 0 });
      if (upper) await modifierDown(cdp, 'Shift', 'ShiftLeft', 16, 0, false);
    } else if (ALTGR[ch]) {
      const [code, vk] = ALTGR[ch];
      await modifierDown(cdp, 'Control', 'ControlLeft', 17, 2, true);
      await modifierDown(cdp, 'AltGraph', 'AltRight', 18, 3, true);
      await key(cdp, { key: ch, code, vk, text: ch, modifiers: 3 });
      await modifierDown(cdp, 'AltGraph', 'AltRight', 18, 2, false);
      await modifierDown(cdp, 'Control', 'ControlLeft', 17, 0, false);
    } else if (ch.charCodeAt(0) < 128) {
      await page.keyboard.type(ch);
    } else {
      throw new Error(`no AZERTY key for ${ch}`);
    }
  }
}

// ---- 1. Loading ---------------------------------------------------------------------------------------

test('a loading indicator shows the download progress until the first frame', async () => {
  const b = await launch();
  try {
    const errors = await openApp(b);
    const steps = await b.page.evaluate(() => window.__loading);
    const downloads = steps.filter((s) => s.text.startsWith('Téléchargement'));
    assert.ok(downloads.length >= 1, JSON.stringify(steps));
    assert.ok(steps.some((s) => s.text === 'Démarrage…' && s.value === 100), JSON.stringify(steps));
    assert.ok(steps.some((s) => s.text.startsWith('Ouverture de la copie de travail')), JSON.stringify(steps));
    assert.equal(await b.page.evaluate(() => getComputedStyle(document.getElementById('loading')).display), 'none');
    figures.first_frame_ms = Math.round(await b.page.evaluate(() => window.__firstFrameAt));
    figures.loading_steps = steps.length;
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('the page and its bridges run under a strict Content-Security-Policy', async () => {
  // The policy is nginx's header (deploy/nginx/cpts-planner.conf): its own files only, no inline
  // script or style, no eval (WebAssembly needs 'wasm-unsafe-eval'), downloads through blob: URLs.
  const csp = (await fetch(url)).headers.get('content-security-policy') || '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  const b = await launch({
    initScript: () => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  });
  try {
    // Every request the page makes is recorded: only its own files (and blob: downloads) allowed.
    const requests = [];
    b.context.on('request', (r) => requests.push(r.url()));
    const errors = await openApp(b, '?sample=cpts-21-52&panel=projet');
    const page = b.page;
    await replaceFieldText(page, 'projet.name', () => page.keyboard.insertText('Sous CSP : « é »'));
    await waitTitle(page, /^• Sous CSP/);
    const saved = await exportProject(page);
    assert.equal(JSON.parse(saved.bytes.toString('utf8')).identity.name, 'Sous CSP : « é »');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    // The policy is in force: an inline script is refused (and reported).
    const inline = await page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__inlineRan = true;';
      document.head.appendChild(el);
      return new Promise((r) => setTimeout(() => r({ ran: !!window.__inlineRan, reported: window.__csp.length }), 100));
    });
    assert.deepEqual(inline, { ran: false, reported: 1 });
    assert.deepEqual(errors.filter((e) => !e.includes('Content Security Policy')), []);
    assert.ok(requests.length >= 3, `requests recorded: ${requests.length}`);
    const foreign = requests.filter((u) => !u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'no request leaves the page\'s own origin');
  } finally {
    await b.close();
  }
});

// ---- 2. French keyboards ------------------------------------------------------------------------------

test('French keyboards: AZERTY keys, dead keys, AltGr, IME and mobile text reach a text field', async () => {
  const b = await launch();
  try {
    const errors = await openApp(b, '?sample=cpts-21-52&panel=projet');
    const page = b.page, cdp = await b.context.newCDPSession(page);
    const typed = 'Forêt-Île : ça coûte 5 € @ #1, Noël, maïs, où, âge, dîner, tôt, bûche, élève';
    await replaceFieldText(page, 'projet.name', () => typeFrench(page, cdp, typed));
    await waitTitle(page, new RegExp('^• ' + escapeRe(typed) + ' — '));
    await shot(page, 'french-keyboard');

    // An IME (or a dead key composed by the OS, as on macOS) and a mobile keyboard's text.
    await focusField(page, 'projet.name');
    await page.keyboard.press('End');
    await cdp.send('Input.imeSetComposition', { text: '^', selectionStart: 1, selectionEnd: 1 });
    assert.ok(await page.evaluate(() => document.getElementById('text-input').classList.contains('composing')), 'the composition shows');
    await cdp.send('Input.insertText', { text: 'ê' });  // the composition ends with "ê", not "^ê"
    await page.keyboard.insertText(' — mobile : « Œuvre »');  // insertText input events, no key events
    await page.keyboard.press('Enter');
    const expected = typed + 'ê — mobile : « Œuvre »';
    await waitTitle(page, new RegExp('^• ' + escapeRe(expected) + ' — '));
    const saved = await exportProject(page);
    assert.equal(JSON.parse(saved.bytes.toString('utf8')).identity.name, expected);  // exact UTF-8 in the file
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

// ---- 3. Files ---------------------------------------------------------------------------------------

test('export (Ctrl+S and the menu) and re-import with the file picker are byte-identical', async () => {
  const b = await launch();
  try {
    const errors = await openApp(b, '?sample=cpts-21-52&panel=projet');
    const page = b.page;
    assert.equal(await page.title(), `${sampleName('cpts-21-52')} — Planificateur CPTS`);
    const first = await exportProject(page);
    assert.equal(first.name, 'cpts-21-52.json');
    assert.equal(JSON.parse(first.bytes.toString('utf8')).format, 'cpts-planner/projet');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await chooser.setFiles({ name: 'reimport.json', mimeType: 'application/json', buffer: first.bytes });
    await page.waitForFunction(() => /reimport\.json/.test(document.getElementById('announce').textContent));
    const again = await download(page, async () => {
      await clickItem(page, 'menu.file');
      await clickItem(page, 'menu.file.save');
    });
    assert.equal(again.name, 'reimport.json');
    assert.ok(again.bytes.equals(first.bytes), 'export → import → export gives the same bytes');
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('dropping a file on the page opens it; a broken file is refused and the project stays as it was', async () => {
  const b = await launch();
  try {
    const errors = await openApp(b, '?sample=cpts-21-52&panel=projet');
    const page = b.page;
    const other = 'cpts-centre-saone-et-loire';
    const dt = await page.evaluateHandle(([name, text]) => {
      const t = new DataTransfer();
      t.items.add(new File([text], name, { type: 'application/json' }));
      return t;
    }, [`${other}.json`, sampleText(other)]);
    await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer: dt });
    await page.dispatchEvent('#canvas', 'dragover', { dataTransfer: dt });
    assert.ok(await page.evaluate(() => document.getElementById('drop-zone').classList.contains('active')), 'the drop zone shows');
    await shot(page, 'drop-zone');
    await page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
    await waitTitle(page, new RegExp('^' + escapeRe(sampleName(other)) + ' — '));
    assert.ok(!(await page.evaluate(() => document.getElementById('drop-zone').classList.contains('active'))));

    // A broken file: refused with the reason and the place, in French; nothing changes.
    const before = await exportProject(page);
    const titleBefore = await page.title();
    const broken = '{\n  "format": "cpts-planner/projet",\n  "schema_version": 2,\n  oups\n}\n';
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await chooser.setFiles({ name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await visibleItem(page, 'modal.message');
    const message = await announced(page);
    assert.match(message, /Le fichier « casse\.json » n’a pas pu être ouvert/);
    assert.match(message, /ligne 4/);                                 // where
    assert.match(message, /Le projet ouvert n’a pas été modifié\./);  // and what it means
    await page.waitForTimeout(300);  // the modal's fade
    await shot(page, 'import-error');
    await clickItem(page, 'modal.message.ok');
    assert.equal(await page.title(), titleBefore);
    const after = await exportProject(page);
    assert.ok(after.bytes.equals(before.bytes), 'the open project is byte-identical after the refused import');
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('the core CSV exports and the workbook download from the File menu', async () => {
  const b = await launch();
  try {
    const errors = await openApp(b, '?sample=cpts-21-52&panel=financement');
    const page = b.page;
    const ind = await download(page, async () => { await clickItem(page, 'menu.file'); await clickItem(page, 'menu.file.csv_indicators'); });
    const sch = await download(page, async () => { await clickItem(page, 'menu.file'); await clickItem(page, 'menu.file.csv_schedule'); });
    assert.equal(ind.name, 'cpts-21-52-indicateurs.csv');
    assert.equal(sch.name, 'cpts-21-52-echeancier.csv');
    for (const f of [ind, sch]) {
      assert.deepEqual([...f.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
      const lines = f.bytes.toString('utf8').split('\r\n');
      assert.ok(lines.length > 5 && lines[0].includes(';'), lines[0]);
    }
    // The workbook: libxlsxwriter built for wasm writes it in the page's in-memory file system.
    const xlsx = await download(page, async () => { await clickItem(page, 'menu.file'); await clickItem(page, 'menu.file.xlsx'); });
    assert.equal(xlsx.name, 'cpts-21-52-classeur.xlsx');
    assert.deepEqual([...xlsx.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a ZIP archive');
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet6.xml', 'xl/sharedStrings.xml'])
      assert.ok(xlsx.bytes.includes(Buffer.from(part)), part);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('documents download in three formats, written by the tools worker fetched on first use only', async () => {
  const b = await launch();
  try {
    const errors = await openApp(b, '?sample=cpts-21-52&panel=documents');
    const page = b.page;
    // The page's start-up never fetches the tools module (issue #18 item 4): the first screen does
    // not use it. (The service worker precaches it in the background: not the page's requests.)
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.ok(loaded.some((r) => /\/index\.([0-9a-f]{10}\.)?wasm$/.test(r)), loaded.join(' '));
    assert.ok(!loaded.some((r) => /\/tools\.([0-9a-f]{10}\.)?(js|wasm)$/.test(r)), loaded.join(' '));
    const docx = await download(page, () => clickItem(page, 'docs.docx'));
    assert.match(docx.name, /^projet-de-sante-.*\.docx$/);
    assert.deepEqual([...docx.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a ZIP archive');
    assert.ok(docx.bytes.includes(Buffer.from('word/document.xml')));
    const html = await download(page, () => clickItem(page, 'docs.html'));
    assert.match(html.name, /^projet-de-sante-.*\.html$/);
    assert.match(html.bytes.toString('utf8'), /<!DOCTYPE html>[\s\S]*CPTS/i);
    const md = await download(page, () => clickItem(page, 'docs.md'));
    assert.match(md.name, /^projet-de-sante-.*\.md$/);
    assert.match(md.bytes.toString('utf8'), /^# /m);
    // The first job started the worker, the next ones reused it (tool_runner.cpp's figures).
    const s = await page.evaluate(() => window.__stats);
    assert.ok(s.tools_first_job_ms > 0 && s.tools_last_job_ms > 0, JSON.stringify(s));
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

// ---- 4. Autosave, restore, versions, storage failures, leave prompt -----------------------------------

test('autosave: the working copy comes back after a reload and after a browser restart; versions', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-profile-'));
  let b = await launch({ profile });
  try {
    const page = b.page;
    await openApp(b, '?sample=cpts-21-52&panel=projet');
    const n = await flushes(page);
    const name = 'CPTS sauvegardée — « Été » à 1 234,56 €';
    await replaceFieldText(page, 'projet.name', () => page.keyboard.insertText(name));
    await waitTitle(page, new RegExp('^• ' + escapeRe(name)));
    const t0 = Date.now();
    await waitFlushAfter(page, n);
    figures.autosave_after_edit_ms = Date.now() - t0;  // debounce + quiet time + write + IndexedDB
    await visibleItem(page, 'autosave.status');

    await page.goto(url);  // a reload, without the sample: the working copy comes back
    await firstFrame(page);
    assert.equal(await waitTitle(page, new RegExp('^• ' + escapeRe(name))), `• ${name} — Planificateur CPTS`);
    assert.match(await announced(page), /Copie de travail « CPTS sauvegardée/);

    await b.close();  // the browser is closed ...
    b = await launch({ profile });  // ... and started again on the same profile
    const p2 = b.page;
    await openApp(b);
    await waitTitle(p2, new RegExp('^• ' + escapeRe(name)));
    await shot(p2, 'restored-after-restart');

    // Another project replaces it: it becomes a version, which Fichier → Versions… reopens.
    const m = await flushes(p2);
    await clickItem(p2, 'menu.file');
    await clickItem(p2, 'menu.file.samples');
    await clickItem(p2, 'menu.file.sample.cpts-centre-saone-et-loire');
    await waitTitle(p2, new RegExp('^' + escapeRe(sampleName('cpts-centre-saone-et-loire'))));
    await waitFlushAfter(p2, m);
    await clickItem(p2, 'menu.file');
    await clickItem(p2, 'menu.file.versions');
    await visibleItem(p2, 'modal.versions');
    await visibleItem(p2, 'versions.restore.1');
    await p2.waitForTimeout(300);
    await shot(p2, 'versions');
    await clickItem(p2, 'versions.restore.1');
    await waitTitle(p2, new RegExp('^• ' + escapeRe(name)));
    // The welcome screen offers the project it replaced.
    await clickItem(p2, 'menu.file');
    await clickItem(p2, 'menu.file.new');
    await visibleItem(p2, 'welcome.reopen');
    await clickItem(p2, 'welcome.reopen');
    await waitTitle(p2, new RegExp(escapeRe(sampleName('cpts-centre-saone-et-loire'))));
  } finally {
    await b.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a refused value (INSEE « ABC ») is not committed: later edits survive a reload, no autosave set aside', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-profile-'));
  const b = await launch({ profile });
  try {
    const page = b.page;
    await openApp(b, '?sample=cpts-centre-saone-et-loire&panel=territoire');
    // The sample is fetched (not embedded): its first autosave lands after the first frame. Wait for
    // it, so that the flush awaited below is the later edit's and not this one.
    await waitFlushAfter(page, 0);
    // Issue #13: the field used to accept it, the autosave then failed to load and was set aside.
    await replaceFieldText(page, 'territoire.insee.0', () => page.keyboard.insertText('ABC'));
    await page.waitForFunction(() => /Modification refusée/.test(document.getElementById('announce').textContent));
    assert.match(await announced(page), /code INSEE de 5 caractères attendu/);
    await shot(page, 'insee-refused');
    // A later edit, autosaved.
    await clickItem(page, 'nav.panel.projet');
    const n = await flushes(page);
    const name = 'CPTS après un code refusé';
    await replaceFieldText(page, 'projet.name', () => page.keyboard.insertText(name));
    await waitTitle(page, new RegExp('^• ' + escapeRe(name)));
    await waitFlushAfter(page, n);
    await page.goto(url);  // a reload: the working copy with the later edit comes back
    await firstFrame(page);
    await waitTitle(page, new RegExp('^• ' + escapeRe(name)));
    const said = await announced(page);
    assert.match(said, /Copie de travail « CPTS après un code refusé/);
    assert.doesNotMatch(said, /écartée/);
  } finally {
    await b.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('the stress project (500 communes, 5 000 indicators) is autosaved and restored', async () => {
  const b = await launch();
  try {
    const page = b.page;
    await openApp(b, '?sample=stress&panel=territoire');
    await waitFlushAfter(page, 0, 30000);
    const s = await page.evaluate(() => window.__stats);
    figures.stress_autosave_bytes = s.autosave_bytes;
    figures.stress_autosave_serialize_ms = Math.round(s.autosave_serialize_ms);
    figures.stress_autosave_write_ms = Math.round(s.autosave_write_ms);
    figures.stress_indexeddb_ms = Math.round(s.storage_flush_ms);
    assert.equal(await page.title(), 'CPTS de test de charge — Planificateur CPTS');
    await page.goto(url);
    await firstFrame(page, 60000);
    assert.equal(await page.title(), 'CPTS de test de charge — Planificateur CPTS');  // restored, not just any project
    figures.stress_restore_first_frame_ms = Math.round(await page.evaluate(() => window.__firstFrameAt));
    assert.match(await announced(page), /Copie de travail/);
  } finally {
    await b.close();
  }
});

test('storage that is unavailable (private mode, blocked) or full is shown, and nothing is lost', async () => {
  // IndexedDB refused, as in a private window with storage blocked.
  let b = await launch({
    initScript: () => Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get: () => ({ open() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }),
    }),
  });
  try {
    const page = b.page;
    await openApp(b, '?sample=cpts-21-52&panel=projet');
    await visibleItem(page, 'modal.message');
    assert.match(await announced(page), /Le stockage du navigateur est indisponible .*insecure/);
    assert.match(await announced(page), /Exportez le projet \(Ctrl\+S\)/);
    await page.waitForTimeout(300);
    await shot(page, 'storage-unavailable');
    await clickItem(page, 'modal.message.ok');
    await visibleItem(page, 'autosave.warning');  // stays visible in the menu bar
    await replaceFieldText(page, 'projet.name', () => page.keyboard.insertText('Toujours là'));
    await waitTitle(page, /^• Toujours là/);  // the work goes on, unexported and flagged
  } finally {
    await b.close();
  }
  // A full disk: IndexedDB refuses the working copy.
  b = await launch({
    initScript: () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, k) {
        if (String(k).endsWith('/current.json')) throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return put.call(this, value, k);
      };
    },
  });
  try {
    const page = b.page;
    await openApp(b, '?sample=cpts-21-52&panel=projet');
    await visibleItem(page, 'autosave.warning', 15000);
    assert.match(await announced(page), /Sauvegarde automatique impossible : le stockage du navigateur est plein/);
    await visibleItem(page, 'modal.message');
    await page.waitForTimeout(300);
    await shot(page, 'storage-full');
  } finally {
    await b.close();
  }
});

test('"Leave site?" is asked only while changes are not exported', async () => {
  const b = await launch();
  try {
    const dialogs = [];
    b.context.on('dialog', async (d) => { dialogs.push(d.type()); await d.dismiss(); });
    // A clean project closes without a question.
    const clean = await b.context.newPage();
    await clean.goto(url + '?sample=cpts-21-52&panel=projet');
    await firstFrame(clean);
    await clickItem(clean, 'menu.view');  // a user gesture: browsers only ask pages the user touched
    await clean.keyboard.press('Escape');
    await clean.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(dialogs, []);

    const page = b.page;
    await openApp(b, '?sample=cpts-21-52&panel=projet');
    await replaceFieldText(page, 'projet.name', () => page.keyboard.type('Modifiee'));
    await waitTitle(page, /^• Modifiee/);
    await page.close({ runBeforeUnload: true });
    await page.waitForTimeout(800);
    assert.deepEqual(dialogs, ['beforeunload'], 'unexported changes: the browser asks');
    assert.ok(!page.isClosed(), 'the user chose to stay');
    await exportProject(page);
    await waitTitle(page, /^Modifiee/);
    const closed = new Promise((r) => page.once('close', r));
    await page.close({ runBeforeUnload: true });
    await closed;
    assert.deepEqual(dialogs, ['beforeunload'], 'exported: no question');
  } finally {
    await b.close();
  }
});

// ---- 5. Clipboard -------------------------------------------------------------------------------------

test('clipboard: paste into and copy from a text field; a table copies as tab-separated text', async () => {
  const b = await launch();
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    const page = b.page;
    const errors = await openApp(b, '?sample=cpts-21-52&panel=projet');
    const pasted = 'Collé depuis le presse-papiers : « Été » 1 234,56 €';
    await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
    await replaceFieldText(page, 'projet.name', () => page.keyboard.press('Control+v'));
    await waitTitle(page, new RegExp('^• ' + escapeRe(pasted)));

    await focusField(page, 'projet.name');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.waitForFunction((t) => navigator.clipboard.readText().then((s) => s === t), pasted);
    await page.keyboard.press('Escape');

    await clickItem(page, 'menu.edit');
    await clickItem(page, 'menu.edit.copy_indicators');
    await page.waitForFunction(() => navigator.clipboard.readText().then((s) => s.includes('\t')));
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const rows = parseTsv(tsv);
    assert.ok(rows.length > 3, tsv.slice(0, 200));
    assert.ok(rows.every((r) => r.length === rows[0].length), 'every row has the header’s columns');
    assert.ok(!tsv.includes('\uFEFF') && !rows[0].join('').includes(';'));
    figures.indicators_tsv_rows = rows.length - 1;
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

// ---- 6. Crisp text and zoom shortcuts -------------------------------------------------------------

test('crisp text: the backing store and the fonts follow the pixel ratio (100 %, 150 %, 200 %, 300 %)', async () => {
  const share = {}, images = {};
  for (const dpr of [1, 1.5, 2, 3]) {
    const b = await launch({ width: 900, height: 600, deviceScaleFactor: dpr });
    try {
      await openApp(b, '?sample=cpts-21-52&panel=financement');
      const page = b.page;
      const c = await page.evaluate(() => ({ w: canvas.width, h: canvas.height, scale: window.__fontScale }));
      assert.deepEqual(c, { w: Math.round(900 * dpr), h: Math.round(600 * dpr), scale: dpr });
      const file = await visibleItem(page, 'menu.file'), help = await visibleItem(page, 'menu.help');
      const img = decodePng(await shot(page, `dpr${dpr}`));
      assert.equal(img.width, Math.round(900 * dpr));
      const rect = { x: file.x * dpr, y: file.y * dpr, w: (help.x + help.w - file.x) * dpr, h: file.h * dpr };
      share[dpr] = solidShare(img, rect).share;
      images[dpr] = { img, rect };
    } finally {
      await b.close();
    }
  }
  // Stretching the 1× picture to 2× (what a canvas that ignored the ratio would show) keeps its
  // soft edges; the real 2× rendering has twice as many pixels per stroke.
  const r1 = images[1].rect;
  const blurred = solidShare(upscale(images[1].img, 2), { x: r1.x * 2, y: r1.y * 2, w: r1.w * 2, h: r1.h * 2 }).share;
  figures.solid_ink_share = { dpr1: +share[1].toFixed(3), dpr1_5: +share[1.5].toFixed(3), dpr2: +share[2].toFixed(3), dpr3: +share[3].toFixed(3), dpr1_stretched_x2: +blurred.toFixed(3) };
  assert.ok(share[2] > blurred * 1.25, JSON.stringify(figures.solid_ink_share));
  assert.ok(share[2] > share[1] * 1.25, JSON.stringify(figures.solid_ink_share));
  assert.ok(share[3] > share[1] * 1.4, JSON.stringify(figures.solid_ink_share));
  assert.ok(share[1.5] > share[1] * 1.1, JSON.stringify(figures.solid_ink_share));

  // The ratio changes while the page runs (browser zoom, the window moved to a projector): the
  // canvas and the fonts follow.
  const b = await launch({ width: 900, height: 600 });
  try {
    await openApp(b, '?sample=cpts-21-52&panel=financement');
    const page = b.page, cdp = await b.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 900, height: 600, deviceScaleFactor: 2, mobile: false });
    await page.waitForFunction(() => window.__fontScale === 2 && canvas.width === 1800, null, { timeout: 10000 });
    await frames(page, 3);
    const file = await visibleItem(page, 'menu.file'), help = await visibleItem(page, 'menu.help');
    // Playwright's screenshot does not know of the emulated ratio: ask the browser directly.
    const png = Buffer.from((await cdp.send('Page.captureScreenshot', { format: 'png' })).data, 'base64');
    fs.writeFileSync(path.join(shotDir, 'e2e-dpr-changed-to-2.png'), png);
    const img = decodePng(png);
    assert.equal(img.width, 1800);
    const s = solidShare(img, { x: file.x * 2, y: file.y * 2, w: (help.x + help.w - file.x) * 2, h: file.h * 2 }).share;
    figures.solid_ink_share.changed_to_2 = +s.toFixed(3);
    assert.ok(s > blurred * 1.25, `after the change: ${s} vs stretched ${blurred}`);
  } finally {
    await b.close();
  }
});

test('browser zoom shortcuts still reach the browser on AZERTY; Ctrl+S and Ctrl+O stay the app’s', async () => {
  const b = await launch();
  try {
    await openApp(b, '?sample=cpts-21-52&panel=projet');
    const page = b.page, cdp = await b.context.newCDPSession(page);
    // Registered after the app's listeners: sees whether they cancelled the browser's action.
    await page.evaluate(() => {
      window.__keys = [];
      window.addEventListener('keydown', (e) => { if (e.key !== 'Control') window.__keys.push({ key: e.key, prevented: e.defaultPrevented }); });
    });
    const ctrl = async (k, code, vk) => {
      await modifierDown(cdp, 'Control', 'ControlLeft', 17, 2, true);
      await key(cdp, { key: k, code, vk, modifiers: 2 });
      await modifierDown(cdp, 'Control', 'ControlLeft', 17, 0, false);
    };
    await ctrl('=', 'Equal', 187);      // AZERTY "=" key: zoom in
    await ctrl('+', 'NumpadAdd', 107);  // keypad +
    await ctrl('-', 'Digit6', 54);      // AZERTY "-" (on the 6 key): zoom out
    await ctrl('à', 'Digit0', 48);      // AZERTY "à/0": zoom reset
    await ctrl('s', 'KeyS', 83);
    await ctrl('o', 'KeyO', 79);
    const keys = await page.evaluate(() => window.__keys);
    assert.deepEqual(keys, [
      { key: '=', prevented: false }, { key: '+', prevented: false }, { key: '-', prevented: false },
      { key: 'à', prevented: false }, { key: 's', prevented: true }, { key: 'o', prevented: true },
    ]);
  } finally {
    await b.close();
  }
});

// ---- 7. Idle frames, layout sizes, context menus, touch ---------------------------------------------

test('idle: no frames while nothing changes; hover, typing and resizes draw at once', async () => {
  const b = await launch();
  try {
    const errors = await openApp(b, '?sample=cpts-21-52&panel=financement');
    const page = b.page;
    await page.waitForTimeout(1500);  // the active second after the last input, and the autosave
    const f0 = await page.evaluate(() => window.__frames);
    await page.waitForTimeout(5000);
    const idle = (await page.evaluate(() => window.__frames)) - f0;
    figures.idle_frames_5s = idle;
    assert.ok(idle <= 10, `${idle} frames in 5 s of idle (at most 2 per second)`);

    const latency = async (action) => {
      const before = await page.evaluate(() => window.__frames);
      const t0 = Date.now();
      await action();
      await page.waitForFunction((n) => window.__frames > n, before, { timeout: 2000 });
      return Date.now() - t0;
    };
    const nav = await visibleItem(page, 'nav.panel.projet');
    figures.hover_latency_ms = await latency(() => page.mouse.move(nav.x + nav.w / 2, nav.y + nav.h / 2));
    assert.ok(figures.hover_latency_ms < 500, `hover drew after ${figures.hover_latency_ms} ms`);
    await page.mouse.click(nav.x + nav.w / 2, nav.y + nav.h / 2);
    await focusField(page, 'projet.name');
    await page.waitForTimeout(1500);
    const g0 = await page.evaluate(() => window.__frames);
    await page.waitForTimeout(3000);
    const caret = (await page.evaluate(() => window.__frames)) - g0;
    figures.caret_frames_3s = caret;
    assert.ok(caret >= 3 && caret <= 8, `${caret} frames in 3 s with a field waiting for typing (caret blink)`);
    figures.typing_latency_ms = await latency(() => page.keyboard.type('x'));
    figures.resize_latency_ms = await latency(() => page.setViewportSize({ width: 1100, height: 700 }));
    await page.waitForFunction(() => canvas.width === 1100);
    assert.ok(figures.typing_latency_ms < 500 && figures.resize_latency_ms < 1000, JSON.stringify(figures));
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('works at 1280×720 and on a 4K projector', async () => {
  let b = await launch({ width: 1280, height: 720 });
  try {
    await openApp(b, '?sample=cpts-21-52&panel=financement');
    const page = b.page;
    const help = await visibleItem(page, 'menu.help'), status = await visibleItem(page, 'autosave.status', 15000);
    assert.ok(help.x + help.w < status.x && status.x + status.w <= 1280, `menu ${JSON.stringify(help)} autosave ${JSON.stringify(status)}`);
    const s = stats(decodePng(await shot(page, '1280x720')));
    assert.ok(s.colours > 20 && s.dark > 1000, JSON.stringify(s));
  } finally {
    await b.close();
  }
  b = await launch({ width: 1920, height: 1080, deviceScaleFactor: 2 });  // 3840×2160 device pixels
  try {
    await openApp(b, '?sample=cpts-21-52&panel=financement');
    const page = b.page;
    assert.deepEqual(await page.evaluate(() => [canvas.width, canvas.height, window.__fontScale]), [3840, 2160, 2]);
    const file = await visibleItem(page, 'menu.file');
    assert.ok(file.h > 15 && file.h < 40, `menu height in CSS pixels: ${file.h}`);
    const img = decodePng(await shot(page, '4k'));
    assert.deepEqual([img.width, img.height], [3840, 2160]);
  } finally {
    await b.close();
  }
});

test('right-click and long-press context menus on table rows; touch taps', async () => {
  const communes = (bytes) => JSON.parse(bytes.toString('utf8')).territory.communes.length;
  let b = await launch();
  try {
    const errors = await openApp(b, '?sample=cpts-centre-saone-et-loire&panel=territoire');
    const page = b.page;
    const n = communes((await exportProject(page)).bytes);
    const pop = await visibleItem(page, 'territoire.pop.0');
    await page.mouse.click(pop.x + pop.w / 2, pop.y + pop.h / 2, { button: 'right' });
    await visibleItem(page, 'rowmenu');
    await shot(page, 'row-menu');
    await clickItem(page, 'rowmenu.duplicate');
    assert.equal(communes((await exportProject(page)).bytes), n + 1);

    for (const [panel, row] of [['missions', 'missions.action.0'], ['indicateurs', 'indicateurs.row.0']]) {
      await page.goto(`${url}?sample=cpts-21-52&panel=${panel}`);
      await firstFrame(page);
      // The frames after the sample opens settle the layout (a table sizes its columns from the
      // previous frame, the mission's text wraps at the pane's width): click where the row ends up.
      await frames(page, 3);
      const r = await visibleItem(page, row);
      await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2, { button: 'right' });
      await visibleItem(page, 'rowmenu.duplicate');
      if (panel === 'indicateurs') await visibleItem(page, 'rowmenu.extra');  // "Copier le tableau (tableur)"
      await page.keyboard.press('Escape');
    }
    // (Navigating away may abort a request of the page being left: not an error of the app.)
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_ABORTED')), []);
  } finally {
    await b.close();
  }

  b = await launch({ hasTouch: true });
  try {
    const errors = await openApp(b, '?sample=cpts-centre-saone-et-loire&panel=territoire');
    const page = b.page, cdp = await b.context.newCDPSession(page);
    const n = communes((await exportProject(page)).bytes);
    const file = await visibleItem(page, 'menu.file');
    await page.touchscreen.tap(file.x + file.w / 2, file.y + file.h / 2);
    await visibleItem(page, 'menu.file.new');  // a tap opens the menu
    await page.keyboard.press('Escape');
    await frames(page, 3);

    const pop = await visibleItem(page, 'territoire.pop.0');
    const at = { x: pop.x + pop.w / 2, y: pop.y + pop.h / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await page.waitForTimeout(800);  // a long press
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await visibleItem(page, 'rowmenu');
    await page.waitForTimeout(200);
    await shot(page, 'long-press-menu');
    const del = await visibleItem(page, 'rowmenu.delete');
    await page.touchscreen.tap(del.x + del.w / 2, del.y + del.h / 2);
    await page.waitForFunction(() => /^• /.test(document.title));
    assert.equal(communes((await exportProject(page)).bytes), n - 1);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});
