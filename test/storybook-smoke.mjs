#!/usr/bin/env node
// Storybook smoke check (a suite of test/run.mjs): builds the static Storybook, opens every story
// in Chromium and counts a story as passed when it renders (its play function included) without an
// error, an uncaught exception or a console error, and the a11y addon's axe check reports no
// violation (preview.ts sets `a11y.test: 'error'`). Docs pages must load without errors too.
// Writes test-results/storybook.json ({ passed, failed, failures }); prints only failures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const out = mkdtempSync(join(tmpdir(), 'portal-storybook-'));
const report = join(root, 'test-results/storybook.json');
mkdirSync(join(root, 'test-results'), { recursive: true });
rmSync(report, { force: true });

function step(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
  if (r.status !== 0) {
    console.error(`storybook smoke: ${[cmd, ...args].join(' ').replace(root, '')} failed`);
    process.exit(1);
  }
}
step(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs']);
step(bin('storybook'), ['build', '-c', 'storybook', '-o', out, '--quiet', '--disable-telemetry']);

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(out, path));
  if (!file.startsWith(out)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
const entries = Object.values(index.entries);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
let passed = 0;
const failures = [];
try {
  // One page, driven like Storybook's manager drives its preview: `setCurrentStory` over the
  // channel, then wait for the story to finish (play function and the a11y check included).
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  /** @type {string[]} */
  let problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location().url?.replace(base, '') ?? '';
    if (/status of 404/.test(m.text()) && where === '/favicon.ico') return;
    problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request outside Storybook: ${url}`);
  });
  await page.goto(`${base}/iframe.html`);
  await page.waitForFunction(() => /** @type {any} */ (window).__STORYBOOK_ADDONS_CHANNEL__ && /** @type {any} */ (window).__STORYBOOK_PREVIEW__);
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__smoke = [];
    const names = ['storyFinished', 'docsRendered', 'storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'];
    for (const name of names) {
      w.__STORYBOOK_ADDONS_CHANNEL__.on(name, (/** @type {any} */ data) => {
        const a11y = (data?.reporters ?? [])
          .filter((/** @type {any} */ r) => r.type === 'a11y')
          .map((/** @type {any} */ r) => ({
            status: r.status,
            error: r.result?.error ? String(r.result.error) : undefined,
            violations: (r.result?.violations ?? []).map(
              (/** @type {any} */ v) => `${v.id} (${v.impact}): ${v.help} [${(v.nodes ?? []).map((/** @type {any} */ n) => n.target?.join(' ')).join(', ')}]`,
            ),
          }));
        w.__smoke.push({
          name,
          id: typeof data === 'string' ? data : data?.storyId ?? data?.id,
          status: data?.status,
          message: data?.message ?? data?.title ?? data?.description,
          a11y,
        });
      });
    }
  });

  for (const entry of entries) {
    problems = [];
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    const started = Date.now();
    await page.evaluate(
      ([storyId, mode]) => {
        const w = /** @type {any} */ (window);
        w.__smoke = [];
        w.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: mode });
      },
      [entry.id, viewMode],
    );
    const done = viewMode === 'docs' ? ['docsRendered'] : ['storyFinished'];
    const events = await page
      .waitForFunction(
        ([id, doneNames]) => {
          const events = /** @type {any} */ (window).__smoke;
          const finished = events.some((/** @type {any} */ e) => doneNames.includes(e.name) && (e.id === id || e.id === undefined));
          const fatal = events.some((/** @type {any} */ e) => e.name === 'storyMissing' || e.name === 'storyErrored');
          return finished || fatal ? events : false;
        },
        [entry.id, done],
        { timeout: 30_000, polling: 50 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    // late errors (async rendering after the event) belong to this entry; a docs page renders
    // several stories at once and takes longer to settle
    await page.waitForTimeout(viewMode === 'docs' ? 1000 : 150);

    if (!events) problems.push(`did not finish within 30 s`);
    for (const e of events ?? []) {
      if (e.name === 'storyFinished' && e.status && e.status !== 'success') problems.push(`finished with status ${e.status}`);
      if (['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'].includes(e.name)) {
        problems.push(`${e.name}${e.message ? `: ${String(e.message).split('\n')[0]}` : ''}`);
      }
      for (const r of e.a11y ?? []) {
        if (r.status === 'failed') problems.push(`a11y: ${r.error ?? r.violations.join('; ')}`);
      }
    }
    if (viewMode === 'story' && events && !events.some((/** @type {any} */ e) => e.name === 'storyFinished' && (e.a11y?.length ?? 0) > 0)) {
      // a story that opted out (parameters.a11y.disable / test: 'off') has no a11y report
      const optedOut = await page.evaluate(() => {
        const a11y = /** @type {any} */ (window).__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.a11y;
        return a11y?.disable === true || a11y?.test === 'off';
      });
      if (!optedOut) problems.push('no a11y report');
    }
    if (process.env.SMOKE_DEBUG) console.log(`${entry.id}: ${Date.now() - started} ms`);
    if (problems.length === 0) passed++;
    else {
      failures.push({ id: entry.id, title: `${entry.title} / ${entry.name}`, problems: [...new Set(problems)] });
      console.log(`✗ ${entry.title} / ${entry.name} (${entry.id})`);
      for (const p of new Set(problems)) console.log(`    ${p}`);
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

writeFileSync(report, JSON.stringify({ passed, failed: failures.length, failures }, null, 2) + '\n');
if (entries.length === 0) console.log('storybook smoke: no stories');
process.exitCode = failures.length > 0 || entries.length === 0 ? 1 : 0;
