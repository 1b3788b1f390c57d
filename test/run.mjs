#!/usr/bin/env node
// npm test: every suite in order, keeps going after a failing one, prints a short table and
// `N passed, N failed`, writes test-results/summary.json, exits non-zero when anything failed.
// Quiet when passing: a suite's own output is kept in test-results/<suite>.log and shown only when
// it fails. `npm test -- server e2e` runs only the named suites.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, hasChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'test-results');
const bin = (name) => join(root, 'node_modules/.bin', name);
const MINUTE = 60_000;

/**
 * A suite: a command and how to count its tests.
 *   count 'single'  the whole command is one test (passed when it exits 0)
 *   count 'vitest'  vitest's JSON report at `json`
 *   count 'counts'  a `{ passed, failed }` file at `json` (test/wtr.config.mjs writes one)
 */
const suites = [
  {
    name: 'typecheck',
    cmd: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'],
    count: 'single',
    timeout: 5 * MINUTE,
  },
  {
    name: 'server',
    cmd: vitest('vitest.config.ts', 'server'),
    count: 'vitest',
    json: 'test-results/server.json',
    timeout: 15 * MINUTE,
  },
  {
    name: 'build',
    cmd: [bin('vite'), 'build', '--logLevel', 'warn'],
    count: 'single',
    timeout: 5 * MINUTE,
  },
  {
    // brotli size per widget and for the suite (issue 7); one test each. The budgets (15 kB a
    // widget, 60 kB the suite) are not met yet: `npm run size` fails on them; here every size is
    // held to what scripts/size-baseline.json records (+3 %), so nothing grows unnoticed.
    name: 'size',
    cmd: [process.execPath, 'scripts/size.mjs', '--ratchet', 'scripts/size-baseline.json', '--json', 'test-results/size.json'],
    count: 'counts',
    json: 'test-results/size.json',
    timeout: 5 * MINUTE,
  },
  {
    name: 'widgets',
    cmd: [bin('web-test-runner'), '--config', 'test/wtr.config.mjs'],
    count: 'counts',
    json: 'test-results/widgets.json',
    timeout: 20 * MINUTE,
    browser: true,
  },
  {
    name: 'e2e',
    cmd: vitest('test/e2e/vitest.config.ts', 'e2e'),
    count: 'vitest',
    json: 'test-results/e2e.json',
    timeout: 20 * MINUTE,
    browser: true,
  },
  {
    // every story and docs page of the static Storybook renders without errors and passes axe
    name: 'storybook',
    cmd: [process.execPath, 'test/storybook-smoke.mjs'],
    count: 'counts',
    json: 'test-results/storybook.json',
    timeout: 10 * MINUTE,
    browser: true,
  },
  {
    // the widgets in a React 19 and a Vue 3 host app, built with Vite and driven in Chromium (issue 7)
    name: 'hosts',
    cmd: vitest('test/hosts/vitest.config.ts', 'hosts'),
    count: 'vitest',
    json: 'test-results/hosts.json',
    timeout: 15 * MINUTE,
    browser: true,
  },
  // Later suites go here, in the order they should run:
  //   { name, cmd: [...], count: 'vitest' | 'counts' | 'single', json?, timeout, browser? }
];

function vitest(config, name) {
  return [
    bin('vitest'), 'run', '--config', config,
    '--reporter=default', '--reporter=json', `--outputFile.json=test-results/${name}.json`,
  ];
}

// ---------------------------------------------------------------------------------------------

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = only.filter((n) => !suites.some((s) => s.name === n));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown[0]} (suites: ${suites.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
const selected = only.length > 0 ? suites.filter((s) => only.includes(s.name)) : suites;

mkdirSync(results, { recursive: true });

if (selected.some((s) => s.browser) && !ensureChromium()) process.exit(1);

const rows = [];
for (const suite of selected) rows.push(await runSuite(suite));

const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
writeFileSync(
  join(results, 'summary.json'),
  JSON.stringify({ passed, failed, suites: rows, finishedAt: new Date().toISOString() }, null, 2) + '\n',
);

const table = [
  ['suite', 'passed', 'failed', 'time', ''],
  ...rows.map((r) => [r.name, String(r.passed), String(r.failed), `${r.seconds.toFixed(1)}s`, r.note ?? '']),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table) {
  console.log(
    row
      .map((cell, i) => (i === 0 || i === row.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

// ---------------------------------------------------------------------------------------------

/** Chromium for the browser suites: CHROME_PATH or Debian's; installs Debian's as root. */
function ensureChromium() {
  if (hasChromium()) return true;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROME_PATH;
  if (canApt) {
    console.log('Installing Chromium (Debian package "chromium") for the browser tests ...');
    const log = join(results, 'apt.log');
    const r = spawnSync('sh', ['-c', `apt-get update && apt-get install -y --no-install-recommends chromium > "${log}" 2>&1`], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status === 0 && hasChromium()) return true;
    console.error(`Chromium could not be installed (see ${log}); install it with "apt-get install chromium" or set CHROME_PATH.`);
    return false;
  }
  console.error(
    `Chromium not found at ${chromiumPath()}: install Debian's package ("sudo apt-get install chromium") or set CHROME_PATH to a Chromium/Chrome binary.`,
  );
  return false;
}

/** Runs one suite with its output in test-results/<name>.log; returns its row. */
async function runSuite(suite) {
  const started = Date.now();
  const logPath = join(results, `${suite.name}.log`);
  const jsonPath = suite.json ? join(root, suite.json) : null;
  if (jsonPath) rmSync(jsonPath, { force: true });

  const { code, timedOut, spawnError } = await run(suite.cmd, logPath, suite.timeout);
  const seconds = (Date.now() - started) / 1000;

  let passed = 0;
  let failed = 0;
  let note;
  if (spawnError) {
    failed = 1;
    note = `could not start: ${spawnError}`;
  } else if (suite.count === 'single') {
    if (code === 0) passed = 1;
    else failed = 1;
  } else {
    const report = readJson(jsonPath);
    if (report && suite.count === 'vitest') {
      passed = report.numPassedTests ?? 0;
      failed = report.numFailedTests ?? 0;
      // a test file that failed to load has no failing test of its own: count the file
      for (const file of report.testResults ?? []) {
        const failedAssertions = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
        if (file.status === 'failed' && failedAssertions === 0) failed++;
      }
    } else if (report && suite.count === 'counts') {
      passed = Number(report.passed) || 0;
      failed = Number(report.failed) || 0;
    } else {
      note = 'no report';
    }
    // the runner failed outside any test (crash, unhandled error, no tests found): one failure
    if (code !== 0 && failed === 0) failed = 1;
    if (code === 0 && passed + failed === 0) {
      failed = 1;
      note = 'ran no test';
    }
  }
  if (timedOut) note = `timed out after ${Math.round(suite.timeout / MINUTE)} min`;

  if (failed > 0) {
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
    const lines = log.trimEnd().split('\n');
    const tail = lines.slice(-150).join('\n');
    console.log(`\n--- ${suite.name} failed${note ? ` (${note})` : ''}; ${lines.length > 150 ? `last 150 lines of ` : ''}test-results/${suite.name}.log:`);
    console.log(tail);
    console.log(`--- end of ${suite.name}\n`);
  }
  return { name: suite.name, passed, failed, seconds, exitCode: code, ...(note ? { note } : {}) };
}

function readJson(path) {
  try {
    return path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  } catch {
    return null;
  }
}

/** Spawns `cmd` in its own process group with output to `logPath`; kills the group on timeout. */
function run(cmd, logPath, timeout) {
  return new Promise((resolve) => {
    const out = createWriteStream(logPath);
    out.write(`$ ${cmd.map((c) => c.replace(root, '')).join(' ')}\n`);
    let timedOut = false;
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeout);
    const stopOnSignal = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      process.exit(130);
    };
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    child.on('error', (e) => {
      clearTimeout(timer);
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
      out.end(() => resolve({ code: null, timedOut, spawnError: e.message }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
      // leftovers of the suite (a browser, a server) go with it
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      out.end(() => resolve({ code: code ?? (signal ? 128 : 1), timedOut }));
    });
  });
}
