// How the browser tests serve the web app: the build's dist/ folder through Debian's nginx with
// the repo's configuration (deploy/nginx/cpts-planner.conf; scripts/lib/nginx.mjs starts it on a
// free loopback port), i.e. what a deployment sends: hashed names, CSP header, .br/.gz, cache
// headers, service worker. One helper for every test file, so that they all start it the same way.
//   const app = await serveApp();   // { url, root, stop(), start(newRoot?), close() }
// Env: CPTS_DIST_DIR (default build/wasm-release/dist).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNginx } from '../../../scripts/lib/nginx.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const distDir = path.resolve(process.env.CPTS_DIST_DIR || path.join(repo, 'build/wasm-release/dist'));

export async function serveApp(root = distDir, options = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no dist/ in ${root}: cmake --build --preset wasm-release (target cpts_dist)`);
  }
  return startNginx(root, options);
}
