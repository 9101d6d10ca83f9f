// The deployment: dist/ (scripts/lib/make_dist.mjs) served by nginx with deploy/nginx/cpts-planner.conf,
// checked from the HTTP answers a browser gets: Content-Security-Policy header, MIME types,
// long-lived cache for hashed files and revalidation for the page, the service worker and the
// manifest, Brotli and gzip precompressed bodies equal to the files, a manifest Chromium can install.
//   node --test tests/browser/deploy.test.mjs        (no browser needed)
// Env: CPTS_DIST_DIR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

import { serveApp, distDir } from './lib/server.mjs';

let server;
before(async () => { server = await serveApp(); });
after(async () => { await server?.close(); });

// node's fetch decodes bodies itself; http.get shows what went over the wire.
const get = (rel, encoding) => new Promise((resolve, reject) => {
  const headers = encoding ? { 'accept-encoding': encoding } : {};
  http.get(server.url + rel, { headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', reject);
});

// samples/ holds the sample projects (fetched when one is opened): listed as samples/<id>.json.
const files = fs.readdirSync(distDir, { recursive: true })
  .filter((f) => fs.statSync(path.join(distDir, f)).isFile() && !f.endsWith('.gz') && !f.endsWith('.br'));
const find = (re) => {
  const f = files.find((n) => re.test(n));
  assert.ok(f, `dist/ has no file matching ${re}: ${files.join(' ')}`);
  return f;
};

test('dist/ holds the page, hashed assets, the service worker, the manifest and icons', () => {
  for (const re of [/^index\.html$/, /^sw\.js$/, /^manifest\.webmanifest$/, /^index\.[0-9a-f]{10}\.wasm$/,
    /^index\.[0-9a-f]{10}\.js$/, /^boot\.[0-9a-f]{10}\.js$/, /^offline\.[0-9a-f]{10}\.js$/, /^shell\.[0-9a-f]{10}\.css$/,
    /^icon-192\.[0-9a-f]{10}\.png$/, /^icon-512\.[0-9a-f]{10}\.png$/, /^icon\.[0-9a-f]{10}\.svg$/]) find(re);
  // The page names the hashed files, never the build's plain names.
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  for (const plain of ['"index.js"', '"boot.js"', '"shell.css"', '"offline.js"']) assert.ok(!html.includes(plain), plain);
  assert.ok(html.includes(find(/^index\.[0-9a-f]{10}\.js$/)));
  // The service worker precaches every served file of this version, and only those, but the list
  // of communes and the samples: fetched on first use (the picker; opening a sample), kept by the
  // worker once fetched.
  const sw = fs.readFileSync(path.join(distDir, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)[1]);
  const onDemand = ['communes.tsv', 'library-fiches-actions.json', 'samples/cpts-21-52.json', 'samples/cpts-besancon-metropole.json', 'samples/cpts-centre-saone-et-loire.json'];
  for (const f of onDemand) assert.ok(files.includes(f), `${f} in dist/`);
  assert.deepEqual(precache.slice().sort(),
    ['./', ...files.filter((f) => f !== 'index.html' && f !== 'sw.js' && !onDemand.includes(f))].sort());
  assert.match(sw, /const VERSION = '[0-9a-f]{10}';/);
});

test('every answer carries the Content-Security-Policy and the other security headers', async () => {
  for (const rel of ['', 'sw.js', find(/^index\.[0-9a-f]{10}\.wasm$/), 'no-such-file']) {
    const r = await get(rel);
    const csp = r.headers['content-security-policy'] || '';
    assert.match(csp, /default-src 'none'/, `${rel}: ${csp}`);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.match(csp, /manifest-src 'self'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', rel);
    assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin', rel);
    assert.equal(r.headers['cross-origin-embedder-policy'], 'require-corp', rel);
    assert.equal(r.headers.server, 'nginx', 'no version number');
  }
  assert.equal((await get('no-such-file')).status, 404);
});

test('MIME types', async () => {
  const expected = {
    '': 'text/html; charset=utf-8',
    'sw.js': 'text/javascript; charset=utf-8',
    'manifest.webmanifest': 'application/manifest+json; charset=utf-8',
    [find(/^index\.[0-9a-f]{10}\.wasm$/)]: 'application/wasm',
    [find(/^index\.[0-9a-f]{10}\.js$/)]: 'text/javascript; charset=utf-8',
    [find(/^shell\.[0-9a-f]{10}\.css$/)]: 'text/css; charset=utf-8',
    'communes.tsv': 'text/tab-separated-values; charset=utf-8',
    'samples/cpts-21-52.json': 'application/json; charset=utf-8',
    [find(/^icon-192\.[0-9a-f]{10}\.png$/)]: 'image/png',
    [find(/^icon\.[0-9a-f]{10}\.svg$/)]: 'image/svg+xml; charset=utf-8',
  };
  for (const [rel, type] of Object.entries(expected)) assert.equal((await get(rel)).headers['content-type'], type, rel || '/');
});

test('cache: a year for hashed files, revalidation for the page, the worker and the manifest', async () => {
  for (const re of [/^index\.[0-9a-f]{10}\.wasm$/, /^index\.[0-9a-f]{10}\.js$/, /^shell\.[0-9a-f]{10}\.css$/, /^icon-512\.[0-9a-f]{10}\.png$/]) {
    assert.equal((await get(find(re))).headers['cache-control'], 'public, max-age=31536000, immutable', re.source);
  }
  for (const rel of ['', 'index.html', 'sw.js', 'manifest.webmanifest']) {
    const r = await get(rel);
    assert.equal(r.headers['cache-control'], 'no-cache', rel || '/');
    assert.ok(r.headers.etag, `${rel || '/'} has an ETag to revalidate with`);
  }
});

test('compression: Brotli when accepted, else gzip, else plain; each body is the file', async () => {
  for (const rel of ['', find(/^index\.[0-9a-f]{10}\.wasm$/), find(/^index\.[0-9a-f]{10}\.js$/), find(/^shell\.[0-9a-f]{10}\.css$/)]) {
    const plain = fs.readFileSync(path.join(distDir, rel || 'index.html'));
    const br = await get(rel, 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br', rel);
    assert.match(br.headers.vary || '', /Accept-Encoding/i);
    assert.ok(zlib.brotliDecompressSync(br.body).equals(plain), `${rel}: Brotli body`);
    const gz = await get(rel, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip', rel);
    assert.ok(zlib.gunzipSync(gz.body).equals(plain), `${rel}: gzip body`);
    const none = await get(rel);
    assert.equal(none.headers['content-encoding'], undefined, rel);
    assert.ok(none.body.equals(plain), `${rel}: plain body`);
    if (rel.endsWith('.wasm')) {
      console.log(`  ${rel}: ${plain.length} B, gzip ${gz.body.length} B, Brotli ${br.body.length} B`);
      assert.ok(br.body.length < gz.body.length && gz.body.length < plain.length / 2);
    }
  }
});

test('the manifest makes the app installable: name, start URL, standalone, 192 and 512 px icons', async () => {
  const m = JSON.parse((await get('manifest.webmanifest')).body.toString('utf8'));
  assert.equal(m.name, 'Planificateur CPTS');
  assert.equal(m.display, 'standalone');
  assert.equal(m.start_url, './');
  for (const size of ['192x192', '512x512']) {
    const icon = m.icons.find((i) => i.sizes === size && i.type === 'image/png');
    assert.ok(icon, size);
    const png = (await get(icon.src)).body;
    assert.equal(png.readUInt32BE(16), Number(size.split('x')[0]), `${icon.src} width`);
  }
  assert.ok(m.icons.some((i) => i.purpose === 'maskable'));
});
