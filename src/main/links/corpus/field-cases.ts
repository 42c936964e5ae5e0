import type { LinkSource } from '../index';
import { googleEvent, graphEvent, textEvent } from './events';
import { join, type CorpusCase } from './expect';
import * as T from './templates';
import * as W from './wrap';

/**
 * Invitations as the services and mail gateways really deliver them, written while red-teaming the detector against
 * research §4 (every expected URL worked out by hand, not derived from the input): gateways that rewrite *every*
 * link, Webex `*.my.webex.com` sites, Google add-on conference data, Chime/BlueJeans/Jitsi/RingCentral/Skype for
 * Business texts with their dial-in and test links, and Graph events whose link sits only in `onlineMeetingUrl`
 * or `locationUri`.
 */

const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ODk2ZjA3YzUtNDM1Yy00NzBhLWI4NGItYWQ2MzE2ZTc1ZjU4%40thread.v2/0' +
  '?context=%7b%22Tid%22%3a%2224a9b6e0-1f2c-4f0e-9b7d-3c2e1d0f9a8b%22%2c%22Oid%22%3a%229f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a%22%7d';
const TEAMS_SHORT = 'https://teams.microsoft.com/meet/29411431573945?p=Xk7TqR2vLmN9bW4hY3';
const ZOOM = 'https://us06web.zoom.us/j/85512345678?pwd=bUxXa1ZmTmRGQzlZb3pHc0c4UT09';
const ZOOM_ADDON = 'https://us02web.zoom.us/j/81122334455?pwd=c2VjcmV0SGFzaA.1';
const WEBEX_MY = 'https://inrupt.my.webex.com/inrupt.my/j.php?MTID=m131f1588eb27afc298276f1cbf077a79';
const WEBEX = 'https://acme-eu.webex.com/acme-eu/j.php?MTID=m8e1c5b9a0d2f4e6a7b3c1d5e9f0a2b4c';
const MEET = 'https://meet.google.com/kbn-xqzv-tma';
const RCV = 'https://v.ringcentral.com/join/018209241352?pw=99e4f8e6a241fc71279449a9c8f46eef';

const graph = (event: Record<string, unknown>): LinkSource => ({ source: 'graph', event });
const tagged = (tags: string[]) => (name: string, input: LinkSource, expect: CorpusCase['expect']): CorpusCase =>
  ({ name, tags: [...tags, 'field'], input, expect });

function teamsField(): CorpusCase[] {
  const c = tagged(['teams']);
  const modern = T.teamsHtml({ joinUrl: TEAMS, meetingId: '294 114 315 739 45', passcode: 'Xk7TqR', dialIn: true, modern: true });
  const text = T.teamsText({ joinUrl: TEAMS_SHORT, meetingId: '294 114 315 739 45', passcode: 'Xk7TqR', dialIn: true }).replace(/: /g, ':\u00a0');
  const v2 = 'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_ODk2ZjA3YzUt@thread.v2/0?context=%7b%22Tid%22%3a%2224a9b6e0%22%7d&anon=true';
  const gov = 'https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_YmE5Njk2%40thread.v2/0?context=%7b%22Tid%22%3a%22a1b2%22%7d';
  const govSafe = `https://gcc02.safelinks.protection.office365.us/?url=${encodeURIComponent(gov)}&data=05%7C02%7C&sdata=abc%3D&reserved=0`;
  return [
    c('external Teams invite, every href Safe-Linked (help, join, dial-in, options)', graphEvent({ location: 'Microsoft Teams Meeting', html: W.wrapEveryHref(modern, W.safeLink) }), join('teams', TEAMS)),
    c('Outlook text body: every <URL> Safe-Linked, NBSP after labels', graphEvent({ text: W.wrapEveryAngleLink(text, W.safeLink) }), join('teams', TEAMS_SHORT)),
    c('Graph: onlineMeeting null, link only in onlineMeetingUrl', graphEvent({ onlineMeetingUrl: TEAMS, html: '' }), join('teams', TEAMS)),
    c('Graph: stripped body, Teams short link only in location', graphEvent({ location: TEAMS_SHORT, html: '<html><body></body></html>' }), join('teams', TEAMS_SHORT)),
    c('v2 deep link behind Safe Links keeps its #fragment', textEvent(`Join: ${W.safeLink(v2)}`), join('teams', v2)),
    c('GCC High link behind office365.us Safe Links', graphEvent({ html: T.noteHtml({ href: govSafe, text: 'Click here to join the meeting' }) }), join('teams', gov)),
    c('Teams behind Proofpoint v2 in an HTML href', graphEvent({ html: W.wrapEveryHref(modern, W.proofpointV2) }), join('teams', TEAMS)),
    c('joinUrl beats a Zoom link in location and body', graphEvent({ joinUrl: TEAMS, location: ZOOM, html: T.noteHtml({ before: `Use Zoom instead: ${ZOOM}`, href: TEAMS, text: 'Join' }) }), join('teams', TEAMS)),
  ];
}

/** Zoom's 2025 invitation text: an AI Companion `/launch/edl` link right after the join link. */
function zoomText2025(joinUrl: string): string {
  return T.zoomText({ joinUrl, site: 'us06web.zoom.us', meetingId: '855 1234 5678', passcode: '482913', sip: true, h323: true })
    .replace(`${joinUrl}\n`, `${joinUrl}\n\nView meeting insights with Zoom AI Companion\nhttps://us06web.zoom.us/launch/edl?muid=a1b2c3d4-e5f6-7a8b\n`);
}

function zoomField(): CorpusCase[] {
  const c = tagged(['zoom']);
  const webinar = 'https://acme.zoom.us/w/81234567890?tk=AbC-dEf_gh.DQMAAAA&pwd=V2ViaW5hcg';
  return [
    c('2025 invitation text with AI Companion launch link', graphEvent({ text: zoomText2025(ZOOM) }), join('zoom', ZOOM)),
    c('Outlook add-in: location + HTML body, every href Safe-Linked', graphEvent({ location: ZOOM, html: W.wrapEveryHref(T.zoomHtml({ joinUrl: ZOOM, site: 'us06web.zoom.us', sip: true }), W.safeLink) }), join('zoom', ZOOM)),
    c('description link only behind google.com/url, text is not a URL', googleEvent({ description: `Join Zoom Meeting<br><a href="${W.html(W.googleRedirect(ZOOM_ADDON))}">Zoom meeting link</a>` }), join('zoom', ZOOM_ADDON)),
    c('vanity host keeps its #success fragment', textEvent('Join: https://acme.zoom.us/j/91234567890?pwd=ZXhhbXBsZQ.1#success'), join('zoom', 'https://acme.zoom.us/j/91234567890?pwd=ZXhhbXBsZQ.1#success')),
    c('webinar /w/ link behind "Click Here to Join", with a cancel link', graphEvent({ html: `<p>Please click the link below to join the webinar:<br><a href="${W.html(webinar)}">Click Here to Join</a></p><p>You can cancel your registration at any time: <a href="https://acme.zoom.us/webinar/cancel/AbCdEf">cancel</a></p>` }), join('zoom', webinar)),
    c('personal room /my/ with pwd', textEvent('My PMR: https://zoom.us/my/averychen?pwd=UE1SUGFzcw'), join('zoom', 'https://zoom.us/my/averychen?pwd=UE1SUGFzcw')),
    c('host start link before the participant link', textEvent('Start meeting (host only): https://acme.zoom.us/s/85512345678?zak=eyJ0eXAi\nParticipants join: https://acme.zoom.us/j/85512345678?pwd=QWJj.1'), join('zoom', 'https://acme.zoom.us/j/85512345678?pwd=QWJj.1')),
    c('only joining instructions (add-on invitation page)', googleEvent({ description: 'Joining instructions: https://www.google.com/url?q=https://applications.zoom.us/addon/invitation/detail?meetingUuid%3DAb12%253D%253D&sa=D&source=calendar&usg=AOvVaw2' }), null),
    c('only download, help, local-number and AI Companion links', textEvent('https://zoom.us/download\nhttps://support.zoom.us/hc/en-us/articles/201362193\nhttps://acme.zoom.us/u/ab12CD\nhttps://us06web.zoom.us/launch/edl?muid=a1b2'), null),
    c('Outlook text with &amp; in the <URL>', graphEvent({ text: `Join Zoom Meeting<${ZOOM_ADDON}&amp;from=addon>` }), join('zoom', `${ZOOM_ADDON}&from=addon`)),
  ];
}

function webexField(): CorpusCase[] {
  const c = tagged(['webex']);
  return [
    c('*.my.webex.com site: the site path carries ".my"', textEvent(`${WEBEX_MY}\nMeeting number:\n792 295 998\nPassword: a9pRfXbZe78\nMore ways to join:\nDial 792295998@inrupt.my.webex.com`), join('webex', WEBEX_MY)),
    c('*.my.webex.com HTML invitation, every href Safe-Linked', graphEvent({ html: W.wrapEveryHref(T.webexHtml({ joinUrl: WEBEX_MY, site: 'inrupt.my' }), W.safeLink) }), join('webex', WEBEX_MY)),
    c('*.my.webex.com Personal Room', textEvent('Join my Personal Room: https://acme.my.webex.com/meet/avery.chen'), join('webex', 'https://acme.my.webex.com/meet/avery.chen')),
    c('registration link j.php?RGID only', textEvent('Register for this meeting: https://acme.webex.com/acme/j.php?RGID=r0a1b2c3d4e5f60718293a4b5c6d7e8f9'), null),
    c('Google add-on: conferenceData video + sip', googleEvent({ video: WEBEX, sip: 'sip:27401239876@acme-eu.webex.com', solution: 'addOn', solutionName: 'Webex Meetings' }), join('webex', WEBEX)),
    c('Proofpoint v3 with nothing replaced (`__;!!`)', textEvent(`Join meeting ${W.proofpointV3(WEBEX)}`), join('webex', WEBEX)),
    c('Safe Links whose target swallowed the closing > (%3E)', textEvent(`Join <${W.safeLink(`${WEBEX}>`)}>`), join('webex', WEBEX)),
    c('meeting page launch link (webappng …/meeting/download/<id>)', textEvent('https://acme.webex.com/webappng/sites/acme/meeting/download/0e59b41ffacf437ab0f338df7ce7d06d?siteurl=acme&MTID=m8e1c5b9a'), join('webex', 'https://acme.webex.com/webappng/sites/acme/meeting/download/0e59b41ffacf437ab0f338df7ce7d06d?siteurl=acme&MTID=m8e1c5b9a')),
  ];
}

function googleField(): CorpusCase[] {
  const c = tagged(['google']);
  const teams = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_Zjk0%40thread.v2/0?context=%7b%22Tid%22%3a%22t1%22%7d';
  const invite = T.googleInviteHtml({ meetUrl: `${MEET}?hs=224` });
  return [
    c('Meet invitation in Outlook, every href Safe-Linked', graphEvent({ html: W.wrapEveryHref(invite, W.safeLink) }), join('meet', `${MEET}?hs=224`)),
    c('Meet invitation in Outlook, every href behind Proofpoint v2', graphEvent({ html: W.wrapEveryHref(invite, W.proofpointV2) }), join('meet', `${MEET}?hs=224`)),
    c('Teams add-on conferenceData with the Teams block as description', googleEvent({ video: teams, phone: true, solution: 'addOn', solutionName: 'Microsoft Teams Meeting', description: T.teamsHtml({ joinUrl: teams, modern: true }) }), join('teams', teams)),
    c('Jitsi add-on conferenceData', googleEvent({ video: 'https://meet.jit.si/AcmeBoardSync', solution: 'addOn', solutionName: 'Jitsi Meeting' }), join('jitsi', 'https://meet.jit.si/AcmeBoardSync')),
    c('RingCentral Video add-on conferenceData', googleEvent({ video: RCV, solution: 'addOn', solutionName: 'RingCentral Video' }), join('ringcentral', RCV)),
    c('phone-only conference data: the location link is used', googleEvent({ phone: true, more: 'https://tel.meet/kbn-xqzv-tma?pin=1', location: 'https://acme.zoom.us/j/91234567890?pwd=ZXhhbXBsZQ.1' }), join('zoom', 'https://acme.zoom.us/j/91234567890?pwd=ZXhhbXBsZQ.1')),
    c('hangoutLink beats a Zoom link in location', googleEvent({ hangoutLink: MEET, location: 'https://acme.zoom.us/j/91234567890' }), join('meet', MEET)),
    c('look-alike video entry point; the description has the real Meet', googleEvent({ video: 'https://meet-google.com/kbn-xqzv-tma', solution: 'addOn', description: `Real: ${MEET}` }), join('meet', MEET)),
    c('redirect-wrapped Meet keeps hs and authuser as written', textEvent(W.googleRedirect(`${MEET}?hs=122&authuser=0`)), join('meet', `${MEET}?hs=122&authuser=0`)),
  ];
}

const BLUEJEANS_TEXT = 'To join the meeting on a computer or mobile phone:\nhttps://bluejeans.com/151946478?src=calendarLink\n\n' +
  'Connecting directly from a room system?\n1) Dial: 199.48.152.152 or bjn.vc\n2) Enter Meeting ID: 151946478\n\n' +
  'Just want to dial in on your phone?\nhttps://bluejeans.com/numbers\n\nWant to test your video connection?\nhttps://bluejeans.com/111';
const CHIME_TEXT = 'Meeting title: Phone screen\nMeeting ID: 5951 75 2966\nURL Link: https://chime.aws/5951752966\nUS dial-in: +1 206-462-5569\n' +
  'International dial-in numbers: https://chime.aws/dialinnumbers/\nSIP video system: 5951752966@meet.chime.in or meet.chime.in';
const JITSI_TEXT = 'Click the following link to join the meeting:\nhttps://meet.jit.si/AcmeWeeklySync\n\n=====\n\nJust want to dial in on your phone?\n' +
  'Dial-in: +1.512.647.1431 PIN: 3344556677#\nClick this link to see the dial in phone numbers for this meeting\nhttps://meet.jit.si/static/dialInInfo.html?room=AcmeWeeklySync';
const SKYPE_TEXT = 'Join Skype Meeting <https://meet.lync.com/acme/avery.chen/M2NRN65H>\r\n\r\nTrouble Joining? Try Skype Web App <https://meet.lync.com/acme/avery.chen/M2NRN65H?sl=1>\r\n\r\n' +
  'Join by Phone\r\nFind a local number <http://www.intercall.com/l/dial-in-number-lookup.php>\r\nConference ID: 9549110989\r\nHelp <http://go.microsoft.com/fwlink/?LinkId=389737>';

/** Invitation texts of the other services, with the dial-in, test and help links they carry. */
function otherProviderField(): CorpusCase[] {
  const c = tagged(['provider']);
  return [
    c('Amazon Chime invitation with dial-in numbers page', textEvent(CHIME_TEXT), join('chime', 'https://chime.aws/5951752966')),
    c('BlueJeans invitation with numbers page and /111 test call', textEvent(BLUEJEANS_TEXT), join('bluejeans', 'https://bluejeans.com/151946478?src=calendarLink')),
    c('BlueJeans /111 test call alone', textEvent('Want to test your video connection? https://bluejeans.com/111'), null),
    c('Jitsi invitation with dial-in info page', textEvent(JITSI_TEXT), join('jitsi', 'https://meet.jit.si/AcmeWeeklySync')),
    c('RingCentral Video invitation', textEvent(`Join video meeting: ${RCV}\nPassword: Wq123ygs15\nInternational numbers available: https://v.ringcentral.com/teleconference`), join('ringcentral', RCV)),
    c('RingCentral Meetings link with pwd', textEvent('Join from PC, Mac, iOS or Android: https://meetings.ringcentral.com/j/1487326159?pwd=RlhxUFNVQ3Jw'), join('ringcentral', 'https://meetings.ringcentral.com/j/1487326159?pwd=RlhxUFNVQ3Jw')),
    // Research §4's "longer URL wins" is the passcode rule (`adds ?pwd=`); `?sl=1` only opens the Web App instead.
    c('Skype for Business: Join + "Try Skype Web App" ?sl=1', textEvent(SKYPE_TEXT), join('skypeforbusiness', 'https://meet.lync.com/acme/avery.chen/M2NRN65H')),
    c('Graph skypeForBusiness event: onlineMeetingUrl only', graphEvent({ provider: 'skypeForBusiness', onlineMeetingUrl: 'https://meet.lync.com/acme/avery.chen/AB12CD34' }), join('skypeforbusiness', 'https://meet.lync.com/acme/avery.chen/AB12CD34')),
    c('Lifesize call link with a video-system address', textEvent('Join: https://call.lifesizecloud.com/4812273\nFrom a video system: 4812273@lifesizecloud.com'), join('lifesize', 'https://call.lifesizecloud.com/4812273')),
    c('Lifesize "call me" /extension/ link', textEvent('Call me on Lifesize: https://call.lifesizecloud.com/extension/4812273'), join('lifesize', 'https://call.lifesizecloud.com/extension/4812273')),
    c('Dialpad Meetings room', textEvent('Join the meeting: https://meetings.dialpad.com/room/acme/ab12cd34ef\nDial-in: +1 (415) 555-0134'), join('dialpad', 'https://meetings.dialpad.com/room/acme/ab12cd34ef')),
    c('Discord invite', textEvent('Hang out with us: https://discord.gg/acme-devs'), join('discord', 'https://discord.gg/acme-devs')),
    c('Gather space with %20 behind Safe Links', textEvent(W.safeLink('https://app.gather.town/app/Ab12Cd34Ef56/Acme%20HQ?spawnToken=xyz')), join('gather', 'https://app.gather.town/app/Ab12Cd34Ef56/Acme%20HQ?spawnToken=xyz')),
    c('Pexip device addresses only', textEvent('Join from a video system: sip:vmr.board@acme.pexip.me or pexip://vmr.board@acme.pexip.me'), null),
  ];
}

function wrapperField(): CorpusCase[] {
  const c = tagged(['wrapped', 'fm:1', 'fm:3']);
  const nested = W.googleRedirect(W.safeLink(W.proofpointV2(ZOOM)));
  return [
    c('Proofpoint v3 with `&` moved to the bytes', textEvent(`Join: ${W.proofpointV3(`${ZOOM}&from=addon`)}`), join('zoom', `${ZOOM}&from=addon`)),
    c('Google redirect → Safe Links → Proofpoint v2 → Zoom', googleEvent({ description: `<a href="${W.html(nested)}">Join</a>` }), join('zoom', ZOOM)),
    c('Mimecast href, bare Teams link as the text', graphEvent({ html: T.noteHtml({ href: W.mimecast(), text: TEAMS_SHORT }) }), join('teams', TEAMS_SHORT)),
  ];
}

function miscField(): CorpusCase[] {
  const c = tagged(['misc']);
  return [
    c('tel:, sip: and mailto: hrefs only', graphEvent({ html: '<p><a href="tel:+12065550100,,123456%23">Dial in</a> <a href="sip:123456789@acme.webex.com">Video</a> <a href="mailto:room4@acme.com?subject=Join">Mail</a></p>' }), null),
    c('Graph: link only in location.locationUri', graph({ location: { displayName: 'Zoom Meeting', locationUri: ZOOM } }), join('zoom', ZOOM)),
    c('Graph: room in locations[], link in its locationUri', graph({ locations: [{ displayName: 'Boardroom 4', locationUri: 'boardroom4@acme.com' }, { displayName: 'Online', locationUri: WEBEX }] }), join('webex', WEBEX)),
    c('location names Teams, body holds a Zoom invitation', graphEvent({ location: 'Microsoft Teams Meeting; Boardroom 4', text: zoomText2025(ZOOM) }), join('zoom', ZOOM)),
    c('two providers in a body: first in document order', textEvent(`Primary: ${WEBEX}\nBackup: ${ZOOM}`), join('webex', WEBEX)),
    c('ZWSP on both sides of the link', textEvent(`Join\u200b${ZOOM}\u200bMeeting ID`), join('zoom', ZOOM)),
    c('escaped NBSP glued to an href', graphEvent({ html: `<a href="${ZOOM}%C2%A0">Join</a>` }), join('zoom', ZOOM)),
    c('quote and unbalanced ] after the link', textEvent(`"${ZOOM}"]`), join('zoom', ZOOM)),
  ];
}

export function fieldCases(): CorpusCase[] {
  return [...teamsField(), ...zoomField(), ...webexField(), ...googleField(), ...otherProviderField(), ...wrapperField(), ...miscField()];
}
