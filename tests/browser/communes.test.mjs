// The official list of communes in the browser (issue #15): the table is its own file, fetched on
// first use of the picker (not by the first page load); type "creusot" and add it, add the CU Le
// Creusot Montceau-les-Mines, the taille updates, a reload keeps everything; with the table's
// request blocked, the picker says so in French and manual entry still works.
//   node --test tests/browser/communes.test.mjs          (needs build/wasm-release/web)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '../../scripts/lib/static_server.mjs';
import { launch, collectErrors, firstFrame, visibleItem, frames, clickItem } from './lib/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = path.resolve(process.env.CPTS_WEB_DIR || path.join(repo, 'build/wasm-release/web'));
let server, url;

before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'communes.tsv')), `no communes.tsv in ${webDir} (cmake --build --preset wasm-release)`);
  ({ server, url } = await serve(webDir));
});
after(() => server?.close());

const stat = (page, k) => page.evaluate((key) => (window.__stats || {})[key], k);
const waitStat = (page, k, v, timeout = 15000) =>
  page.waitForFunction(([key, want]) => (window.__stats || {})[key] === want, [k, v], { timeout });

async function typeInto(page, id, text) {
  await clickItem(page, id);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.insertText(text);
  await frames(page, 3);
}

async function newProjectWithCreusot(page) {
  await typeInto(page, 'welcome.name', ' du Creusot');
  await typeInto(page, 'welcome.communes_search', 'creusot');
  await visibleItem(page, 'welcome.communes_search.0', 20000);  // fetched on first use, then searched
  await page.keyboard.press('Enter');
  await frames(page, 3);
}

test('picker: creusot, then the CU Le Creusot Montceau-les-Mines; taille 3; kept after a reload', async () => {
  const b = await launch();
  try {
    const page = b.page;
    const errors = collectErrors(page);
    const tables = [];
    page.on('request', (r) => { if (r.url().endsWith('/communes.tsv')) tables.push(r.url()); });
    await page.goto(url);
    await firstFrame(page);
    await frames(page, 2);
    assert.equal(tables.length, 0, 'the first page load does not fetch the table');
    await newProjectWithCreusot(page);
    assert.equal(tables.length, 1);
    const prepare = await stat(page, 'communes_prepare_ms');
    assert.ok(prepare > 0);
    console.log(`  communes: fetch ${Math.round(await stat(page, 'communes_fetch_ms'))} ms, prepare ${Math.round(prepare)} ms`);
    // The project needs a signature date to be created.
    await typeInto(page, 'welcome.signature', '15/01/2025');
    await page.keyboard.press('Enter');
    await clickItem(page, 'welcome.create');
    await clickItem(page, 'nav.panel.territoire');
    await waitStat(page, 'territoire_communes', 1);
    await waitStat(page, 'territoire_taille', 1);  // Le Creusot alone: 20 509 inhabitants
    await clickItem(page, 'territoire.epci_toggle');
    await typeInto(page, 'territoire.epci', '247100290');
    await clickItem(page, 'territoire.epci.0');
    await visibleItem(page, 'territoire.epci_preview');
    const flushed = (await stat(page, 'storage_flushes')) || 0;
    await clickItem(page, 'territoire.epci_apply');
    await waitStat(page, 'territoire_communes', 34);
    await waitStat(page, 'territoire_taille', 3);  // 90 346 inhabitants
    await page.screenshot({ path: path.join(webDir, '../screenshots/communes-territoire.png') }).catch(() => {});
    // Autosave, then a reload: the working copy comes back with its 34 communes.
    await page.waitForFunction((n) => ((window.__stats || {}).storage_flushes || 0) > n, flushed, { timeout: 20000 });
    await page.goto(url);
    await firstFrame(page);
    await clickItem(page, 'nav.panel.territoire');
    await waitStat(page, 'territoire_communes', 34);
    await waitStat(page, 'territoire_taille', 3);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('picker: the table blocked, the message shows and manual entry works', async () => {
  const b = await launch();
  try {
    const page = b.page;
    await page.route('**/communes.tsv', (r) => r.abort());
    await page.goto(url);
    await firstFrame(page);
    await frames(page, 2);
    await typeInto(page, 'welcome.communes_search', 'creusot');
    await visibleItem(page, 'communes.error', 20000);
    await clickItem(page, 'welcome.add_commune');
    await visibleItem(page, 'welcome.population0');
    await typeInto(page, 'welcome.population0', '12000');
    await page.keyboard.press('Enter');
    await frames(page, 3);
  } finally {
    await b.close();
  }
});
