// Offline start and updates of the deployed app (web/sw.js, web/offline.js), in headless Chromium
// against nginx (deploy/nginx/): a first visit online; the server stopped; a reload and a new tab
// start the planner with the working copy; then a new build deployed on the same origin: the
// notice « Nouvelle version disponible — Recharger » appears once the working copy is saved, the
// page does not reload by itself, and its button reloads into the new version with the work kept;
// and a project file written by a newer version is refused with the reason. Chromium finds the
// app installable (manifest, icons, service worker).
//   node --test tests/browser/offline.test.mjs
// Env: CPTS_DIST_DIR, CPTS_CHROMIUM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveApp, distDir } from './lib/server.mjs';
import { launch, collectErrors, firstFrame, frames, clickItem, visibleItem } from './lib/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webDir = path.join(distDir, '../web');

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const waitTitle = (page, re, timeout = 15000) =>
  page.waitForFunction((s) => new RegExp(s).test(document.title), re.source, { timeout });
const flushes = (page) => page.evaluate(() => (window.__stats && window.__stats.storage_flushes) || 0);
const swVersion = (dir) => fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
// v2 differs from v1 by its style sheet (see below): the page's <link> names the version it runs.
const styleOf = (page) => page.evaluate(() => document.querySelector('link[rel="stylesheet"]').getAttribute('href'));

async function rename(page, name) {
  await clickItem(page, 'projet.name');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(name);
  await page.keyboard.press('Enter');
  await waitTitle(page, new RegExp('^• ' + escapeRe(name)));
}

// Only the browser's own failed checks for a new sw.js while the server is down may show.
const unexpected = (errors) => errors.filter((e) => !/sw\.js|ServiceWorker|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED/.test(e));

test('offline after the first visit, then a new version: notice, and the reload keeps the work', async () => {
  // What the host serves: v1 = this build's dist/; v2 = the same sources with one changed file,
  // made by the same dist step (new hashes, new service worker version): "a new build deployed".
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-offline-'));
  const v1 = path.join(work, 'v1'), v2 = path.join(work, 'v2'), web2 = path.join(work, 'web2');
  fs.cpSync(distDir, v1, { recursive: true });
  fs.cpSync(webDir, web2, { recursive: true });
  fs.appendFileSync(path.join(web2, 'shell.css'), '\n/* a new version */\n');
  execFileSync(process.execPath, [path.join(repo, 'scripts/lib/make_dist.mjs'), web2, v2, path.join(repo, 'web')], { stdio: 'ignore' });
  assert.notEqual(swVersion(v1), swVersion(v2));

  const server = await serveApp(v1);
  const profile = path.join(work, 'profile');
  const b = await launch({ profile });
  try {
    const page = b.page;
    const errors = collectErrors(page);
    // Playwright catches file choosers only once a listener exists (see e2e.test.mjs): from the start.
    page.on('filechooser', () => {});
    // 1. First visit, online: the service worker installs and takes the page.
    await page.goto(server.url + '?sample=cpts-21-52&panel=projet');
    await firstFrame(page);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
    const cached = await page.evaluate(() => caches.keys());
    assert.deepEqual(cached, [`cpts-${swVersion(v1)}`]);
    // Installable: what Chromium checks before it offers "Install app" (manifest, icons, worker).
    const cdp = await b.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifestErrors, []);
    await cdp.detach();
    const name = 'Hors ligne — « Mairie de Tournus »';
    await rename(page, name);
    // The autosave runs once the user pauses; web/bridge.js's hook runs it now and waits for IndexedDB.
    await page.evaluate(() => window.cptsSaveNow());
    // The page's own address, without ?sample= (which would open the sample again on a reload).
    await page.goto(server.url);
    await firstFrame(page);
    await waitTitle(page, new RegExp('^• ' + escapeRe(name)));

    // 2. The server stops (the town hall's Wi-Fi is gone).
    await server.stop();
    assert.equal(await fetch(server.url).then(() => 'up', () => 'down'), 'down');
    const t0 = Date.now();
    await page.reload();
    await firstFrame(page);
    await waitTitle(page, new RegExp('^• ' + escapeRe(name)));
    console.log(`  offline reload: first frame with the working copy ${Date.now() - t0} ms after reload()`);
    const tab = await b.context.newPage();
    const tabErrors = collectErrors(tab);
    await tab.goto(server.url);
    await firstFrame(tab);
    await waitTitle(tab, new RegExp('^• ' + escapeRe(name)));
    await tab.close();
    assert.deepEqual(unexpected(tabErrors), []);
    // The tools worker (documents, workbook, .xlsx tables: tools.js + tools.wasm) was precached at
    // the first visit though never used online: the workbook still exports with no network.
    const [workbook] = await Promise.all([page.waitForEvent('download'), (async () => {
      await clickItem(page, 'menu.file');
      await clickItem(page, 'menu.file.xlsx');
    })()]);
    assert.match(workbook.suggestedFilename(), /-classeur\.xlsx$/);

    // 3. A new build is deployed while the page is open; more work is done meanwhile.
    await server.start(v2);
    const m = await flushes(page);
    const name2 = name + ' — suite';
    await rename(page, name2);
    await page.evaluate(() => { window.__notReloaded = true; });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('#update-notice:not([hidden])', { timeout: 20000 });
    // The notice comes after the working copy was saved, and the page is still the same one.
    assert.ok(await flushes(page) > m, 'the working copy was saved before the notice');
    assert.equal(await page.evaluate(() => window.__notReloaded), true);
    assert.equal((await page.textContent('#update-notice')).replace(/\s+/g, ' ').trim(), 'Nouvelle version disponible — Recharger');
    await page.screenshot({ path: path.join(distDir, '../screenshots/offline-update-notice.png') }).catch(() => {});
    const before = await styleOf(page);
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.__notReloaded), true, 'never reloads by itself');

    // 4. « Recharger »: the new version starts, with the work.
    await Promise.all([page.waitForEvent('load', { timeout: 20000 }), page.click('#update-reload')]);
    await firstFrame(page);
    await waitTitle(page, new RegExp('^• ' + escapeRe(name2)));
    assert.equal(await page.evaluate(() => window.__notReloaded), undefined);
    const after = await styleOf(page);
    assert.notEqual(after, before);
    assert.ok(fs.existsSync(path.join(v2, after)), `${after} is v2's`);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`cpts-${swVersion(v2)}`], 'the old version\'s cache is gone');
    assert.equal(await page.evaluate(() => document.getElementById('update-notice').hidden), true);
    await frames(page, 2);

    // 5. A file written by a newer version of the planner: refused with the reason, not silently.
    const future = fs.readFileSync(path.join(repo, 'tests/data/bad/future-version.json'));
    await clickItem(page, 'menu.file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'menu.file.open')]);
    await chooser.setFiles({ name: 'projet-futur.json', mimeType: 'application/json', buffer: future });
    await visibleItem(page, 'modal.message');
    const message = await page.evaluate(() => document.getElementById('announce').textContent.replace(/[\u00a0\u202f]/g, ' '));
    assert.match(message, /projet-futur\.json/);
    assert.match(message, /plus récente que ce logiciel \(\d+\) : mettez à jour le planificateur/);
    assert.match(message, /Le projet ouvert n’a pas été modifié\./);
    await clickItem(page, 'modal.message.ok');
    await waitTitle(page, new RegExp('^• ' + escapeRe(name2)));
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await b.close();
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
