/** `api.dashboard` over HTTP (see api-http.ts). */
import { hc } from '../hc.js';
import type { dashboardRoutes } from '../../../server/routes/dashboard.routes.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('dashboard', (t) => {
  const dash = hc<typeof dashboardRoutes>(`${t.base}/api/dashboard`, t.clientOptions);
  return {
    get: (input, o) => t.json(() => dash.index.$get({ query: { scope: input?.scope ?? 'mine' } as never }, perCall(o))),
  };
});
