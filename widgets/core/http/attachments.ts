/** `api.attachments` over HTTP (see api-http.ts): URLs a page can show or link. */
import { registerResource } from '../api-http.js';

registerResource('attachments', (t) => ({
  url: async (id, o) => {
    const path = `${t.base}/api/attachments/${encodeURIComponent(id)}${o?.inline ? '?inline=1' : ''}`;
    if (t.mode === 'cookie') return path;
    const res = await t.send(
      () =>
        t.fetch(path, {
          headers: t.clientOptions.headers(),
          credentials: 'omit',
          ...(o?.signal ? { signal: o.signal } : {}),
        }),
      true,
    );
    return URL.createObjectURL(await res.blob());
  },
  release: (url) => {
    if (url.startsWith('blob:')) URL.revokeObjectURL(url);
  },
}));
