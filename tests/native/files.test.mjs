// The desktop app's files under Xvfb: --open FILE, export (Fichier → Enregistrer writes the file in
// the current folder) byte-identical after a round trip, the autosave folder (--data-dir) written on
// exit and restored at the next start, and the "Ouvrir" path modal (no browser picker natively).
//   node --test tests/native/files.test.mjs
// Env: CPTS_NATIVE_APP (default build/native-release/imgui_ui/cpts-planner), CPTS_SCREENSHOT_DIR.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { decodePng, stats } from '../lib/png.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const app = path.resolve(process.env.CPTS_NATIVE_APP || path.join(repo, 'build/native-release/imgui_ui/cpts-planner'));
const shotDir = path.resolve(process.env.CPTS_SCREENSHOT_DIR || path.join(path.dirname(app), '../screenshots'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-native-files-'));
const dataDir = path.join(work, 'autosave');
const sample = path.join(repo, 'shared/samples/cpts-centre-saone-et-loire.json');
const sampleName = JSON.parse(fs.readFileSync(sample, 'utf8')).identity.name;

after(() => fs.rmSync(work, { recursive: true, force: true }));

function runApp(args, cwd = work) {
  const r = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', app, ...args], { encoding: 'utf8', timeout: 60000, cwd });
  if (r.error) throw r.error;
  return r;
}

test('--open opens a file; Enregistrer writes it to the current folder; the round trip is byte-identical', () => {
  assert.ok(fs.existsSync(app), `${app} not built`);
  fs.mkdirSync(shotDir, { recursive: true });
  const shot = path.join(shotDir, 'native-open.png');
  let r = runApp(['--open', sample, '--data-dir', dataDir, '--frames', '40', '--click', 'menu.file,menu.file.save', '--screenshot', shot]);
  assert.equal(r.status, 0, r.stderr);
  const exported = path.join(work, path.basename(sample));
  assert.ok(fs.existsSync(exported), 'written next to where the app runs');
  const first = fs.readFileSync(exported);
  assert.equal(JSON.parse(first.toString('utf8')).identity.name, sampleName);
  const s = stats(decodePng(shot));
  assert.ok(s.colours > 20 && s.dark > 1000, JSON.stringify(s));

  // Open the exported file and export again: the same bytes.
  const again = path.join(work, 'again');
  fs.mkdirSync(again);
  fs.copyFileSync(exported, path.join(again, 'copie.json'));
  r = runApp(['--open', 'copie.json', '--frames', '40', '--click', 'menu.file,menu.file.save'], again);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(fs.readFileSync(path.join(again, 'copie.json')).equals(first));
});

test('the autosave folder holds the working copy and the next start restores it', () => {
  const current = path.join(dataDir, 'current.json');
  assert.ok(fs.existsSync(current), 'written when the app closed');
  assert.equal(JSON.parse(fs.readFileSync(current, 'utf8')).identity.name, sampleName);
  const index = JSON.parse(fs.readFileSync(path.join(dataDir, 'index.json'), 'utf8'));
  assert.equal(index.format, 'cpts-planner/autosave');
  assert.equal(index.current.name, sampleName);
  assert.ok(fs.existsSync(path.join(dataDir, 'versions')));
  // No --open, no --sample: the project comes back (its navigation can be clicked).
  const r = runApp(['--data-dir', dataDir, '--frames', '40', '--click', 'nav.panel.territoire', '--screenshot', path.join(shotDir, 'native-restored.png')]);
  assert.equal(r.status, 0, r.stderr);
});

test('without a browser, Fichier → Ouvrir asks for a path', () => {
  const shot = path.join(shotDir, 'native-open-path.png');
  const r = runApp(['--frames', '40', '--click', 'menu.file,menu.file.open,modal.open.path', '--screenshot', shot]);
  assert.equal(r.status, 0, r.stderr);  // the modal's path field was drawn and clicked
});
