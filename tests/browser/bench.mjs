// Benchmark of the web build against the empty SDL2 + ImGui shell (imgui_ui/empty_shell.cpp):
//  - bytes of everything each page loads (raw and gzip -9), by kind (wasm, js, data, other);
//  - time from navigation to the first frame (performance.now() at the end of frame 1), median of
//    N runs, each in a fresh browser profile (cold cache, as a first visit).
//  - the core engine benchmark (bench/engine_bench.cpp) natively and in wasm under node, with the
//    ratio, when those binaries are built;
//  - frames drawn during 5 s of idle (expected 0), and the autosave of the stress project
//    (serialise + write + IndexedDB, median of 3) with the first frame of a reload restoring it.
// Prints a table and writes JSON. Run by scripts/bench.sh:
//   node tests/browser/bench.mjs [--root build/wasm-release] [--runs 5] [--out <root>/bench.json]
//        [--engine-native build/native-release/bench/engine_bench] [--engine-wasm <root>/bench/engine_bench.js]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { serve } from '../../scripts/lib/static_server.mjs';
import { launch, collectErrors, firstFrame } from './lib/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const root = path.resolve(arg('root', path.join(repo, 'build/wasm-release')));
const runs = Number(arg('runs', 5));
const out = path.resolve(arg('out', path.join(root, 'bench.json')));
const engineNative = path.resolve(arg('engine-native', path.join(repo, 'build/native-release/bench/engine_bench')));
const engineWasm = path.resolve(arg('engine-wasm', path.join(root, 'bench/engine_bench.js')));
const PAGES = { app: 'web/', empty_shell: 'bench/empty/' };

const kindOf = (file) => ({ '.wasm': 'wasm', '.js': 'js', '.data': 'data' })[path.extname(file)] || 'other';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// One cold load: returns the first-frame time and the files the page fetched from our server.
async function coldLoad(baseUrl, page) {
  const b = await launch({ width: 1280, height: 800 });
  try {
    const files = new Set();
    b.page.on('requestfinished', (r) => {
      if (!r.url().startsWith(baseUrl)) return;
      const p = decodeURIComponent(new URL(r.url()).pathname);
      files.add(p.endsWith('/') ? p + 'index.html' : p);
    });
    const errors = collectErrors(b.page);
    await b.page.goto(baseUrl + page);
    await firstFrame(b.page);
    const firstFrameMs = await b.page.evaluate(() => window.__firstFrameAt);
    if (errors.length) throw new Error(`${page}: ${errors.join('; ')}`);
    return { firstFrameMs, files: [...files].sort() };
  } finally {
    await b.close();
  }
}

function sizes(files) {
  const byKind = {}, total = { raw: 0, gzip: 0 }, list = [];
  for (const f of files) {
    const body = fs.readFileSync(path.join(root, f));
    const s = { file: f, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
    list.push(s);
    const k = (byKind[kindOf(f)] ||= { raw: 0, gzip: 0 });
    k.raw += s.raw; k.gzip += s.gzip;
    total.raw += s.raw; total.gzip += s.gzip;
  }
  return { files: list, byKind, total };
}

// Frames drawn during 5 s of idle (after the first second, which is active by design), on a
// text-heavy panel: the page must draw none (imgui_ui/frame_pacer.hpp).
async function idleFrames(baseUrl) {
  const b = await launch({ width: 1280, height: 800 });
  try {
    await b.page.goto(baseUrl + 'web/?sample=cpts-21-52&panel=financement');
    await firstFrame(b.page);
    await b.page.waitForTimeout(2000);
    const f0 = await b.page.evaluate(() => window.__frames);
    await b.page.waitForTimeout(5000);
    return (await b.page.evaluate(() => window.__frames)) - f0;
  } finally {
    await b.close();
  }
}

// The autosave of the stress project (src/stress.hpp, ?sample=stress): serialising it, writing it
// to the in-memory file system, copying it to IndexedDB; then the time to the first frame of a
// reload that restores it.
async function stressAutosave(baseUrl) {
  const b = await launch({ width: 1280, height: 800 });
  try {
    await b.page.goto(baseUrl + 'web/?sample=stress&panel=territoire');
    await firstFrame(b.page, 60000);
    await b.page.waitForFunction(() => window.__stats && window.__stats.storage_flushes >= 1, null, { timeout: 60000 });
    const s = await b.page.evaluate(() => window.__stats);
    await b.page.goto(baseUrl + 'web/');
    await firstFrame(b.page, 60000);
    const restore = await b.page.evaluate(() => window.__firstFrameAt);
    return { bytes: s.autosave_bytes, serializeMs: s.autosave_serialize_ms, writeMs: s.autosave_write_ms, indexedDbMs: s.storage_flush_ms,
      totalMs: s.autosave_serialize_ms + s.autosave_write_ms + s.storage_flush_ms, restoreFirstFrameMs: restore };
  } finally {
    await b.close();
  }
}

const { server, url } = await serve(root);
const report = { date: new Date().toISOString(), runs, pages: {} };
try {
  for (const [name, page] of Object.entries(PAGES)) {
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(await coldLoad(url, page));
    const times = loads.map((l) => l.firstFrameMs);
    report.pages[name] = { url: page, firstFrameMs: { median: median(times), runs: times }, ...sizes(loads[0].files) };
  }
  report.idle_frames_5s = await idleFrames(url);
  const stress = [];
  for (let i = 0; i < 3; i++) stress.push(await stressAutosave(url));
  const med = (k) => Math.round(median(stress.map((x) => x[k])) * 10) / 10;
  report.stress_autosave = { runs: stress.length, bytes: stress[0].bytes, serialize_ms: med('serializeMs'), write_ms: med('writeMs'),
    indexeddb_ms: med('indexedDbMs'), total_ms: med('totalMs'), restore_first_frame_ms: med('restoreFirstFrameMs') };
} finally {
  server.close();
}
const a = report.pages.app, e = report.pages.empty_shell;
const ratio = (x, y) => (y ? Math.round((x / y) * 100) / 100 : null);
report.ratios = {
  wasm_raw: ratio(a.byKind.wasm?.raw, e.byKind.wasm?.raw),
  wasm_gzip: ratio(a.byKind.wasm?.gzip, e.byKind.wasm?.gzip),
  total_raw: ratio(a.total.raw, e.total.raw),
  total_gzip: ratio(a.total.gzip, e.total.gzip),
  first_frame: ratio(a.firstFrameMs.median, e.firstFrameMs.median),
};
// Core engine figures (one JSON object on stdout each), native and wasm.
function engine(cmd, args) {
  if (!fs.existsSync(args.at(-1) || cmd)) return null;
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 600000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
report.engine = { native: engine(engineNative, []), wasm: engine(process.execPath, [engineWasm]) };
if (report.engine.native && report.engine.wasm) {
  report.engine.wasm_over_native = Object.fromEntries(Object.keys(report.engine.native)
    .filter((k) => k.endsWith('_ms')).map((k) => [k, ratio(report.engine.wasm[k], report.engine.native[k])]));
}

// The subset fonts travel inside index.wasm (--embed-file): shown separately so their cost is visible.
const fontDir = path.join(root, 'imgui_ui/fonts');
report.embedded_fonts = fs.existsSync(fontDir) ? fs.readdirSync(fontDir).map((f) => {
  const body = fs.readFileSync(path.join(fontDir, f));
  return { file: f, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
}) : [];
fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

// ---- Table ----
const kb = (n) => (n === undefined ? '-' : (n / 1024).toFixed(1) + ' KiB');
const rows = [['', 'app', 'empty shell', 'app / empty']];
for (const k of ['wasm', 'js', 'data', 'other']) {
  for (const m of ['raw', 'gzip']) {
    if (!a.byKind[k] && !e.byKind[k]) continue;
    rows.push([`${k} ${m}`, kb(a.byKind[k]?.[m]), kb(e.byKind[k]?.[m]), String(ratio(a.byKind[k]?.[m], e.byKind[k]?.[m]) ?? '-')]);
  }
}
rows.push(['total raw', kb(a.total.raw), kb(e.total.raw), String(report.ratios.total_raw)]);
rows.push(['total gzip', kb(a.total.gzip), kb(e.total.gzip), String(report.ratios.total_gzip)]);
rows.push([`first frame (median of ${runs})`, `${a.firstFrameMs.median.toFixed(0)} ms`, `${e.firstFrameMs.median.toFixed(0)} ms`, String(report.ratios.first_frame)]);
const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => (c ? cell.padStart(width[c]) : cell.padEnd(width[c]))).join('   '));
for (const f of report.embedded_fonts) console.log(`  incl. in app wasm: ${f.file} ${kb(f.raw)} (${kb(f.gzip)} gzip)`);
if (report.engine.native || report.engine.wasm) {
  const n = report.engine.native || {}, w = report.engine.wasm || {};
  const keys = Object.keys(n.platform ? n : w).filter((k) => k.endsWith('_ms'));
  const erows = [['core engine (stress project)', 'native', 'wasm (node)', 'wasm / native']];
  for (const k of keys) erows.push([k.replace(/_ms$/, ''), n[k] === undefined ? '-' : `${n[k]} ms`, w[k] === undefined ? '-' : `${w[k]} ms`, String(ratio(w[k], n[k]) ?? '-')]);
  const ew = erows[0].map((_, c) => Math.max(...erows.map((r) => r[c].length)));
  console.log('');
  for (const r of erows) console.log(r.map((cell, c) => (c ? cell.padStart(ew[c]) : cell.padEnd(ew[c]))).join('   '));
}
const sa = report.stress_autosave;
console.log(`\nidle: ${report.idle_frames_5s} frames drawn in 5 s (≤ 10 allowed)`);
console.log(`autosave of the stress project (${(sa.bytes / 1048576).toFixed(1)} MiB, median of ${sa.runs}): ` +
  `serialise ${sa.serialize_ms} ms + write ${sa.write_ms} ms + IndexedDB ${sa.indexeddb_ms} ms = ${sa.total_ms} ms; ` +
  `reload restoring it: first frame at ${sa.restore_first_frame_ms} ms`);
console.log(`\nfiles loaded by the app: ${a.files.map((f) => f.file).join(', ')}`);
console.log(`first-frame runs (ms): app ${a.firstFrameMs.runs.map((t) => t.toFixed(0)).join(' ')}; empty ${e.firstFrameMs.runs.map((t) => t.toFixed(0)).join(' ')}`);
console.log(`written: ${path.relative(process.cwd(), out)}`);
