import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  data?: Record<string, unknown>;
  requestId?: string;
}

/** Appends to the audit trail (inside the caller's transaction when given one). */
export async function audit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      id: newId(),
      at: e.at.toISOString(),
      actor_id: e.actorId,
      action: e.action,
      entity: e.entity ?? null,
      entity_id: e.entityId ?? null,
      data_json: e.data ? JSON.stringify(e.data) : null,
      request_id: e.requestId ?? null,
    })
    .execute();
}
