import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event, EventMessageRequest } from '@microsoft/microsoft-graph-types';
import { PageIterator, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeDifferences } from '../core/shape';
import type { Sandbox } from '../index';
import { accessTokenFor, graphClient, graphFailure, startTestSandbox } from '../test-support';
import { CLEAN_GLOBAL_OBJECT_ID_PROPERTY, cleanICalUId, GLOBAL_OBJECT_ID_PROPERTY, globalObjectIdValue } from './graph/global-object-id';

const ANCHOR = new Date('2026-11-23T10:10:00Z');
const FOCUS = 'focus1@contoso.com';
const ADMIN = 'it.admin@contoso.com';
const LONDON_DAY = 'startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-11-24T00:00:00Z&$top=50';

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

type WireMessage = EventMessageRequest & { '@odata.type'?: string };

/** The query a mailbox client sends to find a meeting's messages (see graph-mailbox.ts in the product). */
function byCleanGlobalObjectId(iCalUId: string): string {
  const filter = `singleValueExtendedProperties/any(ep: ep/id eq '${CLEAN_GLOBAL_OBJECT_ID_PROPERTY}' and cast(ep/value, Edm.Binary) eq binary'${globalObjectIdValue(cleanICalUId(iCalUId))}')`;
  return `$filter=${encodeURIComponent(filter)}`;
}

describe('Graph mail stand-in: room mailboxes and their invitations', () => {
  let sandbox: Sandbox;
  let room: Client;
  let admin: Client;
  let calendarOnly: Client;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ now: () => ANCHOR, seedAnchor: ANCHOR });
    const [roomToken, adminToken, calendarToken] = await Promise.all([
      accessTokenFor(sandbox, FOCUS, ['Calendars.Read', 'Mail.Read']),
      accessTokenFor(sandbox, ADMIN, ['Calendars.Read.Shared', 'Mail.Read.Shared']),
      // Consent accumulates per account (Entra puts every consented scope in the token): another room, never asked for mail.
      accessTokenFor(sandbox, 'huddle2@contoso.com', ['Calendars.Read']),
    ]);
    room = graphClient(sandbox, () => roomToken);
    admin = graphClient(sandbox, () => adminToken);
    calendarOnly = graphClient(sandbox, () => calendarToken);
  });
  afterAll(() => sandbox.close());

  it('keeps Focus Room 1 on Exchange defaults: calendar items are "organizer name, empty body", the mailbox keeps the invitation', async () => {
    const events = ((await room.api(`/me/calendarView?${LONDON_DAY}`).get()) as Page<Event>).value;
    const messages = sandbox.control.messages(FOCUS);
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (const event of events) {
      expect(event.subject).toBe(event.organizer?.emailAddress?.name);
      expect(event.bodyPreview).toBe('');
      const invitation = messages.find((message) => message.eventId === (event.seriesMasterId ?? event.id));
      expect(invitation?.subject, event.id ?? '').not.toBe(event.subject);
      expect(invitation?.bodyPreview).not.toBe('');
    }
  });

  it('pages every folder of /me/messages with $top and @odata.nextLink ($skip)', async () => {
    sandbox.control.clearRequests();
    const first = (await room.api('/me/messages?$top=2&$select=subject').get()) as Page<WireMessage>;
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toMatch(/(\$|%24)skip=2/);
    const subjects: string[] = [];
    await new PageIterator(room, first, (message: WireMessage) => {
      subjects.push(message.subject ?? '');
      return true;
    }).iterate();
    expect(subjects).toEqual(sandbox.control.messages(FOCUS).map((message) => message.subject));
    expect(sandbox.control.requests({ service: 'graph' }).map((request) => request.query['$skip'] ?? '0')).toEqual(['0', '2', '4']);
  });

  it('lists one folder under mailFolders/{inbox|deleteditems}; the daily series sits in Deleted Items', async () => {
    const inbox = ((await room.api('/me/mailFolders/inbox/messages?$select=subject&$top=50').get()) as Page<WireMessage>).value;
    const deleted = ((await room.api('/me/mailFolders/deleteditems/messages?$select=subject,microsoft.graph.eventMessage/type').get()) as Page<WireMessage>).value;
    expect(deleted.map((message) => [message.subject, message.type])).toEqual([['Platform stand-up', 'seriesMaster']]);
    expect(inbox.map((message) => message.subject)).not.toContain('Platform stand-up');
    expect(inbox.length + deleted.length).toBe(sandbox.control.messages(FOCUS).length);
  });

  it('finds a meeting’s invitation by its clean GlobalObjectId, for a single meeting and for any occurrence of a series', async () => {
    const events = ((await room.api(`/me/calendarView?${LONDON_DAY}`).get()) as Page<Event>).value;
    const occurrence = events.find((event) => event.type === 'occurrence');
    const single = events.find((event) => event.type === 'singleInstance');
    expect(occurrence?.iCalUId).not.toBe(sandbox.control.events(FOCUS).find((event) => event.id === occurrence?.seriesMasterId)?.iCalUId);
    for (const event of [occurrence, single]) {
      const expand = `$expand=singleValueExtendedProperties($filter=id eq '${GLOBAL_OBJECT_ID_PROPERTY}')`;
      const select = '$select=subject,body,microsoft.graph.eventMessage/meetingMessageType';
      const found = ((await room.api(`/me/messages?${byCleanGlobalObjectId(event?.iCalUId ?? '')}&${select}&${expand}`).get()) as Page<WireMessage>).value;
      expect(found).toHaveLength(1);
      const [message] = found;
      expect(message).toMatchObject({ '@odata.type': '#microsoft.graph.eventMessageRequest', meetingMessageType: 'meetingRequest' });
      expect(Object.keys(message ?? {}).sort()).toEqual(['@odata.etag', '@odata.type', 'body', 'id', 'meetingMessageType', 'singleValueExtendedProperties', 'subject']);
      const seriesId = event?.seriesMasterId ?? event?.id;
      expect(sandbox.control.messages(FOCUS).find((stored) => stored.id === message?.id)?.eventId).toBe(seriesId);
    }
  });

  it('rejects filters on properties a message does not have, as Graph does', async () => {
    const iCalUId = await graphFailure(room.api(`/me/messages?$filter=${encodeURIComponent("iCalUId eq '040000008200E00074C5B7101A82E008'")}`).get());
    expect([iCalUId.statusCode, iCalUId.code, iCalUId.message]).toEqual([400, 'BadRequest', "Could not find a property named 'iCalUId' on type 'microsoft.graph.message'."]);
    const uncast = await graphFailure(room.api('/me/messages?$select=meetingMessageType').get());
    expect(uncast.message).toBe("Could not find a property named 'meetingMessageType' on type 'microsoft.graph.message'.");
    const unsupported = await graphFailure(room.api(`/me/messages?$filter=${encodeURIComponent("contains(subject, 'sync')")}`).get());
    expect([unsupported.statusCode, unsupported.message]).toEqual([400, expect.stringContaining('sandbox does not implement')]);
  });

  it('filters on a string extended property (message class), case-insensitively', async () => {
    const filter = encodeURIComponent("singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and ep/value eq 'ipm.schedule.meeting.request')");
    const requests = ((await room.api(`/me/messages?$filter=${filter}&$top=50&$select=subject`).get()) as Page<WireMessage>).value;
    expect(requests).toHaveLength(sandbox.control.messages(FOCUS).length);
  });

  it('expands the eventMessage’s event navigation property to the room’s calendar item', async () => {
    const [stored] = sandbox.control.messages(FOCUS);
    const message = (await room.api(`/me/messages/${encodeURIComponent(stored?.id ?? '')}?$expand=microsoft.graph.eventMessage/event`).get()) as WireMessage;
    expect(message.event?.id).toBe(stored?.eventId);
    expect(message.event?.subject).toBe(message.event?.organizer?.emailAddress?.name);
  });

  it('returns a text body with inline links on Prefer: outlook.body-content-type="text"', async () => {
    const headers = { Prefer: 'outlook.body-content-type="text"' };
    const page = (await room.api('/me/messages?$select=body&$top=50').headers(headers).get()) as Page<WireMessage>;
    expect(page.value.every((message) => message.body?.contentType === 'text')).toBe(true);
    expect(page.value.map((message) => message.body?.content ?? '').join('\n')).toMatch(/<https:\/\/[^>]+>/);
  });

  it('needs Mail.Read for the own mailbox, and Mail.Read.Shared plus mailbox access for someone else’s', async () => {
    const denied = await graphFailure(calendarOnly.api('/me/messages').get());
    expect([denied.statusCode, denied.code]).toEqual([403, 'ErrorAccessDenied']);
    const shared = ((await admin.api(`/users/${FOCUS}/messages?$select=subject&$top=50`).get()) as Page<WireMessage>).value;
    expect(shared).toHaveLength(sandbox.control.messages(FOCUS).length);
    const notGranted = await graphFailure(admin.api('/users/avery.chen@contoso.com/messages').get());
    expect([notGranted.statusCode, notGranted.code]).toEqual([403, 'ErrorAccessDenied']);
    const ownWithoutMailRead = await graphFailure(admin.api('/me/messages').get());
    expect(ownWithoutMailRead.statusCode).toBe(403);
  });

  it('conforms to the documented eventMessage payload', async () => {
    const [stored] = sandbox.control.messages(FOCUS);
    const live = (await room.api(`/me/messages/${encodeURIComponent(stored?.id ?? '')}`).get()) as unknown;
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'graph', 'eventmessage-get.json'), 'utf8')) as unknown;
    const eventMessageRequestFields = [
      'type', 'isOutOfDate', 'isAllDay', 'isDelegated', 'responseRequested', 'allowNewTimeProposals', 'flag',
      'startDateTime', 'endDateTime', 'location', 'recurrence', 'previousLocation', 'previousStartDateTime', 'previousEndDateTime',
    ];
    expect(shapeDifferences(fixture, live, { allowExtra: eventMessageRequestFields })).toEqual([]);
  });
});
