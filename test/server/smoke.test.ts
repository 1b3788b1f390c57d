import { describe, expect, it } from 'vitest';
import { call, testContext } from './helpers.js';

describe('app', () => {
  it('answers health', async () => {
    const t = await testContext();
    const r = await call(t.app, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('ok');
  });
  it('closes unknown routes', async () => {
    const t = await testContext();
    const r = await call(t.app, 'GET', '/api/nope');
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
  });
});
