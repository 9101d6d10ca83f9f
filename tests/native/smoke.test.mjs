// Smoke test of the native desktop app under Xvfb: a few frames, a scripted click on
// Aide → À propos, screenshots, and checks that they are not blank and that the modal shows.
//   node --test tests/native/smoke.test.mjs
// Env: CPTS_NATIVE_APP (default build/native-release/imgui_ui/cpts-planner), CPTS_SCREENSHOT_DIR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { decodePng, diffCount, stats } from '../lib/png.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const app = path.resolve(process.env.CPTS_NATIVE_APP || path.join(repo, 'build/native-release/imgui_ui/cpts-planner'));
const shotDir = path.resolve(process.env.CPTS_SCREENSHOT_DIR || path.join(path.dirname(app), '../screenshots'));

// Runs the app in a private X server (1280x800, like the browser test's viewport).
function runApp(args) {
  const r = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', app, ...args],
    { encoding: 'utf8', timeout: 60000 });
  if (r.error) throw r.error;
  return r;
}

test('the app exists', () => {
  assert.ok(fs.existsSync(app), `${app} not built (cmake --build --preset native-release)`);
  fs.mkdirSync(shotDir, { recursive: true });
});

test('home screen: draws text, exits after --frames', () => {
  const file = path.join(shotDir, 'native-home.png');
  const r = runApp(['--frames', '20', '--screenshot', file]);
  assert.equal(r.status, 0, r.stderr);
  const img = decodePng(file);
  assert.equal(img.width, 1280);
  assert.equal(img.height, 800);
  const s = stats(img);
  assert.ok(s.colours > 20 && s.dark > 1000, `screenshot looks blank: ${JSON.stringify(s)}`);
});

test('a scripted click on Aide → À propos opens the modal', () => {
  const file = path.join(shotDir, 'native-about.png');
  const r = runApp(['--frames', '40', '--click-about', '--screenshot', file]);
  assert.equal(r.status, 0, r.stderr);
  const home = decodePng(path.join(shotDir, 'native-home.png'));
  const about = decodePng(file);
  // The modal is centred: most of a 400x160 box around the centre must have changed.
  const centre = { x: 440, y: 320, w: 400, h: 160 };
  const changed = diffCount(home, about, centre);
  assert.ok(changed > centre.w * centre.h * 0.5, `only ${changed} pixels changed in the centre`);
});

test('zoom 200 % and the dark theme re-upload the font atlas and keep drawing', () => {
  const file = path.join(shotDir, 'native-dark-zoom200.png');
  const r = runApp(['--frames', '40', '--click', 'menu.view,menu.view.dark,menu.view,menu.view.zoom200', '--screenshot', file]);
  assert.equal(r.status, 0, r.stderr);
  const s = stats(decodePng(file));
  // Dark theme: mostly dark pixels, but text (light) in many shades.
  assert.ok(s.colours > 20 && s.dark > 1280 * 800 * 0.5, `screenshot looks wrong: ${JSON.stringify(s)}`);
});

test('an unknown --click target fails with a message', () => {
  const r = runApp(['--frames', '200', '--click', 'menu.nowhere']);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /menu\.nowhere/);
});

test('bad options are refused', () => {
  const r = runApp(['--frobnicate']);
  assert.equal(r.status, 2);
});
