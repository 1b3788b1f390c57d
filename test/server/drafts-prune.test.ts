/** Draft uploads that never became part of a ticket are deleted after a while, rows and files. */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pruneDrafts } from '../../server/domain/attachments.js';
import { draftUpload, makeTicket, signInAll, world, api } from './ticket-fixtures.js';

const DAY = 86_400_000;

describe('pruning draft uploads', () => {
  it('deletes old unclaimed drafts with their files and keeps claimed and recent ones', async () => {
    const w = await world();
    await signInAll(w);
    const [old] = await draftUpload(w, 'author');
    const [claimed] = await draftUpload(w, 'author');
    await makeTicket(w, 'pub', { attachmentIds: [claimed!] });
    w.t.clock.advance(8 * DAY);
    await signInAll(w);
    const [recent] = await draftUpload(w, 'author');
    const key = async (id: string) => (await w.t.db.selectFrom('attachment').select('storage_key').where('id', '=', id).executeTakeFirst())?.storage_key;
    const oldKey = (await key(old!))!;
    expect(existsSync(join(w.t.deps.config.uploads.dir, oldKey))).toBe(true);

    expect(await pruneDrafts(w.t.deps, 7 * DAY)).toBe(1);
    expect(await key(old!)).toBeUndefined();
    expect(existsSync(join(w.t.deps.config.uploads.dir, oldKey))).toBe(false);
    expect(await key(claimed!)).toBeDefined();
    expect(await key(recent!)).toBeDefined();
    expect((await api(w, 'author', 'GET', `/api/attachments/${old}`)).status).toBe(404);
  });
});
