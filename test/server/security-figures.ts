/**
 * The figures of the security suites (authorization matrix, attack corpus, fuzzing, soak) in one
 * file, test-results/security.json, one section per suite, so `npm run report:security` can
 * print them and releases can be compared. Suites run in parallel processes: a section is merged
 * into the file under a lock file, never by overwriting what another suite wrote.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const securityFile = fileURLToPath(new URL('../../test-results/security.json', import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(fn: () => T): Promise<T> {
  const lock = securityFile + '.lock';
  mkdirSync(dirname(securityFile), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      // a lock left by a killed process is stale after 30 s
      try {
        if (Date.now() - statSync(lock).mtimeMs > 30_000) rmSync(lock, { force: true });
      } catch {}
      if (attempt > 600) throw new Error(`could not lock ${lock}`);
      await sleep(50);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Replaces one section of test-results/security.json (with the time it was written). */
export async function recordSecurityFigures(section: string, figures: Record<string, unknown>): Promise<void> {
  await withLock(() => {
    let all: Record<string, unknown> = {};
    try {
      all = JSON.parse(readFileSync(securityFile, 'utf8')) as Record<string, unknown>;
    } catch {
      all = {};
    }
    all[section] = { ...figures, recordedAt: new Date().toISOString() };
    const tmp = join(dirname(securityFile), `.security.${process.pid}.json`);
    writeFileSync(tmp, JSON.stringify(all, null, 2) + '\n');
    renameSync(tmp, securityFile);
  });
}
