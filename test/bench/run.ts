/**
 * npm run bench — the board under load (R-BOARD-5).
 *
 * Builds a 100,000-ticket database, starts the real server (server/main.ts in a child process,
 * PORTAL_SEED=none), signs in as the dispatcher of the biggest partner and measures over HTTP,
 * side by side in one run:
 *   - throughput and p50/p99 of the board's first page (GET /api/tickets?pageSize=50, default
 *     sort) against the same server's GET /api/health,
 *   - the p50 of searches with realistic terms (one request at a time).
 * Targets: board ≥ 0.25 × health throughput, board p99 ≤ 4 × p50, search p50 ≤ 5 ms.
 * Exits 1 when a target is missed.
 *
 * Options: --tickets=N (100000) --partners=N (40) --seconds=N (5) --concurrency=N (8)
 *          --db=PATH (reuse a database built before with --keep) --keep (leave the files)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_PASSWORD, buildBenchDb, type BuiltDb } from './build.js';
import { load, sequential } from './load.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function option(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const out = (line = '') => process.stdout.write(line + '\n');

/**
 * CPU seconds the server process has used so far (user + system, from /proc). Divided by the
 * requests of a phase it gives the server's own cost per request.
 */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function startServer(dbPath: string, filesDir: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PORTAL_DB: dbPath,
      PORTAL_FILES: filesDir,
      PORTAL_SEED: 'none',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${text}`)), 60_000);
    const check = () => {
      const m = /running at https?:\/\/[^:\s]+:(\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${text}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, output: () => text };
}

async function main() {
  const tickets = Number(option('tickets', '100000'));
  const partners = Number(option('partners', '40'));
  const seconds = Number(option('seconds', '5'));
  const concurrency = Number(option('concurrency', '8'));
  const reuse = option('db', '');
  const dir = reuse ? dirname(reuse) : mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const dbPath = reuse || join(dir, 'portal.db');
  const infoPath = join(dir, 'bench.json');

  let built: BuiltDb;
  if (reuse && existsSync(reuse) && existsSync(infoPath)) {
    built = JSON.parse(readFileSync(infoPath, 'utf8')) as BuiltDb;
    out(`Reusing ${dbPath} (${built.counts.tickets} tickets)`);
  } else {
    out(`Building ${tickets} tickets of ${partners} partners in ${dbPath} ...`);
    built = await buildBenchDb({ path: dbPath, tickets, partners, log: out });
    writeFileSync(infoPath, JSON.stringify(built));
    out(
      `  built in ${fmt(built.ms / 1000, 1)} s: ${built.counts.tickets} tickets, ${built.counts.positions} positions, ` +
        `${built.counts.accounts} accounts; biggest partner "${built.bigPartner.name}" with ${built.bigPartner.tickets} tickets`,
    );
  }

  const server = await startServer(dbPath, join(dir, 'files'));
  let failed = false;
  try {
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: built.dispatcherEmail, password: BENCH_PASSWORD, mode: 'bearer' }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const { token } = (await signIn.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    const boardUrl = new URL('/api/tickets?pageSize=50', server.url);
    const first = await fetch(boardUrl, { headers: auth });
    const page = (await first.json()) as { items: unknown[]; total: number };
    if (first.status !== 200 || page.items.length !== 50) throw new Error(`the board answered ${first.status}: ${JSON.stringify(page).slice(0, 300)}`);
    out(`Signed in as ${built.dispatcherEmail}: the board shows ${page.total} tickets`);
    out(`Load: ${concurrency} concurrent keep-alive connections, ${seconds} s per endpoint after a warm-up`);
    out();

    const pid = server.child.pid!;
    const measured = async <T extends { requests: number }>(run: () => Promise<T>) => {
      const before = cpuSeconds(pid);
      const r = await run();
      return { ...r, cpuMs: ((cpuSeconds(pid) - before) * 1000) / r.requests };
    };
    const health = await measured(() => load(new URL('/api/health', server.url), { concurrency, seconds, warmupSeconds: 1 }));
    const board = await measured(() => load(boardUrl, { headers: auth, concurrency, seconds, warmupSeconds: 1 }));

    // what people type into the board's search: a device, a service, two words, a colleague's
    // name, an error code, order or incident numbers, a ticket number
    const terms = [
      'Drucker',
      'VPN',
      'Outlook Kalender',
      'Toner magenta',
      'Passwort zurücksetzen',
      'Becker',
      '0x80070005',
      ...built.sampleReferences.slice(0, 2),
      ...built.sampleNumbers.slice(0, 1).map((n) => `#${n}`),
    ];
    const searches: { term: string; p50: number; p99: number; total: number; errors: number; cpuMs: number }[] = [];
    for (const term of terms) {
      const url = new URL(`/api/tickets?pageSize=50&q=${encodeURIComponent(term)}`, server.url);
      const count = 60;
      const s = await measured(async () => ({ ...(await sequential(url, { headers: auth, count, warmup: 5 })), requests: count + 5 }));
      searches.push({ term, p50: s.p50, p99: s.p99, total: (JSON.parse(s.lastBody) as { total: number }).total, errors: s.errors, cpuMs: s.cpuMs });
    }
    const searchP50 = [...searches.map((s) => s.p50)].sort((a, b) => a - b)[Math.floor(searches.length / 2)]!;

    const cols = (...c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(36) : x.padStart(8))).join(' ');
    out('  ' + cols('endpoint', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'cpu ms', 'errors'));
    for (const [name, r] of [['GET /api/health', health], ['GET /api/tickets?pageSize=50', board]] as const) {
      out('  ' + cols(name, fmt(r.rps, 0), fmt(r.p50), fmt(r.p99), fmt(r.max), fmt(r.cpuMs), String(r.errors)));
    }
    out();
    out('  ' + cols('search (one request at a time)', 'hits', 'p50 ms', 'p99 ms', '', 'cpu ms', 'errors'));
    for (const s of searches) out('  ' + cols(`q=${s.term}`, String(s.total), fmt(s.p50), fmt(s.p99), '', fmt(s.cpuMs), String(s.errors)));
    out();
    out(`  cpu ms: the server process's CPU time per request (unlike wall-clock times, not inflated by other`);
    out(`  work on the machine); load average during the run ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    out();

    const ratio = board.rps / health.rps;
    const spread = board.p99 / board.p50;
    const checks: [string, boolean][] = [
      [`board throughput ${fmt(ratio)} × health (target ≥ 0.25)`, ratio >= 0.25],
      [`board p99 ${fmt(spread, 1)} × p50 (target ≤ 4)`, spread <= 4],
      [`search p50 ${fmt(searchP50)} ms (target ≤ 5 ms)`, searchP50 <= 5],
      [`no failed requests`, health.errors + board.errors + searches.reduce((s, x) => s + x.errors, 0) === 0],
    ];
    for (const [text, ok] of checks) out(`  ${ok ? 'PASS' : 'MISS'}  ${text}`);
    failed = checks.some(([, ok]) => !ok);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    if (!flag('keep') && !reuse) rmSync(dir, { recursive: true, force: true });
    else out(`\nFiles kept in ${dir} (reuse: npm run bench -- --db=${dbPath})`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(2);
});
