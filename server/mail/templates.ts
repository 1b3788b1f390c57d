import type { Locale } from '../db/schema.js';

/**
 * E-mail templates, localized to the recipient's language. Each returns a subject, a plain-text
 * body and an HTML body; every value is escaped in HTML, and nothing is left as a placeholder
 * (a missing value is a type error, not "{name}" in a customer's inbox).
 */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A block of a mail: a paragraph of text, a key/value list, a button-like link, or preformatted HTML (already sanitised). */
export type MailBlock =
  | { p: string }
  | { facts: [string, string][] }
  | { link: { href: string; label: string } }
  | { quoteHtml: string; quoteText: string };

export function renderMail(locale: Locale, subject: string, greeting: string, blocks: MailBlock[], footer: string): RenderedMail {
  const text: string[] = [greeting, ''];
  const html: string[] = [`<p>${escapeHtml(greeting)}</p>`];
  for (const b of blocks) {
    if ('p' in b) {
      text.push(b.p, '');
      html.push(`<p>${escapeHtml(b.p)}</p>`);
    } else if ('facts' in b) {
      for (const [k, v] of b.facts) text.push(`${k}: ${v}`);
      text.push('');
      html.push(
        '<table role="presentation" cellpadding="4" style="border-collapse:collapse">' +
          b.facts.map(([k, v]) => `<tr><th align="left" style="padding-right:12px">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('') +
          '</table>',
      );
    } else if ('link' in b) {
      text.push(`${b.link.label}: ${b.link.href}`, '');
      html.push(
        `<p><a href="${escapeHtml(b.link.href)}" style="display:inline-block;padding:8px 16px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(b.link.label)}</a></p>`,
      );
    } else {
      text.push(...b.quoteText.split('\n').map((l) => `> ${l}`), '');
      html.push(`<blockquote style="margin:0 0 1em;padding-left:12px;border-left:3px solid #cbd5e1">${b.quoteHtml}</blockquote>`);
    }
  }
  text.push('--', footer);
  html.push(`<hr style="border:none;border-top:1px solid #e2e8f0"><p style="color:#64748b;font-size:12px">${escapeHtml(footer)}</p>`);
  return {
    subject,
    text: text.join('\n'),
    html: `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">${html.join('\n')}</body></html>`,
  };
}

const footers: Record<Locale, string> = {
  de: 'Diese E-Mail wurde automatisch vom Kundenportal versendet.',
  en: 'This e-mail was sent automatically by the customer portal.',
};

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

export function invitationMail(
  locale: Locale,
  v: { name: string; email: string; password: string; signInUrl: string; expiresAt: string; partnerName: string },
): RenderedMail {
  if (locale === 'de') {
    return renderMail(
      locale,
      'Ihr Zugang zum Kundenportal',
      `Guten Tag ${v.name},`,
      [
        { p: `für Sie wurde ein Kundenzugang für ${v.partnerName} eingerichtet. Melden Sie sich mit diesen Daten an:` },
        { facts: [['E-Mail-Adresse', v.email], ['Initiales Passwort', v.password]] },
        { link: { href: v.signInUrl, label: 'Zum Kundenportal' } },
        { p: `Das initiale Passwort gilt bis ${formatDateTime(locale, v.expiresAt)}. Bei der ersten Anmeldung legen Sie ein eigenes Passwort fest.` },
      ],
      footers.de,
    );
  }
  return renderMail(
    locale,
    'Your access to the customer portal',
    `Hello ${v.name},`,
    [
      { p: `A customer account for ${v.partnerName} has been set up for you. Sign in with:` },
      { facts: [['E-mail address', v.email], ['Initial password', v.password]] },
      { link: { href: v.signInUrl, label: 'Open the customer portal' } },
      { p: `The initial password is valid until ${formatDateTime(locale, v.expiresAt)}. At your first sign-in you choose your own password.` },
    ],
    footers.en,
  );
}

export function accessGrantedMail(
  locale: Locale,
  v: { name: string; partnerName: string; role: string; signInUrl: string },
): RenderedMail {
  const roleName: Record<string, [string, string]> = {
    viewer: ['Betrachter', 'viewer'],
    editor: ['Bearbeiter', 'editor'],
    dispatcher: ['Ticket-Dispatcher', 'dispatcher'],
  };
  const [de, en] = roleName[v.role] ?? [v.role, v.role];
  if (locale === 'de') {
    return renderMail(
      locale,
      `Neuer Zugriff: ${v.partnerName}`,
      `Guten Tag ${v.name},`,
      [
        { p: `Ihr Kundenzugang hat jetzt Zugriff auf ${v.partnerName} (Rechtegruppe: ${de}).` },
        { link: { href: v.signInUrl, label: 'Zum Kundenportal' } },
      ],
      footers.de,
    );
  }
  return renderMail(
    locale,
    `New access: ${v.partnerName}`,
    `Hello ${v.name},`,
    [
      { p: `Your customer account now has access to ${v.partnerName} (permission group: ${en}).` },
      { link: { href: v.signInUrl, label: 'Open the customer portal' } },
    ],
    footers.en,
  );
}
