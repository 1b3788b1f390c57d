import type { Level } from '../db/schema.js';
import type { AreaKey, TypeKey } from './catalog.js';
import type { FileBlob } from './files.js';
import type { PartnerProfile } from './people.js';
import type { Rng } from './prng.js';

/** What a scenario may use to write one ticket. */
export interface Ctx {
  rng: Rng;
  bp: PartnerProfile;
  author: { name: string; first: string; email: string };
  created: Date;
  /** someone of the partner without a portal account */
  staff(): string;
  site(): string;
  floor(): string;
  dept(): string;
  printer(): string;
  mailbox(): string;
  /** a working day `days` after creation, formatted for the ticket's language */
  dateAfter(days: number): string;
  /** an order number like PO-2026-0142 */
  po(): string;
  /** a change number like RFC-2026-031 */
  rfc(): string;
  /** the ticket's creation time as HH:MM (Europe/Berlin or Europe/London) */
  timeOfDay(): string;
}

/** One ticket as a scenario writes it: texts in the partner's language, HTML not yet sanitised. */
export interface Draft {
  subject: string;
  html: string;
  type: TypeKey;
  area: AreaKey;
  tags: string[];
  urgency: Level;
  impact: Level;
  referenceNo?: string;
  /** uploaded with the ticket (wizard) */
  files?: FileBlob[];
  /** show the first PNG of `files` inside the description */
  inlineImage?: boolean;
  /** the agent's first reply */
  ack?: string;
  /** the agent's question (→ waiting_for_customer) and the customer's answer */
  question?: string;
  answer?: string;
  answerFile?: FileBlob;
  /** the agent's solution (→ resolved) */
  solution: string;
  solutionFile?: FileBlob;
  /** an internal agent note, never shown to customers */
  internal?: string;
  /** a customer's addition after creation */
  followUp?: string;
  closeReason: string;
  reopenReason?: string;
  rejectReason?: string;
  releaseReason?: string;
}

export interface Scenario {
  key: string;
  /** how often it comes up relative to others */
  weight?: number;
  /** only for these partners (default: all of the language) */
  partners?: readonly PartnerProfile['key'][];
  write(x: Ctx): Draft;
}

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Paragraphs from text with HTML already in place (callers escape what they interpolate). */
export const p = (...paras: string[]) => paras.map((x) => `<p>${x}</p>`).join('');
export const ul = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
export const ol = (items: readonly string[]) => `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>`;
export const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
