#!/usr/bin/env node
// npm run size: what the widgets cost a page. Builds the widgets with vite.config.ts into a
// temporary directory (so it measures the sources as they are, and never races another build of
// dist/widgets/); `--dist <dir>` measures an existing build instead.
//
// Per widget: its own chunk plus every chunk it imports statically (shared code: Lit, the core,
// ...), brotli and gzip; lazy chunks (German strings, the rich-text editor, ...) are listed on
// their own and count for no widget. The suite: everything the loader and define.js import
// statically. Budgets: one widget ≤ 15 kB brotli, the suite ≤ 60 kB brotli (kB = 1000 bytes, as
// Vite prints them). Above a budget it names the biggest parts and exits with 1.
//
// The chunk graph comes from Vite's manifest (.vite/manifest.json); which widget a chunk belongs
// to, and what is inside a chunk, from the chunk's source map.
//   --json <file>   also write { passed, failed, results, lazy } (test/run.mjs reads it)
//   --dist <dir>    measure this build (e.g. dist/widgets) instead of building
//   --ratchet <file>  judge against the sizes recorded in <file> (+3 %) instead of the budgets,
//                   so `npm test` catches every growth while the budget is not yet met; the
//                   budget table is still printed. `--record` writes the current sizes to it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { root } from './widgets-build.mjs';

export const WIDGET_BUDGET = 15_000;
export const SUITE_BUDGET = 60_000;

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const jsonAt = option('--json');
const ratchetAt = option('--ratchet') ? resolve(root, option('--ratchet')) : null;
const RATCHET_SLACK = 1.03;
let dist = option('--dist') ? resolve(root, option('--dist')) : null;

if (!dist) {
  dist = mkdtempSync(join(tmpdir(), 'portal-size-'));
  const cleanUp = () => rmSync(dist, { recursive: true, force: true });
  process.on('exit', cleanUp);
  try {
    const { build } = await import('vite');
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  } catch (e) {
    console.error(`size: the widget build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

const manifestPath = join(dist, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`size: ${manifestPath} is missing (vite.config.ts must set build.manifest)`);
  process.exit(1);
}
/** @type {Record<string, { file: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
const fileOfKey = (key) => manifest[key]?.file;

// — sizes —
const sizes = new Map();
function sizeOf(file) {
  let s = sizes.get(file);
  if (!s) {
    const bytes = readFileSync(join(dist, file));
    s = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(file, s);
  }
  return s;
}

/** The chunk files `file` needs before it runs: itself and its static imports, recursively. */
function staticClosure(files) {
  const seen = new Set();
  const stack = [...files];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    for (const key of byFile.get(f)?.imports ?? []) {
      const dep = fileOfKey(key);
      if (dep) stack.push(dep);
    }
  }
  return [...seen];
}

function total(files) {
  return files.reduce(
    (t, f) => {
      const s = sizeOf(f);
      return { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

// — what is inside a chunk (its source map) —
const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const contents = new Map();
/** Minified bytes per source module of `file`, from its source map. */
function modulesOf(file) {
  if (contents.has(file)) return contents.get(file);
  const out = new Map();
  const mapPath = join(dist, `${file}.map`);
  if (existsSync(mapPath)) {
    const map = JSON.parse(readFileSync(mapPath, 'utf8'));
    const lines = readFileSync(join(dist, file), 'utf8').split('\n');
    let source = 0;
    // text between mappings (e.g. the lines of a CSS template literal) belongs to the last source
    let last = '(glue)';
    const add = (name, n) => out.set(name, (out.get(name) ?? 0) + Math.max(0, n));
    map.mappings.split(';').forEach((line, li) => {
      let column = 0;
      const points = [];
      for (const segment of line.split(',')) {
        if (!segment) continue;
        const values = [];
        let value = 0;
        let shift = 0;
        for (const ch of segment) {
          let digit = VLQ.indexOf(ch);
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
        column += values[0];
        if (values.length > 1) source += values[1];
        points.push([column, values.length > 1 ? source : -1]);
      }
      const length = (lines[li] ?? '').length + (li < lines.length - 1 ? 1 : 0);
      add(last, points.length ? points[0][0] : length);
      points.forEach(([start, src], i) => {
        const end = i + 1 < points.length ? points[i + 1][0] : length;
        if (src >= 0) last = normalizeSource(map.sources[src]);
        add(last, end - start);
      });
    });
  }
  contents.set(file, out);
  return out;
}

/** `widgets/core/api.ts`, or `npm:lit-html` for a dependency. */
function normalizeSource(s) {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  if (npm) return `npm:${npm[1]}`;
  const i = s.indexOf('widgets/');
  const j = s.indexOf('server/');
  if (i >= 0) return s.slice(i);
  if (j >= 0) return s.slice(j);
  return s;
}

// — the widgets: a chunk whose source map holds widgets/<tag>/define.ts —
const widgets = new Map();
for (const { file } of Object.values(manifest)) {
  for (const source of modulesOf(file).keys()) {
    const m = /^widgets\/([a-z][a-z0-9]*-[a-z0-9-]+)\/define\.ts$/.exec(source);
    if (m && m[1] !== 'core') widgets.set(m[1], file);
  }
}
if (widgets.size === 0) {
  console.error('size: found no widget chunks (widgets/<tag>/define.ts) in the build');
  process.exit(1);
}

const entries = Object.values(manifest).filter((c) => c.isEntry);
const loader = entries.find((c) => c.file === 'loader.js');
const define = entries.find((c) => c.file === 'define.js');
if (!loader || !define) {
  console.error('size: loader.js and define.js must be entries of the build');
  process.exit(1);
}
const suiteFiles = staticClosure([loader.file, define.file]);
const everyStatic = new Set([...suiteFiles, ...[...widgets.values()].flatMap((f) => staticClosure([f]))]);
const lazy = Object.values(manifest)
  .map((c) => c.file)
  .filter((f) => f.endsWith('.js') && !everyStatic.has(f) && !entries.some((e) => e.file === f));

// — report —
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const rows = [];
const results = [];
for (const [tag, file] of [...widgets].sort(([a], [b]) => a.localeCompare(b))) {
  const files = staticClosure([file]);
  const t = total(files);
  const ok = t.brotli <= WIDGET_BUDGET;
  results.push({ name: tag, files, ...t, budget: WIDGET_BUDGET, ok });
  rows.push([tag, String(files.length), kB(t.raw), kB(t.gzip), kB(t.brotli), ok ? 'ok' : `OVER ${kB(WIDGET_BUDGET)}`]);
}
const suite = total(suiteFiles);
const suiteOk = suite.brotli <= SUITE_BUDGET;
results.push({ name: 'suite', files: suiteFiles, ...suite, budget: SUITE_BUDGET, ok: suiteOk });
rows.push(['suite (loader + define.js)', String(suiteFiles.length), kB(suite.raw), kB(suite.gzip), kB(suite.brotli), suiteOk ? 'ok' : `OVER ${kB(SUITE_BUDGET)}`]);

const lazyRows = lazy
  .map((f) => ({ f, ...sizeOf(f) }))
  .sort((a, b) => b.brotli - a.brotli)
  .map((l) => [`  ${l.f}`, '', kB(l.raw), kB(l.gzip), kB(l.brotli), 'lazy']);

const table = [['widget', 'chunks', 'minified', 'gzip', 'brotli', 'budget'], ...rows, ...(lazyRows.length ? [['lazy chunks (loaded on demand, in no total)', '', '', '', '', ''], ...lazyRows] : [])];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const r of table) {
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

const over = results.filter((r) => !r.ok);
if (over.length > 0) {
  console.log('');
  // what the shared chunks hold, once; then what each widget over budget adds on top
  const shared = new Map();
  for (const r of over) for (const f of r.files) shared.set(f, (shared.get(f) ?? 0) + 1);
  const common = [...shared].filter(([, n]) => n === over.length && over.length > 1).map(([f]) => f);
  const describe = (label, files) => {
    const parts = new Map();
    for (const f of files) for (const [m, n] of modulesOf(f)) parts.set(m, (parts.get(m) ?? 0) + n);
    const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8);
    const t = total(files);
    console.log(`${label}: ${kB(t.brotli)} brotli in ${files.join(', ')}; biggest parts (minified): ${top.map(([m, n]) => `${m} ${kB(n)}`).join(', ')}`);
  };
  if (common.length) describe('shared by all of them', common);
  for (const r of over) {
    const own = r.files.filter((f) => !common.includes(f));
    if (own.length) describe(`${r.name} (over by ${kB(r.brotli - r.budget)}) adds`, own);
  }
  console.log(`\n${over.length} over budget: ${over.map((r) => r.name).join(', ')}`);
}

// the ratchet: no widget and not the suite may grow beyond what was recorded (+3 %)
let judged = results.map((r) => ({ ...r, limit: r.budget }));
if (ratchetAt) {
  if (args.includes('--record')) {
    const record = Object.fromEntries(results.map((r) => [r.name, r.brotli]));
    writeFileSync(ratchetAt, JSON.stringify({ note: 'brotli bytes per widget and suite; npm test fails on growth above 3 %; lower them, never raise them without a reason', sizes: record }, null, 2) + '\n');
    console.log(`\nrecorded the sizes in ${ratchetAt}`);
  }
  const recorded = JSON.parse(readFileSync(ratchetAt, 'utf8')).sizes;
  judged = results.map((r) => {
    const base = recorded[r.name];
    const limit = base === undefined ? r.budget : Math.max(r.budget, Math.round(base * RATCHET_SLACK));
    return { ...r, limit, ok: r.brotli <= limit };
  });
  const grown = judged.filter((r) => !r.ok);
  console.log(`\nratchet (${relative(root, ratchetAt)}, +3 %): ${grown.length === 0 ? 'nothing grew' : grown.map((r) => `${r.name} ${kB(r.brotli)} > ${kB(r.limit)}`).join(', ')}`);
}
const failing = judged.filter((r) => !r.ok);

if (jsonAt) {
  const path = join(root, jsonAt);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    JSON.stringify(
      {
        passed: judged.filter((r) => r.ok).length,
        failed: failing.length,
        mode: ratchetAt ? 'ratchet' : 'budget',
        budgets: { widget: WIDGET_BUDGET, suite: SUITE_BUDGET },
        results: judged.map(({ name, files, raw, gzip, brotli, budget, limit, ok }) => ({ name, files, raw, gzip, brotli, withinBudget: brotli <= budget, limit, ok })),
        lazy: lazy.map((f) => ({ file: f, ...sizeOf(f) })),
      },
      null,
      2,
    ) + '\n',
  );
}
process.exitCode = failing.length > 0 ? 1 : 0;
