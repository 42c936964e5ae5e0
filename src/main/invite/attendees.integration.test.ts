import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../e2e/sandbox';
import { completeInBrowser } from '../../../e2e/sandbox/google/test-support';
import { accessTokenFor, startTestSandbox } from '../../../e2e/sandbox/test-support';
import { scopesFor } from '../../shared/features';
import type { Person } from '../../shared/invite';
import type { CalendarChoice } from '../../shared/model';
import { signedInGoogleClient } from '../auth/google-auth.test-support';
import { silentLogger } from '../health/logger';
import { GraphApi } from '../providers/microsoft/graph-api';
import { GraphCalendarSource } from '../providers/microsoft/graph-calendar';
import { GoogleAttendees } from './google-attendees';
import { GraphAttendees } from './graph-attendees';

const ROOM = 'boardroom4@contoso.com';
const avery: Person = { name: 'Avery Chen', email: 'avery.chen@contoso.com', source: 'microsoft' };
const hana: Person = { name: 'Hana Sato', email: 'hana.sato@contoso.com', source: 'microsoft' };

describe('AttendeeWriter implementations against the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('Graph: appends to the attendees already there, and adding someone twice changes nothing', async () => {
    const token = await accessTokenFor(sandbox, ROOM, ['Calendars.ReadWrite']);
    const graph = new GraphApi(sandbox.urls.graph, async () => token, silentLogger);
    const calendar = (await new GraphCalendarSource(graph, { name: 'Boardroom 4', username: ROOM }).listCalendars()).find((c) => c.isRoomAccountOwn);
    if (!calendar) throw new Error('no own calendar');
    const event = sandbox.control.addEvent(ROOM, {
      subject: 'Walk-in',
      start: { dateTime: '2026-11-23T19:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-11-23T19:30:00', timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: 'bruno.rossi@contoso.com', name: 'Bruno Rossi' } }],
    });
    const writer = new GraphAttendees(graph);
    await writer.addAttendees(calendar, event.id ?? '', [avery]);
    await writer.addAttendees(calendar, event.id ?? '', [{ ...avery, email: 'Avery.Chen@contoso.com' }, hana]);
    const stored = sandbox.control.events(ROOM).find((e) => e.id === event.id);
    expect(stored?.attendees?.map((a) => a.emailAddress?.address)).toEqual(['bruno.rossi@contoso.com', 'avery.chen@contoso.com', 'hana.sato@contoso.com']);
  });

  it('Google: patches the attendees with sendUpdates=all, keeping the ones there', async () => {
    const scopes = scopesFor('google', ['google.calendar', 'google.instant-meeting']);
    const client = await signedInGoogleClient(sandbox.google, scopes, (url) => completeInBrowser(url, { account: sandbox.google.roomAccount, decision: 'accept' }));
    const id = sandbox.google.roomCalendarId;
    const atlas: CalendarChoice = { id, name: 'Atlas', ownerName: 'Atlas', ownerEmail: id, isRoomAccountOwn: false };
    const event = sandbox.control.google.addEvent(id, { summary: 'Walk-in', start: { dateTime: '2026-11-24T19:00:00Z' }, end: { dateTime: '2026-11-24T19:30:00Z' } });
    const writer = new GoogleAttendees(client, sandbox.google.config.calendarRootUrl);
    const sofia: Person = { name: 'Sofia Conti', email: 'sofia.conti@fabrikam.example', source: 'google' };
    await writer.addAttendees(atlas, event.id ?? '', [sofia]);
    await writer.addAttendees(atlas, event.id ?? '', [sofia]);
    const stored = sandbox.control.google.events(id).find((e) => e.id === event.id);
    expect(stored?.attendees?.map((a) => a.email)).toEqual(['sofia.conti@fabrikam.example']);
    const patches = sandbox.control.requests({ service: 'google-apis' }).filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.query['sendUpdates'])).toEqual(['all']);
  });
});
