// Tables in the browser (issue #16): the 40-indicator annex pasted with Ctrl+V over Indicateurs
// (the page's paste event carries the text), applied, then a ';' CSV annex through Fichier →
// Importer un tableau… (the page's file picker), then the same annex as an .xlsx workbook (read in
// wasm with minizip and expat built by the set-up). Needs a wasm build + the cpts_dist target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serveApp } from './lib/server.mjs';
import { launch, collectErrors, firstFrame, visibleItem, isVisible, frames, clickItem } from './lib/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = (name) => fs.readFileSync(path.join(repo, 'tests/data/tables', name));
let server, url;

before(async () => { server = await serveApp(); url = server.url; });
after(async () => { await server?.close(); });

async function openApp(b, query) {
  const errors = collectErrors(b.page);
  b.page.on('filechooser', () => {});
  await b.page.goto(url + query);
  await firstFrame(b.page);
  await frames(b.page, 2);
  return errors;
}

test('Ctrl+V of an annex over Indicateurs, then a CSV file and an .xlsx workbook', async () => {
  const b = await launch();
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
    const page = b.page;
    const errors = await openApp(b, '?sample=cpts-centre-saone-et-loire&panel=indicateurs');
    await page.evaluate((t) => navigator.clipboard.writeText(t), data('annexe-paliers-une-cellule.tsv').toString('utf8'));
    await page.mouse.click(5, 200);  // the page has the focus, no text field does
    await page.keyboard.press('Control+v');
    await visibleItem(page, 'modal.table_import.apply');
    await clickItem(page, 'modal.table_import.apply');
    await page.waitForFunction(() => /^• /.test(document.title));
    await frames(page, 2);
    assert.equal(await isVisible(page, 'modal.table_import.apply'), false);

    await clickItem(page, 'menu.file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'menu.file.import_table')]);
    await chooser.setFiles({ name: 'annexe.csv', mimeType: 'text/csv', buffer: data('annexe-paliers-en-colonnes.csv') });
    await visibleItem(page, 'modal.table_import.cancel');
    await clickItem(page, 'modal.table_import.cancel');
    await frames(page, 2);

    await clickItem(page, 'menu.file');
    const [xlsx] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'menu.file.import_table')]);
    await xlsx.setFiles({ name: 'annexe.xlsx', mimeType: 'application/octet-stream', buffer: data('annexe-mission-fusionnee.xlsx') });
    await visibleItem(page, 'modal.table_import.cancel');  // the preview of the workbook's rows
    assert.equal(await isVisible(page, 'modal.message.ok'), false, 'the .xlsx is read in the wasm build, not refused');
    await clickItem(page, 'modal.table_import.cancel');
    await frames(page, 2);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});
