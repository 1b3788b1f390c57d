/**
 * The attack corpus on the server side (issue 8): every payload of xss-payloads.ts goes into
 * every text field, rich-text field and file name through the API — subject, description,
 * reference, tag, positions and agent replies, names, reasons and comments, saved queries,
 * knowledge-base sections and articles, plan boards, columns and activities, uploads — and then:
 *
 *   - plain text is refused (422) or stored exactly as sent (it is text; escaping is the
 *     renderer's job, and nothing a user sent is lost: R-X-5);
 *   - rich text is stored only as markup an independent check accepts (the allow-list, no event
 *     handler, no script-capable URL, no outside resource, stable when sanitised again);
 *   - every e-mail in the outbox is markup the same kind of check accepts;
 *   - hostile files are stored under server keys inside the upload directory, never served as
 *     something a browser would run, or refused with a per-file error;
 *   - no answer is a 5xx, no error leaks internals, no log line or body carries a token or password.
 *
 * test/e2e/xss.test.ts renders the same payloads in Chromium. Figures go to
 * test-results/security.json (section `xssStorage`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { defaultConfig } from '../../server/config.js';
import { sanitizeRichText } from '../../server/domain/richtext.js';
import { allowedAttributes, allowedTags, attachmentImageSrc } from '../../server/schemas/richtext-policy.js';
import { expectErrorEnvelope, PASSWORD } from './auth-fixtures.js';
import { api, download, EMAILS, makeTicket, PNG, ticketBody, upload, uploadRaw, world, type Persona, type World } from './ticket-fixtures.js';
import { FILES, MARKER_HOST, PAYLOADS } from './xss-payloads.js';
import { recordSecurityFigures } from './security-figures.js';

// ---------------------------------------------------------------------------------------------
// An independent check of stored and mailed markup (not the sanitiser checking itself)

const richTags = new Set<string>(allowedTags);
const mailTags = new Set<string>([...allowedTags, 'html', 'head', 'meta', 'title', 'body']);
const mailAttributes: Record<string, readonly string[]> = {
  html: ['lang'],
  meta: ['charset'],
  body: ['style'],
  table: ['role', 'cellpadding', 'style'],
  th: ['align', 'style'],
  blockquote: ['style'],
  hr: ['style'],
  p: ['style'],
  a: ['style'],
};

/** What is wrong with `html` as stored rich text (`rich`) or as an e-mail (`mail`); [] if nothing. */
function unsafeMarkup(html: string, mode: 'rich' | 'mail'): string[] {
  const problems: string[] = [];
  const tags = mode === 'rich' ? richTags : mailTags;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (!tags.has(name)) problems.push(`<${name}> is not allowed`);
        const allowed = [...(allowedAttributes[name] ?? []), ...(name === 'a' ? ['rel', 'target'] : []), ...(mode === 'mail' ? (mailAttributes[name] ?? []) : [])];
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) problems.push(`<${name} ${attr}> is an event handler`);
          else if (!allowed.includes(attr)) problems.push(`<${name} ${attr}> is not allowed`);
          const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          if (attr === 'href' && !/^(https?:|mailto:)/.test(v)) problems.push(`<${name} href="${value}"> is not an http(s) or mailto link`);
          if (attr === 'src' && !attachmentImageSrc.test(value)) problems.push(`<${name} src="${value}"> is not an attachment of ours`);
          if (attr === 'style' && /url\(|expression|@import|javascript|behavior|\\/.test(v)) problems.push(`<${name} style="${value}"> loads or runs something`);
          if (attr !== 'href' && v.includes(MARKER_HOST)) problems.push(`<${name} ${attr}="${value}"> points at an outside resource`);
        }
      },
      oncomment(data) {
        problems.push(`comment <!--${data.slice(0, 40)}-->`);
      },
      oncdatastart() {
        problems.push('CDATA section');
      },
      onprocessinginstruction(name, data) {
        if (!(mode === 'mail' && /^!doctype html$/i.test(data))) problems.push(`processing instruction ${name}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: true },
  );
  parser.write(html);
  parser.end();
  if (mode === 'rich' && sanitizeRichText(html) !== html) problems.push('changes when sanitised again');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The sinks: where a user's text ends up

type Res = Awaited<ReturnType<typeof api>>;

interface Sink {
  name: string;
  kind: 'text' | 'rich' | 'file';
  /** stores the payload; `read` gives back what the API now shows for that field */
  put: (p: string) => Promise<{ r: Res; read?: () => Promise<unknown> }>;
}

let w: World;
const get = async (who: Persona, path: string) => {
  const r = await api(w, who, 'GET', path);
  expect(r.status, `${who} GET ${path}: ${r.text}`).toBe(200);
  return r.json;
};
const lastEvent = async (ticketId: string, who: Persona = 'author') => {
  const items = (await get(who, `/api/tickets/${ticketId}/positions`)).items as { event: string | null; data: Record<string, unknown> | null; bodyHtml: string }[];
  return items[items.length - 1]!;
};

let board: { id: string; columns: { id: string }[] };
let section: string;

const sinks: Sink[] = [
  {
    name: 'ticket subject',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'author', 'POST', '/api/tickets', ticketBody({ subject: p }));
      return { r, read: async () => (await get('author', `/api/tickets/${r.json.id}`)).subject };
    },
  },
  {
    name: 'reference number',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'author', 'POST', '/api/tickets', ticketBody({ referenceNo: p }));
      return { r, read: async () => (await get('author', `/api/tickets/${r.json.id}`)).referenceNo };
    },
  },
  {
    name: 'tag',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'author', 'POST', '/api/tickets', ticketBody({ tags: [p] }));
      return { r, read: async () => (await get('author', `/api/tickets/${r.json.id}`)).tags[0] };
    },
  },
  {
    name: 'ticket description',
    kind: 'rich',
    put: async (p) => {
      const r = await api(w, 'author', 'POST', '/api/tickets', ticketBody({ description: p }));
      return { r, read: async () => (await get('author', `/api/tickets/${r.json.id}`)).descriptionHtml };
    },
  },
  {
    // the author's name reaches the dispatchers in the "release requested" mail
    name: 'account name',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'author', 'PATCH', '/api/me', { name: p });
      if (r.status < 300) await api(w, 'author', 'POST', '/api/tickets', ticketBody());
      return { r, read: async () => (await get('author', '/api/me')).account.name };
    },
  },
  {
    name: 'customer position',
    kind: 'rich',
    put: async (p) => {
      const id = await makeTicket(w, 'pub');
      const r = await api(w, 'author', 'POST', `/api/tickets/${id}/positions`, { body: p });
      return { r, read: async () => (await lastEvent(id)).bodyHtml };
    },
  },
  {
    // quoted in the author's "new reply" mail; the agent's name is in it too
    name: 'agent reply and agent name',
    kind: 'rich',
    put: async (p) => {
      const id = await makeTicket(w, 'pub');
      await w.t.db.updateTable('account').set({ name: p.slice(0, 120) }).where('id', '=', w.id.agent).execute();
      const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/positions`, { body: p, internal: false });
      return { r, read: async () => (await lastEvent(id)).bodyHtml };
    },
  },
  {
    // the dispatcher's name and reason reach the author in the "released" mail
    name: 'release reason and dispatcher name',
    kind: 'text',
    put: async (p) => {
      const id = await makeTicket(w, 'awaiting');
      await w.t.db.updateTable('account').set({ name: p.slice(0, 120) }).where('id', '=', w.id.dispatcher).execute();
      const r = await api(w, 'dispatcher', 'POST', `/api/tickets/${id}/release`, { reason: p });
      return { r, read: async () => (await lastEvent(id)).data?.reason };
    },
  },
  {
    name: 'reject reason',
    kind: 'text',
    put: async (p) => {
      const id = await makeTicket(w, 'awaiting');
      const r = await api(w, 'dispatcher', 'POST', `/api/tickets/${id}/reject`, { reason: p });
      return { r, read: async () => (await lastEvent(id)).data?.reason };
    },
  },
  {
    name: 'resubmit comment',
    kind: 'text',
    put: async (p) => {
      const id = await makeTicket(w, 'rejected');
      const r = await api(w, 'author', 'POST', `/api/tickets/${id}/resubmit`, { comment: p });
      return { r, read: async () => (await lastEvent(id)).data?.comment };
    },
  },
  {
    name: 'close reason',
    kind: 'text',
    put: async (p) => {
      const id = await makeTicket(w, 'pub');
      const r = await api(w, 'author', 'POST', `/api/tickets/${id}/close`, { reason: p });
      return { r, read: async () => (await get('author', `/api/tickets/${id}`)).closedReason };
    },
  },
  {
    name: 'reopen reason',
    kind: 'text',
    put: async (p) => {
      const id = await makeTicket(w, 'closed');
      const r = await api(w, 'author', 'POST', `/api/tickets/${id}/reopen`, { reason: p });
      return { r, read: async () => (await lastEvent(id)).data?.reason };
    },
  },
  {
    // in the author's "status changed" mail
    name: 'agent status reason',
    kind: 'text',
    put: async (p) => {
      const id = await makeTicket(w, 'pub');
      const r = await api(w, 'agent', 'POST', `/api/agent/tickets/${id}/status`, { status: 'closed', reason: p });
      return { r, read: async () => (await get('author', `/api/tickets/${id}`)).closedReason };
    },
  },
  {
    name: 'saved query name',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'author', 'POST', '/api/queries', { name: p, filter: {} });
      return { r, read: async () => ((await get('author', '/api/queries')).items as { id: string; name: string }[]).find((q) => q.id === r.json.id)?.name };
    },
  },
  {
    name: 'saved query description',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'author', 'POST', '/api/queries', { name: 'Abfrage', description: p, filter: {} });
      return { r, read: async () => ((await get('author', '/api/queries')).items as { id: string; description: string }[]).find((q) => q.id === r.json.id)?.description };
    },
  },
  {
    name: 'knowledge-base section name',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', '/api/agent/kb/sections', { nameDe: p, nameEn: p });
      return { r, read: async () => ((await get('agent', '/api/agent/kb/sections')).items as { id: string; nameDe: string }[]).find((s) => s.id === r.json.id)?.nameDe };
    },
  },
  {
    name: 'knowledge-base article title',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', '/api/agent/kb/articles', { sectionId: section, language: 'de', title: p, bodyHtml: '<p>Text</p>', businessPartnerIds: ['bp-nord'] });
      return { r, read: async () => (await get('viewer', `/api/kb/articles/${r.json.id}`)).title };
    },
  },
  {
    name: 'knowledge-base article body',
    kind: 'rich',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', '/api/agent/kb/articles', { sectionId: section, language: 'de', title: 'Artikel', bodyHtml: p, businessPartnerIds: ['bp-nord'] });
      return { r, read: async () => (await get('viewer', `/api/kb/articles/${r.json.id}`)).bodyHtml };
    },
  },
  {
    name: 'knowledge-base article attribution',
    kind: 'rich',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', '/api/agent/kb/articles', { sectionId: section, language: 'de', title: 'Artikel', bodyHtml: '<p>x</p>', attributionHtml: p, businessPartnerIds: ['bp-nord'] });
      return { r, read: async () => (await get('viewer', `/api/kb/articles/${r.json.id}`)).attributionHtml };
    },
  },
  {
    name: 'plan board title',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', '/api/agent/plan/boards', { title: p });
      return { r, read: async () => (await get('agent', `/api/agent/plan/boards/${r.json.id}`)).title };
    },
  },
  {
    name: 'plan board description',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', '/api/agent/plan/boards', { title: 'Board', description: p });
      return { r, read: async () => (await get('agent', `/api/agent/plan/boards/${r.json.id}`)).description };
    },
  },
  {
    name: 'plan column title',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', `/api/agent/plan/boards/${board.id}/columns`, { title: p });
      return { r, read: async () => ((await get('author', `/api/planboards/${board.id}`)).columns as { title: string }[]).map((c) => c.title).find((t) => t === p.trim()) };
    },
  },
  {
    name: 'plan activity title',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', `/api/agent/plan/boards/${board.id}/activities`, { columnId: board.columns[0]!.id, title: p, startDate: '2026-03-10', endDate: '2026-03-11' });
      return { r, read: async () => ((await get('author', `/api/planboards/${board.id}`)).activities as { id: string; title: string }[]).find((a) => a.id === r.json.id)?.title };
    },
  },
  {
    name: 'plan activity description',
    kind: 'text',
    put: async (p) => {
      const r = await api(w, 'agent', 'POST', `/api/agent/plan/boards/${board.id}/activities`, { columnId: board.columns[0]!.id, title: 'Aktivität', description: p, startDate: '2026-03-10', endDate: '2026-03-11' });
      return { r, read: async () => ((await get('author', `/api/planboards/${board.id}`)).activities as { id: string; description: string }[]).find((a) => a.id === r.json.id)?.description };
    },
  },
  {
    name: 'file name',
    kind: 'file',
    put: async (p) => {
      const id = await makeTicket(w, 'pub');
      const r = await upload(w, 'author', `/api/tickets/${id}/attachments`, [{ name: p, data: 'Inhalt' }]);
      return { r, read: async () => r.json?.items?.[0]?.attachment?.fileName };
    },
  },
];

// ---------------------------------------------------------------------------------------------

const figures = { payloads: PAYLOADS.length, sinks: sinks.length, tried: 0, stored: 0, refused: 0, unsafeStored: 0, serverErrors: 0, mailsChecked: 0, unsafeMails: 0, files: FILES.length, filesStored: 0, filesRefused: 0, unsafeFiles: 0 };
const responses: Res[] = [];

/** Downloads `id` as `who` and returns what is wrong with how it is served. */
async function servingProblems(who: Persona, id: string, contentType: string): Promise<string[]> {
  const problems: string[] = [];
  for (const q of ['', '?inline=1']) {
    const d = await download(w, who, `/api/attachments/${id}${q}`);
    if (d.status !== 200) {
      problems.push(`download${q} answered ${d.status}`);
      continue;
    }
    const type = d.headers.get('content-type') ?? '';
    const disposition = d.headers.get('content-disposition') ?? '';
    const raster = /^image\/(png|jpeg|gif|webp)$/.test(contentType);
    if (/html|svg|xml|javascript|ecmascript/i.test(type)) problems.push(`served as ${type}`);
    if (!(raster && q) && !disposition.startsWith('attachment;')) problems.push(`served ${disposition.split(';')[0]}${q}`);
    if (/[\r\n]/.test(disposition)) problems.push('line break in Content-Disposition');
    if (d.headers.get('x-content-type-options') !== 'nosniff') problems.push('no nosniff');
    if (!/(^|;\s*)sandbox(;|$)/.test(d.headers.get('content-security-policy') ?? '')) problems.push('no sandboxing CSP');
  }
  return problems;
}

beforeAll(async () => {
  w = await world({ uploads: { ...defaultConfig().uploads, maxFileBytes: 64 * 1024, maxRequestBytes: 512 * 1024, maxFiles: 10 } });
  // the upload directory inside a directory of its own: a file that escaped would show up next to it
  const root = mkdtempSync(join(tmpdir(), 'portal-corpus-'));
  w.t.deps.config.uploads.dir = join(root, 'uploads');
  mkdirSync(w.t.deps.config.uploads.dir);
  section = (await api(w, 'agent', 'POST', '/api/agent/kb/sections', { nameDe: 'Korpus', nameEn: 'Corpus' })).json.id;
  board = (await api(w, 'agent', 'POST', '/api/agent/plan/boards', { title: 'Korpus', businessPartnerId: 'bp-nord' })).json;
  await api(w, 'agent', 'PUT', `/api/agent/plan/boards/${board.id}/members`, { members: [{ email: EMAILS.author, role: 'editor' }] });
}, 60_000);

afterAll(async () => {
  await recordSecurityFigures('xssStorage', figures);
});

describe('attack corpus: storage', () => {
  it.each(sinks.map((s) => [s.name, s] as const))('%s', async (_name, sink) => {
    const problems: string[] = [];
    for (const p of PAYLOADS) {
      figures.tried++;
      const { r, read } = await sink.put(p.text);
      responses.push(r);
      if (r.status >= 500) {
        figures.serverErrors++;
        problems.push(`${p.id}: ${r.status} ${r.text}`);
        continue;
      }
      if (r.status >= 300) {
        figures.refused++;
        try {
          // a refusal is a clear validation answer, never an internal one; a file name with
          // control characters cannot even be a part header (see the files test below)
          const unreadableName = sink.kind === 'file' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(p.text);
          expectErrorEnvelope(r, r.status, r.status === 413 ? 'payload_too_large' : unreadableName ? 'bad_request' : 'validation_failed');
          if (unreadableName) expect(r.json.error.message).toMatch(/file name contains control characters/);
        } catch (e) {
          problems.push(`${p.id}: ${(e as Error).message.split('\n')[0]}`);
        }
        continue;
      }
      figures.stored++;
      const stored = await read!();
      if (sink.kind === 'text') {
        // text stays text: stored as sent (trimmed), for the renderer to escape
        if (stored !== p.text.trim()) problems.push(`${p.id}: stored ${JSON.stringify(stored)}`);
      } else if (sink.kind === 'rich') {
        const bad = unsafeMarkup(String(stored ?? ''), 'rich');
        if (bad.length) {
          figures.unsafeStored++;
          problems.push(`${p.id}: stored ${JSON.stringify(stored)}: ${bad.join('; ')}`);
        }
      } else {
        const name = String(stored);
        if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\]/.test(name)) {
          figures.unsafeStored++;
          problems.push(`${p.id}: file name ${JSON.stringify(name)}`);
        }
        const item = r.json.items[0];
        const bad = await servingProblems('viewer', item.attachment.id, item.attachment.contentType);
        if (bad.length) problems.push(`${p.id}: ${bad.join('; ')}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('some payloads of every kind were stored (the corpus is not just refused)', () => {
    expect(figures.stored).toBeGreaterThan(figures.tried / 2);
  });
});

describe('attack corpus: e-mails', () => {
  it('every mail in the outbox is safe markup, and the payloads reached mails', async () => {
    const mails = await w.t.db.selectFrom('outbox').select(['id', 'kind', 'subject', 'html_body', 'text_body']).execute();
    const problems: string[] = [];
    let withPayload = 0;
    for (const m of mails) {
      figures.mailsChecked++;
      const bad = unsafeMarkup(m.html_body, 'mail');
      if (bad.length) {
        figures.unsafeMails++;
        problems.push(`${m.kind} ${m.id}: ${bad.join('; ')}`);
      }
      if (/XSS:p\d\d/.test(m.html_body + m.subject)) withPayload++;
      // no header injection through the subject
      if (/[\r\n]/.test(m.subject)) problems.push(`${m.kind} ${m.id}: line break in the subject`);
    }
    expect(problems).toEqual([]);
    // names, subjects, reasons and replies with payloads went out: the check above saw them
    expect(withPayload).toBeGreaterThan(PAYLOADS.length);
    for (const kind of ['ticket.submitted_for_release', 'ticket.released', 'ticket.rejected', 'ticket.resubmitted', 'ticket.agent_reply', 'ticket.status_changed_by_agent']) {
      expect(mails.some((m) => m.kind === kind && /XSS:p\d\d/.test(m.html_body)), kind).toBe(true);
    }
  });
});

describe('attack corpus: files', () => {
  it('hostile files are stored safely and never served as something that runs, or refused per file', async () => {
    const ticket = await makeTicket(w, 'pub');
    const problems: string[] = [];
    for (const f of FILES) {
      // names FormData would escape go as hand-written part headers
      const raw = /[\r\n\u0000"]/.test(f.name);
      const r = raw
        ? await uploadRaw(w, 'author', `/api/tickets/${ticket}/attachments`, [{ header: `filename*=UTF-8''${encodeURIComponent(f.name)}`, data: f.data }])
        : await upload(w, 'author', `/api/tickets/${ticket}/attachments`, [{ name: f.name, data: f.data }]);
      responses.push(r);
      if (r.status >= 500) {
        figures.serverErrors++;
        problems.push(`${f.id}: ${r.status}`);
        continue;
      }
      const item = (r.json?.items ?? r.json?.error?.details?.items ?? [])[0];
      if (!item && r.status === 400 && /file name contains control characters/.test(r.json?.error?.message)) {
        // the file-drop widget sends one file per request: this is that file's own error
        figures.filesRefused++;
        continue;
      }
      if (!item) {
        problems.push(`${f.id} (${f.note}): no per-file result in ${r.text}`);
        continue;
      }
      if (!item.ok) {
        figures.filesRefused++;
        if (!item.error?.message) problems.push(`${f.id} (${f.note}): refused without a message`);
        continue;
      }
      figures.filesStored++;
      const name = item.attachment.fileName as string;
      const bad: string[] = [];
      if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\]/.test(name) || name.startsWith('.')) bad.push(`name ${JSON.stringify(name)}`);
      if (/html|svg|xml|javascript/i.test(item.attachment.contentType)) bad.push(`type ${item.attachment.contentType}`);
      if (item.attachment.previewable) bad.push('offered as a preview');
      bad.push(...(await servingProblems('viewer', item.attachment.id, item.attachment.contentType)));
      if (bad.length) {
        figures.unsafeFiles++;
        problems.push(`${f.id} (${f.note}): ${bad.join('; ')}`);
      }
    }
    // too large among good ones: that file has its own error, the others are kept
    const big = await upload(w, 'author', `/api/tickets/${ticket}/attachments`, [
      { name: 'gross.bin', data: new Uint8Array(64 * 1024 + 1).fill(7) },
      { name: 'klein.png', data: PNG },
    ]);
    expect(big.status, big.text).toBe(201);
    expect(big.json.items[0]).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(big.json.items[0].error.message).toMatch(/64 KB/);
    expect(big.json.items[1].ok).toBe(true);
    expect(problems).toEqual([]);
    expect(figures.filesStored).toBeGreaterThan(10);
    expect(figures.filesRefused).toBeGreaterThanOrEqual(1); // the empty file

    // nothing outside the upload directory, nothing half-written inside it
    const dir = w.t.deps.config.uploads.dir;
    expect(readdirSync(join(dir, '..'))).toEqual(['uploads']);
    const onDisk = readdirSync(dir);
    for (const f of onDisk) expect(f).toMatch(/^[a-z0-9]{16,64}$/);
    const keys = (await w.t.db.selectFrom('attachment').select('storage_key').execute()).map((a) => a.storage_key).sort();
    expect(onDisk.sort()).toEqual(keys);
  }, 60_000);
});

describe('attack corpus: what answers and logs carry', () => {
  it('no error leaks internals; no body, header or log line carries a session token or a password', async () => {
    expect(responses.length).toBeGreaterThan(PAYLOADS.length * sinks.length);
    const secrets = [...Object.values(w.token).filter((x): x is string => !!x), PASSWORD];
    const log = w.t.logger.lines.join('\n');
    for (const s of secrets) expect(log).not.toContain(s);
    for (const r of responses) {
      if (r.status >= 400) expectErrorEnvelope(r, r.status, r.json.error.code);
      for (const s of secrets) {
        expect(r.text).not.toContain(s);
        expect(r.headers.get('location') ?? '').not.toContain(s);
      }
    }
    const mails = await w.t.db.selectFrom('outbox').select(['text_body', 'html_body']).execute();
    for (const m of mails) for (const s of secrets) expect(m.text_body + m.html_body).not.toContain(s);
  });
});
