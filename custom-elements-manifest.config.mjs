// custom-elements.json from the widgets' JSDoc (@summary, @slot, @csspart, @cssprop, @cssstate,
// @event; see STYLE.md "Public API and docs"). Storybook's docs read it (storybook/preview.ts).
// `npm run analyze` writes ./custom-elements.json.
export default {
  globs: ['widgets/**/*.element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // Do not scan node_modules for third-party manifests: nothing we bundle ships one, and it keeps
  // the run offline and independent of rs-module-lexer's native binding.
  dependencies: false,
  // Do not write a "customElements" entry into package.json (shared file).
  packagejson: false,
  quiet: true,
};
