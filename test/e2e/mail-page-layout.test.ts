// The demo outbox page fits its list into its column (fresh-eyes finding 13: the last column,
// "Status", was cut to "S…" at 1440 px because the address and the time could not wrap).
import { describe, expect, it } from 'vitest';
import { e2eSuite } from './harness.js';

const e2e = e2eSuite({ seed: 'demo' });

describe('outbox page layout (demo/mail.html)', () => {
  for (const width of [1440, 1150, 390]) {
    it(`shows every column of the list without scrolling sideways at ${width} px`, async () => {
      const { page } = e2e;
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/demo/mail.html');
      await page.getByRole('row').filter({ hasText: 'neu.kunde@' }).first().waitFor();
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
