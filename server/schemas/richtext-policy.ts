/**
 * The allow-list for rich text (ticket descriptions, positions, KB articles). The server
 * sanitises with it on write; the widgets sanitise again with the same list before rendering.
 * Everything not listed is dropped.
 */
export const allowedTags = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'sub', 'sup', 'mark',
  'ul', 'ol', 'li', 'blockquote', 'hr', 'a', 'code', 'pre',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'img', 'span', 'div',
] as const;

export const allowedAttributes: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start'],
  code: ['class'],
};

/** Link targets: http, https, mailto only. */
export const allowedLinkSchemes = ['http', 'https', 'mailto'] as const;

/** Images may only show our own attachments (never an outside URL: no tracking pixels). */
export const attachmentImageSrc = /^\/api\/attachments\/[a-z0-9]{8,40}(\?inline=1)?$/;

export function isAllowedLink(href: string): boolean {
  const trimmed = href.trim();
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!m) return false;
  return (allowedLinkSchemes as readonly string[]).includes(m[1]!.toLowerCase());
}
