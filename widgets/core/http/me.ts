/** `api.me` over HTTP (see api-http.ts): the caller's account and own settings. */
import { hc } from '../hc.js';
import type { meRoutes } from '../../../server/routes/me.routes.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('me', (t) => {
  const me = hc<typeof meRoutes>(`${t.base}/api/me`, t.clientOptions);
  return {
    get: (o) => t.json(() => me.index.$get(undefined, perCall(o))),
    update: (input, o) => t.json(() => me.index.$patch({ json: input }, perCall(o))),
  };
});
