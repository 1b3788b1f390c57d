import { sql } from 'kysely';
import { createReadStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Deps } from '../deps.js';
import type { Actor } from './actor.js';
import { canSeeTicket, membershipIn, ticketAbilities, writePartnerIds } from './access.js';
import { ApiError, forbidden, notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { receiveFiles, removeStoredFile, storagePath, type UploadResult } from '../files/uploads.js';
import { contentDisposition, inlineImageTypes } from '../files/sniff.js';
import { addHistory, requireVisibleTicket } from './tickets.js';

export interface UploadItem {
  fileName: string;
  ok: boolean;
  attachment?: {
    id: string;
    fileName: string;
    contentType: string;
    size: number;
    url: string;
    previewable: boolean;
    createdAt: string;
  };
  error?: { code: string; message: string };
}

/** Inserts rows for the stored files; a file whose row fails is removed from disk. */
async function recordUploads(
  deps: Deps,
  actor: Actor,
  results: UploadResult[],
  target: { ticketId: string | null; businessPartnerId: string | null; positionId?: string | null; internal?: boolean },
): Promise<UploadItem[]> {
  const now = deps.clock.now().toISOString();
  const items: UploadItem[] = [];
  await deps.db.transaction().execute(async (trx) => {
    for (const r of results) {
      if (!r.ok) {
        items.push({ fileName: r.fileName, ok: false, error: r.error });
        continue;
      }
      const id = newId();
      await trx
        .insertInto('attachment')
        .values({
          id,
          ticket_id: target.ticketId,
          position_id: target.positionId ?? null,
          uploaded_by: actor.accountId,
          business_partner_id: target.businessPartnerId,
          file_name: r.fileName,
          content_type: r.contentType,
          size: r.size,
          sha256: r.sha256,
          storage_key: r.storageKey,
          internal: target.internal ? 1 : 0,
          created_at: now,
        })
        .execute();
      items.push({
        fileName: r.fileName,
        ok: true,
        attachment: {
          id,
          fileName: r.fileName,
          contentType: r.contentType,
          size: r.size,
          url: `/api/attachments/${id}`,
          previewable: inlineImageTypes.has(r.contentType),
          createdAt: now,
        },
      });
    }
    if (target.ticketId && items.some((i) => i.ok)) {
      const names = items.filter((i) => i.ok).map((i) => i.fileName);
      if (!target.positionId) {
        await addHistory(trx, {
          ticketId: target.ticketId,
          authorId: actor.accountId,
          kind: 'system',
          event: 'attachments_added',
          data: { files: names },
          internal: target.internal ?? false,
          at: now,
        });
      }
      if (!target.internal) {
        await trx.updateTable('ticket').set({ updated_at: now, version: sql`version + 1` }).where('id', '=', target.ticketId).execute();
      }
    }
  }).catch((e) => {
    for (const r of results) if (r.ok) removeStoredFile(deps.config, r.storageKey);
    throw e;
  });
  return items;
}

/**
 * A request none of whose files could be stored failed as a whole: one error envelope (413 when
 * a file was too large, with the limit; 422 otherwise) with the per-file results in `details`.
 * When some files were stored the answer is 201 and the refused ones carry their own error.
 */
function requireSomeStored(deps: Deps, items: UploadItem[]): UploadItem[] {
  if (items.some((i) => i.ok)) return items;
  const tooLarge = items.find((i) => i.error?.code === 'payload_too_large');
  if (tooLarge) {
    throw new ApiError('payload_too_large', tooLarge.error!.message, { limit: deps.config.uploads.maxFileBytes, items });
  }
  throw new ApiError('validation_failed', items[0]?.error?.message ?? 'No file could be stored', {
    issues: items.map((i, n) => ({ path: `file.${n}`, message: i.error?.message ?? 'The file could not be stored' })),
    items,
  });
}

/** R-TICKET-2: more files on an existing ticket. */
export async function uploadToTicket(deps: Deps, actor: Actor, ticketId: string, req: Request, opts: { internal?: boolean } = {}): Promise<UploadItem[]> {
  const t = await requireVisibleTicket(deps.db, actor, ticketId);
  if (actor.kind === 'customer') {
    const can = ticketAbilities(actor, t);
    if (!membershipIn(actor, t.business_partner_id)?.canWrite) throw forbidden('Your permission group may not upload files');
    if (!can.upload) throw new ApiError('conflict', 'The ticket is closed; reopen it to add files');
  }
  const results = await receiveFiles(req, deps.config);
  const items = await recordUploads(deps, actor, results, { ticketId, businessPartnerId: t.business_partner_id, internal: actor.kind === 'agent' && !!opts.internal });
  return requireSomeStored(deps, items);
}

/** Files uploaded while a ticket or position is still being written (R-WIZ-3). */
export async function uploadDraft(deps: Deps, actor: Actor, req: Request): Promise<UploadItem[]> {
  if (actor.kind === 'customer' && writePartnerIds(actor).length === 0) throw forbidden('Your permission group may not upload files');
  const results = await receiveFiles(req, deps.config);
  return requireSomeStored(deps, await recordUploads(deps, actor, results, { ticketId: null, businessPartnerId: null }));
}

/** The caller's own draft upload, removed before sending. */
export async function deleteDraft(deps: Deps, actor: Actor, id: string): Promise<void> {
  const a = await deps.db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a || a.uploaded_by !== actor.accountId || a.ticket_id !== null) throw notFound('Upload');
  await deps.db.deleteFrom('attachment').where('id', '=', id).execute();
  removeStoredFile(deps.config, a.storage_key);
}

/**
 * A download passes the ticket's access rules (drafts: only their uploader; internal files:
 * only agents). Sent as an attachment with nosniff and a sandboxing CSP; raster images may be
 * shown inline as previews, nothing else ever.
 */
export async function openAttachment(deps: Deps, actor: Actor, id: string, wantInline: boolean) {
  const a = await deps.db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('Attachment');
  if (a.ticket_id === null) {
    if (a.uploaded_by !== actor.accountId) throw notFound('Attachment');
  } else {
    const t = await deps.db.selectFrom('ticket').selectAll().where('id', '=', a.ticket_id).executeTakeFirst();
    if (!t || !canSeeTicket(actor, t)) throw notFound('Attachment');
    if (a.internal && actor.kind !== 'agent') throw notFound('Attachment');
  }
  const path = storagePath(deps.config, a.storage_key);
  if (!existsSync(path)) throw notFound('Attachment');
  const inline = wantInline && inlineImageTypes.has(a.content_type);
  const headers: Record<string, string> = {
    'Content-Type': inline ? a.content_type : a.content_type.startsWith('text/') ? `${a.content_type}; charset=utf-8` : a.content_type,
    'Content-Length': String(statSync(path).size),
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', a.file_name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ETag: `"${a.sha256}"`,
  };
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream;
  return { headers, body };
}

/**
 * Uploads made while writing that never became part of a ticket (an abandoned draft, an image
 * removed from a description) are deleted after `maxAgeMs` — rows and files.
 */
export async function pruneDrafts(deps: Deps, maxAgeMs: number): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - maxAgeMs).toISOString();
  // one statement: a draft a ticket claims meanwhile keeps its row and therefore its file
  const gone = await deps.db
    .deleteFrom('attachment')
    .where('ticket_id', 'is', null)
    .where('created_at', '<', cutoff)
    .returning('storage_key')
    .execute();
  for (const r of gone) removeStoredFile(deps.config, r.storage_key);
  return gone.length;
}

/**
 * Files in the upload directory that no attachment row names: what a crash left between writing
 * a file and committing its row (or a `.part` of an upload cut off). A running server cleans up
 * after its own failed uploads, so this runs once at start, for files older than the start
 * (`before`): no upload of this process can be among them. Returns how many were removed.
 */
export async function sweepStrayFiles(deps: Deps, before: Date): Promise<number> {
  const dir = deps.config.uploads.dir;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0; // no uploads yet
  }
  const cutoff = before.getTime();
  const old = names.filter((name) => {
    if (!/^[a-z0-9]{16,64}(\.part)?$/.test(name)) return false; // not ours: leave it alone
    try {
      const st = statSync(join(dir, name));
      return st.isFile() && st.mtimeMs < cutoff;
    } catch {
      return false;
    }
  });
  let removed = 0;
  for (let i = 0; i < old.length; i += 500) {
    const batch = old.slice(i, i + 500);
    const keys = batch.filter((n) => !n.endsWith('.part'));
    const known = new Set(
      keys.length
        ? (await deps.db.selectFrom('attachment').select('storage_key').where('storage_key', 'in', keys).execute()).map((r) => r.storage_key)
        : [],
    );
    for (const name of batch) {
      if (known.has(name)) continue;
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
