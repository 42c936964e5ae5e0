import { describe, expect, it } from 'vitest';
import { googleEvent, graphEvent, textEvent } from './corpus/events';
import { teamsHtml } from './corpus/templates';
import { MEET, TEAMS_MEETUP, TEAMS_SHORT, WEBEX, ZOOM, ZOOM_NO_PWD } from './corpus/urls';
import { checkLinkSource, detectJoinLink, type LinkSource } from './index';

describe('detectJoinLink', () => {
  it('returns every candidate with its rank and reason, join links before dial strings', () => {
    const d = detectJoinLink(graphEvent({
      joinUrl: TEAMS_MEETUP,
      location: ZOOM,
      text: `Backup ${WEBEX}\nRoom systems: 25501234567@contoso.webex.com or 81234567890@zoomcrc.com`,
    }));
    expect(d.candidates.map((c) => [c.kind, c.provider, c.origin, c.rank])).toEqual([
      ['join', 'teams', 'onlineMeeting.joinUrl', 1],
      ['join', 'zoom', 'location', 2],
      ['join', 'webex', 'body', 3],
      ['dial', 'webex', 'body', 4],
      ['dial', 'zoom', 'body', 5],
    ]);
    expect(d.candidates[0]?.reason).toMatch(/chosen: Microsoft Teams meetup-join link in onlineMeeting\.joinUrl.*structured/);
    expect(d.candidates[1]?.reason).toMatch(/location ranks below onlineMeeting\.joinUrl \(#1\)/);
    expect(d.candidates[2]?.reason).toMatch(/body ranks below location \(#2\)/);
    expect(d.candidates[3]?.reason).toMatch(/dial string for video devices/);
    expect(d.candidates[3]?.url).toBe('sip:25501234567@contoso.webex.com');
  });

  it('prefers the longer link for the same meeting within a field and says why (research §4, §3.11)', () => {
    const d = detectJoinLink(textEvent(`Join ${ZOOM_NO_PWD}\nor with passcode ${ZOOM}`));
    expect(d.join?.url).toBe(ZOOM);
    expect(d.candidates[0]?.reason).toMatch(/preferred over a shorter link for the same meeting/);
    expect(d.candidates[1]?.reason).toMatch(/same meeting as the longer link #1/);
  });

  it('keeps document order within a field otherwise', () => {
    const d = detectJoinLink(textEvent(`First ${MEET} then ${ZOOM}`));
    expect(d.join?.provider).toBe('meet');
    expect(d.candidates[1]?.reason).toMatch(/appears after #1 in text/);
  });

  it('ranks streams and redirectors below conferencing links', () => {
    const d = detectJoinLink(textEvent(`Live: https://www.youtube.com/live/AbCdEfGhIjK then ${ZOOM}`));
    expect(d.join?.provider).toBe('zoom');
    expect(d.candidates[1]?.reason).toMatch(/broadcast stream ranks below a conferencing link/);
  });

  it('validates structured fields like any other link (research §3.9)', () => {
    const d = detectJoinLink(graphEvent({ joinUrl: 'https://teams.microsoft.com.evil.example/l/meetup-join/x', html: teamsHtml({ joinUrl: TEAMS_SHORT }) }));
    expect(d.join).toEqual({ provider: 'teams', url: TEAMS_SHORT });
    expect(d.rejected.some((r) => /look-alike.*onlineMeeting\.joinUrl/.test(r.reason))).toBe(true);
  });

  it('explains rejected links with the field they came from', () => {
    const d = detectJoinLink(textEvent('Find your local number: https://acme.zoom.us/u/abc and tel:+123 and https://evil-zoom.us/j/81234567890'));
    expect(d.join).toBeNull();
    expect(d.rejected).toEqual(expect.arrayContaining([
      expect.objectContaining({ url: 'https://acme.zoom.us/u/abc', reason: expect.stringMatching(/local dial-in numbers.*\[text\]/) }),
      expect.objectContaining({ url: 'https://evil-zoom.us/j/81234567890', reason: expect.stringMatching(/look-alike host/) }),
    ]));
  });

  it('returns Google sip entry points and Teams CVI as dial strings only', () => {
    const google = detectJoinLink(googleEvent({ video: MEET, sip: 'sip:1234567890123@gmeet.contoso.com' }));
    expect(google.candidates.map((c) => [c.kind, c.provider, c.url])).toEqual([
      ['join', 'meet', MEET], ['dial', 'meet', 'sip:1234567890123@gmeet.contoso.com'],
    ]);
    const cvi = detectJoinLink(textEvent('Join with a video conferencing device\nteams@vc.contoso.com\nVideo Conference ID: 118 823 123 4'));
    expect(cvi.join).toBeNull();
    expect(cvi.candidates.map((c) => c.url)).toEqual(['sip:teams@vc.contoso.com', 'sip:1188231234@vc.contoso.com']);
  });

  it('never follows unsafe schemes, wherever they appear', () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'tel:+1', 'mailto:a@b.c', 'msteams:/l/meetup-join/x']) {
      const d = detectJoinLink(graphEvent({ joinUrl: link, html: `<a href="${link}">Join</a>` }));
      expect(d.join, link).toBeNull();
      expect(d.candidates.filter((c) => c.kind === 'join')).toEqual([]);
    }
  });

  it('drops a link cut off at the end of a full-length bodyPreview (research §3.10)', () => {
    const preview = `${'x'.repeat(200)} ${TEAMS_MEETUP}`.slice(0, 255);
    const d = detectJoinLink({ source: 'graph', event: { body: { contentType: 'html', content: '' }, bodyPreview: preview } });
    expect(d.join).toBeNull();
    expect(d.rejected[0]?.reason).toMatch(/may be cut off/);
  });

  it('never throws and reports junk input', () => {
    const junk: unknown[] = [undefined, null, 0, 'x', [], {}, { source: 'graph' }, { source: 'text', event: { text: 5 } },
      { source: 'graph', event: { body: { content: { toString: 1 } }, locations: 'x', onlineMeeting: [] } },
      { source: 'google', event: { conferenceData: { entryPoints: [null, 5, { uri: 7 }] } } }];
    for (const input of junk) {
      const d = detectJoinLink(input as LinkSource);
      expect(d.join).toBeNull();
    }
    expect(detectJoinLink(undefined as unknown as LinkSource).rejected[0]?.reason).toMatch(/expected \{ "source"/);
    expect(checkLinkSource({ source: 'text', event: { text: 'x' } })).toEqual({ ok: true });
    expect(checkLinkSource({ source: 'text', event: {} }).ok).toBe(false);
  });

  it('survives random garbage', () => {
    const alphabet = '<>"\'&#;:/.?=%@-_ahtpsz019 \n\u00a0{}()[]*!$';
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 300; n += 1) {
      const text = Array.from({ length: 200 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(() => detectJoinLink(textEvent(`https://${text}`))).not.toThrow();
      expect(() => detectJoinLink(graphEvent({ html: `<a href="https://${text}">${text}</a>` }))).not.toThrow();
    }
  });
});
