/**
 * Search (R-BOARD-4): every term is literal — special characters find what contains them and
 * never raise an error; German umlauts and ß fold both ways; positions, reference numbers,
 * tags and `#number` are searchable; internal agent notes only for agents; the access policy
 * applies to every hit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { api, createTicket, decide, world, type Persona, type World } from './ticket-fixtures.js';
import { foldText, searchTerms } from '../../server/db/search.js';

/** Creates and releases a ticket of Nordwind with the given texts; returns its id. */
async function released(w: World, subject: string, description = '<p>Keine weiteren Angaben.</p>', extra: Record<string, unknown> = {}) {
  const tk = await createTicket(w, 'author', { subject, description, ...extra });
  await decide(w, 'dispatcher', tk.id, 'release');
  return tk.id as string;
}

const search = async (w: World, who: Persona, q: string, path = '/api/tickets') => {
  const r = await api(w, who, 'GET', `${path}?pageSize=100&q=${encodeURIComponent(q)}`);
  expect(r.status, `${q}: ${r.text}`).toBe(200);
  return (r.json.items as { id: string }[]).map((i) => i.id).sort();
};

describe('special characters are literal', () => {
  let w: World;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await world();
    const texts: [string, string, string][] = [
      ['csharp', 'Build bricht ab', '<p>Das C# Projekt kompiliert nicht mehr.</p>'],
      ['c-and-hash', 'C und Raute', '<p>Taste C geht, # auch.</p>'],
      ['percent', 'Akku lädt nur bis 50%', '<p>Der Akku bleibt stehen.</p>'],
      ['fivehundred', 'Kontingent 500 überschritten', '<p>500 Seiten gedruckt.</p>'],
      ['underscore', 'Dateiname a_b.txt fehlt', '<p>Im Share.</p>'],
      ['axb', 'Ordner axb leer', '<p>Keine Dateien.</p>'],
      ['apostrophe', 'Konto von Sean O\'Brien gesperrt', '<p>Seit gestern.</p>'],
      ['no-apostrophe', 'Postfach OBrien voll', '<p>Bitte erweitern.</p>'],
      ['parens', 'Standort Müller (Ost) ohne Netz', '<p>Switch tot.</p>'],
      ['no-parens', 'Ost-Lager Telefon', '<p>Kein Freizeichen.</p>'],
      ['quoted', 'Fehlermeldung zitiert', '<p>Es erscheint "quoted" in der Zeile.</p>'],
      ['unquoted', 'Fehlermeldung ohne Zitat', '<p>Es erscheint quoted in der Zeile.</p>'],
      ['backslash', 'Pfad falsch', '<p>Der Pfad \\\\server\\share geht nicht.</p>'],
      ['rnd', 'Freigabe für R&D', '<p>Die Abteilung R&amp;D braucht Zugriff.</p>'],
      ['r-und-d', 'R und D Meeting', '<p>Kein Beamer.</p>'],
    ];
    for (const [key, subject, html] of texts) ids[key] = await released(w, subject, html);
  });

  const cases: [string, string[]][] = [
    ['C#', ['csharp']],
    ['c#', ['csharp']],
    ['50%', ['percent']],
    ['a_b', ['underscore']],
    ["O'Brien", ['apostrophe']],
    ['(Ost)', ['parens']],
    ['"quoted"', ['quoted']],
    ['\\', ['backslash']],
    ['\\\\server\\share', ['backslash']],
    ['R&D', ['rnd']],
    ['%', ['percent']],
    ['_', ['underscore']],
    ['C# kompiliert', ['csharp']],
    ['C# Raute', []],
  ];
  it.each(cases)('%s', async (q, keys) => {
    expect(await search(w, 'viewer', q)).toEqual(keys.map((k) => ids[k]).sort());
  });

  it('FTS syntax in a term is text, never syntax', async () => {
    for (const q of ['AND', 'OR', 'NOT', 'NEAR(a b)', 'a*', '*', '^Konto', 'body:konto', '{body internal}: konto', '-konto', '+', '"', '""', "'", 'subject:"x"', ':', '(', ')', 'a OR b', 'NEAR', '\u0000', 'konto\u0000', '\u2028']) {
      const r = await api(w, 'viewer', 'GET', `/api/tickets?q=${encodeURIComponent(q)}`);
      expect(r.status, `${JSON.stringify(q)}: ${r.text}`).toBe(200);
    }
    // invalid UTF-8 and lone surrogates in the query string
    for (const raw of ['%ED%A0%80', '%FF%FE', '%C3', '%']) {
      const r = await api(w, 'viewer', 'GET', `/api/tickets?q=${raw}`);
      expect(r.status, `${raw}: ${r.text}`).toBeLessThan(500);
    }
  });

  it('random strings never cause a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (q) => {
        let encoded: string;
        try {
          encoded = encodeURIComponent(q);
        } catch {
          return; // lone surrogates cannot be put into a URL by a client either
        }
        const r = await api(w, 'viewer', 'GET', `/api/tickets?q=${encoded}`);
        expect(r.status, `${JSON.stringify(q)}: ${r.text}`).toBe(200);
        expect(Array.isArray(r.json.items)).toBe(true);
      }),
      { numRuns: 300, seed: 4711 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'"\'*^:(){}[]-+%_\\#&;~ ANDORNOT'.split('')), maxLength: 30 }), async (q) => {
        const r = await api(w, 'viewer', 'GET', `/api/tickets?q=${encodeURIComponent(q)}`);
        expect(r.status, `${JSON.stringify(q)}: ${r.text}`).toBe(200);
      }),
      { numRuns: 300, seed: 815 },
    );
  });
});

describe('folding: case, umlauts, ß', () => {
  let w: World;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await world();
    ids.stoerung = await released(w, 'Störung im Lager', '<p>Nichts geht.</p>');
    ids.upper = await released(w, 'STÖRUNG NETZWERK', '<p>GAR NICHTS.</p>');
    ids.plain = await released(w, 'Storung ohne Umlaut', '<p>Tippfehler.</p>');
    ids.strasse = await released(w, 'Umzug Hauptstraße 5', '<p>Neue Adresse.</p>');
    ids.strasse2 = await released(w, 'Telefon Bahnhofstrasse', '<p>Kein Ton.</p>');
    ids.nfd = await released(w, 'Dru\u0308cker im Bu\u0308ro', '<p>NFD geschrieben.</p>');
  });

  it.each([
    ['Störung', ['stoerung', 'upper', 'plain']],
    ['STÖRUNG', ['stoerung', 'upper', 'plain']],
    ['Storung', ['stoerung', 'upper', 'plain']],
    ['störung', ['stoerung', 'upper', 'plain']],
    ['Straße', ['strasse', 'strasse2']],
    ['Strasse', ['strasse', 'strasse2']],
    ['STRASSE', ['strasse', 'strasse2']],
    ['strasse umzug', ['strasse']],
    ['Drücker', ['nfd']],
    ['Dru\u0308cker Büro', ['nfd']],
  ] as [string, string[]][])('%s', async (q, keys) => {
    expect(await search(w, 'colleague', q)).toEqual(keys.map((k) => ids[k]).sort());
  });

  it('folds the same way on both sides', () => {
    expect(foldText('STÖRUNG Straße Ærø Œuvre ŁÓDŹ Đ')).toBe('storung strasse aero oeuvre lodz d');
    expect(searchTerms('  a   b\tc\n')).toEqual(['a', 'b', 'c']);
    expect(searchTerms('konto\u0000x\u0007y\u0085z')).toEqual(['konto', 'x', 'y', 'z']);
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });
});

describe('what is searched', () => {
  let w: World;
  let tk: { id: string; number: number };
  let other: string;
  beforeAll(async () => {
    w = await world();
    const created = await createTicket(w, 'author', {
      subject: 'Laptop bestellen',
      description: '<p>Für die neue Kollegin.</p>',
      referenceNo: 'PO-2026-0142',
      tags: ['Hardware-Beschaffung'],
    });
    tk = created as unknown as { id: string; number: number };
    await decide(w, 'dispatcher', tk.id, 'release');
    expect((await api(w, 'author', 'POST', `/api/tickets/${tk.id}/positions`, { body: '<p>Bitte mit Dockingstation Thunderbolt.</p>' })).status).toBe(201);
    expect((await api(w, 'agent', 'POST', `/api/agent/tickets/${tk.id}/positions`, { body: '<p>Lieferung kommt per Spedition Eilbote.</p>' })).status).toBe(201);
    expect((await api(w, 'agent', 'POST', `/api/agent/tickets/${tk.id}/positions`, { body: '<p>Intern: Budget Kostenstelle Geheimprojekt.</p>', internal: true })).status).toBe(201);
    const blue = await createTicket(w, 'other', { subject: 'Harbour crane Zanzibar offline' });
    await decide(w, 'multi', blue.id, 'release');
    other = blue.id;
  });

  it('positions of customers and agents’ public replies', async () => {
    expect(await search(w, 'viewer', 'Dockingstation')).toEqual([tk.id]);
    expect(await search(w, 'viewer', 'thunderbolt')).toEqual([tk.id]);
    expect(await search(w, 'viewer', 'Eilbote')).toEqual([tk.id]);
  });

  it('reference numbers, tags and #number', async () => {
    expect(await search(w, 'viewer', 'PO-2026-0142')).toEqual([tk.id]);
    expect(await search(w, 'viewer', '2026-0142')).toEqual([tk.id]);
    expect(await search(w, 'viewer', 'beschaffung')).toEqual([tk.id]);
    expect(await search(w, 'viewer', `#${tk.number}`)).toEqual([tk.id]);
    expect(await search(w, 'viewer', String(tk.number))).toEqual([tk.id]);
    expect(await search(w, 'viewer', `#${tk.number + 1}`)).toEqual([]);
  });

  it('internal notes: never found by customers, found by agents', async () => {
    for (const who of ['viewer', 'author', 'colleague', 'dispatcher'] as const) {
      expect(await search(w, who, 'Geheimprojekt')).toEqual([]);
      expect(await search(w, who, 'Kostenstelle Laptop')).toEqual([]);
    }
    expect(await search(w, 'agent', 'Geheimprojekt', '/api/agent/tickets')).toEqual([tk.id]);
    expect(await search(w, 'agent', 'Geheimprojekt Laptop', '/api/agent/tickets')).toEqual([tk.id]);
    // terms under three characters take another path; the same rule holds ("bu" only in "Budget")
    expect(await search(w, 'agent', 'bu', '/api/agent/tickets')).toEqual([tk.id]);
    expect(await search(w, 'author', 'bu')).toEqual([]);
  });

  it('visibility applies: a term of another partner’s ticket finds nothing', async () => {
    for (const who of ['viewer', 'author', 'colleague', 'dispatcher'] as const) {
      expect(await search(w, who, 'Zanzibar')).toEqual([]);
    }
    expect(await search(w, 'other', 'Zanzibar')).toEqual([other]);
    expect(await search(w, 'agent', 'Zanzibar', '/api/agent/tickets')).toEqual([other]);
    expect(await search(w, 'foreignAgent', 'Zanzibar', '/api/agent/tickets')).toEqual([]);
  });

  it('the search text follows changes: a new position is found at once', async () => {
    expect(await search(w, 'viewer', 'Nachtschicht')).toEqual([]);
    await api(w, 'colleague', 'POST', `/api/tickets/${tk.id}/positions`, { body: '<p>Auch für die Nachtschicht.</p>' });
    expect(await search(w, 'viewer', 'Nachtschicht')).toEqual([tk.id]);
  });

  it('never logs the search text', async () => {
    await search(w, 'viewer', 'Vertraulich-Suchbegriff');
    expect(w.t.logger.lines.length).toBeGreaterThan(0);
    expect(w.t.logger.lines.join('\n')).not.toContain('Vertraulich');
  });
});
