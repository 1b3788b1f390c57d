/** Upload files a crash left without their attachment row are swept at start, never files in use or newer than the start. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sweepStrayFiles } from '../../server/domain/attachments.js';
import { draftUpload, makeTicket, signInAll, world } from './ticket-fixtures.js';

const HOUR = 3_600_000;

describe('sweeping stray upload files', () => {
  it('removes old files and .part files without a row; keeps referenced, recent and foreign files', async () => {
    const w = await world();
    await signInAll(w);
    const [used] = await draftUpload(w, 'author');
    await makeTicket(w, 'pub', { attachmentIds: [used!] });
    const usedKey = (await w.t.db.selectFrom('attachment').select('storage_key').where('id', '=', used!).executeTakeFirstOrThrow()).storage_key;
    const dir = w.t.deps.config.uploads.dir;
    mkdirSync(dir, { recursive: true });
    const now = w.t.deps.clock.now().getTime();
    const file = (name: string, ageMs: number) => {
      const path = join(dir, name);
      writeFileSync(path, 'x');
      const t = (now - ageMs) / 1000;
      utimesSync(path, t, t);
      return path;
    };
    const strayOld = file('a'.repeat(32), 2 * HOUR);
    const partOld = file('b'.repeat(32) + '.part', 2 * HOUR);
    const strayNew = file('c'.repeat(32), 10 * 60_000); // after the cut-off: maybe an upload still in flight
    const foreign = file('README.txt', 48 * HOUR);
    const usedPath = join(dir, usedKey);
    utimesSync(usedPath, (now - 48 * HOUR) / 1000, (now - 48 * HOUR) / 1000);

    expect(await sweepStrayFiles(w.t.deps, new Date(now - HOUR))).toBe(2);
    expect(existsSync(strayOld)).toBe(false);
    expect(existsSync(partOld)).toBe(false);
    expect(existsSync(strayNew)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
    expect(existsSync(usedPath)).toBe(true);
    expect(await sweepStrayFiles(w.t.deps, new Date(now - HOUR))).toBe(0);
  });
});
