// Controls that keep what the hand did (issue #14 item 1), in real headless Chromium on a touch
// screen: a workshop rating slider dragged with a finger (CDP Input.dispatchTouchEvent, not a
// mouse) keeps its value after the finger lifts, as one undo step; the workshop group it rates is
// added with Enter (item 3). A finger that rests on the slider before moving (half a second: what
// the page takes for a long press, a right click) still drags it; a long press elsewhere (a
// commune row) still opens the row's menu.
//   node --test tests/browser/controls.test.mjs
// Env: CPTS_DIST_DIR (the page, served by nginx), CPTS_SCREENSHOT_DIR, CPTS_CHROMIUM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { serveApp, distDir } from './lib/server.mjs';
import { launch, collectErrors, firstFrame, visibleItem, frames, clickItem } from './lib/chromium.mjs';

const shotDir = path.resolve(process.env.CPTS_SCREENSHOT_DIR || path.join(distDir, '../screenshots'));
let server, url;

before(async () => {
  fs.mkdirSync(shotDir, { recursive: true });
  server = await serveApp();
  url = server.url;
});

after(async () => {
  await server?.close();
});

async function exported(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  return JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
}

// Where ImGui's SliderInt draws `value` of [min, max] in a frame (imgui_widgets.cpp,
// SliderBehaviorT: 2 px padding each side, a grab of at least GrabMinSize = 0.6 em).
function sliderX(r, value, min, max, fontPx) {
  const pad = 2, slider = r.w - 2 * pad;
  const grab = Math.min(Math.max(slider / (max - min + 1), 0.6 * fontPx), slider);
  return r.x + pad + grab / 2 + (slider - grab) * (value - min) / (max - min);
}

const stats = (page) => page.evaluate(() => ({ ...(window.__stats || {}) }));

// The workshop with one candidate and the group "Medecins" added with Enter; returns its impact slider.
async function workshopWithAGroup(page) {
  page.on('filechooser', () => {});
  await page.goto(`${url}?sample=cpts-centre-saone-et-loire&panel=atelier`);
  await firstFrame(page);
  await frames(page, 2);
  await clickItem(page, 'atelier.add_candidate');
  await clickItem(page, 'atelier.group');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.type('Medecins');
  await page.keyboard.press('Enter');  // Enter adds the group
  // The slider is first drawn where the table's columns were before the group's column came; ImGui
  // tables size their columns from the previous frame, so it settles ~160 px further left a frame
  // later. Touching the first rect missed the slider (one of the two reasons this test read 0).
  await visibleItem(page, 'atelier.impact.C1.Medecins');
  await frames(page, 3);
  return visibleItem(page, 'atelier.impact.C1.Medecins');
}

// `rest`: ms the finger stays still on the slider before it moves (a hesitating hand).
async function dragWithAFinger(b, slider, { rest = 0 } = {}) {
  const page = b.page;
  const before = await exported(page);
  assert.equal(before.candidates[0].ratings[0].impact ?? 0, 0);

  // A finger on the slider's left end, moved to 4 in eight steps, lifted.
  const fontPx = 17;  // 100 %: AppConfig::base_font_px
  const cdp = await b.context.newCDPSession(page);
  const y = slider.y + slider.h / 2;
  const x0 = sliderX(slider, 0, 0, 5, fontPx), x1 = sliderX(slider, 4, 0, 5, fontPx);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
  await frames(page, 2);
  if (rest) await page.waitForTimeout(rest);
  for (let k = 1; k <= 8; ++k) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + (x1 - x0) * k / 8, y }] });
    await frames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 4);
  await page.screenshot({ path: path.join(shotDir, `controls-touch-slider${rest ? '-rest' : ''}.png`) });

  const after = await exported(page);
  assert.equal(after.candidates[0].ratings[0].impact, 4, 'the value under the finger is kept after it lifts');
  // Still there a few frames later (no snap back), and one Ctrl+Z takes it back to 0.
  await frames(page, 5);
  await page.keyboard.press('Control+z');
  await frames(page, 3);
  const undone = await exported(page);
  assert.equal(undone.candidates[0].ratings[0].impact ?? 0, 0);
}

test('a rating slider dragged with a finger keeps its value, one undo step', async () => {
  const b = await launch({ width: 1366, height: 900, hasTouch: true });
  try {
    const errors = collectErrors(b.page);
    const slider = await workshopWithAGroup(b.page);
    await dragWithAFinger(b, slider);
    assert.equal((await stats(b.page)).long_presses ?? 0, 0, 'no long press (right click) on the way');
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

// The other reason: a finger still for 0.5 s on the slider became a right click (the page's long
// press), whose left release ended the drag at 0. A hesitating hand does that; so did the test
// above on a loaded machine, where its first two frames took 0.9 s.
test('a finger resting on a slider before it moves still drags it', async () => {
  const b = await launch({ width: 1366, height: 900, hasTouch: true });
  try {
    const errors = collectErrors(b.page);
    const slider = await workshopWithAGroup(b.page);
    await dragWithAFinger(b, slider, { rest: 800 });
    assert.equal((await stats(b.page)).long_presses ?? 0, 0);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('a long press on a table row still opens its menu', async () => {
  const b = await launch({ width: 1366, height: 900, hasTouch: true });
  try {
    const page = b.page;
    const errors = collectErrors(page);
    await page.goto(`${url}?sample=cpts-centre-saone-et-loire&panel=territoire`);
    await firstFrame(page);
    await frames(page, 2);
    const cdp = await b.context.newCDPSession(page);
    const pop = await visibleItem(page, 'territoire.pop.0');  // a text field: its long press is the row's menu
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: pop.x + pop.w / 2, y: pop.y + pop.h / 2 }] });
    await page.waitForTimeout(800);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await visibleItem(page, 'rowmenu.duplicate');
    assert.equal((await stats(page)).long_presses, 1);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});
