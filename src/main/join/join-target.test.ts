import { describe, expect, it } from 'vitest';
import { APP_SCHEMES, joinTargetFor } from './join-target';

const link = (provider: string, url: string) => ({ provider, providerName: provider, url });

describe('joinTargetFor', () => {
  it('opens Zoom in its app with the passcode and vanity host when IT prefers the app', () => {
    expect(joinTargetFor(link('zoom', 'https://contoso.zoom.us/j/85012345678?pwd=aBc123.1'), 'app')).toEqual({
      via: 'app',
      provider: 'zoom',
      url: 'zoommtg://contoso.zoom.us/join?action=join&confno=85012345678&pwd=aBc123.1',
    });
  });

  it('keeps Zoom links without a meeting id (personal rooms, webinars) on the web', () => {
    expect(joinTargetFor(link('zoom', 'https://contoso.zoom.us/my/avery'), 'app').via).toBe('web');
    expect(joinTargetFor(link('zoom', 'https://contoso.zoom.us/webinar/register/WN_x'), 'app').via).toBe('web');
  });

  it('maps Teams meeting links to msteams:, keeping the whole context', () => {
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_N2%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';
    expect(joinTargetFor(link('teams', url), 'app')).toEqual({
      via: 'app',
      provider: 'teams',
      url: 'msteams:/l/meetup-join/19%3ameeting_N2%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d',
    });
  });

  it('uses the web client by default and for services without an app form', () => {
    expect(joinTargetFor(link('zoom', 'https://contoso.zoom.us/j/85012345678'), 'web').via).toBe('web');
    expect(joinTargetFor(link('google-meet', 'https://meet.google.com/abc-defg-hij'), 'app')).toEqual({
      via: 'web',
      provider: 'google-meet',
      url: 'https://meet.google.com/abc-defg-hij',
    });
  });

  it('only ever produces allow-listed app schemes', () => {
    const target = joinTargetFor(link('teams', 'https://teams.microsoft.com/l/meetup-join/x'), 'app');
    expect(APP_SCHEMES.some((s) => target.url.startsWith(s))).toBe(true);
  });
});
