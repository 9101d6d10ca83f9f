// Makes dist/, the folder a static host serves (nginx: deploy/nginx/cpts-planner.conf), from the web
// build (build/wasm-release/web):
//   - every file the page loads gets its content hash in its name (index.3f9a1c0b2e.wasm), so a
//     host may let browsers keep it for a year, and a new build never mixes with an old one;
//   - index.html names those files, links the manifest and asks for the service worker;
//   - sw.js (from web/sw.js) precaches exactly those files, under a version that is a hash of them;
//   - manifest.webmanifest and the icons (web/icon.svg, and PNGs drawn here with the same shapes);
//   - next to each text or wasm file, its .gz and .br, compressed once at the best levels.
//   node scripts/lib/make_dist.mjs <web build dir> <dist dir> [<web sources dir>]
// Run by the `cpts_dist` CMake target (imgui_ui/CMakeLists.txt) after each link of the app.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { drawIconPng } from './icon_png.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [webDir, distDir, srcDir = path.join(here, '../../web')] = process.argv.slice(2);
if (!webDir || !distDir) {
  console.error('usage: make_dist.mjs <web build dir> <dist dir> [<web sources dir>]');
  process.exit(2);
}

const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10);
const hashedName = (name, bytes) => {
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${hash(bytes)}${ext}`;
};
const read = (dir, name) => {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new Error(`make_dist: ${file} manque (construire d’abord la cible cpts-planner)`);
  return fs.readFileSync(file);
};
// Replaces every occurrence of `from` in a text file; a missing one is an error (the page would
// then fetch an unhashed name that dist/ does not have).
const rename = (text, from, to, where) => {
  if (!text.includes(from)) throw new Error(`make_dist: ${where} ne mentionne pas ${from}`);
  return text.split(from).join(to);
};

// A fresh folder each time: a file of an older build left behind would be served and precached.
fs.rmSync(distDir, { recursive: true, force: true });
fs.mkdirSync(distDir, { recursive: true });
const out = {};  // dist name -> bytes
const put = (name, bytes) => { out[name] = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'); return name; };

// 1. The wasm first: index.js and boot.js name it.
const wasm = put(hashedName('index.wasm', read(webDir, 'index.wasm')), read(webDir, 'index.wasm'));
// The tools module (documents, workbook, .xlsx tables: imgui_ui/platform/tools_worker.cpp), the
// Web Worker that index.js (web/bridge.js) starts on first use: tools.js names tools.wasm, index.js
// names tools.js. Precached like the others (below), so that it works offline from the first visit.
const toolsWasm = put(hashedName('tools.wasm', read(webDir, 'tools.wasm')), read(webDir, 'tools.wasm'));
let toolsJs = read(webDir, 'tools.js').toString('utf8');
toolsJs = rename(toolsJs, 'tools.wasm', toolsWasm, 'tools.js');
const tools = put(hashedName('tools.js', toolsJs), toolsJs);
let indexJs = read(webDir, 'index.js').toString('utf8');
indexJs = rename(indexJs, 'index.wasm', wasm, 'index.js');
indexJs = rename(indexJs, 'tools.js', tools, 'index.js');
let bootJs = read(webDir, 'boot.js').toString('utf8');
bootJs = rename(bootJs, "'index.wasm'", `'${wasm}'`, 'boot.js');
const js = put(hashedName('index.js', indexJs), indexJs);
const boot = put(hashedName('boot.js', bootJs), bootJs);
const offline = put(hashedName('offline.js', read(webDir, 'offline.js')), read(webDir, 'offline.js'));
const css = put(hashedName('shell.css', read(webDir, 'shell.css')), read(webDir, 'shell.css'));

// 2. Icons: the SVG as drawn by hand, PNGs for the platforms that want them (Chromium's install
// prompt needs a 192 and a 512 px icon; "maskable" fills the square, Android crops it to a shape).
const svg = put(hashedName('icon.svg', read(srcDir, 'icon.svg')), read(srcDir, 'icon.svg'));
const png192 = drawIconPng(192, false), png512 = drawIconPng(512, false), mask512 = drawIconPng(512, true);
const icon192 = put(hashedName('icon-192.png', png192), png192);
const icon512 = put(hashedName('icon-512.png', png512), png512);
const maskable = put(hashedName('icon-maskable-512.png', mask512), mask512);

// 3. The manifest keeps its name (browsers identify the installed app by it), revalidated at each visit.
const manifest = {
  id: './',
  name: 'Planificateur CPTS',
  short_name: 'CPTS',
  description: 'Préparer et suivre le projet de santé d’une CPTS : missions, indicateurs, financement ACI. Les données restent sur le poste.',
  lang: 'fr',
  dir: 'ltr',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#f4f6f8',
  theme_color: '#2a63b8',
  icons: [
    { src: icon192, sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: icon512, sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: maskable, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: svg, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};
put('manifest.webmanifest', JSON.stringify(manifest, null, 2) + '\n');

// 4. The page: hashed names, and what only a deployed page has (manifest, service worker).
let html = read(webDir, 'index.html').toString('utf8');
html = rename(html, '"boot.js"', `"${boot}"`, 'index.html');
html = rename(html, '"offline.js"', `"${offline}"`, 'index.html');
html = rename(html, '"shell.css"', `"${css}"`, 'index.html');
html = rename(html, '"index.js"', `"${js}"`, 'index.html');
html = rename(html, '<link rel="icon" href="data:,">',
  `<link rel="icon" href="${svg}" type="image/svg+xml">\n  <link rel="manifest" href="manifest.webmanifest">\n` +
  `  <meta name="theme-color" content="#2a63b8">\n  <meta name="cpts-service-worker" content="sw.js">`, 'index.html');
put('index.html', html);

// 5. Files fetched on first use, not at start-up (the official list of communes, 1.7 MB, for the
// Territoire picker; the sample projects, when one is opened: src/io/samples.hpp; the library of
// fiches-actions, when the Bibliothèque is first shown): same names (the
// app asks for them by those names), not precached — the service worker keeps each once fetched,
// so it works offline from then on.
const samplesDir = path.join(webDir, 'samples');
const sampleFiles = fs.existsSync(samplesDir) ? fs.readdirSync(samplesDir).filter((n) => n.endsWith('.json')).sort().map((n) => `samples/${n}`) : [];
const onDemand = ['communes.tsv', 'library-fiches-actions.json', ...sampleFiles].filter((n) => fs.existsSync(path.join(webDir, n)));
for (const n of onDemand) put(n, read(webDir, n));

// 6. The service worker: the list of files and a version that changes with any of them.
const precache = ['./', ...Object.keys(out).filter((n) => n !== 'index.html' && !onDemand.includes(n)).sort()];
const version = hash(Buffer.concat(Object.keys(out).sort().map((n) => Buffer.concat([Buffer.from(n), out[n]]))));
let sw = read(srcDir, 'sw.js').toString('utf8');
sw = rename(sw, "const VERSION = 'dev';", `const VERSION = '${version}';`, 'sw.js');
sw = rename(sw, 'const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(precache)};`, 'sw.js');
put('sw.js', sw);

// 7. Write, with precompressed twins of what compresses (PNGs already are).
const sizes = { version, files: {} };
for (const [name, bytes] of Object.entries(out)) {
  fs.mkdirSync(path.dirname(path.join(distDir, name)), { recursive: true });  // samples/
  fs.writeFileSync(path.join(distDir, name), bytes);
  const entry = { raw: bytes.length };
  if (!name.endsWith('.png')) {
    const gz = zlib.gzipSync(bytes, { level: 9 });
    const br = zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    // Only when it saves bytes (nginx would otherwise send the larger one).
    if (gz.length < bytes.length) fs.writeFileSync(path.join(distDir, name + '.gz'), gz);
    if (br.length < bytes.length) fs.writeFileSync(path.join(distDir, name + '.br'), br);
    Object.assign(entry, { gz: gz.length, br: br.length });
  }
  sizes.files[name] = entry;
}
// What the build made, for the tests and the benchmark: next to dist/, not in it (not served).
fs.writeFileSync(path.join(path.dirname(path.resolve(distDir)), 'dist.json'), JSON.stringify(sizes, null, 2) + '\n');
console.log(`dist: ${Object.keys(out).length} files in ${distDir} (version ${version})`);
