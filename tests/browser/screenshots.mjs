// Screenshots to look at (issue #14), not a test: every panel at 1366×768 at the 100 % and 150 %
// zoom presets, the welcome form, and every presentation slide at 1920×1080 and 3840×2160 in the
// light and dark themes; then the text height of each slide measured from the render.
//   node tests/browser/screenshots.mjs [web dir] [screenshot dir]     (after a wasm build)
//   scripts/screenshots.sh                                            (the same, default folders)
// Text height of a slide: the body text "k / n" beside the Suivant button — (1) its line height
// (the item's rect, published by the app as "present.position", when the build publishes it) and
// (2) the height in pixels of its ink (digits: cap height), counted in the PNG: the rows of the
// region where some pixel differs from the background by more than half of the darkest contrast.
import fs from 'node:fs';
import { launch, firstFrame, visibleItem, clickItem } from './lib/chromium.mjs';
import { decodePng } from '../lib/png.mjs';
import { serve } from '../../scripts/lib/static_server.mjs';

const PANELS = ['projet', 'territoire', 'diagnostic', 'professionnels', 'missions', 'indicateurs', 'bibliotheque',
  'financement', 'calendrier', 'budget', 'tableau-de-bord', 'verification', 'atelier', 'documents'];
const SAMPLE = 'cpts-centre-saone-et-loire';
const outDir = process.argv[3] || 'build/screenshots';
// SHOTS_ONLY=panels or SHOTS_ONLY=slides: one half of the run (a rerun after a fix).
const only = process.env.SHOTS_ONLY || '';
fs.mkdirSync(outDir, { recursive: true });
const { server, url } = await serve(process.argv[2] || 'build/wasm-release/web');

const grey = (img, x, y) => {
  const o = (y * img.width + x) * img.channels;
  return (img.data[o] * 299 + img.data[o + 1] * 587 + img.data[o + 2] * 114) / 1000;
};
// Rows of ink in a region: the most frequent grey is the background.
function inkHeight(img, { x, y, w, h }) {
  const x0 = Math.max(0, Math.round(x)), y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(img.width, Math.round(x + w)), y1 = Math.min(img.height, Math.round(y + h));
  const hist = new Map();
  for (let j = y0; j < y1; j++) for (let i = x0; i < x1; i++) { const g = Math.round(grey(img, i, j)); hist.set(g, (hist.get(g) || 0) + 1); }
  const bg = [...hist.entries()].sort((a, b) => b[1] - a[1])[0][0];
  let depth = 0;
  for (let j = y0; j < y1; j++) for (let i = x0; i < x1; i++) depth = Math.max(depth, Math.abs(grey(img, i, j) - bg));
  let top = -1, bottom = -1;
  for (let j = y0; j < y1; j++)
    for (let i = x0; i < x1; i++)
      if (Math.abs(grey(img, i, j) - bg) > depth * 0.5) { if (top < 0) top = j; bottom = j; break; }
  return top < 0 ? 0 : bottom - top + 1;
}

// The first frame with the sample open; an older build that does not publish the sample's arrival
// (for "before" pictures) gets a second instead.
async function ready(page) {
  try {
    await firstFrame(page, 20000);
  } catch {
    await page.waitForFunction(() => window.__firstFrameAt !== undefined, null, { timeout: 30000 });
    await page.waitForTimeout(1500);
  }
}

// n more frames, waking the frame loop before each one: the loop draws a few frames after a wake
// and then idles, and a 4K frame in software WebGL on a loaded machine is slow enough that the
// few could all pass before the n-th (lib/chromium.mjs's frames() wakes once: 4K runs timed out).
async function frames(page, n) {
  for (let i = 0; i < n; i++) {
    const start = await page.evaluate(() => { if (window.cptsWake) window.cptsWake(); return window.__frames; });
    await page.waitForFunction((s) => window.__frames > s, start);
  }
}

const measures = [];
async function shoot(b, name) {
  const file = `${outDir}/${name}.png`;
  await b.page.screenshot({ path: file });
  return file;
}

// Panels: 1366×768, zoom presets 100 and 150, French; every panel in English at 100 % too.
if (only !== 'slides') {
  const b = await launch({ width: 1366, height: 768 });
  try {
    const open = async (query) => {
      await b.page.goto(url + query);
      await ready(b.page);
      await frames(b.page, 3);
    };
    for (const zoom of [100, 150]) {
      for (const p of PANELS) {
        await open(`?sample=${SAMPLE}&panel=${p}&zoom=${zoom}&lang=fr`);
        await shoot(b, `panel-${p}-1366-${zoom}`);
      }
    }
    for (const p of PANELS) {
      await open(`?sample=${SAMPLE}&panel=${p}&zoom=100&lang=en`);
      await shoot(b, `panel-${p}-1366-100-en`);
    }
  } finally {
    await b.close();
  }
}

// The welcome form filled in (a fresh profile: no working copy to restore), so that its deadline
// lines and the commune table show.
for (const zoom of only === 'slides' ? [] : [100, 150]) {
  const b = await launch({ width: 1366, height: 768 });
  try {
    await b.page.goto(url + `?zoom=${zoom}&lang=fr`);
    await ready(b.page);
    const type = async (id, text) => {
      await clickItem(b.page, id);
      await frames(b.page, 2);  // the field takes the focus on the frame after the click
      await b.page.keyboard.insertText(text);
      await b.page.keyboard.press('Tab');
      await frames(b.page, 2);
    };
    await type('welcome.name', 'CPTS du Val de Saône');
    await type('welcome.signature', '18/10/2022');
    await clickItem(b.page, 'welcome.add_commune');
    await frames(b.page, 2);
    await type('welcome.population0', '52300');
    await frames(b.page, 3);
    await shoot(b, `welcome-1366-${zoom}`);
    // Its lower half: the deadline lines below the commune table.
    await b.page.mouse.move(300, 500);
    await b.page.mouse.wheel(0, 1000);
    await frames(b.page, 3);
    await shoot(b, `welcome-1366-${zoom}-bottom`);
  } finally {
    await b.close();
  }
}

// Slides: Alt+P, then PageDown until the picture stops changing (the last slide). The last set is
// Alt+Z while presenting (200 → 300 %) on 1080p: nothing may be clipped at 300 % either.
const slideSets = [];
for (const [width, height] of [[1920, 1080], [3840, 2160]])
  for (const theme of ['light', 'dark']) slideSets.push({ width, height, theme, zoom: 200 });
slideSets.push({ width: 1920, height: 1080, theme: 'light', zoom: 300 });
for (const { width, height, theme, zoom } of only === 'panels' ? [] : slideSets) {
  {
    const tag = `${width}x${height}-${theme}${zoom === 200 ? '' : `-${zoom}`}`;
    const b = await launch({ width, height });
    try {
      b.page.setDefaultTimeout(120000);  // a 4K frame in software WebGL on a loaded machine is slow
      await b.page.goto(url + `?sample=${SAMPLE}&panel=projet&zoom=100&lang=fr&theme=${theme}`);
      await ready(b.page);
      await frames(b.page, 2);
      await b.page.keyboard.press('Alt+KeyP');
      await frames(b.page, 4);
      if (zoom === 300) {
        await b.page.keyboard.press('Alt+KeyZ');
        await frames(b.page, 4);
      }
      let previous = null;
      for (let k = 1; k <= 30; k++) {
        await frames(b.page, 3);
        const file = await shoot(b, `slide-${tag}-${k}`);
        const bytes = fs.readFileSync(file);
        if (previous && bytes.equals(previous)) { fs.rmSync(file); break; }
        previous = bytes;
        const next = await visibleItem(b.page, 'present.next');
        const pos = await b.page.evaluate(() => {
          const r = window.__ui && window.__ui['present.position'];
          return r && r.frame === window.__frames ? r : null;
        });
        // The "k / n" text starts after the Suivant button; its band is the button's height.
        const img = decodePng(bytes);
        const region = pos || { x: next.x + next.w + 2, y: next.y, w: next.h * 2.5, h: next.h };
        measures.push({ slide: `${tag} ${k}`, line_px: pos ? pos.h : null, ink_px: inkHeight(img, region) });
        await b.page.keyboard.press('PageDown');
      }
    } catch (e) {
      console.log(`${tag}: stopped (${e.message.split('\n')[0]})`);
    } finally {
      await b.close();
    }
  }
}
server.close();
fs.writeFileSync(`${outDir}/text-height.json`, JSON.stringify(measures, null, 1));
for (const m of measures) console.log(`${m.slide}: line ${m.line_px ?? '?'} px, digit ink ${m.ink_px} px`);
console.log(`written: ${outDir}/*.png and ${outDir}/text-height.json`);
