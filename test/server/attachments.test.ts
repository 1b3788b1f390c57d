/**
 * Attachments (R-WIZ-3, R-TICKET-2): multipart uploads with per-file, per-request and count
 * limits; content types from the bytes; file names that round-trip byte-exact and names that
 * are made safe; downloads that pass the ticket's access rules and can never run in the
 * portal's origin (attachment disposition, nosniff, a sandboxing CSP).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { defaultConfig } from '../../server/config.js';
import { expectErrorEnvelope } from './auth-fixtures.js';
import {
  api,
  dataSnapshot,
  download,
  draftUpload,
  makeTicket,
  PNG,
  refusedWithoutEffect,
  upload,
  uploadRaw,
  withoutRequestId,
  world,
  type World,
} from './ticket-fixtures.js';

const KB = 1024;
const limits = { uploads: { ...defaultConfig().uploads, maxFileBytes: 64 * KB, maxRequestBytes: 200 * KB, maxFiles: 4 } };

const filesOnDisk = (w: World) => readdirSync(w.t.deps.config.uploads.dir).sort();
const bytes = (n: number, fill = 0x41) => new Uint8Array(n).fill(fill);

/** The exact file name a download announces in `filename*` (RFC 5987). */
function starName(disposition: string | null): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  expect(m, disposition ?? '').not.toBeNull();
  return decodeURIComponent(m![1]!);
}

describe('uploading to a ticket', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = await world(limits);
    id = await makeTicket(w, 'pub');
  });

  it('stores the files, records them and answers 201 per file', async () => {
    w.t.clock.advance(60_000);
    const text = 'Protokoll\nZeile 2\n';
    const r = await upload(w, 'author', `/api/tickets/${id}/attachments`, [
      { name: 'bild.png', data: PNG, type: 'image/png' },
      { name: 'protokoll.txt', data: text, type: 'text/plain' },
    ]);
    expect(r.status, r.text).toBe(201);
    expect(r.json.items).toEqual([
      {
        fileName: 'bild.png',
        ok: true,
        attachment: { id: expect.any(String), fileName: 'bild.png', contentType: 'image/png', size: PNG.length, url: expect.stringMatching(/^\/api\/attachments\/[a-z0-9]+$/), previewable: true, createdAt: w.t.clock.now().toISOString() },
      },
      {
        fileName: 'protokoll.txt',
        ok: true,
        attachment: expect.objectContaining({ fileName: 'protokoll.txt', contentType: 'text/plain', size: Buffer.byteLength(text), previewable: false }),
      },
    ]);
    const rows = await w.t.db.selectFrom('attachment').selectAll().where('ticket_id', '=', id).orderBy('file_name').execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const onDisk = readFileSync(join(w.t.deps.config.uploads.dir, row.storage_key));
      expect(createHash('sha256').update(onDisk).digest('hex')).toBe(row.sha256);
      expect(row.uploaded_by).toBe(w.id.author);
    }
    expect(filesOnDisk(w)).toEqual(rows.map((r) => r.storage_key).sort());
    const detail = await api(w, 'viewer', 'GET', `/api/tickets/${id}`);
    expect(detail.json.attachments.map((a: any) => a.fileName).sort()).toEqual(['bild.png', 'protokoll.txt']);
    expect(detail.json.updatedAt).toBe(w.t.clock.now().toISOString());
    const history = (await api(w, 'viewer', 'GET', `/api/tickets/${id}/positions`)).json.items;
    expect(history.at(-1)).toMatchObject({ event: 'attachments_added', data: { files: ['bild.png', 'protokoll.txt'] } });
    // the bytes come back unchanged
    const back = await download(w, 'colleague', `/api/attachments/${rows.find((r) => r.file_name === 'protokoll.txt')!.id}`);
    expect(back.status).toBe(200);
    expect(back.text).toBe(text);
  });

  it('a too-large file among good ones: the others are stored, that one has its own error', async () => {
    const r = await upload(w, 'author', `/api/tickets/${id}/attachments`, [
      { name: 'gut-1.txt', data: 'eins' },
      { name: 'riesig.bin', data: bytes(64 * KB + 1) },
      { name: 'gut-2.txt', data: 'zwei' },
    ]);
    expect(r.status, r.text).toBe(201);
    expect(r.json.items.map((i: any) => [i.fileName, i.ok])).toEqual([
      ['gut-1.txt', true],
      ['riesig.bin', false],
      ['gut-2.txt', true],
    ]);
    expect(r.json.items[1].error.code).toBe('payload_too_large');
    expect(r.json.items[1].error.message).toContain('64 KB');
    expect(filesOnDisk(w)).toHaveLength(2);
    expect(filesOnDisk(w).every((f) => /^[a-z0-9]{32}$/.test(f))).toBe(true);
  });

  it('a file of exactly the limit is fine', async () => {
    const r = await upload(w, 'author', `/api/tickets/${id}/attachments`, [{ name: 'genau.bin', data: bytes(64 * KB) }]);
    expect(r.status, r.text).toBe(201);
    expect(r.json.items[0].attachment.size).toBe(64 * KB);
  });

  it('only too-large files: 413 with the limit in the message, nothing kept', async () => {
    const r = await refusedWithoutEffect(w, 413, 'payload_too_large', () =>
      upload(w, 'author', `/api/tickets/${id}/attachments`, [{ name: 'riesig.bin', data: bytes(70 * KB) }]),
    );
    expect(r.json.error.message).toContain('64 KB');
    expect(r.json.error.details.limit).toBe(64 * KB);
    expect(filesOnDisk(w)).toEqual([]);
  });

  it('too much per request: 413 with the limit, nothing kept', async () => {
    const r = await refusedWithoutEffect(w, 413, 'payload_too_large', () =>
      upload(w, 'author', `/api/tickets/${id}/attachments`, [0, 1, 2, 3].map((i) => ({ name: `teil-${i}.bin`, data: bytes(60 * KB, 0x30 + i) }))),
    );
    expect(r.json.error.message).toContain('200 KB');
    expect(r.json.error.details.limit).toBe(200 * KB);
    expect(filesOnDisk(w)).toEqual([]);
  });

  it('too many files: 413 with the count, nothing kept', async () => {
    const r = await refusedWithoutEffect(w, 413, 'payload_too_large', () =>
      upload(w, 'author', `/api/tickets/${id}/attachments`, [0, 1, 2, 3, 4].map((i) => ({ name: `datei-${i}.txt`, data: `Datei ${i}` }))),
    );
    expect(r.json.error.message).toContain('4');
    expect(r.json.error.details.limit).toBe(4);
    expect(filesOnDisk(w)).toEqual([]);
  });

  it('empty files, no files and non-multipart bodies are refused', async () => {
    const empty = await refusedWithoutEffect(w, 422, 'validation_failed', () => upload(w, 'author', `/api/tickets/${id}/attachments`, [{ name: 'leer.txt', data: '' }]));
    expect(empty.json.error.message).toContain('leer.txt');
    await refusedWithoutEffect(w, 422, 'validation_failed', () => uploadRaw(w, 'author', `/api/tickets/${id}/attachments`, []));
    await refusedWithoutEffect(w, 415, 'unsupported_media_type', () => api(w, 'author', 'POST', `/api/tickets/${id}/attachments`, { file: 'x' }));
    expect(filesOnDisk(w)).toEqual([]);
  });

  it('viewers 403, closed tickets 409, agents use their own route', async () => {
    await refusedWithoutEffect(w, 403, 'forbidden', () => upload(w, 'viewer', `/api/tickets/${id}/attachments`, [{ name: 'a.txt', data: 'a' }]));
    const closed = await makeTicket(w, 'closed');
    await refusedWithoutEffect(w, 409, 'conflict', () => upload(w, 'author', `/api/tickets/${closed}/attachments`, [{ name: 'a.txt', data: 'a' }]));
    await refusedWithoutEffect(w, 403, 'forbidden', () => upload(w, 'agent', `/api/tickets/${id}/attachments`, [{ name: 'a.txt', data: 'a' }]));
    expect(filesOnDisk(w)).toEqual([]);
  });
});

describe('content types and serving', () => {
  let w: World;
  let id: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await world();
    id = await makeTicket(w, 'pub');
    const r = await upload(w, 'author', `/api/tickets/${id}/attachments`, [
      { name: 'bild.png', data: PNG, type: 'image/png' },
      { name: 'evil.png', data: 'alert(document.cookie); // a script renamed .png', type: 'image/png' },
      { name: 'seite.html', data: '<!doctype html><script>alert(1)</script>', type: 'text/html' },
      { name: 'grafik.svg', data: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', type: 'image/svg+xml' },
      { name: 'bild-als.txt', data: PNG, type: 'text/plain' },
      { name: 'bericht.pdf', data: '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', type: 'application/pdf' },
      { name: 'binär.bin', data: Uint8Array.from([0, 159, 146, 150, 0, 1, 2]), type: 'image/png' },
    ]);
    expect(r.status, r.text).toBe(201);
    for (const item of r.json.items) ids[item.fileName] = item.attachment.id;
  });

  it('sniffs the type from the bytes, never from the name or the client', async () => {
    const types = Object.fromEntries(
      (await w.t.db.selectFrom('attachment').select(['file_name', 'content_type']).where('ticket_id', '=', id).execute()).map((r) => [r.file_name, r.content_type]),
    );
    expect(types).toEqual({
      'bild.png': 'image/png',
      'evil.png': 'text/plain',
      'seite.html': 'text/plain',
      'grafik.svg': 'text/plain',
      'bild-als.txt': 'image/png',
      'bericht.pdf': 'application/pdf',
      'binär.bin': 'application/octet-stream',
    });
  });

  it('markup and scripts are never served inline, even when asked', async () => {
    for (const name of ['evil.png', 'seite.html', 'grafik.svg', 'bericht.pdf', 'binär.bin']) {
      for (const q of ['', '?inline=1']) {
        const r = await download(w, 'viewer', `/api/attachments/${ids[name]}${q}`);
        expect(r.status, name).toBe(200);
        const type = r.headers.get('content-type') ?? '';
        expect(type, name).not.toMatch(/html|svg|xml|javascript/i);
        expect(r.headers.get('content-disposition'), name).toMatch(/^attachment;/);
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('content-security-policy')).toMatch(/(^|;\s*)sandbox(;|$)/);
        expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(r.headers.get('cache-control')).toContain('no-store');
      }
    }
    expect((await download(w, 'viewer', `/api/attachments/${ids['evil.png']}?inline=1`)).headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('raster images are inline only on request (previews)', async () => {
    const inline = await download(w, 'viewer', `/api/attachments/${ids['bild.png']}?inline=1`);
    expect(inline.headers.get('content-type')).toBe('image/png');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(inline.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(inline.bytes).equals(Buffer.from(PNG))).toBe(true);
    const plain = await download(w, 'viewer', `/api/attachments/${ids['bild.png']}`);
    expect(plain.headers.get('content-disposition')).toMatch(/^attachment;/);
  });
});

describe('file names', () => {
  let w: World;
  let id: string;
  beforeAll(async () => {
    w = await world();
    id = await makeTicket(w, 'pub');
  });

  it.each([
    'Erklärung – Ü&Ä (final) #2.pdf',
    '报告.pdf',
    '😀.png',
    'Erkla\u0308rung Gru\u0308n.pdf',
    'Angebot "Müller" ; v2.txt',
    "it's 100% done.txt",
  ])('%s round-trips byte-exact through filename*', async (name) => {
    expect(name.length).toBeGreaterThan(0);
    const r = await upload(w, 'author', `/api/tickets/${id}/attachments`, [{ name, data: 'Inhalt' }]);
    expect(r.status, r.text).toBe(201);
    expect(r.json.items[0].attachment.fileName).toBe(name);
    const row = await w.t.db.selectFrom('attachment').select('file_name').where('id', '=', r.json.items[0].attachment.id).executeTakeFirstOrThrow();
    expect(Buffer.from(row.file_name).equals(Buffer.from(name))).toBe(true);
    const d = await download(w, 'viewer', `/api/attachments/${r.json.items[0].attachment.id}`);
    const disposition = d.headers.get('content-disposition')!;
    expect(Buffer.from(starName(disposition)).equals(Buffer.from(name))).toBe(true);
    // the fallback is plain ASCII and cannot break out of its quotes
    const fallback = /filename="([^"]*)"/.exec(disposition)![1]!;
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
  });

  it('makes dangerous names safe and keeps every file inside the upload directory', async () => {
    const cases: [string, string][] = [
      [`filename="../../../etc/passwd"`, 'passwd'],
      [`filename="..\\\\..\\\\windows\\\\win.ini"`, 'win.ini'],
      [`filename*=UTF-8''bericht%0D%0ASet-Cookie%3A%20x%3D1.txt`, 'berichtSet-Cookie: x=1.txt'],
      [`filename*=UTF-8''rechnung%E2%80%AEfdp.exe`, 'rechnungfdp.exe'],
      [`filename*=UTF-8''%E2%80%AB%E2%81%A6x.txt`, 'x.txt'],
      [`filename=".."`, 'file'],
      [`filename="...hidden"`, 'hidden'],
      [`filename="/"`, 'file'],
    ];
    const before = new Set(readdirSync(w.t.deps.config.uploads.dir));
    for (const [header, expected] of cases) {
      const r = await uploadRaw(w, 'author', `/api/tickets/${id}/attachments`, [{ header, data: 'x' }]);
      expect(r.status, `${header}: ${r.text}`).toBe(201);
      const stored = r.json.items[0].attachment.fileName as string;
      expect(stored, header).toBe(expected);
      expect(stored).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\]/);
      const d = await download(w, 'viewer', `/api/attachments/${r.json.items[0].attachment.id}`);
      expect(d.status).toBe(200);
      expect(d.headers.get('content-disposition')).not.toMatch(/[\r\n]/);
      expect(starName(d.headers.get('content-disposition'))).toBe(expected);
    }
    const added = readdirSync(w.t.deps.config.uploads.dir).filter((f) => !before.has(f));
    expect(added).toHaveLength(cases.length);
    for (const f of added) expect(f).toMatch(/^[a-z0-9]{32}$/);
  });
});

describe('downloads follow the ticket’s access rules', () => {
  let w: World;
  const file: Record<string, string> = {};
  beforeAll(async () => {
    w = await world();
    const pub = await makeTicket(w, 'pub');
    const blue = await makeTicket(w, 'blue');
    const priv = await makeTicket(w, 'priv');
    const awaiting = await makeTicket(w, 'awaiting');
    const up = async (who: 'author' | 'other', ticket: string) =>
      (await upload(w, who, `/api/tickets/${ticket}/attachments`, [{ name: 'a.txt', data: 'a' }])).json.items[0].attachment.id as string;
    file.pub = await up('author', pub);
    file.blue = await up('other', blue);
    file.priv = await up('author', priv);
    file.awaiting = await up('author', awaiting);
    const internal = await upload(w, 'agent', `/api/agent/tickets/${pub}/attachments?internal=1`, [{ name: 'intern.txt', data: 'intern' }]);
    file.internal = internal.json.items[0].attachment.id;
    file.draft = (await draftUpload(w, 'author'))[0]!;
  });

  const status = async (who: Parameters<typeof download>[1], key: string) => (await download(w, who, `/api/attachments/${file[key]}`)).status;

  it.each([
    ['pub', { viewer: 200, author: 200, colleague: 200, dispatcher: 200, other: 404, multi: 404, agent: 200, foreignAgent: 404, anon: 401 }],
    ['blue', { viewer: 404, author: 404, colleague: 404, dispatcher: 404, other: 200, multi: 200, agent: 200, foreignAgent: 404, anon: 401 }],
    ['priv', { viewer: 404, author: 200, colleague: 404, dispatcher: 404, other: 404, multi: 404, agent: 200, foreignAgent: 404, anon: 401 }],
    ['awaiting', { viewer: 404, author: 200, colleague: 404, dispatcher: 200, other: 404, multi: 404, agent: 404, foreignAgent: 404, anon: 401 }],
    ['internal', { viewer: 404, author: 404, colleague: 404, dispatcher: 404, other: 404, multi: 404, agent: 200, foreignAgent: 404, anon: 401 }],
    ['draft', { viewer: 404, author: 200, colleague: 404, dispatcher: 404, other: 404, multi: 404, agent: 404, foreignAgent: 404, anon: 401 }],
  ] as const)('%s', async (key, expected) => {
    for (const [who, want] of Object.entries(expected)) {
      expect(await status(who as Parameters<typeof download>[1], key), `${key} as ${who}`).toBe(want);
    }
  });

  it('an invisible attachment answers exactly like a missing one', async () => {
    const hidden = await api(w, 'other', 'GET', `/api/attachments/${file.pub}`);
    const missing = await api(w, 'other', 'GET', '/api/attachments/zzzzzzzzzzzzzzzz');
    expectErrorEnvelope(hidden, 404, 'not_found');
    expect(withoutRequestId(hidden.json)).toEqual(withoutRequestId(missing.json));
  });

  it('drafts: only their uploader may delete them, and only before they are used', async () => {
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'colleague', 'DELETE', `/api/uploads/${file.draft}`));
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'author', 'DELETE', `/api/uploads/${file.pub}`));
    const key = (await w.t.db.selectFrom('attachment').select('storage_key').where('id', '=', file.draft!).executeTakeFirstOrThrow()).storage_key;
    const before = await dataSnapshot(w.t.db);
    const r = await api(w, 'author', 'DELETE', `/api/uploads/${file.draft}`);
    expect(r.status, r.text).toBe(204);
    expect((await dataSnapshot(w.t.db)).counts.attachment).toBe(before.counts.attachment! - 1);
    expect(filesOnDisk(w)).not.toContain(key);
    expect(await status('author', 'draft')).toBe(404);
  });
});
