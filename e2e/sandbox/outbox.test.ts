import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlClient } from './control-client';
import type { Sandbox } from './index';
import { accessTokenFor, startTestSandbox } from './test-support';

/** The sandbox's own contract for invitations: Graph user search and sendMail, and the outbox over HTTP. */
describe('Graph /users search, sendMail and the outbox', () => {
  let sandbox: Sandbox;
  let token: string;
  const graph = (path: string, init: RequestInit = {}) =>
    fetch(`${sandbox.urls.graph}/v1.0${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = await accessTokenFor(sandbox, 'boardroom4@contoso.com', ['User.ReadBasic.All', 'Mail.Send']);
  });
  afterAll(() => sandbox.close());

  it('answers $search only with ConsistencyLevel: eventual, as Graph does', async () => {
    const search = `/users?$search=${encodeURIComponent('"displayName:hana"')}&$select=displayName,mail`;
    const refused = await graph(search);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'Request_UnsupportedQuery' } });
    const found = await graph(search, { headers: { ConsistencyLevel: 'eventual' } });
    expect(await found.json()).toMatchObject({ value: [{ displayName: 'Hana Sato', mail: 'hana.sato@contoso.com' }] });
  });

  it('/me/people needs People.Read and finds people by name, never the caller', async () => {
    expect((await graph(`/me/people?$search=hana`)).status).toBe(403);
    const peopleToken = await accessTokenFor(sandbox, 'huddle2@contoso.com', ['People.Read']);
    const response = await fetch(`${sandbox.urls.graph}/v1.0/me/people?$search=${encodeURIComponent('"hana"')}`, { headers: { authorization: `Bearer ${peopleToken}` } });
    expect(await response.json()).toMatchObject({ value: [{ displayName: 'Hana Sato', scoredEmailAddresses: [{ address: 'hana.sato@contoso.com' }] }] });
  });

  it('rejects a malformed $search', async () => {
    const response = await graph(`/users?$search=${encodeURIComponent('hana')}`, { headers: { ConsistencyLevel: 'eventual' } });
    expect(response.status).toBe(400);
  });

  it('sendMail answers 202 and the message is in the outbox, in-process and over HTTP', async () => {
    const message = { subject: 'Hello', body: { contentType: 'HTML', content: '<p>Hi</p>' }, toRecipients: [{ emailAddress: { address: 'hana.sato@contoso.com' } }] };
    const response = await graph('/me/sendMail', { method: 'POST', body: JSON.stringify({ message }) });
    expect([response.status, await response.text()]).toEqual([202, '']);
    const expected = [expect.objectContaining({ provider: 'graph', from: 'boardroom4@contoso.com', to: ['hana.sato@contoso.com'], subject: 'Hello', body: '<p>Hi</p>' })];
    expect(sandbox.control.outbox('boardroom4@contoso.com')).toEqual(expected);
    expect(await createControlClient(sandbox.urls.graph).outbox('BoardRoom4@contoso.com')).toEqual(expected);
  });

  it('refuses sendMail without recipients, and as someone else', async () => {
    const noRecipients = await graph('/me/sendMail', { method: 'POST', body: JSON.stringify({ message: { subject: 'x' } }) });
    expect(await noRecipients.json()).toMatchObject({ error: { code: 'ErrorInvalidRecipients' } });
    const other = await graph('/users/huddle2@contoso.com/sendMail', { method: 'POST', body: JSON.stringify({ message: { toRecipients: [{ emailAddress: { address: 'a@b.example' } }] } }) });
    expect(other.status).toBe(403);
  });
});
