/** `api.auth` over HTTP (see api-http.ts): sign-in, sign-out, password, policy, exchange. */
import { hc } from '../hc.js';
import type { authRoutes } from '../../../server/routes/auth.routes.js';
import { ApiError, type SignInResult } from '../api.js';
import { perCall, registerResource } from '../api-http.js';

registerResource('auth', (t) => {
  const auth = hc<typeof authRoutes>(`${t.base}/api/auth`, t.clientOptions);
  const result = (body: SignInResult): SignInResult => ({ account: body.account, mustChangePassword: body.mustChangePassword });
  return {
    signIn: async (input, o) => {
      const res = await t.send(
        () => auth['sign-in'].$post({ json: { email: input.email, password: input.password, mode: t.mode } }, perCall(o)),
        false,
      );
      const body = await res.json();
      if (t.mode === 'bearer') {
        if (!('token' in body) || typeof body.token !== 'string') {
          throw new ApiError({ status: res.status, code: 'internal', message: 'The server sent no session token' });
        }
        t.setToken(body.token);
      }
      return result(body);
    },
    signOut: async (o) => {
      try {
        await t.send(() => auth['sign-out'].$post(undefined, perCall(o)), false);
      } finally {
        t.setToken(null);
      }
    },
    changePassword: async (input, o) =>
      result(await t.json(() => auth.password.$post({ json: { oldPassword: input.oldPassword, newPassword: input.newPassword } }, perCall(o)))),
    policy: async (o) => (await t.send(() => auth.policy.$get(undefined, perCall(o)), false)).json(),
    exchange: async (input, o) => {
      // The exchange route arrives with issue 7; until then it is not in the typed client.
      const res = await t.send(
        () =>
          t.fetch(`${t.base}/api/auth/exchange`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ token: input.token }),
            credentials: 'omit',
            ...(o?.signal ? { signal: o.signal } : {}),
          }),
        false,
      );
      const body = (await res.json()) as SignInResult & { token?: string };
      if (typeof body.token === 'string') t.setToken(body.token);
      return result(body);
    },
  };
});
