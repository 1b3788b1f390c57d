// custom-elements.json from the widgets' JSDoc (@summary, @slot, @csspart, @cssprop, @cssstate,
// @event; see STYLE.md "Public API and docs"). Storybook's docs read it (storybook/preview.ts).
// `npm run analyze` writes ./custom-elements.json.
//
// Besides the element modules it reads:
// - widgets/core/base-element.ts, so members every element inherits (`api-base`, ...) are listed;
// - each widget's define.ts, where `defineOnce('tag', Class)` registers the tag (the analyzer only
//   knows `customElements.define`; the plugin below teaches it our helper).

/** `defineOnce('portal-app', PortalApp)` → a custom-element-definition export, like customElements.define. */
function defineOncePlugin() {
  return {
    name: 'helpdesk-portal: defineOnce',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node)) return;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'defineOnce') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(cls)) return;
      const imported = context?.imports?.find((i) => i.name === cls.text);
      const where = !imported
        ? { module: moduleDoc.path }
        : imported.isBareModuleSpecifier
          ? { package: imported.importPath }
          : { module: new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.replace(/^\//, '').replace(/\.js$/, '.ts') };
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: cls.text, ...where } },
      ];
    },
  };
}

export default {
  globs: ['widgets/**/*.element.ts', 'widgets/*/define.ts', 'widgets/core/base-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // Do not scan node_modules for third-party manifests: nothing we bundle ships one, and it keeps
  // the run offline.
  dependencies: false,
  // Do not write a "customElements" entry into package.json (shared file).
  packagejson: false,
  quiet: true,
  plugins: [defineOncePlugin()],
};
