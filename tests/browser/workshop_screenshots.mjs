// Screenshots for looking at the workshop views from the back of a room: presentation mode at
// 1920x1080 and at 3840x2160 (device scale 2), the high-contrast theme, the Atelier panel.
//   node tests/browser/workshop_screenshots.mjs [web dir] [screenshot dir]   (after a wasm build)
import { launch, firstFrame, frames } from './lib/chromium.mjs';
import { serve } from '../../scripts/lib/static_server.mjs';
const { server, url } = await serve(process.argv[2] || 'build/wasm-release/web');
async function shot(name, query, { width = 1920, height = 1080, scale = 1, present = false } = {}) {
  const b = await launch({ width, height, deviceScaleFactor: scale });
  await b.page.goto(url + query);
  await firstFrame(b.page);
  await frames(b.page, 3);
  if (present) {
    await b.page.mouse.click(width / 2, height / 2);
    await b.page.keyboard.down('Alt'); await b.page.keyboard.press('KeyP'); await b.page.keyboard.up('Alt');
    await b.page.waitForTimeout(600);
    await b.page.mouse.move(width / 2 + 3, height / 2 + 3);
    await b.page.waitForTimeout(600);
  }
  await b.page.screenshot({ path: `${process.argv[3] || 'build/wasm-release/screenshots'}/workshop-${name}.png` });
  await b.close();
}
await shot('present-1080', '?sample=cpts-centre-saone-et-loire&panel=financement', { present: true });
await shot('present-4k', '?sample=cpts-centre-saone-et-loire&panel=financement', { scale: 2, present: true });
await shot('contrast', '?sample=cpts-centre-saone-et-loire&panel=financement&theme=contraste');
await shot('atelier', '?sample=cpts-centre-saone-et-loire&panel=atelier');
server.close();
