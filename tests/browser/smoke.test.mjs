// Browser smoke test of the web build: serves build/wasm-release/web on 127.0.0.1, loads it in
// headless Chromium (fresh profile) and checks the first frame, WebGL2, the canvas size, and that
// Aide → À propos opens the modal. Screenshots go to build/wasm-release/screenshots/.
//   node --test tests/browser/smoke.test.mjs
// Env: CPTS_DIST_DIR (the page, served by nginx), CPTS_SCREENSHOT_DIR, CPTS_CHROMIUM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveApp, distDir } from './lib/server.mjs';
import { decodePng, diffCount, stats } from '../lib/png.mjs';
import { launch, collectErrors, firstFrame, visibleItem, isVisible, frames, clickItem } from './lib/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shotDir = path.resolve(process.env.CPTS_SCREENSHOT_DIR || path.join(distDir, '../screenshots'));

let server, url, browser, page, errors;

before(async () => {
  fs.mkdirSync(shotDir, { recursive: true });
  server = await serveApp();  // nginx with deploy/nginx/ (tests/browser/lib/server.mjs)
  url = server.url;
  browser = await launch({ width: 1280, height: 800 });
  page = browser.page;
  errors = collectErrors(page);
  await page.goto(url);
  await firstFrame(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the page draws a first frame with no console error', async () => {
  const t = await page.evaluate(() => window.__firstFrameAt);
  assert.ok(t > 0, `__firstFrameAt = ${t}`);
  await frames(page, 3);
  assert.deepEqual(errors, []);
  const loading = await page.evaluate(() => getComputedStyle(document.getElementById('loading')).display);
  assert.equal(loading, 'none', 'the loading indicator is hidden after the first frame');
  console.log(`  first frame at ${t.toFixed(0)} ms after navigation`);
});

test('the canvas renders with WebGL2', async () => {
  const gl = await page.evaluate(() => ({
    webgl2: document.getElementById('canvas').getContext('webgl2') instanceof WebGL2RenderingContext,
    version: window.__glVersion,
  }));
  assert.ok(gl.webgl2, 'the canvas holds a WebGL2 context');
  assert.match(gl.version, /WebGL 2\.0/);
});

test('the canvas fills the window and follows resizes', async () => {
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
  });
  assert.deepEqual(await size(), { w: 1280, h: 800, cssW: 1280, cssH: 800 });
  await page.setViewportSize({ width: 1000, height: 640 });
  await frames(page, 3);
  assert.deepEqual(await size(), { w: 1000, h: 640, cssW: 1000, cssH: 640 });
  // The menu bar is laid out for the new size too: "Aide" is still inside the window.
  const help = await visibleItem(page, 'menu.help');
  assert.ok(help.x + help.w <= 1000 && help.y >= 0, JSON.stringify(help));
  await page.setViewportSize({ width: 1280, height: 800 });
  await frames(page, 3);
});

test('the home screen has text on it', async () => {
  const file = path.join(shotDir, 'web-home.png');
  await page.screenshot({ path: file });
  const s = stats(decodePng(file));
  assert.ok(s.colours > 20 && s.dark > 1000, `screenshot looks blank: ${JSON.stringify(s)}`);
  assert.ok(await isVisible(page, 'menu.file'));
  assert.ok(!(await isVisible(page, 'modal.about')));
});

test('Aide → À propos opens the About modal, Fermer closes it', async () => {
  const home = decodePng(await page.screenshot());
  await clickItem(page, 'menu.help');
  await clickItem(page, 'menu.help.about');
  const modal = await visibleItem(page, 'modal.about');
  assert.ok(modal.w > 200 && modal.h > 100, `modal rect ${JSON.stringify(modal)}`);
  await page.waitForTimeout(300);  // the background dims over ~0.2 s
  const file = path.join(shotDir, 'web-about.png');
  await page.screenshot({ path: file });
  const about = decodePng(file);
  const changed = diffCount(home, about, modal);
  assert.ok(changed > modal.w * modal.h * 0.3, `only ${changed} pixels changed inside the modal`);

  await clickItem(page, 'modal.about.close');
  await frames(page, 3);
  assert.ok(!(await isVisible(page, 'modal.about')), 'the modal closed');
  assert.deepEqual(errors, []);
});

test('Fichier has Nouveau but no Quitter in the browser', async () => {
  await clickItem(page, 'menu.file');
  await visibleItem(page, 'menu.file.save');
  assert.ok(await isVisible(page, 'menu.file.new'));
  assert.ok(!(await isVisible(page, 'menu.file.quit')), 'a web page cannot quit');
  await clickItem(page, 'menu.file.new');  // closes the menu (the action itself is a stub for now)
  await frames(page, 3);
  assert.ok(!(await isVisible(page, 'menu.file.new')));
});

test('Affichage → Zoom 150 % rebuilds the fonts and keeps drawing', async () => {
  const before = await visibleItem(page, 'menu.file');
  await clickItem(page, 'menu.view');
  await clickItem(page, 'menu.view.zoom150');
  await frames(page, 3);
  const after = await visibleItem(page, 'menu.file');
  assert.ok(after.h > before.h * 1.3, `menu height ${before.h} -> ${after.h}`);
  const file = path.join(shotDir, 'web-zoom150.png');
  await page.screenshot({ path: file });
  const s = stats(decodePng(file));
  assert.ok(s.colours > 20 && s.dark > 1000, `screenshot looks blank after zoom: ${JSON.stringify(s)}`);
  await clickItem(page, 'menu.view');
  await clickItem(page, 'menu.view.zoom100');
  await frames(page, 3);
  assert.deepEqual(errors, []);
});

test('HiDPI: the backing store follows devicePixelRatio', async () => {
  const hidpi = await launch({ width: 800, height: 600, deviceScaleFactor: 2 });
  try {
    await hidpi.page.goto(url);
    await firstFrame(hidpi.page);
    await frames(hidpi.page, 2);
    const c = await hidpi.page.evaluate(() => {
      const e = document.getElementById('canvas');
      return { w: e.width, h: e.height, cssW: e.clientWidth, dpr: devicePixelRatio };
    });
    assert.deepEqual(c, { w: 1600, h: 1200, cssW: 800, dpr: 2 });
    // Item rects stay in CSS pixels.
    const file = await visibleItem(hidpi.page, 'menu.file');
    assert.ok(file.x < 100 && file.h < 60, JSON.stringify(file));
    await hidpi.page.screenshot({ path: path.join(shotDir, 'web-home-dpr2.png') });
  } finally {
    await hidpi.close();
  }
});
