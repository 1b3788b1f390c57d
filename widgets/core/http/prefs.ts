/** `api.prefs` over HTTP (see api-http.ts): the caller's stored preferences. */
import { hc } from '../hc.js';
import type { lookupsRoutes } from '../../../server/routes/lookups.routes.js';
import type { RequestOptions } from '../api.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('prefs', (t) => {
  const api = hc<typeof lookupsRoutes>(`${t.base}/api`, t.clientOptions);
  return {
    get: async <T>(key: string, o?: RequestOptions) =>
      (await t.json<{ value: T | null }>(() => api.prefs[':key'].$get({ param: { key } }, perCall(o)))).value,
    set: async (key, value, o) => {
      await t.send(() => api.prefs[':key'].$put({ param: { key }, json: { value: value as never } }, perCall(o)), true);
    },
  };
});
