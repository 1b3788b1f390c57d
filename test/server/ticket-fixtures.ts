/**
 * Fixtures of the tickets suites: one "world" with every persona of DESIGN.md's access table,
 * signed in with bearer tokens, and helpers that create tickets, decisions and uploads through
 * the API (so the behaviour under test is the real one, not a fixture's idea of it).
 */
import { expect } from 'vitest';
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../server/config.js';
import { call, ORIGIN, testContext, type TestContext } from './helpers.js';
import { bearerSignIn, createAccount, expectErrorEnvelope, seedPartners, SP, SP_OTHER } from './auth-fixtures.js';

export const TYPE = `type-${SP}`;
export const AREA = `area-${SP}`;

/**
 * viewer, author (editor), colleague (another editor) and dispatcher of Nordwind; `other` is an
 * editor of Blue Harbor; `multi` is an editor of Müller (Ost) and dispatcher of Blue Harbor;
 * `agent` works for the system partner, `foreignAgent` for another one; `anon` has no session.
 */
export const PERSONAS = ['viewer', 'author', 'colleague', 'dispatcher', 'other', 'multi', 'agent', 'foreignAgent', 'anon'] as const;
export type Persona = (typeof PERSONAS)[number];

export const EMAILS: Record<Exclude<Persona, 'anon'>, string> = {
  viewer: 'anna.viewer@nordwind.example',
  author: 'erik.editor@nordwind.example',
  colleague: 'petra.schulz@nordwind.example',
  dispatcher: 'dora.dispatcher@nordwind.example',
  other: 'bob.editor@blueharbor.example',
  multi: 'max.multi@mueller-soehne.example',
  agent: 'alex.agent@servicedesk.example',
  foreignAgent: 'fiona.fremd@other-desk.example',
};

export interface World {
  t: TestContext;
  id: Record<Exclude<Persona, 'anon'>, string>;
  token: Record<Persona, string | undefined>;
}

export async function world(config: Partial<Config> = {}): Promise<World> {
  // limits given without a directory still get a fresh temporary one (never data/files)
  const uploads = config.uploads ? { ...config.uploads, dir: mkdtempSync(join(tmpdir(), 'portal-files-')) } : undefined;
  const t = await testContext({ ...config, ...(uploads ? { uploads } : {}) });
  await seedPartners(t.db, [
    { id: 'bp-nord', name: 'Nordwind Logistik GmbH' },
    { id: 'bp-blue', name: 'Blue Harbor Ltd' },
    { id: 'bp-ost', name: 'Müller & Söhne (Ost) GmbH' },
    { id: 'bp-foreign', name: 'Fremdkunde AG', sp: SP_OTHER },
  ]);
  const id = {
    viewer: await createAccount(t, { email: EMAILS.viewer, name: 'Anna Vogel', memberships: [{ businessPartnerId: 'bp-nord', role: 'viewer' }] }),
    author: await createAccount(t, { email: EMAILS.author, name: 'Erik Engel', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] }),
    colleague: await createAccount(t, { email: EMAILS.colleague, name: 'Petra Schulz', memberships: [{ businessPartnerId: 'bp-nord', role: 'editor' }] }),
    dispatcher: await createAccount(t, { email: EMAILS.dispatcher, name: 'Dora Dietrich', memberships: [{ businessPartnerId: 'bp-nord', role: 'dispatcher' }] }),
    other: await createAccount(t, { email: EMAILS.other, name: 'Bob Baker', locale: 'en', memberships: [{ businessPartnerId: 'bp-blue', role: 'editor' }] }),
    multi: await createAccount(t, {
      email: EMAILS.multi,
      name: 'Max Multi',
      memberships: [
        { businessPartnerId: 'bp-ost', role: 'editor' },
        { businessPartnerId: 'bp-blue', role: 'dispatcher' },
      ],
    }),
    agent: await createAccount(t, { email: EMAILS.agent, name: 'Alex Agent', kind: 'agent' }),
    foreignAgent: await createAccount(t, { email: EMAILS.foreignAgent, name: 'Fiona Fremd', kind: 'agent', systemPartnerId: SP_OTHER }),
  };
  const w: World = { t, id, token: { anon: undefined } as Record<Persona, string | undefined> };
  await signInAll(w);
  return w;
}

/** (Re-)signs in every persona, e.g. after moving the clock past the sessions' lifetime. */
export async function signInAll(w: World): Promise<void> {
  for (const p of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) w.token[p] = await bearerSignIn(w.t, EMAILS[p]);
}

/** A JSON call as `who` (bearer token; none for anon). */
export function api(w: World, who: Persona, method: string, path: string, body?: unknown) {
  const token = w.token[who];
  return call(w.t.app, method, path, { ...(body === undefined ? {} : { body }), ...(token ? { token } : {}) });
}

export interface TicketInput {
  subject?: string;
  description?: string;
  tags?: string[];
  businessPartnerId?: string;
  referenceNo?: string | null;
  typeId?: string;
  areaId?: string;
  urgency?: 'low' | 'medium' | 'high';
  impact?: 'low' | 'medium' | 'high';
  release?: boolean;
  private?: boolean;
  attachmentIds?: string[];
}

export const ticketBody = (input: TicketInput = {}) => ({
  subject: 'Drucker im Lager druckt nicht',
  description: '<p>Seit heute Morgen kommt nichts mehr an.</p>',
  tags: [],
  typeId: TYPE,
  areaId: AREA,
  urgency: 'medium',
  impact: 'medium',
  release: false,
  private: false,
  ...input,
});

/** POST /api/tickets as `who`; expects 201 and returns the ticket. */
export async function createTicket(w: World, who: Persona, input: TicketInput = {}) {
  const r = await api(w, who, 'POST', '/api/tickets', ticketBody(input));
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; number: number; status: string; [k: string]: any };
}

/** Releases (or rejects) as `who`; expects 200. */
export async function decide(w: World, who: Persona, id: string, decision: 'release' | 'reject', reason = 'Geprüft und passt so.') {
  const r = await api(w, who, 'POST', `/api/tickets/${id}/${decision}`, { reason });
  expect(r.status, r.text).toBe(200);
  return r.json;
}

/** The kinds of ticket in DESIGN.md's access table. */
export const KINDS = ['pub', 'priv', 'awaiting', 'awaitingPriv', 'rejected', 'closed', 'blue'] as const;
export type Kind = (typeof KINDS)[number];

/** A word that occurs in exactly one kind's subject (for search checks). */
export const MARKER: Record<Kind, string> = {
  pub: 'quokka',
  priv: 'wombat',
  awaiting: 'numbat',
  awaitingPriv: 'dingo',
  rejected: 'bilby',
  closed: 'possum',
  blue: 'wallaby',
};

/**
 * One ticket of the given kind, made through the API: Nordwind tickets are written by
 * `author` and decided by `dispatcher` (released public, released private, awaiting release
 * public and private, rejected, released and closed); `blue` is written by `other` (Blue
 * Harbor) and released by `multi`.
 */
export async function makeTicket(w: World, kind: Kind, input: TicketInput = {}): Promise<string> {
  const subject = `Ticket ${MARKER[kind]} im Test`;
  if (kind === 'blue') {
    const tk = await createTicket(w, 'other', { subject, ...input });
    await decide(w, 'multi', tk.id, 'release');
    return tk.id;
  }
  const priv = kind === 'priv' || kind === 'awaitingPriv';
  const tk = await createTicket(w, 'author', { subject, private: priv, ...input });
  if (kind === 'pub' || kind === 'priv' || kind === 'closed') await decide(w, 'dispatcher', tk.id, 'release');
  if (kind === 'rejected') await decide(w, 'dispatcher', tk.id, 'reject');
  if (kind === 'closed') {
    const r = await api(w, 'author', 'POST', `/api/tickets/${tk.id}/close`, { reason: 'Hat sich erledigt, danke für die Hilfe.' });
    expect(r.status, r.text).toBe(200);
  }
  return tk.id;
}

/** One ticket of every kind. */
export async function ticketSet(w: World): Promise<Record<Kind, string>> {
  const set = {} as Record<Kind, string>;
  for (const k of KINDS) set[k] = await makeTicket(w, k);
  return set;
}

// ---------------------------------------------------------------------------------------------
// Multipart uploads

export interface UploadFile {
  name: string;
  data: Uint8Array | string;
  type?: string;
}

/** A multipart POST built with FormData (what browsers send). */
export async function upload(w: World, who: Persona, path: string, files: UploadFile[]) {
  const form = new FormData();
  for (const f of files) {
    const bytes = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: f.type ?? 'application/octet-stream' }), f.name);
  }
  return sendMultipart(w, who, path, form, {});
}

/**
 * A multipart POST with hand-written part headers, for names FormData would escape
 * (CR/LF, quotes). `filenameStar` sends the RFC 5987 form `filename*=UTF-8''…`.
 */
export async function uploadRaw(w: World, who: Persona, path: string, files: { header: string; data: Uint8Array | string }[]) {
  const boundary = '----portal-test-boundary-7d9a';
  const chunks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const f of files) {
    chunks.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${f.header}\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(typeof f.data === 'string' ? enc.encode(f.data) : f.data);
    chunks.push(enc.encode('\r\n'));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  return sendMultipart(w, who, path, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

async function sendMultipart(w: World, who: Persona, path: string, body: BodyInit, headers: Record<string, string>) {
  const token = w.token[who];
  const res = await w.t.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { origin: ORIGIN, ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** A GET whose body is kept as bytes (downloads). */
export async function download(w: World, who: Persona, path: string) {
  const token = w.token[who];
  const res = await w.t.app.request(`${ORIGIN}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) };
}

/** A valid 1×1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

/** Uploads draft pictures/files as `who` (POST /api/uploads) and returns their ids. */
export async function draftUpload(w: World, who: Persona, files: UploadFile[] = [{ name: 'bild.png', data: PNG }]) {
  const r = await upload(w, who, '/api/uploads', files);
  expect(r.status, r.text).toBe(201);
  return (r.json.items as { ok: boolean; attachment: { id: string } }[]).map((i) => i.attachment.id);
}

/** The error body without the part that differs per request. */
export const withoutRequestId = (json: any) => ({ ...json, error: { ...json.error, requestId: undefined } });

/** Outbox rows (oldest first). */
export const outbox = (w: World) => w.t.db.selectFrom('outbox').selectAll().orderBy(sql`rowid`).execute();

/**
 * `dbSnapshot` without the session table: using a session slides its idle expiry (at most once
 * a minute), which is the sign-in layer's bookkeeping, not an effect of the refused request.
 */
export async function dataSnapshot(db: World['t']['db']): Promise<{ counts: Record<string, number>; checksum: string }> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'session' order by name
  `.execute(db);
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    counts[name] = rows.rows.length;
    hash.update(name + '\n' + rows.rows.map((r) => JSON.stringify(r)).sort().join('\n') + '\n');
  }
  return { counts, checksum: hash.digest('hex') };
}

/** Runs `run`, expects the error envelope with `code`, and proves that no data changed. */
export async function refusedWithoutEffect(
  w: World,
  status: number,
  code: string,
  run: () => Promise<{ status: number; json: any; text: string; headers: Headers }>,
) {
  const before = await dataSnapshot(w.t.db);
  const r = await run();
  expectErrorEnvelope(r, status, code);
  const after = await dataSnapshot(w.t.db);
  expect(after.counts).toEqual(before.counts);
  expect(after.checksum).toBe(before.checksum);
  return r;
}
