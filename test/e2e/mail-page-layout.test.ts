// The demo outbox page fits its list into its column (fresh-eyes finding 13: the last column,
// "Status", was cut to "S…" at 1440 px because the address and the time could not wrap).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, e2eSuite } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

describe('outbox page layout (demo/mail.html)', () => {
  // ticket mails too, whose kinds are the longest ("Ticket: Antwort des Servicedesks"; found by a fresh-eyes test)
  beforeAll(async () => {
    const { server } = e2e;
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'alex.agent@servicedesk.example', password: DEMO_PASSWORD, mode: 'bearer' }),
    });
    const { token } = (await res.json()) as { token: string };
    const call = (path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      }).then((r) => r.json() as Promise<any>);
    const list = await call('/api/agent/tickets?pageSize=3');
    for (const t of list.items) {
      await call(`/api/agent/tickets/${t.id}/positions`, { body: '<p>Wir kümmern uns darum.</p>' });
      await call(`/api/agent/tickets/${t.id}/status`, { status: 'waiting_for_customer' });
    }
  });

  for (const width of [1440, 1150, 390]) {
    it(`shows every column of the list without scrolling sideways at ${width} px`, async () => {
      const { page } = e2e;
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/demo/mail.html');
      await page.getByRole('row').filter({ hasText: 'neu.kunde@' }).first().waitFor();
      await page.getByRole('row').filter({ hasText: /Antwort des Servicedesks|reply from the service desk/i }).first().waitFor();
      const box = await page.evaluate(() => {
        const list = document.querySelector<HTMLElement>('#list')!;
        const status = [...list.querySelectorAll<HTMLElement>('tbody td:last-child .badge')];
        const right = list.getBoundingClientRect().right;
        return {
          overflow: list.scrollWidth - list.clientWidth,
          statusOutside: status.filter((b) => b.getBoundingClientRect().right > right + 0.5).length,
          statuses: status.length,
        };
      });
      expect(box.statuses).toBeGreaterThan(0);
      expect(box.overflow, 'the list scrolls sideways').toBeLessThanOrEqual(0);
      expect(box.statusOutside, 'status badges cut off').toBe(0);
      e2e.expectNoConsoleErrors();
    });
  }
});
