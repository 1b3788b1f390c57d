#!/usr/bin/env node
// npm start [-- --reset]: builds the widgets when dist/widgets/ is older than widgets/ or
// server/schemas/, then runs the server (server/main.ts) with the demo data unless PORTAL_SEED
// says otherwise. npm run dev (--dev): the same, plus the widgets rebuilt on every change and the
// server restarted when server/ changes.
// Signals are forwarded to the server and its exit code is ours.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildWidgets, root, widgetsStale } from './widgets-build.mjs';

const args = process.argv.slice(2);
const dev = args.includes('--dev');

const reason = widgetsStale();
if (reason) {
  process.stdout.write(`Building the widgets (${reason}) ...\n`);
  try {
    await buildWidgets();
  } catch (e) {
    process.stderr.write(`portal: the widget build failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

/** @type {{ close(): Promise<void> } | undefined} */
let watcher;
if (dev) {
  const { build } = await import('vite');
  // rebuilds dist/widgets/ on every change under widgets/; the server serves the files as they are
  watcher = /** @type {any} */ (
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { watch: {}, emptyOutDir: false } })
  );
}

const require = createRequire(import.meta.url);
const tsxCli = join(require.resolve('tsx/package.json'), '..', 'dist/cli.mjs');
const command = dev
  ? [tsxCli, 'watch', '--clear-screen=false', 'server/main.ts', ...args]
  : ['--import', 'tsx', 'server/main.ts', ...args];

// Own process group: a Ctrl-C in the terminal reaches only us, and we pass it on exactly once
// (the server's shutdown would otherwise see it twice).
const child = spawn(process.execPath, command, {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
  env: process.env,
});

let forwarded = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    if (forwarded) {
      // a second Ctrl-C: stop now
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      return;
    }
    forwarded = true;
    try {
      child.kill(signal);
    } catch {}
  });
}
// if we die in any other way, do not leave the server behind
process.on('exit', () => {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
});

child.on('error', (e) => {
  process.stderr.write(`portal: cannot start the server: ${e.message}\n`);
  process.exit(1);
});
child.on('exit', async (code, signal) => {
  await watcher?.close().catch(() => {});
  if (signal) {
    // exit the way the server did, so callers see the signal
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
