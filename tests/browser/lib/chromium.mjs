// Launches Debian's Chromium (never a downloaded browser) headless with a fresh profile, so every
// run starts from nothing: no cache, no IndexedDB. close() also deletes the profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CPTS_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// `profile`: reuse this profile folder (a browser restart) and keep it on close();
// `hasTouch`: a touch screen; `initScript`: a function run in every page before its own scripts.
export async function launch({ width = 1280, height = 800, deviceScaleFactor = 1, profile, hasTouch = false, initScript } = {}) {
  const keep = !!profile;
  const dir = profile || fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS,
    viewport: { width, height }, deviceScaleFactor, acceptDownloads: true, hasTouch,
  });
  if (initScript) await context.addInitScript(initScript);
  const page = context.pages()[0] || await context.newPage();
  return {
    context, page, profile: dir,
    async close() {
      await context.close();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Console errors and uncaught exceptions of a page, collected from now on.
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return errors;
}

// Test hooks published by the app (imgui_ui/platform/platform_web.cpp). With ?sample=<id> the sample is
// fetched after start-up (imgui_ui/app/sample_source.hpp): also waits until it is open.
export const firstFrame = (page, timeout = 30000) =>
  page.waitForFunction(() => {
    if (window.__firstFrameAt === undefined) return false;
    const m = /[?&]sample=([^&]+)/.exec(location.search);
    return !m || m[1] === 'stress' || (window.__stats || {}).sample_open_ms !== undefined;
  }, null, { timeout });

// Waits until item `id` was drawn in the latest frame, and returns its rect (CSS pixels).
export async function visibleItem(page, id, timeout = 10000) {
  const h = await page.waitForFunction((k) => {
    const r = window.__ui && window.__ui[k];
    return r && r.frame === window.__frames ? r : null;
  }, id, { timeout });
  return h.jsonValue();
}

export const isVisible = (page, id) =>
  page.evaluate((k) => !!(window.__ui && window.__ui[k] && window.__ui[k].frame === window.__frames), id);

// Lets the app draw `n` more frames. An idle page draws none (imgui_ui/platform/frame_pacer.hpp): wake it.
export async function frames(page, n) {
  const start = await page.evaluate(() => { if (window.cptsWake) window.cptsWake(); return window.__frames; });
  await page.waitForFunction((s) => window.__frames >= s, start + n);
}

export async function clickItem(page, id) {
  const r = await visibleItem(page, id);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  return r;
}
