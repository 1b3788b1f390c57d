import { sql, type Kysely } from 'kysely';

/**
 * The board at scale (R-BOARD-5), found with `npm run bench` (100,000 tickets, a partner with
 * 27,000 of them) and EXPLAIN QUERY PLAN:
 *
 * 1. `ticket` rows are wide (description HTML and text). Every list query scanned them: the
 *    count of a big partner's board read all 27,000 rows (~100 ms), a search looked every hit
 *    up by its text id. `ticket_list` is a narrow copy of the columns lists filter, sort and
 *    count on, with an integer key `rk`; list queries run on it and fetch the wide rows of
 *    one page only.
 * 2. Counting a big partner's board still touched every visible row. `ticket_stat` keeps the
 *    number of tickets per partner × status × private × released × priority × type, so `total`
 *    of the board and of status/type/priority filters is a sum over a few rows.
 * 3. The search index answered with text ids (read from the FTS content, ~5 µs a hit) and for
 *    every partner at once. Its rowid is now `ticket_list.rk`, and keys are handed out in one
 *    range per business partner (`search_partner.slot` × 2³²), so a customer's search asks
 *    FTS5 for the rowid range of their partners only and joins the hits by integer key.
 *
 * Both tables are kept in step by triggers on `ticket` (in the same transaction as every
 * write, whoever writes). The search text itself is still written by the application
 * (search.ts), so its folding stays one function.
 */
const RANGE = 4294967296; // 2^32 keys per business partner

/** The next search key in the range of `bp` (an SQL expression naming a business partner). */
const nextKey = (bp: string) => {
  const base = `((SELECT slot FROM search_partner WHERE business_partner_id = ${bp}) * ${RANGE})`;
  return `coalesce((SELECT max(rk) FROM ticket_list WHERE rk BETWEEN ${base} AND ${base} + ${RANGE - 1}) + 1, ${base} + 1)`;
};

const listColumns = [
  'number',
  'system_partner_id',
  'author_id',
  'subject',
  'type_id',
  'priority',
  'private',
  'status',
  'released_at',
  'closed_at',
  'created_at',
  'updated_at',
];

const statKey = ['business_partner_id', 'status', 'private', 'released', 'priority', 'type_id', 'system_partner_id'];
const statMatch = (row: 'old' | 'new') =>
  `business_partner_id = ${row}.business_partner_id AND status = ${row}.status AND private = ${row}.private AND released = (${row}.released_at IS NOT NULL) ` +
  `AND priority = ${row}.priority AND type_id = ${row}.type_id AND system_partner_id = ${row}.system_partner_id`;
const statAdd = (row: 'new') =>
  `INSERT INTO ticket_stat (${statKey.join(', ')}, n) VALUES (${row}.business_partner_id, ${row}.status, ${row}.private, ${row}.released_at IS NOT NULL, ` +
  `${row}.priority, ${row}.type_id, ${row}.system_partner_id, 1) ON CONFLICT (${statKey.join(', ')}) DO UPDATE SET n = n + 1`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);

  await run(`CREATE TABLE search_partner (
    slot INTEGER PRIMARY KEY,
    business_partner_id TEXT NOT NULL UNIQUE REFERENCES business_partner(id) ON DELETE CASCADE
  )`);
  await run(`INSERT INTO search_partner (business_partner_id) SELECT id FROM business_partner ORDER BY created_at, id`);

  await run(`CREATE TABLE ticket_list (
    rk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    number INTEGER NOT NULL,
    system_partner_id TEXT NOT NULL,
    business_partner_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    type_id TEXT NOT NULL,
    priority TEXT NOT NULL,
    private INTEGER NOT NULL,
    status TEXT NOT NULL,
    released_at TEXT,
    closed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`);
  await run(`INSERT INTO ticket_list (rk, id, business_partner_id, ${listColumns.join(', ')})
    SELECT sp.slot * ${RANGE} + row_number() OVER (PARTITION BY t.business_partner_id ORDER BY t.created_at, t.rowid),
           t.id, t.business_partner_id, ${listColumns.map((c) => `t.${c}`).join(', ')}
    FROM ticket t JOIN search_partner sp ON sp.business_partner_id = t.business_partner_id`);
  // the board (newest update first) of customers and of agents; customers' own hidden tickets
  await run(`CREATE INDEX ticket_list_bp_updated ON ticket_list (business_partner_id, updated_at, id)`);
  await run(`CREATE INDEX ticket_list_sp_updated ON ticket_list (system_partner_id, updated_at, id)`);
  await run(`CREATE INDEX ticket_list_own_hidden ON ticket_list (author_id, business_partner_id) WHERE private = 1 OR released_at IS NULL`);

  // The search index again, keyed by `ticket_list.rk` (same columns, same folded text); built
  // before the triggers that name it.
  await run(`CREATE VIRTUAL TABLE ticket_fts_keyed USING fts5(ticket_id UNINDEXED, body, internal, tokenize = 'trigram')`);
  await run(`INSERT INTO ticket_fts_keyed (rowid, ticket_id, body, internal)
    SELECT l.rk, f.ticket_id, f.body, f.internal FROM ticket_fts f JOIN ticket_list l ON l.id = f.ticket_id`);
  await run(`DROP TABLE ticket_fts`);
  await run(`ALTER TABLE ticket_fts_keyed RENAME TO ticket_fts`);

  await run(`CREATE TRIGGER ticket_list_insert AFTER INSERT ON ticket BEGIN
    INSERT OR IGNORE INTO search_partner (business_partner_id) VALUES (new.business_partner_id);
    INSERT INTO ticket_list (rk, id, business_partner_id, ${listColumns.join(', ')})
      VALUES (${nextKey('new.business_partner_id')}, new.id, new.business_partner_id, ${listColumns.map((c) => `new.${c}`).join(', ')});
  END`);
  await run(`CREATE TRIGGER ticket_list_update AFTER UPDATE ON ticket BEGIN
    UPDATE ticket_list SET id = new.id, ${listColumns.map((c) => `${c} = new.${c}`).join(', ')} WHERE id = old.id;
  END`);
  // A ticket that moves to another business partner gets a key in that partner's range (the
  // product never moves tickets; this keeps search right if an administrator does).
  await run(`CREATE TRIGGER ticket_list_move AFTER UPDATE OF business_partner_id ON ticket
    WHEN old.business_partner_id IS NOT new.business_partner_id BEGIN
    INSERT OR IGNORE INTO search_partner (business_partner_id) VALUES (new.business_partner_id);
    UPDATE ticket_fts SET rowid = ${nextKey('new.business_partner_id')} WHERE rowid = (SELECT rk FROM ticket_list WHERE id = new.id);
    UPDATE ticket_list SET rk = ${nextKey('new.business_partner_id')}, business_partner_id = new.business_partner_id WHERE id = new.id;
  END`);
  await run(`CREATE TRIGGER ticket_list_delete AFTER DELETE ON ticket BEGIN
    DELETE FROM ticket_fts WHERE rowid = (SELECT rk FROM ticket_list WHERE id = old.id);
    DELETE FROM ticket_list WHERE id = old.id;
  END`);

  await run(`CREATE TABLE ticket_stat (
    business_partner_id TEXT NOT NULL,
    status TEXT NOT NULL,
    private INTEGER NOT NULL,
    released INTEGER NOT NULL,
    priority TEXT NOT NULL,
    type_id TEXT NOT NULL,
    system_partner_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (${statKey.join(', ')})
  ) WITHOUT ROWID`);
  await run(`INSERT INTO ticket_stat (${statKey.join(', ')}, n)
    SELECT business_partner_id, status, private, released_at IS NOT NULL, priority, type_id, system_partner_id, count(*)
    FROM ticket GROUP BY business_partner_id, status, private, released_at IS NOT NULL, priority, type_id, system_partner_id`);
  await run(`CREATE TRIGGER ticket_stat_insert AFTER INSERT ON ticket BEGIN ${statAdd('new')}; END`);
  await run(`CREATE TRIGGER ticket_stat_delete AFTER DELETE ON ticket BEGIN UPDATE ticket_stat SET n = n - 1 WHERE ${statMatch('old')}; END`);
  await run(`CREATE TRIGGER ticket_stat_update AFTER UPDATE OF business_partner_id, status, private, released_at, priority, type_id, system_partner_id ON ticket
    WHEN old.business_partner_id IS NOT new.business_partner_id OR old.status IS NOT new.status OR old.private IS NOT new.private
      OR (old.released_at IS NULL) IS NOT (new.released_at IS NULL) OR old.priority IS NOT new.priority OR old.type_id IS NOT new.type_id
      OR old.system_partner_id IS NOT new.system_partner_id BEGIN
    UPDATE ticket_stat SET n = n - 1 WHERE ${statMatch('old')};
    ${statAdd('new')};
  END`);

}
