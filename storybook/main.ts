/**
 * Storybook: the widgets' states against the in-memory fake API (DESIGN.md "Storybook and demo").
 * Runs offline: no telemetry, no crash reports, no version or "what's new" checks.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { InlineConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['./stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: {
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
  /**
   * The project's vite.config.ts is a library build of the widgets (entries, stable file names,
   * outDir dist/widgets). Storybook builds an app: keep the shared settings (decorators,
   * define) and drop everything about the library build.
   */
  viteFinal(viteConfig: InlineConfig) {
    const build = viteConfig.build;
    if (build) {
      delete build.lib;
      delete build.manifest;
      const rolldown = build.rolldownOptions;
      if (rolldown) {
        delete rolldown.input;
        for (const output of [rolldown.output].flat()) {
          if (!output) continue;
          delete output.entryFileNames;
          delete output.chunkFileNames;
          delete output.assetFileNames;
          delete output.codeSplitting;
        }
      }
    }
    return viteConfig;
  },
};

export default config;
