/**
 * The build's minifier for Lit templates (scripts/minify-lit-templates.ts): tricky inputs one by
 * one, then every template of the widgets' sources compared before and after (the same DOM:
 * elements, attributes, bindings and text; the same CSS as Lightning CSS, which comes with Vite,
 * reads it), and the source map.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { transform } from 'lightningcss';
import type { ChildNode } from 'domhandler';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import { minifyCss, minifyHtml, minifyLitTemplates } from '../../scripts/minify-lit-templates.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('css', () => {
  const one = (text: string) => minifyCss([text])[0];

  it('drops comments and whitespace around { } ; , > and after :', () => {
    expect(
      one(`
      /* the host */
      :host {
        display: block;
        font-family: a, b , c;
      }
      .list > li ,
      .x { color : red; }
    `),
    ).toBe(':host{display:block;font-family:a,b,c}.list>li,.x{color :red}');
  });

  it('keeps the space before a pseudo-class (a descendant combinator) and inside calc()', () => {
    expect(one('.a :focus-visible { width: calc(100% - 2rem + 1px); }')).toBe('.a :focus-visible{width:calc(100% - 2rem + 1px)}');
  });

  it('keeps strings, // and url(...) as written', () => {
    expect(one(`.a::before { content: "  // not a comment /* nor this */ ; } "; }`)).toBe(
      `.a::before{content:"  // not a comment /* nor this */ ; } "}`,
    );
    expect(one(`.b { background: url(https://example.com/a.svg#x) , url( "a b;c.png" ) no-repeat; }`)).toBe(
      `.b{background:url(https://example.com/a.svg#x),url( "a b;c.png" ) no-repeat}`,
    );
    expect(one(`.c { background: url(data:image/svg+xml;utf8,<svg a='1'>) ; }`)).toBe(`.c{background:url(data:image/svg+xml;utf8,<svg a='1'>)}`);
    expect(one(`.d { content: '\\\\201C  x'; }`)).toBe(`.d{content:'\\\\201C  x'}`);
    expect(one(`.e { content: "a\\"  b"; }`)).toBe(`.e{content:"a\\"  b"}`);
  });

  it('keeps :host( [x] ), @media and @container conditions readable', () => {
    expect(one(':host( [size="small"] )  .a { margin: 0; }')).toBe(':host( [size="small"] ) .a{margin:0}');
    expect(one('@media (min-width: 40rem) and (prefers-reduced-motion: reduce) {\n  .a { transition: none; }\n}')).toBe(
      '@media (min-width:40rem) and (prefers-reduced-motion:reduce){.a{transition:none}}',
    );
    expect(one('@container board (width > 30rem) { .a { gap: 0 } }')).toBe('@container board (width>30rem){.a{gap:0}}');
    expect(one('.a { container: approval-inbox / inline-size; }')).toBe('.a{container:approval-inbox / inline-size}');
  });

  it('keeps an empty custom property and never makes ${ out of $ {', () => {
    expect(one('.a { --x: ; --y: 1px; }')).toBe('.a{--x: ;--y:1px}');
    expect(one('.a::after { content: "$"; } .$ {}')).toBe('.a::after{content:"$"}.$ {}');
  });

  it('keeps every ${} where it was', () => {
    expect(minifyCss([':host {\n  width: ', 'px;\n  ', '\n}\n', ' .a { color: red; }'])).toEqual([
      ':host{width:',
      'px;',
      '}',
      ' .a{color:red}',
    ]);
  });

  it('refuses what it cannot read with certainty', () => {
    expect(() => one('.a { content: "open; }')).toThrow();
    expect(() => one('.a { color: red; } /* open')).toThrow();
    expect(() => minifyCss(['.a { content: "', '"; }'])).toThrow();
    expect(() => minifyCss(['/* ', ' */'])).toThrow();
  });
});

describe('html', () => {
  const one = (text: string) => minifyHtml([text])[0];

  it('collapses whitespace in text to one character, a newline when it held one', () => {
    expect(one('<div>\n    <b>a</b>   <i>b</i>\n  </div>')).toBe('<div>\n<b>a</b> <i>b</i>\n</div>');
    expect(one('  <p>a  b</p>  ')).toBe(' <p>a b</p> ');
  });

  it('collapses whitespace in tags, keeps attribute values as written', () => {
    expect(one('<input\n    type="text"\n    title="a   b"\n    class=\'x  y\'\n  />')).toBe(`<input type="text" title="a   b" class='x  y' />`);
    expect(one('<a  href=/x   >x</a  >')).toBe('<a href=/x>x</a>');
  });

  it('keeps <pre>, <textarea>, <script> and <style> content as written', () => {
    const text = '<pre>  a\n     b  </pre>\n  <textarea>  \n x </textarea>  <style> .a  { color: red } </style><script> a  =  1 </script>';
    expect(one(text)).toBe('<pre>  a\n     b  </pre>\n<textarea>  \n x </textarea> <style> .a  { color: red } </style><script> a  =  1 </script>');
    expect(one('<PRE class="x">  a  </PRE>')).toBe('<PRE class="x">  a  </PRE>');
  });

  it('drops comments, but not one holding a binding', () => {
    expect(one('<p>a <!-- note --> b</p><!--x-->')).toBe('<p>a b</p>');
    expect(minifyHtml(['<p><!-- ', ' -->  </p>'])).toEqual(['<p><!-- ', ' --> </p>']);
    expect(one('<p>$<!-- x -->{a}</p>')).toBe('<p>$<!-- x -->{a}</p>');
  });

  it('keeps bindings: attributes, properties, events, quoted and static tags', () => {
    const parts = ['<div\n      class="a ', '  b"\n      .value=', '\n      @click=', '\n    >\n      ', '\n    </div>\n    <', ' x=', '></', '>'];
    expect(minifyHtml(parts)).toEqual(['<div class="a ', '  b" .value=', ' @click=', '>\n', '\n</div>\n<', ' x=', '></', '>']);
  });

  it('keeps escapes of the JavaScript template and text that only looks like a tag', () => {
    expect(one('<p>a\\n   b \\`  c</p>')).toBe('<p>a\\n b \\` c</p>');
    expect(one('<p>1 < 2  and 3 > 2</p>')).toBe('<p>1 < 2 and 3 > 2</p>');
    expect(one('<p>a\u00a0\u00a0b</p>')).toBe('<p>a\u00a0\u00a0b</p>');
  });

  it('refuses what it cannot read with certainty', () => {
    expect(() => one('<p title="open>x</p>')).toThrow();
    expect(() => one('<p>x <!-- open')).toThrow();
    expect(() => one('<pre>never closed')).toThrow();
  });
});

describe('modules', () => {
  it('minifies Lit templates, not templates inside msg() nor tags from elsewhere', () => {
    const code = [
      `import { css, html as litHtml } from 'lit';`,
      `import { msg } from '@lit/localize';`,
      `import { html } from './elsewhere.js';`,
      `const s = css\`  .a {  color: red;  }  \`;`,
      `const t = litHtml\`<p>\n   \${msg(litHtml\`Hello   <b>\${'x'}</b>\`)}\n</p>\`;`,
      `const u = html\`<p>   keep   </p>\`;`,
    ].join('\n');
    const r = minifyLitTemplates(code, 'x.ts')!;
    expect(r.code).toContain('css`.a{color:red}`');
    expect(r.code).toContain('litHtml`<p>\n${msg(litHtml`Hello   <b>${\'x\'}</b>`)}\n</p>`');
    expect(r.code).toContain('html`<p>   keep   </p>`');
    expect(r.templates).toBe(2);
  });

  it('leaves a template it cannot read as it is and counts it', () => {
    const code = "import { css } from 'lit';\nconst a = css`.a { content: \"x }`;\nconst b = css` .b { } `;\n";
    const r = minifyLitTemplates(code, 'x.ts')!;
    expect(r.skipped).toBe(1);
    expect(r.code).toBe("import { css } from 'lit';\nconst a = css`.a { content: \"x }`;\nconst b = css`.b{}`;\n");
  });

  it('maps the code after a rewritten template back to where it was', () => {
    const code = [
      "import { html } from 'lit';",
      'export const view = (name: string) => html`',
      '  <div class="a">',
      '    <p>${name}</p>',
      '  </div>',
      '`;',
      'export const после = 1; export const marker = 42;',
    ].join('\n');
    const r = minifyLitTemplates(code, 'x.ts')!;
    const outLines = r.code.split('\n');
    const line = outLines.findIndex((l) => l.includes('marker'));
    const col = outLines[line]!.indexOf('marker');
    expect(originalPosition(r.map.mappings, line, col)).toEqual({ line: 6, column: code.split('\n')[6]!.indexOf('marker') });
    const nameLine = outLines.findIndex((l) => l.includes('name}'));
    const nameCol = outLines[nameLine]!.indexOf('name}');
    expect(originalPosition(r.map.mappings, nameLine, nameCol)).toEqual({ line: 3, column: code.split('\n')[3]!.indexOf('name}') });
    expect(r.map.sources).toEqual(['x.ts']);
    expect(r.map.sourcesContent).toEqual([code]);
  });
});

describe('every template of the widgets', () => {
  const files = sources(join(root, 'widgets')).filter((f) => !f.includes('/locales/'));

  it('keeps the same elements, attributes, bindings and text, and the same CSS rules', () => {
    let compared = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const r = minifyLitTemplates(code, file);
      if (!r) continue;
      expect(r.skipped, `${file}: templates left as written`).toBe(0);
      const before = templates(code, file);
      const after = templates(r.code, file);
      expect(after.length, file).toBe(before.length);
      before.forEach((b, k) => {
        const a = after[k]!;
        expect(a.parts.length, `${file} template ${k}`).toBe(b.parts.length);
        if (b.tag === 'css') {
          expect(cssRules(a.parts), `${file} template ${k}`).toBe(cssRules(b.parts));
        } else if (!b.inMsg) {
          expect(htmlShape(a.parts), `${file} template ${k}`).toEqual(htmlShape(b.parts));
        } else {
          expect(a.parts, `${file}: a template inside msg() changed`).toEqual(b.parts);
        }
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(300);
  });
});

// — helpers —

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface Template {
  tag: string;
  parts: string[];
  inMsg: boolean;
}

/** The templates tagged html/svg/css in a module, in source order, with their raw parts. */
function templates(code: string, file: string): Template[] {
  const { program, errors } = parseSync(file, code, { lang: 'ts', sourceType: 'module' });
  expect(errors, file).toEqual([]);
  const out: Template[] = [];
  const visit = (node: unknown, inMsg: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, inMsg));
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, any>;
    let msgHere = inMsg;
    if (n.type === 'CallExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'msg') msgHere = true;
    if (n.type === 'TaggedTemplateExpression' && n.tag.type === 'Identifier' && /^(html|svg|css|staticHtml)$/.test(n.tag.name)) {
      // cooked, as Lit sees them
      out.push({ tag: n.tag.name === 'css' ? 'css' : 'html', parts: n.quasi.quasis.map((q: any) => q.value.cooked), inMsg: msgHere });
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && v && typeof v === 'object') visit(v, msgHere);
  };
  visit(program, false);
  return out;
}

/**
 * The CSS as Lightning CSS reads and prints it (minified), a placeholder word for each `${}`.
 * It prints values it does not parse (with `var()`) as written, so the space after a comma is
 * left out on both sides.
 */
function cssRules(parts: string[]): string {
  const code = parts.map((p, k) => (k === 0 ? p : `h0le${k}${p}`)).join('');
  const printed = transform({ filename: 'template.css', code: Buffer.from(code), minify: true, errorRecovery: true }).code.toString();
  return printed.replace(/\s*,\s*/g, ',');
}

/** The DOM an HTML template builds: elements with their attributes as written, text with runs of whitespace as one character. */
function htmlShape(parts: string[]): unknown[] {
  const doc = parseDocument(parts.map((p, k) => (k === 0 ? p : `HOLE${k}${p}`)).join(''), { lowerCaseAttributeNames: false });
  const shape = (nodes: ChildNode[], raw: boolean): unknown[] =>
    nodes.flatMap((n): unknown[] => {
      if (n.type === 'text') return [raw ? n.data : n.data.replace(/[ \t\n\r\f]+/g, (run) => (/[\n\r]/.test(run) ? '\n' : ' '))];
      if (n.type === 'comment') return /HOLE\d/.test(n.data) ? [`<!--${n.data}-->`] : [];
      if ('attribs' in n) {
        const inside = raw || /^(pre|textarea|script|style)$/i.test(n.name);
        return [{ name: n.name, attribs: n.attribs, children: shape(n.children, inside) }];
      }
      return [];
    });
  // adjacent text nodes (around a dropped comment) count as one
  const merge = (list: unknown[]): unknown[] =>
    list.reduce<unknown[]>((acc, item) => {
      const last = acc[acc.length - 1];
      if (typeof item === 'string' && typeof last === 'string') acc[acc.length - 1] = (last + item).replace(/[ \t\n\r\f]{2,}/g, (run) => (/[\n\r]/.test(run) ? '\n' : ' '));
      else acc.push(item && typeof item === 'object' && 'children' in item ? { ...item, children: merge((item as { children: unknown[] }).children) } : item);
      return acc;
    }, []);
  return merge(shape(doc.children, false));
}

/** Decodes a source map's mappings and finds the original position of a generated one. */
function originalPosition(mappings: string, line: number, column: number): { line: number; column: number } | null {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let origLine = 0;
  let origCol = 0;
  let found: { line: number; column: number } | null = null;
  mappings.split(';').forEach((l, li) => {
    let genCol = 0;
    for (const seg of l.split(',').filter(Boolean)) {
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        let digit = chars.indexOf(ch);
        const more = digit & 32;
        digit &= 31;
        value += digit << shift;
        if (more) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += values[0]!;
      origLine += values[2] ?? 0;
      origCol += values[3] ?? 0;
      if (li === line && genCol === column) found = { line: origLine, column: origCol };
    }
  });
  return found;
}
