/** Settings from the environment: defaults, where files go, refusals with a clear message. */
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../server/env.js';

describe('settings from the environment', () => {
  it('defaults: data/portal.db with its attachments in data/files', () => {
    const s = readSettings({}, '/srv/portal');
    expect(s.dbPath).toBe('/srv/portal/data/portal.db');
    expect(s.filesDir).toBe('/srv/portal/data/files');
  });

  it('attachments follow PORTAL_DB, so a second instance (and its --reset) never touches the first one’s files', () => {
    const s = readSettings({ PORTAL_DB: '/tmp/other/portal.db' }, '/srv/portal');
    expect(s.filesDir).toBe('/tmp/other/files');
    expect(readSettings({ PORTAL_DB: 'x/y.db' }, '/srv/portal').filesDir).toBe('/srv/portal/x/files');
  });

  it('a throwaway database (:memory:) gets files of its own, never data/files', () => {
    const s = readSettings({ PORTAL_DB: ':memory:' }, '/srv/portal');
    expect(s.dbPath).toBe(':memory:');
    expect(s.filesDir.startsWith('/srv/portal')).toBe(false);
    expect(s.filesDir).toContain(`helpdesk-portal-memory-${process.pid}`);
  });

  it('PORTAL_FILES wins when set', () => {
    const s = readSettings({ PORTAL_DB: '/tmp/other/portal.db', PORTAL_FILES: 'uploads' }, '/srv/portal');
    expect(s.filesDir).toBe('/srv/portal/uploads');
  });

  it('refuses nonsense with the variable named', () => {
    expect(() => readSettings({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readSettings({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });
});
