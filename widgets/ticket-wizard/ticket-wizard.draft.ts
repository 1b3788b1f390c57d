/**
 * The half-written ticket of `<ticket-wizard>`: its shape, its steps, the first step's checks (the
 * server's rules from server/schemas/tickets.ts, said in the user's words; the classification's
 * are in ticket-wizard.steps.ts) and where it is kept until sent (sessionStorage, one entry per
 * account: R-WIZ-11, R-X-5). Loaded with the first step: the draft is kept from the first keystroke.
 */
import { msg } from '@lit/localize';
import type { Level } from '../core/api.js';
import type { UploadedFile } from '../core/file-drop/file-drop.events.js';

export interface Draft {
  subject: string;
  tags: string[];
  attachments: UploadedFile[];
  /** allowed HTML ('' when empty) */
  description: string;
  /** '' until chosen (only asked when the account writes for several partners) */
  businessPartnerId: string;
  referenceNo: string;
  typeId: string;
  areaId: string;
  urgency: Level;
  impact: Level;
  /** release on creation (only for accounts that may release for the partner) */
  release: boolean;
  private: boolean;
}

export type Field = keyof Draft;
export type FieldErrors = Partial<Record<Field, string>>;

export const steps = ['subject', 'attachments', 'description', 'classification', 'release', 'review'] as const;
export type StepId = (typeof steps)[number];

/** The step that shows a field (server issues jump there). */
export const stepOfField: Record<Field, number> = {
  subject: 0,
  tags: 0,
  attachments: 1,
  description: 2,
  businessPartnerId: 3,
  referenceNo: 3,
  typeId: 3,
  areaId: 3,
  urgency: 3,
  impact: 3,
  release: 4,
  private: 4,
};

export function emptyDraft(): Draft {
  return {
    subject: '',
    tags: [],
    attachments: [],
    description: '',
    businessPartnerId: '',
    referenceNo: '',
    typeId: '',
    areaId: '',
    urgency: 'medium',
    impact: 'medium',
    release: true,
    private: false,
  };
}

/** True when the user wrote or chose anything worth keeping. */
export function hasContent(d: Draft): boolean {
  return !!(d.subject.trim() || d.tags.length || d.attachments.length || d.description || d.referenceNo.trim() || d.typeId || d.areaId);
}

export const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 20;
export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 200;

/** R-WIZ-1: a subject people can read (the server's `meaningful` rule). */
export function subjectError(subject: string): string | null {
  const s = subject.trim();
  if (!s) return msg('Please enter a subject.');
  if (controlChars.test(s)) return msg('The subject must not contain control characters such as tabs.');
  if (!/[\p{L}\p{N}]/u.test(s)) return msg('The subject needs letters or digits, not only punctuation.');
  if (s.length < SUBJECT_MIN) return msg('The subject needs at least 3 characters.');
  if (s.length > SUBJECT_MAX) return msg('The subject may have at most 200 characters.');
  return null;
}

/** A tag as the server stores it, or the reason it cannot be one. */
export function checkTag(raw: string): { tag: string } | { error: string } {
  const tag = raw.replace(/\s+/g, ' ').trim();
  if (!tag) return { error: msg('A tag must not be empty.') };
  if (controlChars.test(raw.replace(/[\t\n\r]/g, ' '))) return { error: msg('A tag must not contain control characters.') };
  if (tag.length > TAG_MAX_LENGTH) return { error: msg('A tag may have at most 40 characters.') };
  return { tag };
}

/** The first step's errors (its other steps' checks load with them: ticket-wizard.steps.ts). */
export function validateFirst(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  const s = subjectError(d.subject);
  if (s) errors.subject = s;
  if (d.tags.length > TAGS_MAX) errors.tags = msg('Please use at most 20 tags.');
  return errors;
}

// --- keeping it --------------------------------------------------------------------------------

export interface StoredDraft {
  draft: Draft;
  step: number;
  reached: number;
}

/**
 * `use` with this tab's sessionStorage and the account's key. Without storage (blocked, full,
 * not a browser) nothing happens: the draft stays in memory for this page.
 */
function withStorage<T>(accountId: string, use: (storage: Storage, key: string) => T): T | undefined {
  try {
    return use(sessionStorage, `helpdesk-portal.ticket-wizard.v1:${accountId}`);
  } catch {
    return undefined;
  }
}

/** The draft kept for this account in this tab, if any (anything malformed is dropped). */
export function loadDraft(accountId: string): StoredDraft | null {
  return (
    withStorage(accountId, (storage, key) => {
      const parsed = JSON.parse(storage.getItem(key) ?? 'null') as { v?: number; draft?: Partial<Draft>; step?: number; reached?: number } | null;
      if (parsed?.v !== 1 || !parsed.draft || typeof parsed.draft !== 'object') return null;
      const d = parsed.draft as Record<string, unknown>;
      const draft = emptyDraft();
      // the texts and switches where they have the right type; the two levels only as levels
      for (const key of Object.keys(draft) as Field[]) {
        if (typeof d[key] === typeof draft[key]) (draft as unknown as Record<string, unknown>)[key] = d[key];
      }
      for (const key of ['urgency', 'impact'] as const) if (!['low', 'medium', 'high'].includes(draft[key])) draft[key] = 'medium';
      draft.tags = Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string').slice(0, TAGS_MAX) : [];
      draft.attachments = Array.isArray(d.attachments)
        ? d.attachments
            .filter((a: Partial<UploadedFile> | null) => !!a && typeof a === 'object' && typeof a.id === 'string' && typeof a.fileName === 'string')
            .map((a: UploadedFile) => ({ id: a.id, fileName: a.fileName, contentType: String(a.contentType ?? ''), size: Number(a.size) || 0, previewable: !!a.previewable }))
        : [];
      const clampStep = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) ? Math.min(Math.max(n, 0), steps.length - 1) : 0);
      const step = clampStep(parsed.step);
      return { draft, step, reached: Math.max(step, clampStep(parsed.reached)) };
    }) ?? null
  );
}

export function saveDraft(accountId: string, value: StoredDraft): void {
  withStorage(accountId, (storage, key) => storage.setItem(key, JSON.stringify({ v: 1, ...value })));
}

export function clearDraft(accountId: string): void {
  withStorage(accountId, (storage, key) => storage.removeItem(key));
}
