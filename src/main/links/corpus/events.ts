import type { LinkSource } from '../index';

/**
 * Event builders shaped like Microsoft Graph and Google Calendar API responses (ids, times, attendees and the
 * other fields a real event carries), so the corpus exercises the same shapes the kiosk receives.
 */

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${String(sequence).padStart(6, '0')}`;
}

export interface GraphParts {
  joinUrl?: string;
  provider?: 'teamsForBusiness' | 'skypeForBusiness' | 'skypeForConsumer' | 'unknown';
  onlineMeetingUrl?: string;
  location?: string;
  locations?: string[];
  html?: string;
  text?: string;
  /** Defaults to the first 255 characters of the body text, as Graph computes it. */
  preview?: string;
  subject?: string;
}

export function graphEvent(p: GraphParts): LinkSource {
  const content = p.html ?? p.text ?? '';
  const event: Record<string, unknown> = {
    '@odata.etag': 'W/"DwAAABYAAAC1"',
    id: nextId('AAMkAGI2TG93AAA='),
    subject: p.subject ?? 'Quarterly planning',
    bodyPreview: p.preview ?? previewOf(p),
    body: { contentType: p.html !== undefined ? 'html' : 'text', content },
    start: { dateTime: '2025-06-12T17:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2025-06-12T18:00:00.0000000', timeZone: 'UTC' },
    location: { displayName: p.location ?? '', locationType: 'default', uniqueIdType: 'unknown' },
    locations: (p.locations ?? (p.location !== undefined ? [p.location] : [])).map((displayName) => ({ displayName, locationType: 'default' })),
    organizer: { emailAddress: { name: 'Avery Chen', address: 'avery.chen@contoso.com' } },
    isOnlineMeeting: p.joinUrl !== undefined,
    onlineMeetingProvider: p.provider ?? (p.joinUrl !== undefined ? 'teamsForBusiness' : 'unknown'),
    onlineMeeting: p.joinUrl !== undefined ? { joinUrl: p.joinUrl } : null,
    onlineMeetingUrl: p.onlineMeetingUrl ?? null,
    showAs: 'busy',
    isCancelled: false,
  };
  return { source: 'graph', event };
}

/** Graph's preview: the body's text, whitespace collapsed, first 255 characters. */
function previewOf(p: GraphParts): string {
  const text = p.text ?? stripTags(p.html ?? '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** Good enough for a preview and linear on any input: drops `<…>` and the content of `<style>`. */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length && out.length < 4096) {
    const lt = html.indexOf('<', i);
    out += html.slice(i, lt < 0 ? html.length : lt);
    if (lt < 0) break;
    const styleEnd = html.startsWith('<style', lt) ? html.indexOf('</style>', lt) : -1;
    const gt = html.indexOf('>', styleEnd < 0 ? lt : styleEnd);
    if (gt < 0) break;
    out += ' ';
    i = gt + 1;
  }
  return out;
}

export interface GoogleParts {
  video?: string;
  videoLabel?: string;
  hangoutLink?: string;
  sip?: string;
  phone?: boolean;
  more?: string;
  solution?: 'hangoutsMeet' | 'addOn';
  solutionName?: string;
  location?: string;
  description?: string;
}

export function googleEvent(p: GoogleParts): LinkSource {
  const entryPoints: Record<string, unknown>[] = [];
  if (p.video !== undefined) entryPoints.push({ entryPointType: 'video', uri: p.video, label: p.videoLabel ?? p.video.replace(/^https:\/\//, '') });
  if (p.phone === true) entryPoints.push({ entryPointType: 'phone', uri: 'tel:+1-650-555-0142', label: '+1 650-555-0142', pin: '123456789' });
  if (p.sip !== undefined) entryPoints.push({ entryPointType: 'sip', uri: p.sip, label: p.sip.replace(/^sip:/, '') });
  if (p.more !== undefined) entryPoints.push({ entryPointType: 'more', uri: p.more });
  const event: Record<string, unknown> = {
    kind: 'calendar#event',
    id: nextId('6b9a2c1e4d3f'),
    status: 'confirmed',
    summary: 'Design review',
    start: { dateTime: '2025-06-12T10:00:00-07:00', timeZone: 'America/Los_Angeles' },
    end: { dateTime: '2025-06-12T11:00:00-07:00', timeZone: 'America/Los_Angeles' },
    organizer: { email: 'avery.chen@contoso.com' },
  };
  if (p.hangoutLink !== undefined) event['hangoutLink'] = p.hangoutLink;
  if (p.location !== undefined) event['location'] = p.location;
  if (p.description !== undefined) event['description'] = p.description;
  if (entryPoints.length > 0) {
    const solution = p.solution ?? 'hangoutsMeet';
    event['conferenceData'] = {
      entryPoints,
      conferenceSolution: { key: { type: solution }, name: p.solutionName ?? (solution === 'hangoutsMeet' ? 'Google Meet' : 'Zoom Meeting') },
      conferenceId: 'uqv-izgo-llf',
    };
  }
  return { source: 'google', event };
}

export function textEvent(text: string): LinkSource {
  return { source: 'text', event: { text } };
}
