// Screenshots of every panel of the web app, at 100 % and at the 200 % zoom preset, for looking at
// clipping, overlap, untranslated text and wrong glyphs (accents, €, « », œ, ’), in French; and
// the Financement panel in English. Not a test: PNGs to look at.
//   node tests/browser/panel_screenshots.mjs [web dir] [screenshot dir]   (after a wasm build)
import fs from 'node:fs';
import { launch, firstFrame, frames } from './lib/chromium.mjs';
import { serve } from '../../scripts/lib/static_server.mjs';

const PANELS = ['projet', 'territoire', 'diagnostic', 'professionnels', 'missions', 'indicateurs', 'bibliotheque',
  'financement', 'calendrier', 'budget', 'tableau-de-bord', 'verification', 'atelier', 'documents'];
const outDir = process.argv[3] || 'build/wasm-release/screenshots';
fs.mkdirSync(outDir, { recursive: true });
const { server, url } = await serve(process.argv[2] || 'build/wasm-release/web');
const b = await launch({ width: 1600, height: 900 });
try {
  const shot = async (name, query) => {
    await b.page.goto(url + query);
    await firstFrame(b.page);
    await frames(b.page, 3);
    await b.page.screenshot({ path: `${outDir}/panel-${name}.png` });
  };
  for (const zoom of [100, 200])
    for (const p of PANELS) await shot(`${p}-${zoom}`, `?sample=cpts-centre-saone-et-loire&panel=${p}&zoom=${zoom}`);
  await shot('welcome-100', '?zoom=100');
  await shot('financement-en-100', '?sample=cpts-centre-saone-et-loire&panel=financement&lang=en&zoom=100');
} finally {
  await b.close();
  server.close();
}
console.log(`written: ${outDir}/panel-*.png`);
