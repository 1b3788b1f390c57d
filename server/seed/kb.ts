import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../db/schema.js';
import { htmlToText, sanitizeRichText } from '../domain/richtext.js';
import { HOWTOS_DE } from './kb-howtos.de.js';
import { convertMarkdown } from './markdown.js';
import type { PartnerKey } from './people.js';
import { esc, ol, p, ul } from './scenario.js';

/**
 * The knowledge base of the demo: the customer manual as an article, German how-tos, English
 * playbooks adapted from ABCD's agent guidelines and the Cloud Native Glossary in German and
 * English (see SOURCES.md). Texts come from `server/seed/sources/`.
 */

const dataDir = fileURLToPath(new URL('./sources/', import.meta.url));
const readData = (path: string) => readFileSync(dataDir + path, 'utf8');

export type SectionKey = 'start' | 'howto' | 'accounts' | 'playbooks' | 'glossary' | 'internal';

export const KB_SECTIONS: readonly { key: SectionKey; de: string; en: string }[] = [
  { key: 'start', de: 'Erste Schritte', en: 'Getting started' },
  { key: 'howto', de: 'Anleitungen', en: 'How-to guides' },
  { key: 'accounts', de: 'Konten & Sicherheit', en: 'Accounts & security' },
  { key: 'playbooks', de: 'Servicedesk-Leitfäden', en: 'Service desk playbooks' },
  { key: 'glossary', de: 'Glossar', en: 'Glossary' },
  { key: 'internal', de: 'Intern', en: 'Internal' },
];

export interface KbArticleSpec {
  key: string;
  section: SectionKey;
  language: Locale;
  title: string;
  /** sanitised */
  html: string;
  text: string;
  /** sanitised, or null */
  attribution: string | null;
  /** business partners it is shared with */
  shares: PartnerKey[];
  /** age in days (created) and days since the last update */
  ageDays: number;
  updatedDaysAgo: number;
}

/** The article keys Nordwind does not see (Müller & Söhne's own, drafts). */
const MUELLER_ONLY = new Set(['erp-print']);

/** Shares per article: Nordwind most, Müller & Söhne a few, Elbtal two, Blue Harbor none. */
function sharesFor(key: string, section: SectionKey, language: Locale, index: number): PartnerKey[] {
  if (section === 'internal') return [];
  const out: PartnerKey[] = [];
  if (!MUELLER_ONLY.has(key) && (language === 'de' || section === 'playbooks' || index < 8)) out.push('nordwind');
  if (['manual', 'vpn', 'password-reset', 'erp-print'].includes(key)) out.push('mueller');
  if (['manual', 'print-queue', 'password-reset'].includes(key)) out.push('elbtal');
  return out;
}

/** Manual lines that referred to icons or screenshots, made readable; every one must apply. */
const MANUAL_FIXES: readonly [string, string][] = [
  ['Nachdem Sie die E-Mail zu Ihrem Tesseron Kundenzugang erhalten haben', 'Nachdem Sie die E-Mail zu Ihrem Kundenzugang erhalten haben'],
  ['zu der Tesseron Startseite weitergeleitet', 'zur Startseite des Kundenportals weitergeleitet'],
  ['indem Sie auf klicken und daraufhin Ihre Datei auswählen', 'indem Sie auf „Datei hinzufügen“ klicken und daraufhin Ihre Datei auswählen'],
  ['Um den Anhang wieder zu entfernen, klicken Sie .', 'Um den Anhang wieder zu entfernen, klicken Sie auf „Entfernen“ neben dem Anhang.'],
  ['zu Ihrem Tickets angezeigt', 'zu Ihren Tickets angezeigt'],
  // this portal's default password policy (R-AUTH-4: minimum raised from 6 to 8)
  ['mindestens 6 Zeichen lang sein', 'mindestens 8 Zeichen lang sein'],
  ['um den aktuellen Bearbeitungsstart zu prüfen', 'um den aktuellen Bearbeitungsstand zu prüfen'],
  ['können Sie das Ticket über abschließen.', 'können Sie das Ticket über „Ticket abschließen“ abschließen.'],
  ['Bestätigen Sie nun mit .', 'Bestätigen Sie nun mit „Abschließen“.'],
  ['können Sie das .', 'können Sie das Ticket über „Wiedereröffnen“ erneut öffnen und einen Grund angeben.'],
  ['bestätigen Sie Ihre Eingaben mit .', 'bestätigen Sie Ihre Eingaben mit „Freigeben“.'],
  [' (markiert mit rotem Kasten)', ''],
  ['hinzugefügt wurden..', 'hinzugefügt wurden.'],
  ['Plan Board zu öffnen', 'Plan Board zu öffnen.'],
  ['um eine Priorisierung für die Bearbeiter zu erleichtern.', 'um eine Priorisierung für die Bearbeiter zu erleichtern. Die Priorität ergibt sich aus beiden Angaben und wird Ihnen angezeigt.'],
];

const NOTE_PREFIXES = ['Sie benötigen die Rechtegruppe', 'Diese Funktion steht Ihnen nur', 'Nicht-freigegebene Tickets', 'Ihnen steht nur dann eine Auswahl'];

/** The customer manual (seed/000_…txt) as a German article with proper headings. */
export function manualArticle(): { title: string; html: string } {
  let text = readData('kundenzugang-handbuch.de.txt').replace(/\r\n?/g, '\n');
  for (const [from, to] of MANUAL_FIXES) {
    if (!text.includes(from)) throw new Error(`seed: the manual no longer contains "${from}"`);
    text = text.split(from).join(to);
  }
  const lines = text.split('\n').map((l) => l.trim());
  // breadcrumb ("1. Home" …), then the title
  let i = 0;
  while (i < lines.length && (lines[i] === '' || /^\d+\.\s/.test(lines[i]!))) i++;
  const title = lines[i++]!;
  const blocks: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if (line.startsWith('Updated on') || line.startsWith('Was this article helpful')) break;
    if (line.startsWith('Diese Anleitung ist zusätzlich als Video')) continue;
    const isHeading = line.length <= 40 && !/[.:!?,)]$/.test(line);
    if (isHeading) blocks.push(`<h2>${esc(line)}</h2>`);
    else if (NOTE_PREFIXES.some((x) => line.startsWith(x))) blocks.push(`<p><strong>Hinweis:</strong> ${esc(line)}</p>`);
    else blocks.push(`<p>${esc(line)}</p>`);
  }
  return { title, html: blocks.join('') };
}

const ABCD_SUBFLOWS: readonly [string, string][] = [
  ['Account Access', 'Recover Username'],
  ['Account Access', 'Recover Password'],
  ['Account Access', 'Reset Two-Factor Auth'],
  ['Troubleshoot Site', 'Search Not Working'],
  ['Troubleshoot Site', 'Website Too Slow'],
];

interface AbcdAction {
  type: string;
  button: string;
  text: string;
  subtext: string[];
}

/** English playbooks from ABCD's agent guidelines (a few subflows, steps as lists). */
export function abcdArticles(): { key: string; section: SectionKey; title: string; html: string }[] {
  const guidelines = JSON.parse(readData('abcd/guidelines.json')) as Record<
    string,
    { description: string; subflows: Record<string, { actions: AbcdAction[]; instructions: string[] }> }
  >;
  return ABCD_SUBFLOWS.map(([flow, name]) => {
    const f = guidelines[flow];
    const sub = f?.subflows[name];
    if (!f || !sub) throw new Error(`seed: ABCD guidelines lack ${flow} / ${name}`);
    const [intro, ...outro] = sub.instructions;
    const steps = sub.actions.map((a) => {
      const head = a.button && a.button !== 'N/A' ? `<strong>${esc(a.button)}</strong> – ${esc(a.text)}` : esc(a.text);
      return head + (a.subtext.length ? ul(a.subtext.map(esc)) : '');
    });
    const html =
      p(`<em>Flow “${esc(flow)}”: ${esc(f.description)}.</em>`) +
      (intro ? p(esc(intro)) : '') +
      ol(steps) +
      outro.map((x) => p(esc(x))).join('');
    return { key: `abcd-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, section: 'playbooks' as const, title: `Playbook: ${name}`, html };
  });
}

const ABCD_ATTRIBUTION =
  'Adapted from the <a href="https://github.com/asappresearch/abcd">Action-Based Conversations Dataset</a> (ASAPP Research), MIT License. Steps restructured as a list; texts unchanged.';

const glossaryAttribution = (lang: Locale, file: string) =>
  lang === 'de'
    ? `Aus dem <a href="https://glossary.cncf.io/de/">Cloud Native Glossary</a>, CNCF, CC BY 4.0 (<a href="https://creativecommons.org/licenses/by/4.0/deed.de">Lizenz</a>). Quelle: <a href="https://github.com/cncf/glossary/blob/main/content/de/${file}">content/de/${esc(file)}</a>; für dieses Portal von Markdown in HTML konvertiert, Links auf glossary.cncf.io umgestellt.`
    : `Cloud Native Glossary, CNCF, CC BY 4.0 (<a href="https://creativecommons.org/licenses/by/4.0/">licence</a>), from <a href="https://github.com/cncf/glossary/blob/main/content/en/${file}">content/en/${esc(file)}</a>. Converted from Markdown to HTML for this portal; links point to glossary.cncf.io.`;

/** The glossary pages of one language, sorted by file name. */
export function glossaryArticles(lang: Locale): { key: string; file: string; title: string; html: string }[] {
  const dir = `cncf-glossary/${lang}/`;
  const files = readdirSync(dataDir + dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const base = lang === 'de' ? 'https://glossary.cncf.io/de/' : 'https://glossary.cncf.io/';
  return files.map((file) => {
    const doc = convertMarkdown(readData(dir + file), {
      resolveLink: (href) => {
        if (/^(https?:|mailto:)/i.test(href)) return href;
        if (href.startsWith('#')) return null;
        return base + href.replace(/^\/+/, '').replace(/\.md$/, '/');
      },
    });
    const title = doc.meta.title?.trim() || file.replace(/\.md$/, '');
    return { key: `glossary-${lang}-${file.replace(/\.md$/, '')}`, file, title, html: doc.html };
  });
}

/** Every article with its section, language, texts, attribution and shares. */
export function buildKnowledgeBase(): KbArticleSpec[] {
  const specs: Omit<KbArticleSpec, 'html' | 'text' | 'attribution' | 'shares'>[] = [];
  const raw = new Map<string, { html: string; attribution: string | null }>();
  const add = (
    key: string,
    section: SectionKey,
    language: Locale,
    title: string,
    html: string,
    attribution: string | null,
    ageDays: number,
    updatedDaysAgo: number,
  ) => {
    specs.push({ key, section, language, title, ageDays, updatedDaysAgo });
    raw.set(key, { html, attribution });
  };

  const manual = manualArticle();
  add('manual', 'start', 'de', manual.title, manual.html, 'Nach dem Kundenhandbuch „Einführung in Ihren Kundenzugang“ (Stand 19. Juli 2024), für dieses Portal angepasst: Hinweise auf Symbole und Bildschirmfotos ausgeschrieben, Video-Hinweis entfernt.', 240, 30);
  HOWTOS_DE.forEach((h, i) => add(h.key, h.section, 'de', h.title, h.html, null, 200 - i * 17, 60 - i * 5));
  abcdArticles().forEach((a, i) => add(a.key, a.section, 'en', a.title, a.html, ABCD_ATTRIBUTION, 150 - i * 3, 100 - i * 3));
  for (const lang of ['de', 'en'] as const) {
    glossaryArticles(lang).forEach((g, i) => add(g.key, 'glossary', lang, g.title, g.html, glossaryAttribution(lang, g.file), 170 - i * 2, 90 - i));
  }

  let enIndex = 0;
  return specs.map((s) => {
    const r = raw.get(s.key)!;
    const html = sanitizeRichText(r.html);
    const index = s.language === 'en' ? enIndex++ : 0;
    return {
      ...s,
      html,
      text: htmlToText(html),
      attribution: r.attribution ? sanitizeRichText(r.attribution) : null,
      shares: sharesFor(s.key, s.section, s.language, index),
    };
  });
}
