import type { LinkSource } from '../index';
import { googleEvent, graphEvent, textEvent } from './events';
import { join, type CorpusCase } from './expect';
import { fieldCases } from './field-cases';
import { hostileBody } from './hostile';
import { providerExamples } from './provider-examples';
import * as T from './templates';
import * as U from './urls';
import * as W from './wrap';

export { href, type CorpusCase } from './expect';

/**
 * The corpus: realistic invitations generated from templates (Outlook/Teams, Zoom, Webex, Meet, GoTo, notes),
 * wrapped, hostile, vanity, non-join, look-alike, location-only, multi-provider, dial-only and stripped-body
 * cases, plus the invitations of `field-cases.ts` as services send them.
 */

function teamsCases(): CorpusCase[] {
  const invite = { joinUrl: U.TEAMS_MEETUP, meetingId: '230 563 148 779', passcode: '2sDxvQ', dialIn: true };
  return [
    { name: 'graph Teams meeting: joinUrl + Outlook HTML body', tags: ['teams', 'graph', 'html'], input: graphEvent({ joinUrl: U.TEAMS_MEETUP, html: T.teamsHtml(invite), location: 'Microsoft Teams Meeting' }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'graph external Teams invite: no onlineMeeting, link only in body href', tags: ['teams', 'graph', 'html', 'fm:13'], input: graphEvent({ html: T.teamsHtml(invite), location: 'Microsoft Teams Meeting' }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'Teams text body: Click here to join the meeting<URL>', tags: ['teams', 'text', 'fm:5'], input: graphEvent({ text: T.teamsText(invite) }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'Teams modern layout with short /meet/ link and passcode', tags: ['teams', 'html', 'fm:7', 'fm:11'], input: graphEvent({ html: T.teamsHtml({ joinUrl: U.TEAMS_SHORT, meetingId: '243 804 299 611 2', passcode: 'KdqrtGSffFK5', modern: true }) }), expect: join('teams', U.TEAMS_SHORT) },
    { name: 'Teams GCC High (gov.teams.microsoft.us)', tags: ['teams', 'html', 'fm:7'], input: graphEvent({ joinUrl: U.TEAMS_GOV, html: T.teamsHtml({ joinUrl: U.TEAMS_GOV }) }), expect: join('teams', U.TEAMS_GOV) },
    { name: 'Teams DoD short link in text', tags: ['teams', 'text', 'fm:7'], input: textEvent(T.teamsText({ joinUrl: U.TEAMS_DOD })), expect: join('teams', U.TEAMS_DOD) },
    { name: 'Teams free (teams.live.com) pasted in a note', tags: ['teams', 'text', 'fm:7'], input: textEvent(T.noteText(U.TEAMS_LIVE)), expect: join('teams', U.TEAMS_LIVE) },
    { name: 'Teams v2 deep link keeps its #fragment', tags: ['teams', 'text', 'fm:12'], input: textEvent(T.noteText(U.TEAMS_V2)), expect: join('teams', U.TEAMS_V2) },
    { name: 'Teams with CVI block: web link chosen, dial strings separate', tags: ['teams', 'html', 'dial'], input: graphEvent({ html: T.teamsHtml({ ...invite, cvi: { gateway: 'teams@vc.contoso.com', vtcId: '118 823 123 4' } }) }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'Teams short link without ?p= is not joinable', tags: ['teams', 'text', 'non-join', 'fm:11'], input: textEvent('Join: https://teams.microsoft.com/meet/2438042996112'), expect: null },
    { name: 'Teams body with only meeting options / dial-in / help links', tags: ['teams', 'non-join', 'fm:8'], input: textEvent('Meeting options<https://teams.microsoft.com/meetingOptions/?organizerId=1&tenantId=2> Find a local number<https://dialin.teams.microsoft.com/8551f7c1?id=123456789> Learn More<https://aka.ms/JoinTeamsMeeting>'), expect: null },
    { name: 'Teams link with raw JSON context pasted in text', tags: ['teams', 'text', 'fm:5'], input: textEvent('Join: https://teams.microsoft.com/l/meetup-join/19:meeting_abc@thread.v2/0?context={"Tid":"72f988bf","Oid":"b1d4e6f2"}\nThanks'), expect: join('teams', 'https://teams.microsoft.com/l/meetup-join/19:meeting_abc@thread.v2/0?context={"Tid":"72f988bf","Oid":"b1d4e6f2"}') },
    { name: 'msteams: app link is never a join link', tags: ['teams', 'unsafe'], input: textEvent('<a href="msteams:/l/meetup-join/19%3ameeting_abc%40thread.v2/0">Open in app</a>'), expect: null },
  ];
}

function zoomCases(): CorpusCase[] {
  const wrapped = W.googleRedirect(U.ZOOM);
  return [
    { name: 'Zoom invitation text in an Outlook body', tags: ['zoom', 'text'], input: graphEvent({ text: T.zoomText({ joinUrl: U.ZOOM, passcode: '123456', sip: true, h323: true }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Zoom Outlook add-in: location + HTML body', tags: ['zoom', 'html', 'location'], input: graphEvent({ location: U.ZOOM, html: T.zoomHtml({ joinUrl: U.ZOOM, passcode: '123456', sip: true }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Zoom Google add-on: conferenceData video + redirect-wrapped description', tags: ['zoom', 'google', 'fm:4'], input: googleEvent({ video: U.ZOOM, solution: 'addOn', description: T.zoomAddonDescription({ joinUrl: U.ZOOM, wrappedJoin: wrapped, meetingId: '81234567890', passcode: '123456' }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Zoom Google add-on description only (MeetingBar #791/#964 fixture shape)', tags: ['zoom', 'google', 'fm:4'], input: googleEvent({ description: T.zoomAddonDescription({ joinUrl: 'https://acme.zoom.us/j/81234567890?pwd=AbCdEfGhIjKlMnOpQrStUvWxYz1234.1&jst=2', wrappedJoin: W.html(W.googleRedirect('https://acme.zoom.us/j/81234567890?pwd=AbCdEfGhIjKlMnOpQrStUvWxYz1234.1&jst=2')), meetingId: '81234567890', passcode: '123456' }) }), expect: join('zoom', 'https://acme.zoom.us/j/81234567890?pwd=AbCdEfGhIjKlMnOpQrStUvWxYz1234.1&jst=2') },
    { name: 'Zoom vanity us06web host', tags: ['zoom', 'vanity', 'fm:7'], input: textEvent(T.zoomText({ joinUrl: U.ZOOM_US06, site: 'us06web.zoom.us' })), expect: join('zoom', U.ZOOM_US06) },
    { name: 'Zoom on zoom.com (MeetingBar #652)', tags: ['zoom', 'vanity', 'fm:7'], input: textEvent(T.zoomText({ joinUrl: U.ZOOM_COM, site: 'contoso.zoom.com' })), expect: join('zoom', U.ZOOM_COM) },
    { name: 'Zoom on zoom-x.de', tags: ['zoom', 'vanity', 'fm:7'], input: graphEvent({ location: U.ZOOM_X }), expect: join('zoom', U.ZOOM_X) },
    { name: 'Zoom personal room /my/ (MeetingBar #164)', tags: ['zoom', 'fm:7'], input: textEvent(T.noteText(U.ZOOM_MY, 'My room:')), expect: join('zoom', U.ZOOM_MY) },
    { name: 'Zoom webinar /w/ with tk and pwd', tags: ['zoom', 'fm:7'], input: textEvent(T.noteText(U.ZOOM_WEBINAR)), expect: join('zoom', U.ZOOM_WEBINAR) },
    { name: 'ZoomGov pwd with - _ . + / is kept whole (MeetingBar PR #962)', tags: ['zoomgov', 'fm:7', 'fm:11'], input: textEvent(T.zoomText({ joinUrl: U.ZOOMGOV, site: 'contoso.zoomgov.com' })), expect: join('zoomgov', U.ZOOMGOV) },
    { name: 'Zoom short and pwd variants: the one with the passcode wins', tags: ['zoom', 'fm:11'], input: textEvent(`Short form: ${U.ZOOM_NO_PWD}\nFull form: ${U.ZOOM}`), expect: join('zoom', U.ZOOM) },
    { name: 'Zoom: only "find your local number" /u/ link', tags: ['zoom', 'non-join', 'fm:8'], input: textEvent('Find your local number: https://contoso.zoom.us/u/kbXyZ12AbC'), expect: null },
    { name: 'Zoom: only host start link /s/?zak=', tags: ['zoom', 'non-join', 'fm:8'], input: textEvent('Start: https://contoso.zoom.us/s/81234567890?zak=eyJ0eXAiOiJKV1QiLCJhbGc'), expect: null },
    { name: 'Zoom local-number link before the join link', tags: ['zoom', 'fm:8'], input: textEvent(`Find your local number: https://contoso.zoom.us/u/kbXyZ12AbC\nJoin: ${U.ZOOM}`), expect: join('zoom', U.ZOOM) },
    { name: 'Zoom link with plain http is refused', tags: ['zoom', 'unsafe'], input: textEvent('Join: http://contoso.zoom.us/j/81234567890'), expect: null },
  ];
}

function webexCases(): CorpusCase[] {
  return [
    { name: 'Webex HTML invitation (button, VML, globalcallin, SIP)', tags: ['webex', 'html', 'dial'], input: graphEvent({ html: T.webexHtml({ joinUrl: U.WEBEX }) }), expect: join('webex', U.WEBEX) },
    { name: 'Webex text invitation with <URL> delimiters (MeetingBar #727)', tags: ['webex', 'text', 'fm:5'], input: graphEvent({ text: T.webexText({ joinUrl: U.WEBEX }) }), expect: join('webex', U.WEBEX) },
    { name: 'Webex site with a dash (MeetingBar PR #217)', tags: ['webex', 'vanity', 'fm:7'], input: graphEvent({ html: T.webexHtml({ joinUrl: U.WEBEX_DASH, site: 'contoso-eu' }) }), expect: join('webex', U.WEBEX_DASH) },
    { name: 'Webex Personal Room in location', tags: ['webex', 'location', 'fm:7'], input: graphEvent({ location: U.WEBEX_PERSONAL, text: 'Weekly 1:1' }), expect: join('webex', U.WEBEX_PERSONAL) },
    { name: 'Webex free-plan link', tags: ['webex', 'text'], input: textEvent(T.noteText(U.WEBEX_FREE)), expect: join('webex', U.WEBEX_FREE) },
    { name: 'Webex link followed by escaped > (%3E)', tags: ['webex', 'text', 'fm:5'], input: textEvent(`Join meeting ${U.WEBEX}%3E`), expect: join('webex', U.WEBEX) },
    { name: 'Webex: only help and downloads links', tags: ['webex', 'non-join', 'fm:8'], input: textEvent('Need help? Go to https://help.webex.com or https://www.webex.com/downloads.html'), expect: null },
    { name: 'Webex: only global call-in page', tags: ['webex', 'non-join', 'fm:8'], input: textEvent('Global call-in numbers: https://contoso.webex.com/contoso/globalcallin.php?MTID=m3f9c2a7b1e4d5c6b7a8f9e0d1c2b3a4f'), expect: null },
  ];
}

function meetCases(): CorpusCase[] {
  return [
    { name: 'Google event: Meet conferenceData + hangoutLink', tags: ['meet', 'google'], input: googleEvent({ video: U.MEET, hangoutLink: U.MEET, phone: true, more: 'https://tel.meet/uqv-izgo-llf?pin=1234567890123' }), expect: join('meet', U.MEET) },
    { name: 'Google event: hangoutLink only', tags: ['meet', 'google'], input: googleEvent({ hangoutLink: U.MEET }), expect: join('meet', U.MEET) },
    { name: 'Google Meet invitation received in Outlook (href with ?hs=224)', tags: ['meet', 'graph', 'html', 'fm:14'], input: graphEvent({ html: T.googleInviteHtml({ meetUrl: U.MEET_HS }) }), expect: join('meet', U.MEET_HS) },
    { name: 'Stale Zoom in description loses to Meet conferenceData (MeetingBar #847)', tags: ['meet', 'google', 'multi', 'fm:6'], input: googleEvent({ video: U.MEET, hangoutLink: U.MEET, description: `Old reminder: ${U.ZOOM}` }), expect: join('meet', U.MEET) },
    { name: 'Meet link in description is kept without authuser', tags: ['meet', 'google', 'fm:14'], input: googleEvent({ description: `Join: <a href="${U.MEET}">${U.MEET}</a>` }), expect: join('meet', U.MEET) },
    { name: 'Clari Copilot notetaker wrapper around a Meet code', tags: ['meet', 'wrapped', 'fm:1'], input: textEvent('Join: https://go.copilot.clari.com/hangout/abc-defg-hij/'), expect: join('meet', 'https://meet.google.com/abc-defg-hij') },
    { name: 'Meet: only tel.meet phone page', tags: ['meet', 'non-join', 'fm:8'], input: textEvent('More phone numbers: https://tel.meet/uqv-izgo-llf?pin=1234567890123'), expect: null },
    { name: 'Meet code without scheme in location is not a web link', tags: ['meet', 'location'], input: googleEvent({ location: 'meet.google.com/uqv-izgo-llf' }), expect: null },
    { name: 'Google description with Meet link behind Google redirect', tags: ['meet', 'google', 'wrapped', 'fm:4'], input: googleEvent({ description: `Backup room: <a href="${W.googleRedirect(U.MEET)}">here</a>` }), expect: join('meet', U.MEET) },
  ];
}

function gotoCases(): CorpusCase[] {
  return [
    { name: 'GoTo Meeting text invitation', tags: ['gotomeeting', 'text', 'dial'], input: graphEvent({ text: T.gotoText({ joinUrl: U.GOTO }) }), expect: join('gotomeeting', U.GOTO) },
    { name: 'GoTo Meeting HTML invitation', tags: ['gotomeeting', 'html'], input: graphEvent({ html: T.gotoHtml({ joinUrl: U.GOTO }) }), expect: join('gotomeeting', U.GOTO) },
    { name: 'GoTo legacy global.gotomeeting.com/join', tags: ['gotomeeting', 'text', 'fm:7'], input: textEvent(T.gotoText({ joinUrl: U.GOTO_LEGACY })), expect: join('gotomeeting', U.GOTO_LEGACY) },
    { name: 'GoTo app.goto.com/meeting', tags: ['gotomeeting', 'text'], input: textEvent(T.noteText(U.GOTO_APP)), expect: join('gotomeeting', U.GOTO_APP) },
    { name: 'GoTo personal meeting room gotomeet.me', tags: ['gotomeeting', 'location'], input: graphEvent({ location: U.GOTO_PERSONAL }), expect: join('gotomeeting', U.GOTO_PERSONAL) },
    { name: 'GoTo: only the install link', tags: ['gotomeeting', 'non-join', 'fm:8'], input: textEvent('Get the app now: https://meet.goto.com/install'), expect: null },
  ];
}

function wrapperCases(): CorpusCase[] {
  const nested = W.safeLink(W.proofpointV2(U.ZOOM));
  const deep = Array.from({ length: 5 }).reduce<string>((url) => W.safeLink(url), U.WEBEX);
  return [
    { name: 'Safe Links around the Teams join href (MeetingBar #183)', tags: ['teams', 'wrapped', 'html', 'fm:1'], input: graphEvent({ html: T.teamsHtml({ joinUrl: W.safeLink(U.TEAMS_MEETUP) }) }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'Safe Links (/ap/ variant) around Zoom in a note', tags: ['zoom', 'wrapped', 'html', 'fm:1'], input: graphEvent({ html: T.noteHtml({ href: W.safeLinkAp(U.ZOOM), text: 'Join Zoom Meeting' }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Safe Links in a text body', tags: ['webex', 'wrapped', 'text', 'fm:1'], input: textEvent(`Join meeting <${W.safeLink(U.WEBEX)}>`), expect: join('webex', U.WEBEX) },
    { name: 'Proofpoint v1 around Zoom', tags: ['zoom', 'wrapped', 'fm:3'], input: textEvent(T.noteText(W.proofpointV1(U.ZOOM))), expect: join('zoom', U.ZOOM) },
    { name: 'Proofpoint v2 around Zoom (MeetingBar #539)', tags: ['zoom', 'wrapped', 'fm:3'], input: graphEvent({ html: T.noteHtml({ href: W.proofpointV2(U.ZOOM), text: U.ZOOM.replace('https://', '') }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Proofpoint v2 around Teams', tags: ['teams', 'wrapped', 'fm:3'], input: textEvent(T.teamsText({ joinUrl: W.proofpointV2(U.TEAMS_MEETUP) })), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'Proofpoint v3 around Webex (MeetingBar #384)', tags: ['webex', 'wrapped', 'fm:3'], input: textEvent(T.noteText(W.proofpointV3(U.WEBEX))), expect: join('webex', U.WEBEX) },
    { name: 'Proofpoint v3 around FaceTime (fragment restored from the bytes)', tags: ['facetime', 'wrapped', 'fm:3', 'fm:12'], input: textEvent(T.noteText(W.proofpointV3(providerExamples['facetime']?.join[0] ?? ''))), expect: join('facetime', providerExamples['facetime']?.join[0] ?? '') },
    { name: 'Proofpoint v3 around Zoom in an HTML href', tags: ['zoom', 'wrapped', 'html', 'fm:3'], input: graphEvent({ html: T.noteHtml({ href: W.proofpointV3(U.ZOOM), text: 'Join Zoom' }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Google redirect on google.co.uk', tags: ['zoom', 'wrapped', 'fm:4'], input: googleEvent({ description: `<a href="${W.html(W.googleRedirect(U.ZOOM, 'www.google.co.uk'))}">Join</a>` }), expect: join('zoom', U.ZOOM) },
    { name: 'Nested: Safe Links around Proofpoint v2 around Zoom', tags: ['zoom', 'wrapped', 'fm:1', 'fm:3'], input: graphEvent({ html: T.noteHtml({ href: nested, text: 'Join' }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Nested: Google redirect around Safe Links around Teams', tags: ['teams', 'wrapped', 'fm:1', 'fm:4'], input: googleEvent({ description: `<a href="${W.html(W.googleRedirect(W.safeLink(U.TEAMS_MEETUP)))}">Join Teams</a>` }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'Nested five times: Safe Links', tags: ['webex', 'wrapped', 'fm:2'], input: textEvent(T.noteText(deep)), expect: join('webex', U.WEBEX) },
    { name: 'Malformed Safe Links escape does not strand the next link', tags: ['zoom', 'wrapped', 'fm:2'], input: textEvent(`https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fbad%ZZbroken&data=x\n${W.safeLink(U.ZOOM)}`), expect: join('zoom', U.ZOOM) },
    { name: 'Truncated escape at the end of a Safe Links url', tags: ['wrapped', 'fm:2'], input: textEvent('https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fcontoso.zoom.us%2Fj%2F8123%'), expect: null },
    { name: 'Mimecast is opaque: the display text is used', tags: ['zoom', 'wrapped', 'html', 'fm:1'], input: graphEvent({ html: T.noteHtml({ href: W.mimecast(), text: U.ZOOM }) }), expect: join('zoom', U.ZOOM) },
    { name: 'Mimecast is opaque and the text is not a link', tags: ['wrapped', 'html'], input: graphEvent({ html: T.noteHtml({ href: W.mimecast(), text: 'Join the meeting' }) }), expect: null },
    { name: 'Wrapped and clean copies of one link: the clean target wins, not the longer wrapper', tags: ['zoom', 'wrapped', 'fm:4'], input: textEvent(`Join ${U.ZOOM}\nSafe: ${W.safeLink(U.ZOOM)}`), expect: join('zoom', U.ZOOM) },
    { name: 'Safe Links around a look-alike host stays rejected', tags: ['wrapped', 'lookalike', 'fm:9'], input: textEvent(W.safeLink('https://evil-zoom.us/j/81234567890')), expect: null },
  ];
}

function junkCases(): CorpusCase[] {
  const z = U.ZOOM;
  const cases: [string, string][] = [
    ['sentence period', `Join here: ${z}.`], ['comma', `Links: ${z}, and more`], ['semicolon', `${z}; see you`],
    ['parentheses', `Zoom (${z})`], ['angle brackets', `Join <${z}>`], ['double quotes', `"${z}"`], ['single quotes', `'${z}'`],
    ['exclamation', `Join now ${z}!`], ['question mark', `Did you join ${z}?`], ['NBSP glued', `${z}\u00a0(ID: 81234567890)`],
    ['ZWSP glued', `${z}\u200bMeeting ID`], ['Markdown link', `[Join](${z})`], ['Markdown bold', `**${z}**`],
    ['colon', `Link ${z}:`], ['CJK full stop', `会議リンク：${z}。`], ['trailing %20', `${z}%20`], ['&nbsp; entity', `${z}&nbsp;(ID)`],
  ];
  return cases.map(([what, text]) => ({ name: `trailing junk: ${what}`, tags: ['zoom', 'text', 'fm:5'], input: textEvent(text), expect: join('zoom', z) }));
}

function htmlQuirkCases(): CorpusCase[] {
  const meet = U.MEET;
  return [
    { name: 'scheme written as hex entities', tags: ['meet', 'html', 'fm:13'], input: textEvent(`<p>${W.hexEntities('https')}://meet.google.com/uqv-izgo-llf</p>`), expect: join('meet', meet) },
    { name: '&amp; inside href', tags: ['zoom', 'html', 'fm:13'], input: graphEvent({ html: T.noteHtml({ href: 'https://contoso.zoom.us/j/81234567890?pwd=abc.1&jst=2', text: 'Join' }) }), expect: join('zoom', 'https://contoso.zoom.us/j/81234567890?pwd=abc.1&jst=2') },
    { name: 'unquoted href, upper-case tags', tags: ['meet', 'html', 'fm:13'], input: textEvent(`<P>Join: <A HREF=${meet}>here</A></P>`), expect: join('meet', meet) },
    { name: 'single-quoted href with newline inside', tags: ['webex', 'html', 'fm:13'], input: textEvent(`<div><a href='${U.WEBEX.slice(0, 40)}\n${U.WEBEX.slice(40)}'>Join</a></div>`), expect: join('webex', U.WEBEX) },
    { name: 'display text broken by <wbr>', tags: ['zoom', 'html', 'fm:13'], input: textEvent(`<p>Join: https://contoso.zoom.us/j/<wbr>81234567890</p>`), expect: join('zoom', 'https://contoso.zoom.us/j/81234567890') },
    { name: 'plain text with <https://…> is not mistaken for a tag (MeetingBar containsHTMLTags)', tags: ['meet', 'text', 'fm:5'], input: textEvent(`Join with Google Meet <${meet}> <b>today</b>`), expect: join('meet', meet) },
    { name: 'OWA originalsrc beside a Safe Links href', tags: ['teams', 'html', 'fm:1'], input: graphEvent({ html: `<p><a href="${W.html(W.safeLink(U.TEAMS_SHORT))}" originalsrc="${W.html(U.TEAMS_SHORT)}" shash="AbC=">Join</a></p>` }), expect: join('teams', U.TEAMS_SHORT) },
    { name: 'whole HTML fragment never becomes the link (MeetingBar #715)', tags: ['meet', 'html', 'fm:5'], input: textEvent(`<div><a href="${meet}">${meet}</a></div><div>Agenda</div>`), expect: join('meet', meet) },
    { name: 'link inside a style block is ignored', tags: ['html', 'non-join', 'fm:13'], input: graphEvent({ html: `<html><head><style>.x{background:url(${U.ZOOM})}</style></head><body><p>No link here</p></body></html>` }), expect: null },
    { name: 'link inside an HTML comment is ignored', tags: ['html', 'non-join', 'fm:13'], input: graphEvent({ html: `<p>Room 4</p><!-- ${U.ZOOM} -->` }), expect: null },
  ];
}

/** Shapes seen when people or tools paste links by hand. */
function pastedCases(): CorpusCase[] {
  return [
    { name: 'Markdown link whose text is the short link', tags: ['zoom', 'text', 'fm:5', 'fm:11'], input: textEvent(`[${U.ZOOM_NO_PWD}](${U.ZOOM})`), expect: join('zoom', U.ZOOM) },
    { name: 'upper-case scheme and host in an href', tags: ['teams', 'html'], input: graphEvent({ html: `<a href="${U.TEAMS_SHORT.replace('https://teams.microsoft.com', 'HTTPS://TEAMS.MICROSOFT.COM')}">Join</a>` }), expect: join('teams', U.TEAMS_SHORT) },
    { name: 'location with label, link and passcode', tags: ['zoom', 'location'], input: graphEvent({ location: `Zoom: ${U.ZOOM_NO_PWD} Passcode: 123456` }), expect: join('zoom', U.ZOOM_NO_PWD) },
    { name: 'Google redirect with url= instead of q=', tags: ['meet', 'wrapped', 'fm:4'], input: textEvent(`https://www.google.com/url?sa=t&url=${encodeURIComponent(U.MEET)}&usg=AOvVaw1`), expect: join('meet', U.MEET) },
    { name: 'locations glued with ; and no space', tags: ['webex', 'location', 'fm:5'], input: graphEvent({ location: `${U.WEBEX};Room 4B` }), expect: join('webex', U.WEBEX) },
    { name: 'link inside a JSON snippet pasted in the body', tags: ['zoom', 'text', 'fm:5'], input: textEvent(`{"joinUrl":"${U.ZOOM}"}`), expect: join('zoom', U.ZOOM) },
  ];
}

function lookalikeCases(): CorpusCase[] {
  const bad = [
    'https://evil-zoom.us/j/81234567890', 'https://zoom.us.evil.example/j/81234567890', 'https://evil.example/zoom.us/j/81234567890',
    'https://teams.microsoft.com@evil.example/l/meetup-join/19%3ameeting_abc', 'https://teams.microsoft.com.evil.example/l/meetup-join/19%3ameeting_abc',
    'https://meet.google.com.evil.example/uqv-izgo-llf', 'https://contoso.webex.com-join.example/contoso/j.php?MTID=m123',
    'https://xn--zm-fmcb.us/j/81234567890', 'https://zооm.us/j/81234567890', 'https://notzoom.us/j/81234567890',
    'https://zoom.us:8443/j/81234567890', 'https://192.0.2.10/j/81234567890',
  ];
  const cases: CorpusCase[] = bad.map((url) => ({ name: `look-alike: ${url}`, tags: ['lookalike', 'fm:9'], input: textEvent(`Join: ${url}`), expect: null }));
  cases.push(
    { name: 'look-alike structured joinUrl is refused; body link used', tags: ['lookalike', 'graph', 'fm:9'], input: graphEvent({ joinUrl: 'https://teams.microsoft.com.evil.example/l/meetup-join/x', text: T.teamsText({ joinUrl: U.TEAMS_MEETUP }) }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'look-alike Google video entry point is refused', tags: ['lookalike', 'google', 'fm:9'], input: googleEvent({ video: 'https://meet.google.com.evil.example/uqv-izgo-llf', solution: 'addOn' }), expect: null },
    { name: 'look-alike before the real link in the same body', tags: ['lookalike', 'fm:9'], input: textEvent(`https://evil-zoom.us/j/81234567890\n${U.ZOOM}`), expect: join('zoom', U.ZOOM) },
  );
  return cases;
}

function unsafeCases(): CorpusCase[] {
  const hrefs = ['javascript:alert(1)//https://zoom.us/j/81234567890', 'data:text/html,<a href=https://zoom.us/j/1>', 'file:///C:/meet/zoom.us/j/81234567890',
    'tel:+14255550123,,123456789#', 'mailto:room@contoso.com?body=https://zoom.us/j/81234567890', 'zoommtg://zoom.us/join?confno=81234567890&pwd=abc'];
  const cases: CorpusCase[] = hrefs.map((h) => ({ name: `never a join link: ${h.split(':')[0]}:`, tags: ['unsafe'], input: graphEvent({ html: `<p><a href="${W.html(h)}">Join</a></p>` }), expect: null }));
  cases.push({ name: 'javascript: structured joinUrl is refused', tags: ['unsafe', 'graph', 'fm:9'], input: graphEvent({ joinUrl: 'javascript:location="https://zoom.us/j/81234567890"' }), expect: null });
  return cases;
}

function locationCases(): CorpusCase[] {
  return [
    { name: 'location only: Zoom URL', tags: ['zoom', 'location'], input: graphEvent({ location: U.ZOOM }), expect: join('zoom', U.ZOOM) },
    { name: 'location with room and link', tags: ['webex', 'location'], input: graphEvent({ location: `Conference Room 4B; ${U.WEBEX}`, locations: ['Conference Room 4B', U.WEBEX] }), expect: join('webex', U.WEBEX) },
    { name: 'locations[] only', tags: ['gotomeeting', 'location'], input: { source: 'graph', event: { locations: [{ displayName: 'Boardroom' }, { displayName: U.GOTO }] } }, expect: join('gotomeeting', U.GOTO) },
    { name: 'Google location with a Slack huddle', tags: ['slack', 'google', 'location'], input: googleEvent({ location: 'https://app.slack.com/huddle/T0ABC1234/C0DEF5678' }), expect: join('slack', 'https://app.slack.com/huddle/T0ABC1234/C0DEF5678') },
    { name: 'location beats body (Zoom location, Teams body)', tags: ['zoom', 'location', 'multi', 'fm:6'], input: graphEvent({ location: U.ZOOM, html: T.teamsHtml({ joinUrl: U.TEAMS_MEETUP }) }), expect: join('zoom', U.ZOOM) },
    { name: 'room name only', tags: ['location', 'non-join'], input: graphEvent({ location: 'Conference Room 4B', text: 'Quarterly review, bring slides.' }), expect: null },
  ];
}

function multiCases(): CorpusCase[] {
  return [
    { name: 'Teams toggle on + pasted Zoom link: structured Teams wins (MeetingBar #873)', tags: ['teams', 'multi', 'fm:6'], input: graphEvent({ joinUrl: U.TEAMS_MEETUP, html: T.noteHtml({ before: 'Please use our Zoom:', href: U.ZOOM, text: U.ZOOM }) + T.teamsHtml({ joinUrl: U.TEAMS_MEETUP }) }), expect: join('teams', U.TEAMS_MEETUP) },
    { name: 'body with Teams then Zoom: first in document order', tags: ['teams', 'multi', 'fm:6'], input: textEvent(`${T.teamsText({ joinUrl: U.TEAMS_SHORT })}\nBackup: ${U.ZOOM}`), expect: join('teams', U.TEAMS_SHORT) },
    { name: 'YouTube recording before the Zoom link: streams rank below conferencing', tags: ['zoom', 'multi', 'fm:6'], input: textEvent(`Last week's recording: https://www.youtube.com/watch?v=AbCdEfGhIjK\nJoin: ${U.ZOOM}`), expect: join('zoom', U.ZOOM) },
    { name: 'Gong notetaker wrapper before the Zoom link', tags: ['zoom', 'multi', 'fm:6'], input: textEvent(`Recorded by Gong: https://contoso.join.gong.io/averychen/123456789\nZoom: ${U.ZOOM}`), expect: join('zoom', U.ZOOM) },
    { name: 'Google: Zoom add-on video entry beats Meet link in description', tags: ['zoom', 'google', 'multi', 'fm:6'], input: googleEvent({ video: U.ZOOM, solution: 'addOn', description: `Fallback: ${U.MEET}` }), expect: join('zoom', U.ZOOM) },
    { name: 'Webex location + Teams joinUrl: structured wins', tags: ['teams', 'multi', 'fm:6'], input: graphEvent({ joinUrl: U.TEAMS_SHORT, location: U.WEBEX }), expect: join('teams', U.TEAMS_SHORT) },
  ];
}

function dialCases(): CorpusCase[] {
  return [
    { name: 'dial only: Zoom SIP', tags: ['dial'], input: textEvent('Join by SIP\n• 81234567890@zoomcrc.com\n• 81234567890.123456@global.zoomcrc.com'), expect: null },
    { name: 'dial only: Webex video address', tags: ['dial'], input: textEvent('Join from a video system or application\nDial 25501234567@contoso.webex.com'), expect: null },
    { name: 'dial only: Teams CVI', tags: ['dial'], input: textEvent('Join with a video conferencing device\nteams@vc.contoso.com\nVideo Conference ID: 118 823 123 4'), expect: null },
    { name: 'dial only: Google sip entry point', tags: ['dial', 'google'], input: googleEvent({ sip: 'sip:1234567890123@gmeet.contoso.com', phone: true }), expect: null },
    { name: 'dial only: H.323 IP##id and sip: URI', tags: ['dial'], input: textEvent('Room systems: 67.217.95.2##123456789 or sip:123456789@67.217.95.2'), expect: null },
    { name: 'dial only: phone numbers', tags: ['dial', 'unsafe'], input: googleEvent({ phone: true }), expect: null },
  ];
}

function strippedCases(): CorpusCase[] {
  const longText = `${'Agenda: roadmap, hiring, budget, Q&A. '.repeat(6)}Join: ${U.TEAMS_MEETUP}`;
  return [
    { name: 'room mailbox stripped body: nothing left', tags: ['stripped', 'fm:10'], input: { source: 'graph', event: { subject: 'Avery Chen', body: { contentType: 'html', content: '' }, bodyPreview: '', location: { displayName: 'Boardroom' } } }, expect: null },
    { name: 'stripped body, empty html shell', tags: ['stripped', 'fm:10'], input: graphEvent({ html: '<html><head></head><body></body></html>', location: 'Boardroom' }), expect: null },
    { name: 'stripped body but location keeps the Zoom link', tags: ['stripped', 'location', 'fm:10'], input: graphEvent({ html: '', location: U.ZOOM }), expect: join('zoom', U.ZOOM) },
    { name: 'body gone, short bodyPreview still has the link', tags: ['stripped', 'fm:10'], input: { source: 'graph', event: { body: { contentType: 'html', content: '' }, bodyPreview: `Join: ${U.MEET}` } }, expect: join('meet', U.MEET) },
    { name: 'body gone, link cut off at the end of a 255-char bodyPreview', tags: ['stripped', 'fm:10'], input: { source: 'graph', event: { body: null, bodyPreview: longText.slice(0, 255) } }, expect: null },
    { name: 'Teams meeting with stripped body still has joinUrl', tags: ['stripped', 'teams', 'fm:10'], input: graphEvent({ joinUrl: U.TEAMS_MEETUP, html: '' }), expect: join('teams', U.TEAMS_MEETUP) },
  ];
}

function hostileCases(): CorpusCase[] {
  return [
    { name: 'hostile 1 MB body with a real link at the end', tags: ['hostile', 'fm:15'], input: graphEvent({ html: hostileBody(1024 * 1024, `\n<p>Join: <a href="${U.ZOOM}">${U.ZOOM}</a></p>`) }), expect: join('zoom', U.ZOOM) },
    { name: 'hostile 1 MB text with nothing real', tags: ['hostile', 'fm:15'], input: textEvent(hostileBody()), expect: null },
    { name: 'hundreds of footer links, join link last', tags: ['hostile', 'html', 'fm:15'], input: graphEvent({ html: T.legalFooterHtml().repeat(100) + T.noteHtml({ href: U.WEBEX, text: 'Join meeting' }) }), expect: join('webex', U.WEBEX) },
  ];
}

function junkInputCases(): CorpusCase[] {
  const junk: [string, unknown][] = [
    ['event is a number', { source: 'graph', event: 42 }], ['event is null', { source: 'google', event: null }],
    ['unknown source', { source: 'ical', event: {} }], ['body is a number', { source: 'graph', event: { body: 7, location: { displayName: 5 } } }],
    ['text is not a string', { source: 'text', event: { text: ['https://zoom.us/j/81234567890'] } }],
    ['entry points not an array', { source: 'google', event: { conferenceData: { entryPoints: 'x' }, hangoutLink: 12 } }],
  ];
  return junk.map(([what, input]) => ({ name: `junk input: ${what}`, tags: ['junk'], input: input as LinkSource, expect: null }));
}

/** One realistic invitation per provider join example, rotating templates so each shape appears in text and HTML. */
function providerCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let turn = 0;
  for (const [id, examples] of Object.entries(providerExamples)) {
    for (const url of examples.join) {
      turn += 1;
      const input = providerInput(url, turn);
      cases.push({ name: `${id}: ${url}`, tags: [id, 'provider'], input, expect: join(id, url) });
    }
    for (const url of examples.notJoin) {
      cases.push({ name: `${id} non-join: ${url}`, tags: [id, 'non-join', 'fm:8'], input: textEvent(T.noteText(url, 'Info:')), expect: null });
    }
  }
  return cases;
}

function providerInput(url: string, turn: number): LinkSource {
  switch (turn % 4) {
    case 0: return textEvent(T.noteText(url));
    case 1: return graphEvent({ html: T.noteHtml({ href: url, text: 'Join the meeting' }) });
    case 2: return graphEvent({ location: url, text: 'See you there.' });
    default: return googleEvent({ description: `Join: <a href="${W.html(url)}">${W.html(url)}</a><br>See you!` });
  }
}

export function corpusCases(): CorpusCase[] {
  return [
    ...teamsCases(), ...zoomCases(), ...webexCases(), ...meetCases(), ...gotoCases(), ...wrapperCases(), ...junkCases(),
    ...htmlQuirkCases(), ...pastedCases(), ...lookalikeCases(), ...unsafeCases(), ...locationCases(), ...multiCases(), ...dialCases(),
    ...strippedCases(), ...hostileCases(), ...junkInputCases(), ...providerCases(), ...fieldCases(),
  ];
}
