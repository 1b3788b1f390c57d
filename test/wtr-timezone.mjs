// A @web/test-runner command for tests that must hold in any time zone (plan boards' calendar
// days, R-PLAN-4): `await executeServerCommand('emulate-timezone', { timezoneId: 'Pacific/Kiritimati' })`
// switches the test page's time zone (Date, Intl) through the Chrome DevTools Protocol; an empty or
// missing timezoneId goes back to the machine's. Playwright launcher only (Chromium).

/** The plugin; add it to the config's `plugins`. */
export function emulateTimezonePlugin() {
  const sessions = new Map();
  return {
    name: 'emulate-timezone-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('emulate-timezone needs the playwright launcher');
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await page.context().newCDPSession(page);
        sessions.set(session.id, cdp);
        page.once('close', () => sessions.delete(session.id));
      }
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: payload?.timezoneId ?? '' });
      return true;
    },
  };
}
