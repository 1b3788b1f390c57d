/**
 * Builds the widgets as ES modules into dist/widgets/ (see DESIGN.md "Widgets").
 *
 * Entries keep stable names so host pages can reference them: loader.js (registers tags lazily),
 * define.js (registers every default tag), index.js (classes only, no side effects). Everything
 * else is a content-hashed shared chunk. Lit and the other browser dependencies are bundled:
 * host pages bring nothing of ours.
 *
 * Decorators: the widgets use TypeScript's legacy decorators (tsconfig: experimentalDecorators,
 * useDefineForClassFields: false). Vite 8 transforms with Oxc, which does not lower standard
 * decorators; Oxc picks the legacy mode up from tsconfig.json, and we also set it explicitly so
 * the build cannot silently change when the tsconfig lookup does.
 */
import { defineConfig } from 'vite';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyLitTemplatesPlugin } from './scripts/minify-lit-templates.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const entry = (name: string) => fileURLToPath(new URL(`./widgets/${name}.ts`, import.meta.url));
/** The widgets: every folder of widgets/ with a define.ts (core has none). */
const widgetTags = readdirSync(new URL('./widgets/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`./widgets/${d.name}/define.ts`, import.meta.url)))
  .map((d) => d.name)
  .sort();

export default defineConfig({
  root,
  publicDir: false,
  // the text of Lit's css`` and html`` templates, minified (Oxc keeps it as written; issue 7)
  plugins: [minifyLitTemplatesPlugin()],
  // Lit and friends branch on NODE_ENV in places; lib mode leaves process.env alone otherwise,
  // and `process` does not exist in a browser.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // Small runtimes of our own instead of the packages' (issue 7), for everything the build
  // bundles (tests run the sources unbundled, with the packages):
  // - the context protocol (widgets/core/context.ts; same events and API as @lit/context for what
  //   we use, and interoperable with it): element modules that still import '@lit/context' get it;
  // - localisation (widgets/core/localize.ts: msg, str, configureLocalization,
  //   updateWhenLocaleChanges with @lit/localize's ids and events); the sources import
  //   '@lit/localize', which lit-localize's tools read;
  // - async data (widgets/core/task.ts: Task, TaskStatus, initialState as @lit/task runs them, for
  //   the options the widgets use).
  resolve: {
    alias: [
      { find: /^@lit\/context$/, replacement: fileURLToPath(new URL('./widgets/core/context.ts', import.meta.url)) },
      { find: /^@lit\/localize$/, replacement: fileURLToPath(new URL('./widgets/core/localize.ts', import.meta.url)) },
      { find: /^@lit\/task$/, replacement: fileURLToPath(new URL('./widgets/core/task.ts', import.meta.url)) },
    ],
  },
  oxc: {
    decorator: { legacy: true },
    // together: TypeScript's useDefineForClassFields: false (Lit's reactive properties need it)
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    // .vite/manifest.json: which chunks each entry and widget imports (scripts/size.mjs reads it)
    manifest: true,
    lib: {
      entry: {
        loader: entry('loader'),
        define: entry('define'),
        index: entry('index'),
        // each widget's define.ts as an entry of its own (<tag>.js): the loader's import() gets
        // that chunk's own namespace, so no per-widget facade chunk and no namespace helper are
        // needed (~0.3 kB brotli per widget, issue 7); a host may also load one widget this way
        ...Object.fromEntries(widgetTags.map((tag) => [tag, entry(`${tag}/define`)])),
      },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        // lib mode does not minify on its own
        minify: true,
        // the minified output needs no /* @__PURE__ */ marks (they are for a later bundler; ours is
        // the last one): ~200 of them, 16 bytes each
        comments: { annotation: false },
        codeSplitting: {
          groups: [
            {
              // What every widget needs (Lit, contexts, localize, the API client, base element,
              // shared styles) in one shared chunk, instead of inside <portal-session>'s chunk
              // (the loader imports that one statically): a widget then costs its own chunk plus
              // this one (issue 7, size budget).
              name: 'core',
              test: /widgets[\\/]core[\\/](api|api-http|base-element|context|contexts|define-once|events|hc|icons|localization|localize|locale-codes|messages|styles|tokens|version)\.ts$/,
            },
            {
              // The account resources (core/http/auth.ts, me.ts) in chunks of their own: <portal-session>
              // imports them statically, so Rolldown would otherwise put them into its chunk (the
              // loader has it already), and every widget that calls api.me would load that chunk.
              // The other resources follow their widgets (core/http/<name>.ts, imported by define.ts).
              name: (id: string) => /widgets[\\/]core[\\/]http[\\/](auth|me)\.ts$/.exec(id)?.[1] ?? null,
            },
          ],
        },
      },
    },
  },
});
