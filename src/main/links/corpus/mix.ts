import type { LinkSource } from '../index';
import { googleEvent, graphEvent, textEvent } from './events';
import * as T from './templates';
import * as U from './urls';
import * as W from './wrap';

/**
 * A realistic day of a room calendar, for the benchmark: what a kiosk actually receives, weighted roughly like
 * enterprise usage (Teams most, then Zoom, Meet, Webex, GoTo, others, and plain room bookings), at real sizes
 * (full Outlook HTML documents). Round-tripped through JSON like API responses, so strings are flat as in production.
 */
export function realisticMix(): LinkSource[] {
  const events: LinkSource[] = [];
  const add = (count: number, make: (i: number) => LinkSource): void => {
    for (let i = 0; i < count; i += 1) events.push(make(i));
  };
  add(12, (i) => graphEvent({
    joinUrl: i % 2 === 0 ? U.TEAMS_MEETUP : U.TEAMS_SHORT,
    location: 'Microsoft Teams Meeting',
    html: T.teamsHtml({
      joinUrl: i % 2 === 0 ? U.TEAMS_MEETUP : U.TEAMS_SHORT, meetingId: '230 563 148 779', passcode: '2sDxvQ',
      dialIn: i % 2 === 0, modern: i % 3 !== 0, note: i % 4 === 0 ? 'Agenda: roadmap review, hiring update, Q&amp;A.' : undefined,
      cvi: i % 5 === 0 ? { gateway: 'teams@vc.contoso.com', vtcId: '118 823 123 4' } : undefined,
    }),
  }));
  add(4, () => graphEvent({ location: 'Microsoft Teams Meeting', html: T.teamsHtml({ joinUrl: W.safeLink(U.TEAMS_MEETUP), meetingId: '230 563 148 779', passcode: '2sDxvQ', modern: true }) }));
  add(2, () => graphEvent({ text: T.teamsText({ joinUrl: U.TEAMS_MEETUP, meetingId: '230 563 148 779', passcode: '2sDxvQ', dialIn: true }) }));
  add(5, (i) => graphEvent({ location: U.ZOOM, html: T.zoomHtml({ joinUrl: i % 2 === 0 ? U.ZOOM : W.safeLink(U.ZOOM), passcode: '123456', sip: true }) }));
  add(3, () => graphEvent({ text: T.zoomText({ joinUrl: U.ZOOM_US06, passcode: '123456', sip: true, h323: true, site: 'us06web.zoom.us' }) }));
  add(3, () => googleEvent({ video: U.ZOOM, solution: 'addOn', description: T.zoomAddonDescription({ joinUrl: U.ZOOM, wrappedJoin: W.html(W.googleRedirect(U.ZOOM)), meetingId: '81234567890', passcode: '123456' }) }));
  add(6, () => googleEvent({ video: U.MEET, hangoutLink: U.MEET, phone: true, more: 'https://tel.meet/uqv-izgo-llf?pin=1234567890123', description: 'Weekly design review.<br>Notes: <a href="https://docs.google.com/document/d/1AbC/edit">doc</a>' }));
  add(2, () => graphEvent({ html: T.googleInviteHtml({ meetUrl: U.MEET_HS, description: 'Design review' }) }));
  add(4, (i) => graphEvent({ location: i % 2 === 0 ? U.WEBEX : 'Boardroom', html: T.webexHtml({ joinUrl: U.WEBEX }) }));
  add(1, () => graphEvent({ text: T.webexText({ joinUrl: W.proofpointV2(U.WEBEX) }) }));
  add(2, (i) => graphEvent({ html: i === 0 ? T.gotoHtml({ joinUrl: U.GOTO }) : T.noteHtml({ href: U.GOTO, text: 'Join GoTo' }), text: undefined }));
  add(1, () => textEvent(T.gotoText({ joinUrl: U.GOTO })));
  add(3, (i) => graphEvent({ html: T.noteHtml({ href: [U.WEBEX_PERSONAL, 'https://whereby.com/contoso-standup', 'https://meet.jit.si/ContosoWeeklySync'][i] ?? U.ZOOM, text: 'Join the call' }) + T.legalFooterHtml() }));
  add(4, () => graphEvent({ location: 'Boardroom', html: T.noteHtml({ href: 'https://contoso.sharepoint.com/sites/ops/agenda.docx', text: 'Agenda', before: 'Room booking for the ops review.' }) }));
  return JSON.parse(JSON.stringify(events)) as LinkSource[];
}
