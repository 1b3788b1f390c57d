// @web/test-runner: widget tests in real Chromium (Debian's, see test/chromium.mjs).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromiumPath, chromiumArgs } from './chromium.mjs';
import { emulateTimezonePlugin } from './wtr-timezone.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Writes pass/fail counts for test/run.mjs; a file that fails to load counts as a failure. */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        const before = passed + failed;
        if (session.testResults) walk(session.testResults);
        if (!session.passed && passed + failed === before) failed++;
        else if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync(`${root}/test-results`, { recursive: true });
      writeFileSync(`${root}/test-results/widgets.json`, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  rootDir: root,
  files: ['test/widgets/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: `${root}/tsconfig.json`, target: 'es2022' }), emulateTimezonePlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
  concurrency: 2,
  // Lit's one-line dev-mode notice is expected in tests; a passing run prints nothing else.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
