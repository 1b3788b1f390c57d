/**
 * Plan boards end to end (R-PLAN-1..5): on the demo portal, the board editor Dora moves an activity
 * of "Rollout Windows 11 – Standort Hamburg" into the next column ("Move to…") and changes its end
 * date in the details; the observer Anna then sees both changes, with the same calendar day, and
 * no way to change anything — and the server refuses her change too (R-X-4).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, e2eSuite } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

const BOARD = 'Rollout Windows 11 – Standort Hamburg';
const DORA = 'dora.dispatcher@nordwind.example';
const ANNA = 'anna.viewer@nordwind.example';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** R-X-2: no axe-core violations in the page's current state. */
async function expectAccessible(page: Page, state: string) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect(violations, `axe violations (${state})`).toEqual([]);
}

/** Signs in on the demo page and opens the board from the plan-board overview (R-PLAN-2). */
async function openBoard(page: Page, email: string) {
  await page.goto('/');
  const session = page.locator('portal-session');
  await session.getByLabel(/^(E-Mail(-Adresse)?|E-mail( address)?)$/i).fill(email);
  await session.getByLabel(/^(Passwort|Password)$/i).fill(DEMO_PASSWORD);
  await session.getByRole('button', { name: /^(Anmelden|Sign in)$/i }).click();
  await page.getByRole('navigation').getByRole('link', { name: /^(Plan ?board|Planboard)$/i }).click();
  const board = page.locator('plan-board');
  await board.getByRole('button', { name: BOARD, exact: true }).click();
  await board.getByRole('heading', { name: BOARD }).waitFor();
  return board;
}

function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

describe('plan board: an editor moves and reschedules, an observer sees it read only (R-PLAN-1..5)', () => {
  it('Dora moves an activity to the next column and changes its end date; Anna sees both and cannot edit', async () => {
    const { server, page, browser } = e2e;
    const [first, second] = server.query<{ id: string; title: string }>(
      `select c.id, c.title from plan_column c join plan_board b on b.id = c.board_id where b.title = ? order by c.sort`,
      BOARD,
    );
    const [activity] = server.query<{ id: string; title: string; start_date: string; end_date: string; version: number }>(
      `select id, title, start_date, end_date, version from plan_activity where column_id = ? order by sort limit 1`,
      first!.id,
    );
    expect(activity, `an activity in "${first!.title}"`).toBeDefined();
    const a = activity!;
    const newEnd = addDays(a.end_date, 3);

    // Dora, board editor
    const board = await openBoard(page, DORA);
    const card = board.locator('li.card', { hasText: a.title });
    await card.getByRole('button', { name: /^Verschieben nach/ }).click();
    const move = board.locator('dialog#move');
    await move.getByLabel('Spalte').selectOption(second!.id);
    await expectAccessible(page, 'Move to… dialog');
    await move.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await board.locator(`[data-column="${second!.id}"] li.card`, { hasText: a.title }).waitFor();
    await expect.poll(() => board.locator('[role=status][aria-live=polite]').textContent()).toContain(`verschoben nach ${second!.title}`);

    await board.locator(`[data-column="${second!.id}"] li.card`, { hasText: a.title }).locator('.card-open').click();
    const detail = board.locator('dialog#detail');
    await detail.getByLabel('Abschlussdatum').fill(newEnd);
    await detail.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => detail.locator('.form-status').textContent()).toBe('Änderungen gespeichert.');
    await expectAccessible(page, 'details of an editor');

    const [saved] = server.query<{ column_id: string; end_date: string; start_date: string; version: number }>(
      'select column_id, end_date, start_date, version from plan_activity where id = ?',
      a.id,
    );
    expect(saved).toEqual({ column_id: second!.id, end_date: newEnd, start_date: a.start_date, version: a.version + 2 });
    e2e.expectNoConsoleErrors();

    // Anna, observer, in a browser of her own (another time zone: the day stays the day)
    const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', timezoneId: 'America/Los_Angeles', viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    try {
      const annaPage = await context.newPage();
      annaPage.on('pageerror', (err) => errors.push(err.message));
      annaPage.on('console', (m) => {
        // as the harness: before sign-in, the session's look at /api/me answers 401 by design
        const line = `${m.text()} (${m.location().url})`;
        if (m.type() === 'error' && !/status of 401 .*\/api\/(me|auth\/)/.test(line)) errors.push(line);
      });
      const annaBoard = await openBoard(annaPage, ANNA);
      await expect.poll(() => annaBoard.locator('.read-only').first().textContent()).toContain('Nur lesen – Sie sind Beobachter dieses Plan Boards.');
      const moved = annaBoard.locator(`[data-column="${second!.id}"] li.card`, { hasText: a.title });
      await moved.waitFor();
      expect(await annaBoard.locator('li.card .move').count()).toBe(0);
      expect(await annaBoard.locator('li.card[draggable=true]').count()).toBe(0);
      const endText = new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${newEnd}T00:00:00Z`),
      );
      await moved.locator('.card-open').click();
      const annaDetail = annaBoard.locator('dialog#detail');
      await expect.poll(() => annaDetail.locator('.fact', { hasText: 'Abschlussdatum' }).locator('dd').textContent()).toBe(endText);
      expect(await annaDetail.locator('input, select, button[type=submit]').count()).toBe(0);
      await expectAccessible(annaPage, 'details of an observer');

      // the server enforces it too: her PATCH is refused and changes nothing (R-X-4)
      const res = await annaPage.request.patch(`/api/plan-activities/${a.id}`, {
        data: { version: a.version + 2, endDate: addDays(newEnd, 1) },
        headers: { origin: server.url },
      });
      expect(res.status()).toBe(403);
      const [after] = server.query<{ end_date: string; version: number }>('select end_date, version from plan_activity where id = ?', a.id);
      expect(after).toEqual({ end_date: newEnd, version: a.version + 2 });
      expect(errors, 'console errors on Anna\'s page').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
