/**
 * The build gives the widgets widgets/core/task.ts for '@lit/task' (vite.config.ts), which runs
 * only what they use; the types still come from the package, so TypeScript would not notice a
 * widget starting to use the rest. This test does: the names imported from '@lit/task' and the
 * options and members used on tasks must be ones core/task.ts implements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const widgets = join(root, 'widgets');

const sources = (readdirSync(widgets, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => join(widgets, f))
  .filter((f) => !f.endsWith(join('core', 'task.ts')))
  .map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') }))
  .filter(({ text }) => /from '@lit\/task(\/[^']*)?'/.test(text));

/** What core/task.ts implements (its header lists what it leaves out). */
const exportsImplemented = new Set(['Task', 'TaskStatus', 'initialState']);
const unsupported = /\b(autoRun|argsEqual|initialValue|hostUpdated|shallowArrayEquals|deepArrayEquals)\b/;

describe("the widgets' use of @lit/task (core/task.ts in the build)", () => {
  it('finds the widgets that use it', () => {
    expect(sources.map((s) => s.file).length).toBeGreaterThanOrEqual(7);
  });

  it.each(sources.map((s) => [s.file, s.text] as const))('%s uses only what core/task.ts implements', (_file, text) => {
    for (const [, names, path] of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@lit\/task(\/[^']*)?'/g)) {
      expect(path, 'only the package root').toBeUndefined();
      for (const raw of names!.split(',')) {
        const name = raw.trim();
        if (!name || name.startsWith('type ')) continue;
        expect(exportsImplemented.has(name.split(/\s+as\s+/)[0]!), `import { ${name} }`).toBe(true);
      }
    }
    expect(text.match(unsupported)?.[0], 'an option or member core/task.ts leaves out').toBeUndefined();
    // abort() on a task: the fields that hold one
    for (const [, field] of text.matchAll(/(#?\w+)\s*=\s*new Task\b/g)) {
      expect(text.includes(`${field}.abort(`), `${field}.abort()`).toBe(false);
    }
  });
});
