/**
 * Calendar days never pass through a time zone (R-PLAN-4, STYLE.md "Data"): activity dates
 * written by a server process running in Pacific/Auckland read back identical from processes in
 * America/Los_Angeles and Europe/Berlin, and back again, and no `YYYY-MM-DD` moves by a day when
 * the clock stands just before or after midnight UTC, where the local day and the UTC day differ.
 *
 * Node fixes a process's zone at start-up, so each zone is a child process
 * (`plan-tz-child.ts`) on one shared SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { call, testContext } from './helpers.js';
import { bearerSignIn, createAccount, seedPartners } from './auth-fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./plan-tz-child.ts', import.meta.url));

interface ChildOut {
  timeZone: string;
  localDays: string[];
  answers: any[];
  rows: { title: string; start_date: string; end_date: string; created_at: string; updated_at: string; version: number }[];
}

/** Runs the steps in a fresh Node process whose zone is `tz`. */
function inZone(tz: string, dbFile: string, steps: unknown[]): ChildOut {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dbFile, JSON.stringify(steps)], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`child in ${tz} failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as ChildOut;
}

const dir = mkdtempSync(join(tmpdir(), 'portal-tz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** title → [start, end] */
const datesOf = (activities: any[]) => Object.fromEntries(activities.map((a) => [a.title, [a.startDate, a.endDate]]));

describe('plan dates across time zones', () => {
  it('written in Auckland, read and changed in Los Angeles and Berlin, read back in Auckland: identical', { timeout: 120_000 }, () => {
    const db = join(dir, 'portal.db');

    // Auckland, 23:30 UTC: locally already the next day
    const nz = inZone('Pacific/Auckland', db, [
      { op: 'clock', at: '2026-03-09T23:30:00.000Z' },
      { op: 'setup' },
      { op: 'create', title: 'A Mitternacht', startDate: '2026-03-09', endDate: '2026-03-09' },
      { op: 'create', title: 'B Folgetag', startDate: '2026-03-10', endDate: '2026-03-11' },
      { op: 'clock', at: '2026-03-10T00:30:00.000Z' },
      { op: 'patch', title: 'A Mitternacht', fields: { endDate: '2026-03-10' } },
      { op: 'create', title: 'C Monatsende', startDate: '2026-03-31', endDate: '2026-04-01' },
      { op: 'create', title: 'D Schalttag', startDate: '2028-02-29', endDate: '2028-03-01' },
      // across the European switch to summer time (29 March) and the end of New Zealand's (5 April)
      { op: 'create', title: 'E Zeitumstellung', startDate: '2026-03-28', endDate: '2026-04-05' },
      { op: 'read' },
    ]);
    expect(nz.timeZone).toBe('Pacific/Auckland');
    expect(nz.localDays).toEqual(['2026-03-10', '2026-03-10']);
    const [createdA, createdB] = nz.answers;
    expect(createdA).toMatchObject({ startDate: '2026-03-09', endDate: '2026-03-09', createdAt: '2026-03-09T23:30:00.000Z' });
    expect(createdB).toMatchObject({ startDate: '2026-03-10', endDate: '2026-03-11', createdAt: '2026-03-09T23:30:00.000Z' });
    expect(nz.answers[2]).toMatchObject({ startDate: '2026-03-09', endDate: '2026-03-10', updatedAt: '2026-03-10T00:30:00.000Z', version: 2 });
    const nzRead = nz.answers.at(-1);
    expect(datesOf(nzRead)).toEqual({
      'A Mitternacht': ['2026-03-09', '2026-03-10'],
      'B Folgetag': ['2026-03-10', '2026-03-11'],
      'C Monatsende': ['2026-03-31', '2026-04-01'],
      'D Schalttag': ['2028-02-29', '2028-03-01'],
      'E Zeitumstellung': ['2026-03-28', '2026-04-05'],
    });
    // stored as sent
    expect(nz.rows.map((r) => [r.title, r.start_date, r.end_date])).toEqual(nzRead.map((a: any) => [a.title, a.startDate, a.endDate]));

    // Los Angeles, 00:30 UTC: locally still the day before
    const la = inZone('America/Los_Angeles', db, [
      { op: 'clock', at: '2026-03-10T00:30:00.000Z' },
      { op: 'read' },
      { op: 'patch', title: 'B Folgetag', fields: { startDate: '2026-03-09' } },
      { op: 'clock', at: '2026-03-10T23:30:00.000Z' },
      { op: 'create', title: 'F Los Angeles', startDate: '2026-03-10', endDate: '2026-03-10' },
      { op: 'read' },
    ]);
    expect(la.timeZone).toBe('America/Los_Angeles');
    expect(la.localDays).toEqual(['2026-03-09', '2026-03-10']);
    // exactly what Auckland saw: dates, instants, versions
    expect(la.answers[0]).toEqual(nzRead);
    expect(la.answers[1]).toMatchObject({ startDate: '2026-03-09', endDate: '2026-03-11', updatedAt: '2026-03-10T00:30:00.000Z' });
    expect(la.answers[2]).toMatchObject({ startDate: '2026-03-10', endDate: '2026-03-10', createdAt: '2026-03-10T23:30:00.000Z' });
    const laRead = la.answers.at(-1);

    // Berlin, 23:30 UTC: locally already the next day
    const de = inZone('Europe/Berlin', db, [
      { op: 'clock', at: '2026-03-10T23:30:00.000Z' },
      { op: 'read' },
      { op: 'patch', title: 'C Monatsende', fields: { endDate: '2026-04-02' } },
      { op: 'read' },
    ]);
    expect(de.timeZone).toBe('Europe/Berlin');
    expect(de.localDays).toEqual(['2026-03-11']);
    expect(de.answers[0]).toEqual(laRead);
    const deRead = de.answers.at(-1);

    // and back in Auckland
    const back = inZone('Pacific/Auckland', db, [{ op: 'clock', at: '2026-03-11T00:30:00.000Z' }, { op: 'read' }]);
    expect(back.answers[0]).toEqual(deRead);
    expect(datesOf(deRead)).toEqual({
      'A Mitternacht': ['2026-03-09', '2026-03-10'],
      'B Folgetag': ['2026-03-09', '2026-03-11'],
      'C Monatsende': ['2026-03-31', '2026-04-02'],
      'D Schalttag': ['2028-02-29', '2028-03-01'],
      'E Zeitumstellung': ['2026-03-28', '2026-04-05'],
      'F Los Angeles': ['2026-03-10', '2026-03-10'],
    });
    // the instants are UTC everywhere
    for (const a of deRead) {
      expect(a.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(a.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(back.rows).toEqual(de.rows);
  });
});

describe('plan dates around midnight UTC (injected clock, this process)', () => {
  it.each([
    ['23:30 UTC', '2026-03-09T23:30:00.000Z', '2026-03-09', '2026-03-10'],
    ['00:30 UTC', '2026-03-10T00:30:00.000Z', '2026-03-10', '2026-03-09'],
    ['23:59:59.999 UTC on New Year’s Eve', '2026-12-31T23:59:59.999Z', '2026-12-31', '2027-01-01'],
    ['00:00 UTC on New Year’s Day', '2027-01-01T00:00:00.000Z', '2027-01-01', '2026-12-31'],
  ])('at %s the UTC day and its neighbour stay what was sent', async (_, at, today, neighbour) => {
    const t = await testContext();
    t.clock.set(at);
    await seedPartners(t.db, [{ id: 'bp-nord', name: 'Nordwind Logistik GmbH' }]);
    await createAccount(t, { email: 'alex.agent@servicedesk.example', kind: 'agent' });
    await createAccount(t, { email: 'dora.dispatcher@nordwind.example', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] });
    const agent = await bearerSignIn(t, 'alex.agent@servicedesk.example');
    const dora = await bearerSignIn(t, 'dora.dispatcher@nordwind.example');
    const board = await call(t.app, 'POST', '/api/agent/plan/boards', { token: agent, body: { title: 'Mitternacht', columns: ['A'] } });
    expect(board.status, board.text).toBe(201);
    await call(t.app, 'PUT', `/api/agent/plan/boards/${board.json.id}/members`, { token: agent, body: { members: [{ email: 'dora.dispatcher@nordwind.example', role: 'editor' }] } });
    const [first, last] = [today, neighbour].sort() as [string, string];
    const created = await call(t.app, 'POST', `/api/agent/plan/boards/${board.json.id}/activities`, {
      token: agent,
      body: { columnId: board.json.columns[0].id, title: 'Über Mitternacht', startDate: today, endDate: today },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ startDate: today, endDate: today, createdAt: at });

    const changed = await call(t.app, 'PATCH', `/api/plan-activities/${created.json.id}`, { token: dora, body: { version: 1, startDate: first, endDate: last } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ startDate: first, endDate: last, updatedAt: at });
    t.clock.advance(60 * 60_000);
    const read = await call(t.app, 'GET', `/api/planboards/${board.json.id}`, { token: dora });
    expect(read.json.activities[0]).toMatchObject({ startDate: first, endDate: last });
    const row = await t.db.selectFrom('plan_activity').select(['start_date', 'end_date']).executeTakeFirstOrThrow();
    expect(row).toEqual({ start_date: first, end_date: last });
  });
});
