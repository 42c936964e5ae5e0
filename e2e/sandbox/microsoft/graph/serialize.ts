import type { DateTimeTimeZone, Event } from '@microsoft/microsoft-graph-types';
import { formatGraphDateTime, parseGraphDateTime, toLocal } from '../../core/time';
import { htmlToText } from './body-text';
import { instantOf } from './event-factory';
import type { Preferences } from './prefer';

type Wire = Record<string, unknown>;

/** A timed start/end in the zone the client asked for (UTC by default). */
function timedIn(value: DateTimeTimeZone | null | undefined, prefs: Preferences): DateTimeTimeZone | null {
  const instant = instantOf(value);
  if (!instant) return value ?? null;
  const zone = prefs.timeZone?.iana ?? 'UTC';
  return { dateTime: formatGraphDateTime(toLocal(instant, zone)), timeZone: prefs.timeZone?.name ?? 'UTC' };
}

/** All-day events are floating: midnight to midnight whatever zone is asked for; only the label changes. */
function floatingIn(value: DateTimeTimeZone | null | undefined, prefs: Preferences): DateTimeTimeZone | null {
  const local = parseGraphDateTime(value?.dateTime ?? '');
  if (!local) return value ?? null;
  return { dateTime: formatGraphDateTime({ ...local, hour: 0, minute: 0, second: 0, millisecond: 0 }), timeZone: prefs.timeZone?.name ?? 'UTC' };
}

function selectKeys(wire: Wire, select: readonly string[] | null): Wire {
  if (!select) return wire;
  const wanted = new Set(select.map((key) => key.toLowerCase()));
  // Graph always returns the etag and id, whatever $select says.
  return Object.fromEntries(Object.entries(wire).filter(([key]) => key === '@odata.etag' || key === 'id' || wanted.has(key.toLowerCase())));
}

export function parseSelect(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value.split(',').map((key) => key.trim()).filter(Boolean);
}

/** A stored event as Graph would send it to this request. */
export function eventToWire(event: Event, prefs: Preferences, select: readonly string[] | null): Wire {
  const convert = event.isAllDay ? floatingIn : timedIn;
  const body =
    prefs.bodyContentType === 'text' && event.body?.contentType === 'html'
      ? { contentType: 'text', content: htmlToText(event.body.content ?? '', 'inline') }
      : event.body;
  const wire: Wire = { '@odata.etag': `W/"${event.changeKey ?? ''}"`, ...event, body, start: convert(event.start, prefs), end: convert(event.end, prefs) };
  return selectKeys(wire, select);
}
