/**
 * Framework hosts (issue 7): the widgets inside a React 19 app (tags defined up front, props as
 * properties, `on<event>` listeners) and a Vue 3 app (the lazy loader, `.prop` bindings, `@event`
 * listeners). Both apps are built with their own Vite configs against a fresh build of the
 * widgets, served from a temp dir and driven in Chromium: properties reach the elements, events
 * reach the host, the host routes `ticket-open` itself, and re-rendering the host keeps what the
 * user typed into a widget. A last part checks the TypeScript declarations as a host sees them.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = join(root, 'test/hosts');
const run = promisify(execFile);

let dir: string;
let server: Server;
let base: string;
let browser: Browser;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Builds with a Vite config of the repository into `outDir`, with extra environment for its config. */
async function viteBuild(configFile: string, outDir: string, env: Record<string, string> = {}) {
  // the host configs read the environment when they load, in a process of their own
  const script = `
    const { build } = await import('vite');
    await build({ configFile: ${JSON.stringify(configFile)}, logLevel: 'error', build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true } });
  `;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portal-hosts-'));
  const widgets = join(dir, 'widgets');
  await viteBuild(join(root, 'vite.config.ts'), widgets);
  await Promise.all(
    ['react', 'vue'].map((host) =>
      viteBuild(join(here, host, 'vite.config.mjs'), join(dir, host), { HELPDESK_PORTAL_WIDGETS: widgets }),
    ),
  );
  server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openHost(host: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(`${base}/${host}/`);
  await page.locator('main > h1').waitFor();
  return { page, errors };
}

const hostLog = (page: Page) => page.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog);

describe.each(['react', 'vue'])('%s host', (host) => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await openHost(host));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('hands its API to <portal-session> as a property; the session signs in with it and tells the host', async () => {
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('portal-session') as unknown as { state: { status: string } }).state.status))
      .toBe('signed-in');
    // the very object the host made, not a string from an attribute
    expect(await page.evaluate(() => (document.querySelector('portal-session') as unknown as { api: unknown }).api === (window as unknown as { hostApi: unknown }).hostApi)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('portal-session')!.hasAttribute('api'))).toBe(false);
    expect(await hostLog(page)).toContain('signed-in:erik.editor@nordwind.example');
    // the widgets inside use it too
    await page.locator('ticket-board [part=row]').first().waitFor();
  });

  it('routes ticket-open itself (preventDefault) and passes the ticket id to ticket-detail as a property', async () => {
    const hashBefore = await page.evaluate(() => location.hash);
    const first = page.locator('ticket-board [part=row] button.open').first();
    const subject = (await first.innerText()).trim();
    await first.click();
    await page.locator('#host-ticket').waitFor();
    const id = (await page.locator('#host-ticket-id').innerText()).trim();
    expect(await hostLog(page)).toContain(`ticket-open:${id}`);
    // not handled by the board: no detail in place, no hash routing
    expect(await page.locator('ticket-board [part=detail]').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
    // the property reached the element, and it shows that ticket
    expect(await page.evaluate(() => (document.querySelector('ticket-detail') as unknown as { ticketId: string }).ticketId)).toBe(id);
    await page.locator('#host-ticket ticket-detail').getByRole('heading', { name: subject }).first().waitFor();
    await page.locator('#host-back').click();
    await page.locator('#host-ticket').waitFor({ state: 'detached' });
    await page.locator('ticket-board [part=row]').first().waitFor();
  });

  it('keeps what the user typed into the wizard while the host re-renders', async () => {
    const wizard = page.locator('ticket-wizard');
    const subject = `Typed in the ${host} host`;
    await wizard.locator('#subject').fill(subject);
    await page.evaluate(() => {
      (document.querySelector('ticket-wizard') as unknown as { hostMark: string }).hostMark = 'same element';
    });
    for (let i = 1; i <= 3; i++) {
      await page.locator('#rerender').click();
      await expect.poll(() => page.locator('#renders').innerText()).toBe(String(i));
      // the host's re-render reached the elements (a bound attribute changed) ...
      expect(await wizard.getAttribute('data-renders')).toBe(String(i));
    }
    // ... and left the element, and what was typed, alone
    expect(await page.evaluate(() => (document.querySelector('ticket-wizard') as unknown as { hostMark?: string }).hostMark)).toBe('same element');
    expect(await wizard.locator('#subject').inputValue()).toBe(subject);
    // a step further, another re-render: still on that step
    await wizard.locator('[part=actions] button[type=submit]').click();
    const step = () => wizard.locator('.steps [aria-current=step]').innerText();
    const second = await step();
    expect(second).toMatch(/Attachments/);
    await page.locator('#rerender').click();
    await expect.poll(() => page.locator('#renders').innerText()).toBe('4');
    expect(await step()).toBe(second);
  });

  it('hears ticket-created when the wizard creates a ticket', async () => {
    const wizard = page.locator('ticket-wizard');
    const next = () => wizard.locator('[part=actions] button[type=submit]').click();
    await next(); // attachments: none
    const editor = wizard.locator('.ProseMirror');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.type('From a framework host.');
    await next();
    for (const select of ['#type', '#area']) {
      const value = await wizard.locator(`${select} option:not([value=""])`).first().getAttribute('value');
      await wizard.locator(select).selectOption(value!);
    }
    await next();
    await next();
    await next();
    await wizard.locator('#success-title').waitFor();
    await expect.poll(() => page.locator('#created').innerText()).toBe('1');
    expect((await hostLog(page)).filter((e) => e.startsWith('ticket-created:'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('TypeScript hosts', () => {
  it('get every widget tag in HTMLElementTagNameMap and every event in GlobalEventHandlersEventMap', async () => {
    const widgets = join(root, 'widgets');
    // what the declarations must cover: the loader's tags, and every events module's map entries
    const loader = readFileSync(join(widgets, 'loader.ts'), 'utf8');
    const tags = ['portal-session', ...[...loader.matchAll(/^\s+'([a-z]+-[a-z-]+)': \(\) => import\(/gm)].map((m) => m[1]!)];
    expect(tags.length).toBeGreaterThan(5);
    const eventFiles = [join(widgets, 'core/events.ts')];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.events.ts')) eventFiles.push(join(d, e.name));
      }
    };
    walk(widgets);
    const globalTypes = readFileSync(join(widgets, 'global-types.ts'), 'utf8');
    for (const f of eventFiles) {
      const rel = './' + f.slice(widgets.length + 1).replace(/\.ts$/, '.js');
      expect(globalTypes, `widgets/global-types.ts names ${rel}`).toContain(`'${rel}'`);
    }
    const events = eventFiles.flatMap((f) => {
      const block = /interface GlobalEventHandlersEventMap \{([^}]*)\}/.exec(readFileSync(f, 'utf8'))?.[1] ?? '';
      return [...block.matchAll(/^\s*'?([a-z][a-z-]*)'?\s*:/gm)].map((m) => m[1]!);
    });
    expect(events).toContain('ticket-open');
    expect(events).toContain('ticket-created');

    // inside the repository (test-results/), so the declarations find lit & co. in node_modules
    const work = join(root, 'test-results/hosts');
    rmSync(work, { recursive: true, force: true });
    const out = join(work, 'types');
    const consumer = join(work, 'consumer');
    mkdirSync(consumer, { recursive: true });
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    // a host project that uses the package by name
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          paths: { 'helpdesk-portal/*': ['../types/widgets/*'] },
        },
        files: ['host.ts'],
      }),
    );
    writeFileSync(
      join(consumer, 'host.ts'),
      [
        `import 'helpdesk-portal/loader';`,
        `import type { PortalSession, TicketBoard, TicketWizard, KbBrowser } from 'helpdesk-portal/index';`,
        `const session: PortalSession = document.createElement('portal-session');`,
        `session.tokenProvider = async () => 'jwt';`,
        `const board: TicketBoard | null = document.querySelector('ticket-board');`,
        `const wizard: TicketWizard = document.createElement('ticket-wizard');`,
        `const kb: KbBrowser = document.createElement('kb-browser');`,
        `document.addEventListener('ticket-open', (e) => { const id: string = e.detail.id; e.preventDefault(); void id; });`,
        `void [session, board, wizard, kb];`,
        ...tags.map((t, i) => `type Tag${i} = HTMLElementTagNameMap['${t}']; const tag${i}: Tag${i} = document.createElement('${t}'); void tag${i};`),
        ...events.map((e, i) => `const event${i}: GlobalEventHandlersEventMap['${e}'] | undefined = undefined; void event${i};`),
      ].join('\n') + '\n',
    );
    const result = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(consumer, 'tsconfig.json')], {
      cwd: consumer,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? 'tsc failed' }));
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
  }, 600_000);

  it('the package version in the elements is package.json’s', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const source = readFileSync(join(root, 'widgets/core/version.ts'), 'utf8');
    expect(source).toContain(`export const version = '${pkg.version}';`);
  });
});
