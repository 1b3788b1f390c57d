/**
 * R-APPROVE: a rejected ticket goes back to its author, who revises it (PATCH /api/tickets/:id)
 * and resubmits it — or closes it. Nobody else may revise; only while rejected; stale versions
 * are refused; nothing changes on a refusal.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { api, decide, makeTicket, refusedWithoutEffect, signInAll, world, type World } from './ticket-fixtures.js';

describe('revising a rejected ticket', () => {
  let w: World;
  let id: string;
  let version: number;
  beforeEach(async () => {
    w = await world();
    await signInAll(w);
    id = await makeTicket(w, 'rejected');
    version = (await api(w, 'author', 'GET', `/api/tickets/${id}`)).json.version;
  });

  it('lets the author change fields, recomputes the priority, records the change and resubmits', async () => {
    const r = await api(w, 'author', 'PATCH', `/api/tickets/${id}`, {
      version,
      subject: 'Drucker im Lager druckt seit Montag nicht',
      description: '<p>Betrifft <b>alle</b> Etiketten.</p><script>alert(1)</script>',
      urgency: 'high',
      impact: 'high',
      tags: ['Drucker', 'Lager'],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.subject).toBe('Drucker im Lager druckt seit Montag nicht');
    expect(r.json.descriptionHtml).toBe('<p>Betrifft <b>alle</b> Etiketten.</p>');
    expect(r.json.priority).toBe('critical');
    expect(r.json.tags).toEqual(['Drucker', 'Lager']);
    expect(r.json.status).toBe('release_rejected');
    expect(r.json.version).toBe(version + 1);
    const history = (await api(w, 'author', 'GET', `/api/tickets/${id}/positions`)).json.items;
    const revised = history.find((p: any) => p.event === 'revised');
    expect(revised.data.fields).toEqual(expect.arrayContaining(['subject', 'description', 'priority', 'tags']));
    // the search finds the new subject
    expect((await api(w, 'author', 'GET', '/api/tickets?q=Montag')).json.total).toBe(1);

    const again = await api(w, 'author', 'POST', `/api/tickets/${id}/resubmit`, { comment: 'Präzisiert' });
    expect(again.status, again.text).toBe(200);
    expect(again.json.status).toBe('awaiting_release');
    await decide(w, 'dispatcher', id, 'release');
  });

  it('changes nothing when nothing differs (no version bump, no history entry)', async () => {
    const before = (await api(w, 'author', 'GET', `/api/tickets/${id}/positions`)).json.items.length;
    const r = await api(w, 'author', 'PATCH', `/api/tickets/${id}`, { version });
    expect(r.status, r.text).toBe(200);
    expect(r.json.version).toBe(version);
    expect((await api(w, 'author', 'GET', `/api/tickets/${id}/positions`)).json.items.length).toBe(before);
  });

  it('refuses a stale version, a colleague, the dispatcher, and a ticket that is not rejected', async () => {
    await refusedWithoutEffect(w, 409, 'conflict', () => api(w, 'author', 'PATCH', `/api/tickets/${id}`, { version: version - 1, subject: 'Neuer Betreff hier' }));
    // the colleague cannot even see the author's unreleased ticket
    await refusedWithoutEffect(w, 404, 'not_found', () => api(w, 'colleague', 'PATCH', `/api/tickets/${id}`, { version, subject: 'Neuer Betreff hier' }));
    const released = await makeTicket(w, 'pub');
    const v = (await api(w, 'author', 'GET', `/api/tickets/${released}`)).json.version;
    await refusedWithoutEffect(w, 409, 'conflict', () => api(w, 'author', 'PATCH', `/api/tickets/${released}`, { version: v, subject: 'Neuer Betreff hier' }));
    await refusedWithoutEffect(w, 403, 'forbidden', () => api(w, 'dispatcher', 'PATCH', `/api/tickets/${released}`, { version: v, subject: 'Neuer Betreff hier' }));
  });

  it('validates like creation: 422 for a blank subject, an unknown type, an unknown field', async () => {
    await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'author', 'PATCH', `/api/tickets/${id}`, { version, subject: '   ' }));
    await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'author', 'PATCH', `/api/tickets/${id}`, { version, typeId: 'nope' }));
    await refusedWithoutEffect(w, 422, 'validation_failed', () => api(w, 'author', 'PATCH', `/api/tickets/${id}`, { version, status: 'new' }));
  });
});
