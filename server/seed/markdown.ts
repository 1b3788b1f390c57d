/**
 * A small Markdown → HTML converter for the subset the Cloud Native Glossary uses: Hugo front
 * matter, ATX headings, paragraphs, (nested) bullet and numbered lists, block quotes, fenced code,
 * rules, links, bold, italic and inline code. Output uses only tags of the rich-text allow-list;
 * images become their alt text (rich text may only show our own attachments).
 */

export interface MarkdownDoc {
  /** front matter (flat `key: value` pairs, values as written) */
  meta: Record<string, string>;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits off `---` front matter. */
export function parseFrontMatter(src: string): { meta: Record<string, string>; body: string } {
  const text = src.replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*\n/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (kv) meta[kv[1]!] = kv[2]!.trim().replace(/^"(.*)"$/, '$1');
  }
  return { meta, body: text.slice(m[0].length) };
}

export interface InlineOptions {
  /** turns a link target into an absolute URL (or null to drop the link, keeping its text) */
  resolveLink: (href: string) => string | null;
}

/** Inline Markdown to HTML. */
export function renderInline(src: string, opts: InlineOptions): string {
  const slots: string[] = [];
  const hold = (html: string) => `\u0000${slots.push(html) - 1}\u0000`;
  let s = src;
  // code spans first: nothing inside them is Markdown
  s = s.replace(/`([^`]+)`/g, (_m, code: string) => hold(`<code>${escapeHtml(code)}</code>`));
  // images: their alt text only
  s = s.replace(/!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_m, alt: string) => alt);
  // links
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, text: string, href: string) => {
    const inner = renderEmphasis(escapeHtml(text));
    const url = opts.resolveLink(href);
    return hold(url ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner);
  });
  // autolinks
  s = s.replace(/<(https?:\/\/[^>\s]+)>/g, (_m, url: string) => hold(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`));
  s = renderEmphasis(escapeHtml(s));
  return s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => slots[Number(i)]!);
}

function renderEmphasis(s: string): string {
  return s
    .replace(/\*\*(?=\S)([^*]+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([^_]+?)__(?=[^\w]|$)/g, '$1<strong>$2</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)\*(?=[^\w*]|$)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]+?)_(?=[^\w]|$)/g, '$1<em>$2</em>');
}

interface ListFrame {
  tag: 'ul' | 'ol';
  indent: number;
  /** an <li> is open */
  open: boolean;
}

/** Block Markdown to HTML. `headingOffset` shifts heading levels (## → h2 with 0). */
export function markdownToHtml(body: string, opts: InlineOptions & { headingOffset?: number }): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  const lists: ListFrame[] = [];
  const offset = opts.headingOffset ?? 0;

  const flushPara = () => {
    if (para.length) out.push(`<p>${renderInline(para.join(' '), opts)}</p>`);
    para = [];
  };
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote><p>${renderInline(quote.join(' '), opts)}</p></blockquote>`);
    quote = [];
  };
  const closeLists = (toDepth = 0) => {
    while (lists.length > toDepth) {
      const f = lists.pop()!;
      if (f.open) out.push('</li>');
      out.push(`</${f.tag}>`);
    }
  };
  const flushAll = () => {
    flushPara();
    flushQuote();
    closeLists();
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      flushPara();
      flushQuote();
      // a blank line ends a list unless the next line continues it
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (lists.length && !(next && (/^\s*([-*+]|\d+[.)])\s+/.test(next) || /^\s{2,}\S/.test(next)))) closeLists();
      continue;
    }
    const fence = /^\s*```/.exec(line);
    if (fence) {
      flushAll();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]!); i++) code.push(lines[i]!);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flushAll();
      const level = Math.min(6, Math.max(1, heading[1]!.length + offset));
      out.push(`<h${level}>${renderInline(heading[2]!, opts)}</h${level}>`);
      continue;
    }
    if (/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      flushAll();
      out.push('<hr>');
      continue;
    }
    const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flushPara();
      flushQuote();
      const indent = item[1]!.replace(/\t/g, '    ').length;
      const tag = /\d/.test(item[2]!) ? 'ol' : 'ul';
      while (lists.length && lists[lists.length - 1]!.indent > indent) closeLists(lists.length - 1);
      let top = lists[lists.length - 1];
      if (top && top.indent === indent && top.tag !== tag) {
        closeLists(lists.length - 1);
        top = lists[lists.length - 1];
      }
      if (!top || indent > top.indent) {
        lists.push({ tag, indent, open: false });
        out.push(tag === 'ol' && /^\d+/.test(item[2]!) && item[2]!.replace(/\D/g, '') !== '1' ? `<ol start="${Number.parseInt(item[2]!, 10)}">` : `<${tag}>`);
        top = lists[lists.length - 1]!;
      } else if (top.open) {
        out.push('</li>');
      }
      out.push(`<li>${renderInline(item[3]!, opts)}`);
      top.open = true;
      continue;
    }
    const q = /^\s*>\s?(.*)$/.exec(line);
    if (q) {
      flushPara();
      closeLists();
      quote.push(q[1]!);
      continue;
    }
    if (lists.length && /^\s{2,}\S/.test(raw) && para.length === 0) {
      // continuation of the open list item
      out.push(' ' + renderInline(line.trim(), opts));
      continue;
    }
    if (lists.length) closeLists();
    flushQuote();
    para.push(line.trim());
  }
  flushAll();
  return out.join('');
}

/** A Markdown file with front matter → its meta and HTML body. */
export function convertMarkdown(src: string, opts: InlineOptions & { headingOffset?: number }): MarkdownDoc {
  const { meta, body } = parseFrontMatter(src);
  return { meta, html: markdownToHtml(body, opts) };
}
