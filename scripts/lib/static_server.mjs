// Tiny static file server for the web build (no dependencies): correct MIME types (application/wasm
// lets the browser compile while downloading), no caching, 127.0.0.1 only.
//   node scripts/lib/static_server.mjs <dir> [port]      # CLI, used by scripts/serve.sh
//   import { serve } from '.../static_server.mjs'        # tests and bench: port 0 = any free port
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.data': 'application/octet-stream',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
};

// Resolves with { server, url } once listening. `headers`: added to every answer (the benchmark
// sends COOP/COEP, which makes the page cross-origin isolated: timers then have 5 µs steps, not 100).
export function serve(root, port = 0, host = '127.0.0.1', headers = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(base, path.normalize(rel));
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, port = '8080'] = process.argv.slice(2);
  if (!dir) { console.error('usage: static_server.mjs <dir> [port]'); process.exit(2); }
  serve(dir, Number(port)).then(({ url }) => console.log(`Serving ${path.resolve(dir)} at ${url}  (Ctrl+C to stop)`),
    (e) => { console.error(`static_server: ${e.message}`); process.exit(1); });
}
