/**
 * npm run soak — crash safety, online backup and load (issue 8). Not part of `npm test`.
 *
 *   1. Crash rounds: the real server (server/main.ts, demo data) takes a write load — tickets,
 *      positions, uploads from several accounts at once — and is killed with SIGKILL in the
 *      middle of it, then restarted on the same database and attachment directory. Every write
 *      that was answered 2xx must be there and intact (subject, text, file bytes), and nothing
 *      may be half-written (integrity and foreign-key checks, every ticket with its history,
 *      list row and search entry, every attachment row with its file). Repeated --rounds times.
 *   2. Online backup while writing: `npm run portal -- backup <file>` during a write load; the
 *      copy passes `PRAGMA integrity_check`, holds every write acknowledged before the backup
 *      began, and a server starts on it and serves those tickets (the restore of README.md).
 *   3. Load: --clients clients for --seconds seconds on a mixed read/write workload (board,
 *      detail, search, create, position, upload): errors, p50/p99 per route, server memory.
 *
 * Prints a table; writes test-results/soak.json and the `soak` section of security.json.
 * Exits 1 when a write was lost, something was half-written, the backup failed or a request
 * of the load failed.
 *
 * Options: --rounds=20 --seconds=60 --clients=64 --only=crash,backup,load --keep
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Client, Latencies, READERS, sha256, unique, WRITERS } from './client.js';
import { root, runCli, startServer, type SoakServer } from './server.js';
import { recordSecurityFigures } from '../server/security-figures.js';

function option(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}
const ROUNDS = Number(option('rounds', '20'));
const SECONDS = Number(option('seconds', '60'));
const CLIENTS = Number(option('clients', '64'));
const ONLY = option('only', 'crash,backup,load').split(',');
const KEEP = process.argv.includes('--keep');

const out = (line = '') => process.stdout.write(line + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function table(rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  for (const r of cells) out(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
}

// ---------------------------------------------------------------------------------------------
// Writes and their verification

interface Acked {
  kind: 'ticket' | 'position' | 'file';
  by: string;
  ticketId: string;
  id: string;
  marker: string;
  sha?: string;
  subject?: string;
  at: number;
}

interface WriteLoad {
  acked: Acked[];
  /** failures while the server was up (network errors after a kill are expected) */
  errors: string[];
  stop(): Promise<void>;
}

/** Writers in parallel, each: ticket → position → upload, again and again, until stopped. */
function writeLoad(clients: Map<string, Client>, writers: number, tag: string): WriteLoad {
  const acked: Acked[] = [];
  const errors: string[] = [];
  let stopped = false;
  const loop = async (email: string) => {
    const c = clients.get(email)!;
    while (!stopped) {
      try {
        const m = unique();
        const subject = `Soak ${tag} ${m}`;
        const t = await c.send('POST', '/api/tickets', c.ticket(subject, `Beschreibung ${m}`));
        if (t.status !== 201) {
          if (!stopped) errors.push(`create ${t.status} ${JSON.stringify(t.json).slice(0, 200)}`);
          continue;
        }
        acked.push({ kind: 'ticket', by: email, ticketId: t.json.id, id: t.json.id, marker: m, subject, at: Date.now() });
        const p = await c.send('POST', `/api/tickets/${t.json.id}/positions`, { body: `<p>Position ${m}</p>` });
        if (p.status === 201) acked.push({ kind: 'position', by: email, ticketId: t.json.id, id: p.json.id, marker: m, at: Date.now() });
        else if (!stopped) errors.push(`position ${p.status}`);
        const data = randomBytes(1024 + randomInt(16 * 1024));
        const u = await c.upload(`/api/tickets/${t.json.id}/attachments`, `soak-${m}.bin`, data);
        if (u.status === 201) acked.push({ kind: 'file', by: email, ticketId: t.json.id, id: u.json.items[0].attachment.id, marker: m, sha: sha256(data), at: Date.now() });
        else if (!stopped) errors.push(`upload ${u.status}`);
      } catch (e) {
        // the server is gone (killed): the request got no answer, so nothing was acknowledged
        if (stopped) return;
        await sleep(20);
      }
    }
  };
  const loops = Array.from({ length: writers }, (_, i) => loop(WRITERS[i % WRITERS.length]!));
  return {
    acked,
    errors,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Acknowledged writes that are missing or not intact, read through the API. */
async function lostWrites(base: string, tokens: Map<string, string>, acked: Acked[]): Promise<string[]> {
  const lost: string[] = [];
  const clients = new Map([...tokens].map(([email, token]) => [email, new Client(base, token)]));
  const positions = new Map<string, { id: string; bodyHtml: string }[]>();
  for (const a of acked) {
    const c = clients.get(a.by)!;
    if (a.kind === 'ticket') {
      const r = await c.send('GET', `/api/tickets/${a.id}`);
      if (r.status !== 200) lost.push(`ticket ${a.id}: ${r.status}`);
      else if (r.json.subject !== a.subject || !String(r.json.descriptionHtml).includes(a.marker)) lost.push(`ticket ${a.id}: not intact`);
      else {
        // written whole: its board row and search entry came with it
        const found = await c.send('GET', `/api/tickets?q=${a.marker}`);
        if (found.status !== 200 || !found.json.items.some((t: { id: string }) => t.id === a.id)) lost.push(`ticket ${a.id}: not found by searching for its text`);
      }
    } else if (a.kind === 'position') {
      if (!positions.has(a.ticketId)) {
        const r = await c.send('GET', `/api/tickets/${a.ticketId}/positions`);
        positions.set(a.ticketId, r.status === 200 ? r.json.items : []);
      }
      const p = positions.get(a.ticketId)!.find((x) => x.id === a.id);
      if (!p || !p.bodyHtml.includes(a.marker)) lost.push(`position ${a.id}: ${p ? 'not intact' : 'missing'}`);
    } else {
      const d = await c.download(`/api/attachments/${a.id}`);
      if (d.status !== 200) lost.push(`file ${a.id}: ${d.status}`);
      else if (sha256(d.bytes) !== a.sha) lost.push(`file ${a.id}: bytes differ`);
    }
  }
  return lost;
}

/** What a database (and its attachment directory) has that is half-written; [] when nothing. */
function halfWritten(dbPath: string, filesDir: string | null): { problems: string[]; orphanFiles: number } {
  const db = new SQLite(dbPath, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  try {
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`${fk.length} rows break foreign keys`);
    const count = (q: string) => Number((db.prepare(q).get() as { n: number }).n);
    const hasList = count(`select count(*) as n from sqlite_master where type = 'table' and name = 'ticket_list'`) > 0;
    const checks: [string, string][] = [
      ['tickets without their "created" history entry', `select count(*) as n from ticket t where not exists (select 1 from position p where p.ticket_id = t.id and p.event = 'created')`],
      ['tickets missing from the board list', `select count(*) as n from ticket where id not in (select id from ticket_list)`],
      ['board list rows without a ticket', `select count(*) as n from ticket_list where id not in (select id from ticket)`],
      ['positions of missing tickets', `select count(*) as n from position where ticket_id not in (select id from ticket)`],
    ];
    for (const [what, q] of checks.filter(([, q]) => hasList || !q.includes('ticket_list'))) {
      const n = count(q);
      if (n) problems.push(`${n} ${what}`);
    }
    let orphanFiles = 0;
    if (filesDir) {
      const keys = new Set((db.prepare('select storage_key from attachment').all() as { storage_key: string }[]).map((r) => r.storage_key));
      const onDisk = existsSync(filesDir) ? readdirSync(filesDir) : [];
      const missing = [...keys].filter((k) => !onDisk.includes(k));
      if (missing.length) problems.push(`${missing.length} attachment rows without their file`);
      orphanFiles = onDisk.filter((f) => !keys.has(f)).length;
    }
    return { problems, orphanFiles };
  } finally {
    db.close();
  }
}

async function signInAll(base: string, emails: readonly string[]): Promise<Map<string, Client>> {
  const clients = new Map<string, Client>();
  for (const e of emails) clients.set(e, await Client.signIn(base, e));
  return clients;
}

// ---------------------------------------------------------------------------------------------

interface CrashRound {
  round: number;
  killedAfterMs: number;
  acked: number;
  lost: number;
  problems: string[];
  orphanFiles: number;
}

async function crashRounds(dir: string): Promise<{ rounds: CrashRound[]; server: SoakServer }> {
  const dbPath = join(dir, 'portal.db');
  const filesDir = join(dir, 'files');
  let server = await startServer(dbPath, filesDir);
  const clients = await signInAll(server.url, WRITERS);
  const tokens = new Map([...clients].map(([e, c]) => [e, c.token]));
  const rounds: CrashRound[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // sessions live in the database: the tokens from before the last kill still work
    const live = new Map([...tokens].map(([e, t]) => {
      const c = new Client(server.url, t);
      const before = clients.get(e)!;
      c.typeId = before.typeId;
      c.areaId = before.areaId;
      return [e, c];
    }));
    const load = writeLoad(live, 8, `r${round}`);
    const killedAfterMs = 300 + randomInt(1500);
    await sleep(killedAfterMs);
    await server.kill();
    await load.stop();
    server = await startServer(dbPath, filesDir);
    const lost = await lostWrites(server.url, tokens, load.acked);
    const { problems, orphanFiles } = halfWritten(dbPath, filesDir);
    problems.push(...load.errors.map((e) => `while running: ${e}`));
    rounds.push({ round, killedAfterMs, acked: load.acked.length, lost: lost.length, problems: [...lost.slice(0, 5), ...problems], orphanFiles });
    out(`  round ${round}/${ROUNDS}: ${load.acked.length} writes acknowledged, ${lost.length} lost${problems.length ? `, ${problems.join('; ')}` : ''}`);
  }
  return { rounds, server };
}

interface BackupResult {
  ok: boolean;
  integrity: string;
  ackedBefore: number;
  presentInBackup: number;
  serverStarts: boolean;
  ticketsServed: number;
  problems: string[];
  ms: number;
}

async function onlineBackup(dir: string, server: SoakServer): Promise<BackupResult> {
  const dbPath = join(dir, 'portal.db');
  const filesDir = join(dir, 'files');
  const clients = await signInAll(server.url, WRITERS);
  const load = writeLoad(clients, 8, 'backup');
  await sleep(1500);
  const backupFile = join(dir, 'backup', `portal-${Date.now()}.db`);
  const began = Date.now();
  const cli = await runCli(['backup', backupFile], dbPath, filesDir);
  const ms = Date.now() - began;
  await sleep(500);
  await load.stop();
  const problems: string[] = [];
  if (cli.code !== 0) problems.push(`backup exited ${cli.code}: ${cli.out.trim()}`);
  if (!existsSync(backupFile)) return { ok: false, integrity: 'no file', ackedBefore: 0, presentInBackup: 0, serverStarts: false, ticketsServed: 0, problems, ms };

  const db = new SQLite(backupFile, { readonly: true });
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  db.close();
  problems.push(...halfWritten(backupFile, null).problems);
  const before = load.acked.filter((a) => a.kind === 'ticket' && a.at < began);
  const db2 = new SQLite(backupFile, { readonly: true });
  const has = db2.prepare('select 1 from ticket where id = ? and subject = ?');
  const present = before.filter((a) => has.get(a.id, a.subject)).length;
  db2.close();
  if (present !== before.length) problems.push(`${before.length - present} tickets acknowledged before the backup began are not in it`);

  // the restore of README.md: the backup file (and a copy of the attachment directory) in place, start
  const restored = join(dir, 'restored');
  mkdirSync(restored, { recursive: true });
  cpSync(backupFile, join(restored, 'portal.db'));
  cpSync(filesDir, join(restored, 'files'), { recursive: true });
  let serverStarts = false;
  let ticketsServed = 0;
  try {
    const s = await startServer(join(restored, 'portal.db'), join(restored, 'files'), { PORTAL_SEED: 'none' });
    serverStarts = (await fetch(`${s.url}/api/health`)).ok;
    const c = new Client(s.url, clients.get(WRITERS[0])!.token);
    for (const a of before.filter((x) => x.by === WRITERS[0])) {
      const r = await c.send('GET', `/api/tickets/${a.id}`);
      if (r.status === 200 && r.json.subject === a.subject) ticketsServed++;
      else problems.push(`restored server: ticket ${a.id} answered ${r.status}`);
    }
    await s.stop();
  } catch (e) {
    problems.push(`the server did not start on the backup: ${(e as Error).message.split('\n')[0]}`);
  }
  return { ok: problems.length === 0 && integrity === 'ok' && serverStarts, integrity, ackedBefore: before.length, presentInBackup: present, serverStarts, ticketsServed, problems, ms };
}

interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  routes: ReturnType<Latencies['summary']>;
  memoryMb: { start: number; max: number; end: number };
}

async function loadTest(server: SoakServer): Promise<LoadResult> {
  const accounts = await signInAll(server.url, [...WRITERS, ...READERS]);
  const lat = new Latencies();
  const words = ['Drucker', 'VPN', 'Passwort', 'Lager', 'Netzwerk', 'Soak', 'Monitor', 'Zugang'];
  const rssStart = server.rssMb();
  let rssMax = rssStart;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, server.rssMb());
  }, 500);
  const deadline = Date.now() + SECONDS * 1000;

  const client = async (i: number) => {
    const writer = i % 5 < 3;
    const email = writer ? WRITERS[i % WRITERS.length]! : READERS[i % READERS.length]!;
    const c = accounts.get(email)!;
    const mine: string[] = [];
    const seen: string[] = [];
    const timed = async (route: string, run: () => Promise<{ status: number; ms: number; json: any }>, ok: number) => {
      try {
        const r = await run();
        if (r.status !== ok) lat.fail(route, `${r.status} ${JSON.stringify(r.json).slice(0, 160)}`);
        else lat.add(route, r.ms);
        return r;
      } catch (e) {
        lat.fail(route, (e as Error).message);
        return null;
      }
    };
    while (Date.now() < deadline) {
      const roll = Math.random();
      if (roll < 0.3 || seen.length === 0) {
        const r = await timed('GET /api/tickets (board)', () => c.send('GET', `/api/tickets?pageSize=25&page=${1 + randomInt(3)}`), 200);
        if (r?.json?.items) for (const t of r.json.items.slice(0, 10)) if (!seen.includes(t.id)) seen.push(t.id);
      } else if (roll < 0.55) {
        const id = seen[randomInt(seen.length)]!;
        await timed('GET /api/tickets/:id (detail)', () => c.send('GET', `/api/tickets/${id}`), 200);
      } else if (roll < 0.7) {
        const q = words[randomInt(words.length)]!;
        await timed('GET /api/tickets?q= (search)', () => c.send('GET', `/api/tickets?q=${encodeURIComponent(q)}&pageSize=25`), 200);
      } else if (!writer) {
        await timed('GET /api/dashboard', () => c.send('GET', '/api/dashboard'), 200);
      } else if (roll < 0.8 || mine.length === 0) {
        const m = unique();
        const r = await timed('POST /api/tickets (create)', () => c.send('POST', '/api/tickets', c.ticket(`Last ${m}`, `Lasttest ${m}`)), 201);
        if (r?.json?.id) mine.push(r.json.id);
      } else if (roll < 0.9) {
        const id = mine[randomInt(mine.length)]!;
        await timed('POST /api/tickets/:id/positions', () => c.send('POST', `/api/tickets/${id}/positions`, { body: `<p>Nachtrag ${unique()}</p>` }), 201);
      } else {
        const id = mine[randomInt(mine.length)]!;
        await timed('POST /api/tickets/:id/attachments (upload)', () => c.upload(`/api/tickets/${id}/attachments`, `last-${unique()}.bin`, randomBytes(4096 + randomInt(60 * 1024))), 201);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  clearInterval(sampler);
  const routes = lat.summary();
  return {
    clients: CLIENTS,
    seconds: SECONDS,
    requests: routes.reduce((n, r) => n + r.requests, 0),
    errors: routes.reduce((n, r) => n + r.errors, 0),
    routes,
    memoryMb: { start: rssStart, max: Math.max(rssMax, server.rssMb()), end: server.rssMb() },
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'portal-soak-'));
  out(`Soak run in ${dir} (rounds ${ROUNDS}, load ${CLIENTS} clients × ${SECONDS} s)`);
  const result: Record<string, unknown> = {};
  let failed = false;
  let server: SoakServer | null = null;
  try {
    if (ONLY.includes('crash')) {
      out('\nCrash safety: SIGKILL in the middle of a write load, restart, check');
      const crash = await crashRounds(dir);
      server = crash.server;
      const rounds = crash.rounds;
      const lost = rounds.reduce((n, r) => n + r.lost, 0);
      const halfWrittenRounds = rounds.filter((r) => r.problems.length > 0).length;
      result.crash = { rounds: rounds.length, acked: rounds.reduce((n, r) => n + r.acked, 0), writesLost: lost, roundsWithProblems: halfWrittenRounds, orphanFilesAtEnd: rounds.at(-1)?.orphanFiles ?? 0, detail: rounds };
      if (lost > 0 || halfWrittenRounds > 0) failed = true;
      out('');
      table([
        ['round', 'killed after ms', 'writes acknowledged', 'lost', 'half-written', 'files without row'],
        ...rounds.map((r) => [r.round, r.killedAfterMs, r.acked, r.lost, r.problems.length ? r.problems.join('; ') : 'none', r.orphanFiles]),
      ]);
    }
    if (ONLY.includes('backup')) {
      server ??= await startServer(join(dir, 'portal.db'), join(dir, 'files'));
      out('\nOnline backup while writing (npm run portal -- backup <file>)');
      const b = await onlineBackup(dir, server);
      result.backup = b;
      if (!b.ok) failed = true;
      table([
        ['integrity_check', 'tickets acknowledged before', 'in the backup', 'server starts on it', 'tickets served', 'backup took', 'problems'],
        [b.integrity, b.ackedBefore, b.presentInBackup, b.serverStarts ? 'yes' : 'NO', b.ticketsServed, `${b.ms} ms`, b.problems.join('; ') || 'none'],
      ]);
    }
    if (ONLY.includes('load')) {
      server ??= await startServer(join(dir, 'portal.db'), join(dir, 'files'));
      out(`\nLoad: ${CLIENTS} clients for ${SECONDS} s (board, detail, search, dashboard, create, position, upload)`);
      const l = await loadTest(server);
      result.load = l;
      if (l.errors > 0) failed = true;
      table([
        ['route', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms'],
        ...l.routes.map((r) => [r.route, r.requests, r.errors, fmt(r.p50), fmt(r.p99), fmt(r.max)]),
        ['all', l.requests, l.errors, '', '', ''],
      ]);
      out(`server memory (RSS): ${fmt(l.memoryMb.start)} MB at the start, ${fmt(l.memoryMb.max)} MB at most, ${fmt(l.memoryMb.end)} MB at the end`);
      for (const r of l.routes.filter((x) => x.sampleError)) out(`  first error of ${r.route}: ${r.sampleError}`);
    }
  } finally {
    await server?.stop();
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(join(root, 'test-results/soak.json'), JSON.stringify({ ...result, failed, finishedAt: new Date().toISOString() }, null, 2) + '\n');
    const crash = result.crash as { rounds: number; acked: number; writesLost: number; roundsWithProblems: number } | undefined;
    const backup = result.backup as BackupResult | undefined;
    const load = result.load as LoadResult | undefined;
    await recordSecurityFigures('soak', {
      ...(crash ? { crashRounds: crash.rounds, writesAcknowledged: crash.acked, writesLost: crash.writesLost, roundsHalfWritten: crash.roundsWithProblems } : {}),
      ...(backup ? { backupOk: backup.ok, backupIntegrity: backup.integrity } : {}),
      ...(load ? { loadClients: load.clients, loadSeconds: load.seconds, loadRequests: load.requests, loadErrors: load.errors, memoryMaxMb: Math.round(load.memoryMb.max) } : {}),
    });
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
  out(`\n${failed ? 'FAILED' : 'passed'} (details in test-results/soak.json)`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`soak: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
