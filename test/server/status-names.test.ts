/**
 * The mails name a ticket's status with the portal's own words (found by a fresh-eyes test: the
 * mail said "Geschlossen" where the portal says "Abgeschlossen"). The widgets' English names are
 * in ticket-labels.ts, their German ones in the XLIFF; the mails' names must be the same pairs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statusNames } from '../../server/domain/notifications.js';
import { ticketStatuses } from '../../server/schemas/tickets.js';

const xliff = readFileSync(new URL('../../widgets/core/xliff/de.xlf', import.meta.url), 'utf8');
const labels = readFileSync(new URL('../../widgets/ticket-detail/ticket-labels.ts', import.meta.url), 'utf8');

/** The German target of an English source text of the widgets. */
function german(source: string): string | undefined {
  const escaped = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<source>${escaped}</source>\\s*<target>([^<]*)</target>`).exec(xliff)?.[1];
}

describe('status names in mails (R-X-1)', () => {
  it('every status has a German and an English name', () => {
    expect(Object.keys(statusNames).sort()).toEqual([...ticketStatuses].sort());
  });

  it.each(Object.entries(statusNames))('%s: the same words as the portal shows', (status, [de, en]) => {
    expect(labels).toContain(`${status}: () => msg('${en}')`);
    expect(german(en)).toBe(de);
  });
});
