/**
 * The half-written ticket of `<ticket-wizard>`: its shape, its steps, the checks per step (the
 * server's rules from server/schemas/tickets.ts, said in the user's words) and where it is kept
 * until sent (sessionStorage, one entry per account: R-WIZ-11, R-X-5).
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

const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 20;
export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 200;
export const REFERENCE_MAX = 64;

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

export interface StepContext {
  /** the account must choose a business partner (it writes for several) */
  choosePartner: boolean;
}

/** The errors of one step's fields (an empty object when the step is fine). */
export function validateStep(step: number, d: Draft, ctx: StepContext): FieldErrors {
  const errors: FieldErrors = {};
  if (step === 0) {
    const s = subjectError(d.subject);
    if (s) errors.subject = s;
    if (d.tags.length > TAGS_MAX) errors.tags = msg('Please use at most 20 tags.');
  } else if (step === 3) {
    if (ctx.choosePartner && !d.businessPartnerId) errors.businessPartnerId = msg('Please choose the business partner this ticket is for.');
    if (d.referenceNo.trim().length > REFERENCE_MAX) errors.referenceNo = msg('The reference number may have at most 64 characters.');
    else if (controlChars.test(d.referenceNo)) errors.referenceNo = msg('The reference number must not contain control characters.');
    if (!d.typeId) errors.typeId = msg('Please choose a ticket type.');
    if (!d.areaId) errors.areaId = msg('Please choose an area.');
  }
  return errors;
}

/** A server issue (`path`, English message) as a sentence at its field. */
export function issueText(field: Field | null, d: Draft): string {
  switch (field) {
    case 'subject':
      return subjectError(d.subject) ?? msg('Please check the subject.');
    case 'tags':
      return msg('Please check the tags: at most 20, each at most 40 characters.');
    case 'attachments':
      return msg('An attachment could not be used. Please remove it and add it again.');
    case 'description':
      return msg('The description could not be accepted. Please check the text and its pictures.');
    case 'businessPartnerId':
      return msg('Please choose a business partner you belong to.');
    case 'referenceNo':
      return msg('Please check the reference number (at most 64 characters, no control characters).');
    case 'typeId':
      return msg('This ticket type is not available. Please choose another one.');
    case 'areaId':
      return msg('This area is not available. Please choose another one.');
    default:
      return msg('Please check this value.');
  }
}

/** The wizard's field for a server issue path (`tags.3` → tags, `attachmentIds` → attachments). */
export function fieldOfPath(path: string): Field | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'attachmentIds') return 'attachments';
  return head in stepOfField ? (head as Field) : null;
}

// --- keeping it --------------------------------------------------------------------------------

export interface StoredDraft {
  draft: Draft;
  step: number;
  reached: number;
}

const storageKey = (accountId: string) => `helpdesk-portal.ticket-wizard.v1:${accountId}`;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The draft kept for this account in this tab, if any (anything malformed is dropped). */
export function loadDraft(accountId: string): StoredDraft | null {
  const raw = storage()?.getItem(storageKey(accountId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { v?: number; draft?: Partial<Draft>; step?: number; reached?: number };
    if (parsed.v !== 1 || !parsed.draft || typeof parsed.draft !== 'object') return null;
    const base = emptyDraft();
    const d = parsed.draft;
    const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
    const level = (v: unknown, fallback: Level): Level => (v === 'low' || v === 'medium' || v === 'high' ? v : fallback);
    const draft: Draft = {
      subject: str(d.subject, base.subject),
      tags: Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string').slice(0, TAGS_MAX) : [],
      attachments: Array.isArray(d.attachments)
        ? d.attachments
            .filter((a): a is UploadedFile => !!a && typeof a === 'object' && typeof a.id === 'string' && typeof a.fileName === 'string')
            .map((a) => ({ id: a.id, fileName: a.fileName, contentType: String(a.contentType ?? ''), size: Number(a.size) || 0, previewable: !!a.previewable }))
        : [],
      description: str(d.description, ''),
      businessPartnerId: str(d.businessPartnerId, ''),
      referenceNo: str(d.referenceNo, ''),
      typeId: str(d.typeId, ''),
      areaId: str(d.areaId, ''),
      urgency: level(d.urgency, base.urgency),
      impact: level(d.impact, base.impact),
      release: typeof d.release === 'boolean' ? d.release : base.release,
      private: typeof d.private === 'boolean' ? d.private : base.private,
    };
    const clampStep = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) ? Math.min(Math.max(n, 0), steps.length - 1) : 0);
    const step = clampStep(parsed.step);
    return { draft, step, reached: Math.max(step, clampStep(parsed.reached)) };
  } catch {
    return null;
  }
}

export function saveDraft(accountId: string, value: StoredDraft): void {
  try {
    storage()?.setItem(storageKey(accountId), JSON.stringify({ v: 1, ...value, savedAt: new Date().toISOString() }));
  } catch {
    // Full or blocked storage: the draft stays in memory for this page.
  }
}

export function clearDraft(accountId: string): void {
  try {
    storage()?.removeItem(storageKey(accountId));
  } catch {
    // nothing to clear
  }
}
