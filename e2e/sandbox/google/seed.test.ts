import { describe, expect, it } from 'vitest';
import { SCOPES } from './scopes';
import { calendarClient, signIn, startGoogleTestSandbox } from './test-support';

const HOUR = 3600_000;

describe('Google seed', () => {
  // Mid-morning in Rome; Rome's spring-forward night; late evening; a Saturday afternoon in summer.
  const anchors = ['2026-11-23T09:10:00Z', '2026-03-29T00:50:00Z', '2026-11-23T21:45:00Z', '2026-06-06T15:00:00Z'].map((iso) => new Date(iso));

  it.each(anchors)('keeps Atlas alive around %s: one meeting now, the next in 60–90 minutes, no double booking', async (anchor) => {
    const sandbox = await startGoogleTestSandbox({ now: () => anchor, seedAnchor: anchor });
    try {
      const { client } = await signIn(sandbox, { account: 'room.atlas@fabrikam.example', scopes: [SCOPES.calendarReadonly] });
      const window = { timeMin: new Date(anchor.getTime() - 24 * HOUR).toISOString(), timeMax: new Date(anchor.getTime() + 24 * HOUR).toISOString() };
      const { data } = await calendarClient(sandbox, client).events.list({ calendarId: sandbox.cloud.room.calendarId, ...window, singleEvents: true, orderBy: 'startTime' });
      const timed = (data.items ?? []).filter((event) => event.start?.dateTime);
      const span = timed.map((event) => ({ start: Date.parse(event.start?.dateTime ?? ''), end: Date.parse(event.end?.dateTime ?? ''), summary: event.summary }));

      expect(span.filter((event) => event.start <= anchor.getTime() && event.end > anchor.getTime()).map((event) => event.summary)).toEqual(['Quarterly planning']);
      const next = span.find((event) => event.start > anchor.getTime());
      expect(((next?.start ?? 0) - anchor.getTime()) / 60_000).toBeGreaterThan(60);
      expect(((next?.start ?? 0) - anchor.getTime()) / 60_000).toBeLessThanOrEqual(90);
      for (let i = 1; i < span.length; i++) expect(span[i - 1]?.end ?? 0, `${span[i - 1]?.summary} vs ${span[i]?.summary}`).toBeLessThanOrEqual(span[i]?.start ?? 0);
      expect(data.items?.some((event) => event.start?.date && event.summary?.includes('room reserved'))).toBe(true);
      expect(data.items?.filter((event) => event.visibility === 'private')).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });
});
