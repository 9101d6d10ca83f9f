// Where the bytes of index.wasm go (the benchmark's size breakdown, tests/browser/bench.mjs):
//  - code: each function body of the final wasm, named by index.html.symbols (emcc --emit-symbol-map,
//    imgui_ui/CMakeLists.txt) and grouped by part of the program from its C++ name (cpts::doc = the
//    document writers, cpts::ui = the app, cpts = the core, ImGui, SDL, nlohmann, std = libc++,
//    and xlsx/zlib = the third-party libraries built for wasm by scripts/setup.sh + the workbook writer);
//  - data: the embedded files found in the data section (fonts, shared/ samples, library,
//    catalogues), the rest being strings and tables;
//  - each part gzipped alone (-9): the parts' sum is a little above the whole file's gzip.
//   node scripts/lib/wasm_sizes.mjs build/wasm-release [--top 30]  # prints the table [and the largest functions]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;

function leb(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

// Sections of a wasm binary: [{ id, start, body, end }] (body: after the id and size).
function sections(buf) {
  const out = [];
  for (let pos = 8; pos < buf.length;) {
    const id = buf[pos];
    const [size, body] = leb(buf, pos + 1);
    out.push({ id, start: pos, body, end: body + size });
    pos = body + size;
  }
  return out;
}

function importedFunctions(buf, sec) {
  if (!sec) return 0;
  let [n, pos] = leb(buf, sec.body), count = 0, len;
  const limits = () => { const flag = buf[pos++]; [, pos] = leb(buf, pos); if (flag & 1) [, pos] = leb(buf, pos); };
  for (let i = 0; i < n; i++) {
    [len, pos] = leb(buf, pos); pos += len;  // module
    [len, pos] = leb(buf, pos); pos += len;  // field
    const kind = buf[pos++];
    if (kind === 0) { [, pos] = leb(buf, pos); count++; } else if (kind === 1) { pos++; limits(); } else if (kind === 2) limits(); else pos += 2;
  }
  return count;
}

// Function bodies: [{ index, start, end }].
function functionBodies(buf, sec, firstIndex) {
  let [n, pos] = leb(buf, sec.body), size;
  const out = [];
  for (let i = 0; i < n; i++) {
    [size, pos] = leb(buf, pos);
    out.push({ index: firstIndex + i, start: pos, end: pos + size });
    pos += size;
  }
  return out;
}

function demangle(names) {
  const r = spawnSync('c++filt', [], { input: names.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.status === 0 ? r.stdout.split('\n') : names;
}

// The functions defined by the third-party static libraries built for wasm by scripts/setup.sh
// (zlib, minizip, expat, libxlsxwriter in $CPTS_DEPS/third-party-wasm/lib), from their symbol
// tables (llvm-nm): C names, static functions included, which name patterns could not tell apart
// from libc's. Empty when the tools or the libraries are missing.
function thirdPartyFunctions() {
  const deps = process.env.CPTS_DEPS || path.join(process.env.HOME || '', '.cache/cpts-planner/deps');
  const dir = path.join(deps, 'third-party-wasm/lib');
  const names = new Set();
  if (!fs.existsSync(dir)) return names;
  const libs = fs.readdirSync(dir).filter((f) => f.endsWith('.a')).map((f) => path.join(dir, f));
  for (const nm of ['llvm-nm-14', 'llvm-nm']) {
    const r = spawnSync(nm, ['--defined-only', '--just-symbol-name', ...libs], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) continue;
    for (const line of r.stdout.split('\n')) if (line && !line.endsWith(':')) names.add(line.trim());
    break;
  }
  return names;
}
// A lower bound of what the workbook adds: binaryen (-Os) inlines a function called once into its
// caller, so the sheet writers of io/xlsx_export.cpp are counted inside the UI's App::apply, and
// the libc/libc++ functions libxlsxwriter needs under libc. index.wasm built with and without is
// the exact figure.
const XLSX_PART = 'xlsx/zlib: libxlsxwriter, minizip, zlib, io/xlsx_export';

// The part of the program a function belongs to, from its demangled name: the qualified name
// before any template arguments or parameters ("void std::__2::sort<cpts::…>" is libc++'s sort).
// `thirdParty`: the function is one of thirdPartyFunctions().
export function partOf(name, thirdParty = false) {
  const head = name.split(/[<(]/)[0];
  if (thirdParty) return XLSX_PART;
  // The workbook writer (src/io/xlsx_export.cpp): its public functions and its sheet writers.
  if (/^(\S+ )?cpts::(xlsx_|export_workbook|\(anonymous namespace\)::(Sheet::|make_formats|\w+_sheet\(|add_sheet|clean_utf8|utf8_sequence|temporary_path))/.test(name)) return XLSX_PART;
  if (/cpts::doc::/.test(head)) return 'core: document writers (src/io/documents)';
  if (/cpts::ui::/.test(head) || /^\(anonymous namespace\)::frame\b/.test(name) || /^(main|cpts_\w+)$/.test(head)) return 'app: UI, panels, platform (imgui_ui)';
  if (/cpts::/.test(head)) return 'core: model, rules, engine, edit, io (src)';
  if (/ImGui|(^|[ :])Im[A-Z]|ImStb|stb_|stbtt|stbrp|stbi/.test(head)) return 'Dear ImGui';
  if (/nlohmann::/.test(head)) return 'nlohmann::json';
  if (/std::|__cxa|__cxx|__gxx|operator new|operator delete|__cxxabi|typeinfo|vtable/.test(head)) return 'libc++';
  if (/SDL|^Blit|^Emscripten_|^OFFSCREEN_|^GLES_|^egl/.test(head)) return 'SDL2, EGL';
  return 'libc, malloc, GL, other';
}

// binaryen writes demangled names with some characters escaped: \28 for "(", \20 for " "…
const unescape = (s) => s.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

// The files the build embeds, by kind: found in index.wasm's data or not.
function embeddedFiles(root) {
  const list = [];
  const add = (kind, dir, re) => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir)) if (re.test(f)) list.push({ kind, file: path.join(dir, f) });
  };
  add('UI bold font (--embed-file)', path.join(root, 'imgui_ui/fonts'), /\.ttf$/);
  add('regular font (UI and document figures)', path.join(root, 'fonts'), /\.ttf$/);
  add('samples (shared/samples)', path.join(repo, 'shared/samples'), /\.json$/);
  add('library of fiches-actions (shared/library)', path.join(repo, 'shared/library'), /\.json$/);
  add('ACI catalogues (shared/catalogues)', path.join(repo, 'shared/catalogues'), /\.json$/);
  return list;
}

// `root`: the wasm-release build folder.
export function wasmBreakdown(root) {
  const wasmFile = path.join(root, 'web/index.wasm');
  const buf = fs.readFileSync(wasmFile);
  const secs = sections(buf);
  const code = secs.find((s) => s.id === 10), data = secs.find((s) => s.id === 11);
  const slice = (s) => (s ? buf.subarray(s.start, s.end) : Buffer.alloc(0));
  const otherBytes = Buffer.concat(secs.filter((s) => s.id !== 10 && s.id !== 11).map(slice));
  const out = {
    wasm: { raw: buf.length, gzip: gz(buf) },
    sections: {
      code: { raw: slice(code).length, gzip: gz(slice(code)) },
      data: { raw: slice(data).length, gzip: gz(slice(data)) },
      other: { raw: otherBytes.length, gzip: gz(otherBytes) },
    },
    parts: [],
  };
  // Code, by part.
  const symbolsFile = path.join(root, 'web/index.html.symbols');
  if (code && fs.existsSync(symbolsFile)) {
    const names = new Map();
    for (const line of fs.readFileSync(symbolsFile, 'utf8').split('\n')) {
      const m = line.match(/^(\d+):(.*)$/);
      if (m) names.set(Number(m[1]), m[2]);
    }
    const bodies = functionBodies(buf, code, importedFunctions(buf, secs.find((s) => s.id === 2)));
    const raw = bodies.map((b) => unescape(names.get(b.index) || ''));
    const plain = demangle(raw);  // names that are still mangled (_Z…)
    const groups = {};
    const thirdParty = thirdPartyFunctions();
    out.functions = [];
    bodies.forEach((b, i) => {
      const part = partOf(plain[i] || raw[i], thirdParty.has(raw[i]));
      (groups[part] ||= []).push(buf.subarray(b.start, b.end));
      out.functions.push({ name: plain[i] || raw[i], part, raw: b.end - b.start });
    });
    for (const [part, chunks] of Object.entries(groups)) {
      const bytes = Buffer.concat(chunks);
      out.parts.push({ kind: 'code', part, functions: chunks.length, raw: bytes.length, gzip: gz(bytes) });
    }
  }
  // Data: the embedded files that are in it, then the rest.
  if (data) {
    const dataBytes = slice(data);
    const found = {};
    let foundRaw = 0;
    for (const e of embeddedFiles(root)) {
      const body = fs.readFileSync(e.file);
      // Probes from inside the file: binaryen drops runs of zero bytes from data segments (memory
      // starts zeroed), so a file is not always there in one piece.
      const probes = [0.5, 0.25, 0.75].map((f) => body.subarray(Math.floor(body.length * f), Math.floor(body.length * f) + 32));
      if (!probes.some((p) => p.length && dataBytes.indexOf(p) >= 0)) continue;
      const k = (found[e.kind] ||= { raw: 0, gzip: 0, files: 0 });
      k.raw += body.length; k.gzip += gz(body); k.files++;
      foundRaw += body.length;
    }
    for (const [part, v] of Object.entries(found)) out.parts.push({ kind: 'data', part, ...v });
    const restRaw = Math.max(0, dataBytes.length - foundRaw);
    // The rest's gzip: the data section's, less the embedded files' (each measured alone).
    const restGzip = Math.max(0, out.sections.data.gzip - Object.values(found).reduce((a, v) => a + v.gzip, 0));
    out.parts.push({ kind: 'data', part: 'strings, tables, other static data', raw: restRaw, gzip: restGzip });
  }
  out.parts.sort((x, y) => y.gzip - x.gzip);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] || path.join(repo, 'build/wasm-release'));
  const r = wasmBreakdown(root);
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KiB';
  console.log(`index.wasm: ${kb(r.wasm.raw)} raw, ${kb(r.wasm.gzip)} gzip`);
  for (const [k, v] of Object.entries(r.sections)) console.log(`  section ${k.padEnd(50)} ${kb(v.raw)} ${kb(v.gzip)}`);
  for (const p of r.parts) console.log(`  ${p.kind} ${p.part.padEnd(53)} ${kb(p.raw)} ${kb(p.gzip)}`);
  // --top N: the N largest functions (what a part is made of).
  const top = process.argv.indexOf('--top');
  if (top > 0) {
    const n = Number(process.argv[top + 1] || 30);
    for (const f of [...(r.functions || [])].sort((a, b) => b.raw - a.raw).slice(0, n)) console.log(`  ${String(f.raw).padStart(7)}  ${f.part.slice(0, 12).padEnd(12)}  ${f.name.slice(0, 110)}`);
  }
}
