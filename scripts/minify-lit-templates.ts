/**
 * Minifies the static text of Lit's tagged templates at build time (issue 7, size budget):
 * Vite/Oxc minify the JavaScript around `css\`…\`` and `html\`…\`` but keep every space of
 * the template text, and in the widgets that text is a third of the code.
 *
 * - `css`: comments go, runs of whitespace become one space, and the space next to `{ } ; , >`
 *   and after `:` goes; `;}` becomes `}`. Strings and `url(…)` stay as written.
 * - `html` / `svg`: in text, a run of whitespace becomes one character (a newline when the run
 *   held one, else a space), so the text renders the same under `white-space: normal` and
 *   `pre-line`; inside a tag, runs become one space and the space before `>` goes; comments
 *   without a binding go. Attribute values in quotes and the content of `<pre>`, `<textarea>`,
 *   `<script>` and `<style>` stay as written. No whitespace is removed between tags or at the
 *   edges of a template: between inline elements (buttons, badges, links) it is visible.
 * - Untouched: templates inside `msg(…)` (@lit/localize finds the translation by a hash of the
 *   template's text), tags not imported from Lit, and any template whose text this cannot read
 *   with certainty (an unterminated string or comment): those stay as they are.
 *
 * Every `${…}` stays where it was: the template's parts are joined with a sentinel character
 * that no rule touches and split again, and the number of parts must come out the same. The
 * file is parsed again afterwards and must hold the same templates with the same number of
 * parts; if not, the build fails (a bug here must not ship quietly).
 */
import { parseSync, type Plugin } from 'vite';

type Kind = 'css' | 'html';

/** A placeholder for `${…}` while a template's parts are minified as one text. */
const HOLE = '\u0000';

/** Thrown when a template's text is not safe to rewrite; the template then stays as written. */
class Unreadable extends Error {}

const isHtmlSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

// — CSS —

/**
 * The parts of a `css` template, minified. Throws `Unreadable` for text it cannot tokenize
 * with certainty.
 */
export function minifyCss(parts: readonly string[]): string[] {
  if (parts.some((p) => p.includes(HOLE))) throw new Unreadable('NUL in template');
  const s = parts.join(HOLE);
  let out = '';
  let space = false;
  // no space needed next to these (after `:` only: before it, a space is a descendant combinator)
  const tightBefore = '{};,>';
  const tightAfter = '{};,>:';
  const emit = (text: string) => {
    if (space && out.length > 0) {
      const prev = out[out.length - 1]!;
      const next = text[0]!;
      const keep =
        !tightAfter.includes(prev) && !tightBefore.includes(next) ||
        // `--x: ;` (a custom property holding a space) keeps its space
        (prev === ':' && (next === ';' || next === '}')) ||
        // never create `${` out of `$ {`
        (prev === '$' && next === '{');
      if (keep) out += ' ';
    }
    space = false;
    if (text === '}' && out.endsWith(';') && !out.endsWith('\\;')) out = out.slice(0, -1);
    out += text;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"' || c === "'") {
      const end = stringEnd(s, i);
      emit(s.slice(i, end));
      i = end;
    } else if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      if (end < 0 || s.slice(i, end).includes(HOLE)) throw new Unreadable('comment');
      space = true;
      i = end + 2;
    } else if (isHtmlSpace(c)) {
      space = true;
      i++;
    } else if (c === '\\') {
      // an escape (in the raw text of the JavaScript template): keep the pair
      emit(s.slice(i, i + 2));
      i += 2;
    } else if (/^url\(/i.test(s.slice(i, i + 4)) && !/[\w-]/.test(s[i - 1] ?? '')) {
      const end = urlEnd(s, i + 4);
      emit(s.slice(i, end));
      i = end;
    } else {
      emit(c);
      i++;
    }
  }
  const result = out.split(HOLE);
  if (result.length !== parts.length) throw new Unreadable('parts');
  return result;
}

/** The index after the string starting at `start` (a quote). */
function stringEnd(s: string, start: number): number {
  const quote = s[start];
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' || c === HOLE) break;
  }
  throw new Unreadable('string');
}

/** The index after the `)` closing a `url(` whose argument starts at `from`. */
function urlEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") i = stringEnd(s, i) - 1;
    else if (c === '\\') i++;
    else if (c === ')') return i + 1;
    else if (c === HOLE) break;
  }
  throw new Unreadable('url');
}

// — HTML —

/** Elements whose content is kept as written. */
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style', 'listing', 'xmp', 'plaintext']);

/** The parts of an `html` or `svg` template, minified. Throws `Unreadable` when unsure. */
export function minifyHtml(parts: readonly string[]): string[] {
  if (parts.some((p) => p.includes(HOLE))) throw new Unreadable('NUL in template');
  const s = parts.join(HOLE);
  let out = '';
  let i = 0;
  // whitespace seen in text and not written yet: '' none, ' ' spaces only, '\n' with a newline
  let pending = '';
  const flush = () => {
    out += pending;
    pending = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (isHtmlSpace(c)) {
      pending = c === '\n' || c === '\r' || pending === '\n' ? '\n' : ' ';
      i++;
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) throw new Unreadable('comment');
      // a comment holding a binding stays; so does one between `$` and `{` (no new `${`)
      if (s.slice(i, end).includes(HOLE) || (out.endsWith('$') && !pending && s[end + 3] === '{')) {
        flush();
        out += s.slice(i, end + 3);
      }
      // else dropped: the whitespace around it merges into one run
      i = end + 3;
    } else if (c === '<' && /^<\/?[a-zA-Z\u0000]/.test(s.slice(i, i + 3))) {
      flush();
      const tag = readTag(s, i);
      out += tag.text;
      i = tag.end;
      if (!tag.closing && RAW_TEXT.has(tag.name)) {
        const close = s.toLowerCase().indexOf(`</${tag.name}`, i);
        if (close < 0) throw new Unreadable(`<${tag.name}>`);
        out += s.slice(i, close);
        i = close;
      }
    } else if (c === '\\') {
      // an escape in the raw text of the JavaScript template: keep the pair
      flush();
      out += s.slice(i, i + 2);
      i += 2;
    } else {
      flush();
      out += c;
      i++;
    }
  }
  flush();
  const result = out.split(HOLE);
  if (result.length !== parts.length) throw new Unreadable('parts');
  return result;
}

/**
 * The tag starting at `start` (`<`) through its `>`, whitespace collapsed to one space and
 * none before the `>`; quoted attribute values as written.
 */
function readTag(s: string, start: number): { text: string; end: number; name: string; closing: boolean } {
  const head = /^<(\/?)([a-zA-Z][\w:-]*)?/.exec(s.slice(start, start + 100))!;
  const closing = head[1] === '/';
  const name = (head[2] ?? '').toLowerCase();
  let text = '';
  let space = false;
  const put = (t: string) => {
    if (space) text += ' ';
    space = false;
    text += t;
  };
  let i = start;
  while (i < s.length) {
    const c = s[i]!;
    if (isHtmlSpace(c)) {
      space = true;
      i++;
    } else if (c === '>') {
      return { text: `${text}>`, end: i + 1, name, closing };
    } else if ((c === '"' || c === "'") && /=\s*$/.test(text)) {
      // a quoted attribute value, as written (bindings inside it included)
      const end = s.indexOf(c, i + 1);
      if (end < 0) throw new Unreadable('attribute');
      put(s.slice(i, end + 1));
      i = end + 1;
    } else if (c === '\\') {
      put(s.slice(i, i + 2));
      i += 2;
    } else {
      put(c);
      i++;
    }
  }
  throw new Unreadable('tag');
}

// — the module —

interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface MinifyResult {
  code: string;
  map: SourceMap;
  /** templates rewritten */
  templates: number;
  /** templates left as written because their text could not be read with certainty */
  skipped: number;
}

export interface SourceMap {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

const LIT_MODULE = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/;
const TAGS: Record<string, Kind> = { html: 'html', svg: 'html', css: 'css' };

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
interface TemplateElement extends Node {
  value: { raw: string; cooked: string | null };
  tail: boolean;
}

/** Lit's template tags as this module names them (`html`, `staticHtml`, `css`, …) and what they are. */
function litTags(program: Node): { tags: Map<string, Kind>; msg: Set<string> } {
  const tags = new Map<string, Kind>();
  const msg = new Set<string>();
  for (const stmt of program.body as Node[]) {
    if (stmt.type !== 'ImportDeclaration') continue;
    const from = (stmt.source as { value: string }).value;
    for (const spec of (stmt.specifiers as Node[]) ?? []) {
      if (spec.type !== 'ImportSpecifier') continue;
      const imported = (spec.imported as { name?: string; value?: string }).name ?? (spec.imported as { value: string }).value;
      const local = (spec.local as { name: string }).name;
      if (LIT_MODULE.test(from) && TAGS[imported]) tags.set(local, TAGS[imported]);
      if (from === '@lit/localize' && imported === 'msg') msg.add(local);
    }
  }
  return { tags, msg };
}

/** Calls `visit` for every tagged template outside `msg(…)` arguments. */
function walk(node: unknown, msg: Set<string>, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, msg, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'CallExpression') {
    const callee = n.callee as Node;
    if (callee.type === 'Identifier' && msg.has(callee.name as string)) return;
  }
  if (n.type === 'TaggedTemplateExpression') visit(n);
  for (const key of Object.keys(n)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    const v = n[key];
    if (v && typeof v === 'object') walk(v, msg, visit);
  }
}

/** Where a template element's raw text is in `code` (parsers differ on whether the span holds the delimiters). */
function rawSpan(code: string, q: TemplateElement): { start: number; end: number } | null {
  const raw = q.value.raw;
  if (code.slice(q.start, q.end) === raw) return { start: q.start, end: q.end };
  const start = q.start + 1;
  const end = q.end - (q.tail ? 1 : 2);
  if (code.slice(start, end) === raw) return { start, end };
  return null;
}

function langOf(id: string): 'ts' | 'tsx' | 'js' | 'jsx' {
  if (/\.m?tsx$/.test(id)) return 'tsx';
  if (/\.[mc]?ts$/.test(id)) return 'ts';
  if (/\.jsx$/.test(id)) return 'jsx';
  return 'js';
}

function parse(code: string, id: string): Node | null {
  const result = parseSync(id, code, { lang: langOf(id), sourceType: 'module' });
  if (result.errors.length > 0) return null;
  return result.program as unknown as Node;
}

/** The number of parts of each Lit template in the file, in order (to compare before and after). */
function templateShape(program: Node): string {
  const { tags, msg } = litTags(program);
  const shape: number[] = [];
  walk(program, msg, (t) => {
    const tag = t.tag as Node;
    if (tag.type === 'Identifier' && tags.has(tag.name as string)) {
      shape.push(((t.quasi as Node).quasis as TemplateElement[]).length);
    }
  });
  return shape.join(',');
}

/**
 * Minifies the Lit templates in one module. Null when there is nothing to do (no Lit template,
 * or the module does not parse).
 */
export function minifyLitTemplates(code: string, id: string): MinifyResult | null {
  if (!/\b(html|css|svg)\b/.test(code) || !/['"](lit|lit-html|lit-element|@lit\/reactive-element)(\/[^'"]*)?['"]/.test(code)) return null;
  const program = parse(code, id);
  if (!program) return null;
  const { tags, msg } = litTags(program);
  if (tags.size === 0) return null;

  const edits: Edit[] = [];
  let templates = 0;
  let skipped = 0;
  walk(program, msg, (t) => {
    const tag = t.tag as Node;
    const kind = tag.type === 'Identifier' ? tags.get(tag.name as string) : undefined;
    if (!kind) return;
    const quasis = (t.quasi as Node).quasis as TemplateElement[];
    const spans = quasis.map((q) => rawSpan(code, q));
    if (spans.some((sp) => sp === null)) {
      skipped++;
      return;
    }
    const parts = quasis.map((q) => q.value.raw);
    let minified: string[];
    try {
      minified = kind === 'css' ? minifyCss(parts) : minifyHtml(parts);
    } catch (e) {
      if (e instanceof Unreadable) {
        skipped++;
        return;
      }
      throw e;
    }
    templates++;
    minified.forEach((text, k) => {
      const span = spans[k]!;
      if (text !== parts[k]) edits.push({ start: span.start, end: span.end, text });
    });
  });
  if (edits.length === 0) return null;

  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += code.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += code.slice(at);

  // the same templates with the same number of parts, and still a module that parses
  const after = parse(out, id);
  if (!after || templateShape(after) !== templateShape(program)) {
    throw new Error(`minify-lit-templates: rewriting ${id} changed its templates; this is a bug in scripts/minify-lit-templates.ts`);
  }
  return { code: out, map: sourceMap(code, edits, id), templates, skipped };
}

// — source map —

const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value: number): string {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    s += VLQ[digit];
  } while (v > 0);
  return s;
}

/**
 * A map from the rewritten module back to `code`: a segment at every word and punctuation
 * boundary of the unchanged text, one at the start of each rewritten template part.
 */
function sourceMap(code: string, edits: readonly Edit[], id: string): SourceMap {
  const lines: string[] = [];
  let line: string[] = [];
  let genCol = 0;
  let prevGenCol = 0;
  let prevOrigLine = 0;
  let prevOrigCol = 0;
  let origLine = 0;
  let origCol = 0;
  const segment = () => {
    line.push(vlq(genCol - prevGenCol) + 'A' + vlq(origLine - prevOrigLine) + vlq(origCol - prevOrigCol));
    prevGenCol = genCol;
    prevOrigLine = origLine;
    prevOrigCol = origCol;
  };
  const newLine = () => {
    lines.push(line.join(','));
    line = [];
    genCol = 0;
    prevGenCol = 0;
  };
  const word = /[\w$]/;
  /** original text copied through, [from, to) */
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = code[i]!;
      if (c === '\n') {
        newLine();
        origLine++;
        origCol = 0;
        continue;
      }
      if (genCol === 0 || !word.test(c) || !word.test(code[i - 1] ?? '')) segment();
      genCol++;
      origCol++;
    }
  };
  /** original [from, to) replaced by `text` */
  const replace = (from: number, to: number, text: string) => {
    let mapped = false;
    for (const c of text) {
      if (c === '\n') {
        newLine();
        mapped = false;
        continue;
      }
      if (!mapped) {
        segment();
        mapped = true;
      }
      genCol += c.length;
    }
    // the original position moves past the replaced text
    for (let i = from; i < to; i++) {
      if (code[i] === '\n') {
        origLine++;
        origCol = 0;
      } else origCol++;
    }
  };
  let at = 0;
  for (const e of edits) {
    copy(at, e.start);
    replace(e.start, e.end, e.text);
    at = e.end;
  }
  copy(at, code.length);
  lines.push(line.join(','));
  return { version: 3, sources: [id], sourcesContent: [code], names: [], mappings: lines.join(';') };
}

// — the Vite plugin —

/**
 * Minifies Lit templates in the modules `include` matches (default: the widgets' own sources),
 * in builds only: the dev server and the tests see the code as written.
 */
export function minifyLitTemplatesPlugin(options: { include?: RegExp; exclude?: RegExp } = {}): Plugin {
  const include = options.include ?? /[\\/]widgets[\\/].*\.ts$/;
  // generated translations: their templates are looked up by id, keep them as generated
  const exclude = options.exclude ?? /[\\/]widgets[\\/]core[\\/]locales[\\/]/;
  return {
    name: 'helpdesk-portal:minify-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!include.test(file) || exclude.test(file) || file.includes('/node_modules/')) return null;
      const result = minifyLitTemplates(code, file);
      if (!result) return null;
      return { code: result.code, map: result.map };
    },
  };
}
