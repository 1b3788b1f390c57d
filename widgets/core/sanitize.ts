/**
 * The one way to render server HTML (STYLE.md: "Server text is text"). Rich text was sanitised
 * by the server on write; the browser sanitises it again with the same allow-list
 * (server/schemas/richtext-policy.ts) before `unsafeHTML` sees it, so a bug or an old row on the
 * server cannot become script in the page.
 *
 * Parsing happens in an inert document (`document.implementation.createHTMLDocument`): nothing
 * in it runs or loads. Elements not on the list are unwrapped (their text stays), except those
 * whose content is never text (script, style, svg, …), which go entirely. Attributes not on the
 * list go; links keep only http(s)/mailto targets and open in a new tab without an opener;
 * images keep only our own attachment URLs. The result is parsed and cleaned once more and must
 * come out unchanged (no mutation-XSS round trip); if not, the text alone is shown.
 *
 * Lit renders the clean markup as a template without bindings, which is what its `unsafeHTML`
 * directive builds; made here without the directive machinery (issue 7).
 */
import type { TemplateResult } from 'lit';
import {
  allowedAttributes,
  allowedTags,
  attachmentImageSrc,
  isAllowedLink,
} from '../../server/schemas/richtext-policy.js';

const tags = new Set<string>(allowedTags);
/** Elements dropped with everything inside them (never shown as text). */
const dropWithContent = new Set([
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'svg', 'math', 'textarea', 'select', 'option', 'title', 'head',
  'xmp', 'plaintext', 'canvas', 'audio', 'video', 'picture', 'source', 'track', 'link', 'meta', 'base',
  'input', 'button',
]);

let inert: Document | null = null;
function inertDocument(): Document {
  inert ??= document.implementation.createHTMLDocument('');
  return inert;
}

function cleanAttributes(el: Element, tag: string): boolean {
  const allowed = allowedAttributes[tag] ?? [];
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    if (!allowed.includes(name)) el.removeAttribute(attr.name);
  }
  if (tag === 'a') {
    const href = el.getAttribute('href');
    if (href !== null) {
      if (isAllowedLink(href)) {
        el.setAttribute('rel', 'noopener noreferrer nofollow');
        el.setAttribute('target', '_blank');
      } else {
        el.removeAttribute('href');
      }
    }
  }
  if (tag === 'img' && !attachmentImageSrc.test(el.getAttribute('src') ?? '')) return false;
  if (tag === 'code') {
    const cls = el.getAttribute('class');
    if (cls !== null && !/^language-[a-z0-9+#-]{1,20}$/i.test(cls)) el.removeAttribute('class');
  }
  for (const numeric of ['colspan', 'rowspan', 'span', 'start', 'width', 'height']) {
    const v = el.getAttribute(numeric);
    if (v !== null && !/^\d{1,4}$/.test(v.trim())) el.removeAttribute(numeric);
  }
  const scope = el.getAttribute('scope');
  if (scope !== null && !/^(row|col|rowgroup|colgroup)$/i.test(scope)) el.removeAttribute('scope');
  return true;
}

function cleanChildren(parent: Node): void {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    if (node.nodeType !== Node.ELEMENT_NODE) {
      node.parentNode?.removeChild(node); // comments, processing instructions, CDATA
      continue;
    }
    const el = node as Element;
    // Only HTML-namespace elements: foreign content (svg/math) is never kept.
    const tag = el.namespaceURI === 'http://www.w3.org/1999/xhtml' ? el.localName : '';
    if (!tags.has(tag)) {
      if (dropWithContent.has(el.localName) || tag === '') {
        el.remove();
      } else {
        cleanChildren(el);
        el.replaceWith(...el.childNodes);
      }
      continue;
    }
    if (!cleanAttributes(el, tag)) {
      el.remove();
      continue;
    }
    cleanChildren(el);
  }
}

function pass(html: string): string {
  const body = inertDocument().createElement('body');
  body.innerHTML = html;
  cleanChildren(body);
  return body.innerHTML;
}

/** Sanitised HTML as a string (exported for tests and for places that need the markup). */
export function sanitizeHtml(html: string | null | undefined): string {
  if (!html) return '';
  const once = pass(String(html));
  const twice = pass(once);
  if (once === twice) return once;
  // Not stable under re-parsing: something is trying to be clever. Show the text only.
  const body = inertDocument().createElement('body');
  body.innerHTML = twice;
  const text = body.textContent ?? '';
  const p = inertDocument().createElement('p');
  p.textContent = text;
  return p.outerHTML;
}

/**
 * The results made so far, by their clean markup: the same text is the same template, so Lit
 * keeps its DOM on a re-render (as `unsafeHTML` did by remembering its last value). Bounded.
 */
const results = new Map<string, TemplateResult<1>>();

/** Renders server rich text in a Lit template: `${richText(ticket.descriptionHtml)}`. */
export function richText(html: string | null | undefined): TemplateResult<1> {
  const clean = sanitizeHtml(html);
  let result = results.get(clean);
  if (!result) {
    // a template whose only string is the markup; Lit takes a strings array only with its `raw`
    const strings = Object.assign([clean], { raw: [clean] });
    result = { ['_$litType$']: 1, strings, values: [] };
    if (results.size >= 200) results.delete(results.keys().next().value!);
    results.set(clean, result);
  }
  return result;
}
