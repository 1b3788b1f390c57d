import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';
import {
  allowedAttributes,
  allowedLinkSchemes,
  allowedTags,
  attachmentImageSrc,
  isAllowedLink,
} from '../schemas/richtext-policy.js';

const options: sanitizeHtml.IOptions = {
  allowedTags: [...allowedTags],
  allowedAttributes: Object.fromEntries(Object.entries(allowedAttributes).map(([k, v]) => [k, [...v]])),
  allowedSchemes: [...allowedLinkSchemes],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // contents of these are dropped with the tag, never shown as text
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      if (!isAllowedLink(href)) {
        const { href: _drop, ...rest } = attribs;
        return { tagName, attribs: rest };
      }
      return { tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } };
    },
    code: (tagName, attribs) => {
      const cls: Record<string, string> =
        attribs.class && /^language-[a-z0-9+#-]{1,20}$/i.test(attribs.class) ? { class: attribs.class } : {};
      return { tagName, attribs: cls };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !attachmentImageSrc.test(frame.attribs.src ?? ''),
};
// rel/target are added by us after the check; let them through
(options.allowedAttributes as Record<string, string[]>).a!.push('rel', 'target');

/** Sanitises rich text for storage (allow-list, see richtext-policy.ts). */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** blocks that end a line */
const lineTags = new Set(['li', 'tr', 'div', 'caption']);
/** blocks that stand a blank line apart from the next (within a list item: a line) */
const paragraphTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'hr', 'ul', 'ol']);
const cellTags = new Set(['td', 'th']);

/** Plain text of (sanitised) HTML: entities decoded, blocks on their own lines, paragraphs a blank line apart. */
export function htmlToText(html: string): string {
  let out = '';
  let inItem = 0;
  /** ends the text so far with (at least) n line breaks */
  const breakLines = (n: number) => {
    const have = /\n*$/.exec(out)![0].length;
    if (have < n) out += '\n'.repeat(n - have);
  };
  const parser = new Parser(
    {
      ontext: (t) => {
        out += t;
      },
      onopentag: (name, attribs) => {
        if (name === 'img' && attribs.alt) out += ` ${attribs.alt} `;
        else if (name === 'li') inItem++;
        else if ((name === 'ul' || name === 'ol') && inItem) breakLines(1);
      },
      onclosetag: (name) => {
        if (name === 'li') inItem--;
        if (name === 'br') out += '\n';
        else if (paragraphTags.has(name)) breakLines(inItem ? 1 : 2);
        else if (lineTags.has(name)) breakLines(1);
        else if (cellTags.has(name)) out += '\t';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** True when the HTML has no visible content (empty paragraphs, only white space). */
export function isBlankRichText(html: string): boolean {
  return htmlToText(html).trim().length === 0 && !/<img\b/i.test(html);
}

/** Plain text to safe HTML paragraphs (for texts that come in without markup). */
export function textToHtml(text: string): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${esc(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
