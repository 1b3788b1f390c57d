import { sql, type Kysely } from 'kysely';

/**
 * The whole data model of DESIGN.md in one forward-only migration: partners and accounts,
 * sessions and throttling, tickets with everything that hangs off them, the release workflow,
 * saved queries, the knowledge base, plan boards, the outbox and the audit trail, plus the
 * embedding registry (allowed origins, host-token keys). Full-text search is dialect-specific
 * and lives in 0002.
 *
 * Conventions: ids are random text; instants are ISO-8601 UTC text (`...Z`); calendar days are
 * `YYYY-MM-DD` text; booleans are 0/1 integers; JSON is text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

  await db.schema
    .createTable('system_partner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: priority matrix, password policy overrides, etc.
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('business_partner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_partner_id', 'text', (c) => c.notNull().references('system_partner.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('business_partner_sp').on('business_partner').column('system_partner_id').execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_partner_id', 'text', (c) => c.notNull().references('system_partner.id'))
    // 'customer' accounts belong to business partners through membership; 'agent' accounts are
    // the system partner's staff.
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('customer','agent')`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de').check(sql`locale in ('de','en')`))
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    // an initial (invitation) password stops working after this instant
    .addColumn('password_expires_at', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('notify_email', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('account_email').on('account').column('email').unique().execute();

  await db.schema
    .createTable('membership')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('business_partner_id', 'text', (c) =>
      c.notNull().references('business_partner.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('viewer','editor','dispatcher')`))
    // Rights are independent of the role's name: the role gives defaults, these columns decide.
    .addColumn('can_write', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('can_release', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('membership_pk', ['account_id', 'business_partner_id'])
    .execute();
  await db.schema.createIndex('membership_bp').on('membership').column('business_partner_id').execute();

  await db.schema
    .createTable('session')
    // SHA-256 (hex) of the token the client holds; the token itself is never stored
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('cookie','bearer')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_account').on('session').column('account_id').execute();

  await db.schema
    .createTable('auth_throttle')
    // 'acct:<normalized e-mail>' or 'ip:<address>'; e-mails that match no account are throttled
    // exactly like real ones, so the throttle cannot tell who exists
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .execute();

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('invited_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .execute();

  // Embedding: which origins may call the API for a partner, and which keys sign host tokens.
  await db.schema
    .createTable('partner_origin')
    .addColumn('business_partner_id', 'text', (c) =>
      c.notNull().references('business_partner.id').onDelete('cascade'),
    )
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('partner_origin_pk', ['business_partner_id', 'origin'])
    .execute();
  await db.schema.createIndex('partner_origin_origin').on('partner_origin').column('origin').execute();

  await db.schema
    .createTable('partner_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_partner_id', 'text', (c) =>
      c.notNull().references('business_partner.id').onDelete('cascade'),
    )
    .addColumn('alg', 'text', (c) => c.notNull().check(sql`alg in ('HS256','EdDSA','RS256')`))
    // HS256: the shared secret; EdDSA/RS256: the public key (PEM or JWK JSON)
    .addColumn('key_material', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('used_jti')
    .addColumn('jti', 'text', (c) => c.notNull())
    .addColumn('partner_key_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('used_jti_pk', ['partner_key_id', 'jti'])
    .execute();

  // Lookups of the system partner, named in both languages.
  for (const table of ['ticket_type', 'area'] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('system_partner_id', 'text', (c) => c.notNull().references('system_partner.id'))
      .addColumn('name_de', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }

  await db.schema
    .createTable('tag')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_partner_id', 'text', (c) =>
      c.notNull().references('business_partner.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    // lower-cased, NFC: the uniqueness and prefix-search key
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('tag_bp_key')
    .on('tag')
    .columns(['business_partner_id', 'name_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('ticket')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // human-facing number, unique per system partner (shown as #10023)
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('system_partner_id', 'text', (c) => c.notNull().references('system_partner.id'))
    .addColumn('business_partner_id', 'text', (c) => c.notNull().references('business_partner.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
    // plain text of the description, for search and e-mail
    .addColumn('description_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reference_no', 'text')
    .addColumn('type_id', 'text', (c) => c.notNull().references('ticket_type.id'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('area.id'))
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('low','medium','high')`))
    .addColumn('impact', 'text', (c) => c.notNull().check(sql`impact in ('low','medium','high')`))
    .addColumn('priority', 'text', (c) =>
      c.notNull().check(sql`priority in ('low','medium','high','critical')`),
    )
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('awaiting_release','release_rejected','new','in_progress','waiting_for_customer','resolved','closed')`,
        ),
    )
    // released_at IS NOT NULL is what "released" means for visibility (a ticket rejected and
    // then closed by its author was never released and stays invisible to agents)
    .addColumn('released_at', 'text')
    .addColumn('released_by', 'text', (c) => c.references('account.id'))
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('ticket_sp_number')
    .on('ticket')
    .columns(['system_partner_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('ticket_bp_updated')
    .on('ticket')
    .columns(['business_partner_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('ticket_author').on('ticket').columns(['author_id', 'updated_at']).execute();
  await db.schema.createIndex('ticket_bp_status').on('ticket').columns(['business_partner_id', 'status']).execute();
  await db.schema.createIndex('ticket_sp_released').on('ticket').columns(['system_partner_id', 'released_at']).execute();

  await db.schema
    .createTable('ticket_tag')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tag.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('ticket_tag_pk', ['ticket_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('ticket_tag_tag').on('ticket_tag').column('tag_id').execute();

  // Entries of a ticket's history: customer and agent messages and system events
  // (created, released, rejected, status changed, closed, reopened…).
  await db.schema
    .createTable('position')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('account.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('customer','agent','system')`))
    // system events: what happened ('created','released','rejected','resubmitted',
    // 'status_changed','closed','reopened'); null for messages
    .addColumn('event', 'text')
    // JSON with the event's data ({from, to}, …)
    .addColumn('data_json', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    // agents' internal notes never reach customer endpoints
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('position_ticket').on('position').columns(['ticket_id', 'created_at']).execute();
  await db.schema.createIndex('position_created').on('position').column('created_at').execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.references('ticket.id').onDelete('cascade'))
    .addColumn('position_id', 'text', (c) => c.references('position.id').onDelete('set null'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('account.id'))
    // the business partner an upload belongs to before its ticket exists (wizard drafts)
    .addColumn('business_partner_id', 'text', (c) => c.references('business_partner.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // sniffed from the bytes, never taken from the client
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    // agents' internal attachments stay with internal notes
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_ticket').on('attachment').column('ticket_id').execute();
  await db.schema.createIndex('attachment_storage_key').on('attachment').column('storage_key').unique().execute();

  await db.schema
    .createTable('release_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('ticket.id').onDelete('cascade'))
    .addColumn('dispatcher_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('released','rejected')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_decision_ticket').on('release_decision').column('ticket_id').execute();

  await db.schema
    .createTable('saved_query')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // system queries: system_partner_id set, account_id null; personal: account_id set
    .addColumn('system_partner_id', 'text', (c) => c.references('system_partner.id'))
    .addColumn('account_id', 'text', (c) => c.references('account.id').onDelete('cascade'))
    .addColumn('key', 'text')
    .addColumn('name_de', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_de', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('filter_json', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('saved_query_account').on('saved_query').column('account_id').execute();

  // Small per-account preferences (e.g. the board's sort per query).
  await db.schema
    .createTable('account_pref')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('account_pref_pk', ['account_id', 'key'])
    .execute();

  await db.schema
    .createTable('quick_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_partner_id', 'text', (c) => c.notNull().references('system_partner.id'))
    .addColumn('label_de', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('kb_section')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_partner_id', 'text', (c) => c.notNull().references('system_partner.id'))
    .addColumn('name_de', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('kb_article')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'text', (c) => c.notNull().references('kb_section.id'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('de','en')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    // attribution shown with the article (licensed sources)
    .addColumn('attribution_html', 'text')
    .addColumn('author_id', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('kb_article_section').on('kb_article').column('section_id').execute();

  await db.schema
    .createTable('kb_share')
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_article.id').onDelete('cascade'))
    .addColumn('business_partner_id', 'text', (c) =>
      c.notNull().references('business_partner.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('kb_share_pk', ['article_id', 'business_partner_id'])
    .execute();
  await db.schema.createIndex('kb_share_bp').on('kb_share').column('business_partner_id').execute();

  await db.schema
    .createTable('plan_board')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_partner_id', 'text', (c) => c.notNull().references('system_partner.id'))
    // the customer company the board is run with (optional)
    .addColumn('business_partner_id', 'text', (c) => c.references('business_partner.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_column')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('plan_board.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('plan_column_board').on('plan_column').columns(['board_id', 'sort']).execute();

  await db.schema
    .createTable('plan_member')
    .addColumn('board_id', 'text', (c) => c.notNull().references('plan_board.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('observer','editor')`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('plan_member_pk', ['board_id', 'account_id'])
    .execute();
  await db.schema.createIndex('plan_member_account').on('plan_member').column('account_id').execute();

  await db.schema
    .createTable('plan_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('plan_board.id').onDelete('cascade'))
    .addColumn('column_id', 'text', (c) => c.notNull().references('plan_column.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // calendar days, YYYY-MM-DD: never shifted by a time zone
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('duration_hours', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'text', (c) =>
      c.notNull().check(sql`priority in ('low','medium','high','critical')`),
    )
    .addColumn('ticket_id', 'text', (c) => c.references('ticket.id').onDelete('set null'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('plan_activity_dates', sql`end_date >= start_date`)
    .execute();
  await db.schema.createIndex('plan_activity_board').on('plan_activity').columns(['board_id', 'column_id', 'sort']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    // what the mail is about: 'invitation', 'release_requested', 'released', …
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('ticket.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending','sent','failed','logged')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_to').on('outbox').column('to_address').execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('data_json', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_event_entity').on('audit_event').columns(['entity', 'entity_id']).execute();
}
