import * as U from './urls';

/**
 * Per-provider examples: links that must be detected as that provider's join link, and same-host links that must
 * not be (help pages, dial-in pages, host start links, registration pages…). Every catalog id has an entry
 * (checked by the catalog test); look-alike hosts are derived from the join examples by the test itself.
 */
export interface ProviderExamples {
  join: readonly string[];
  notJoin: readonly string[];
}

export const providerExamples: Readonly<Record<string, ProviderExamples>> = {
  teams: {
    join: [
      U.TEAMS_MEETUP, U.TEAMS_SHORT, U.TEAMS_GOV, U.TEAMS_DOD, U.TEAMS_LIVE, U.TEAMS_V2,
      'https://teams.microsoft.com/l/meetup-join/19:meeting_abc@thread.v2/0?context={"Tid":"72f988bf","Oid":"b1d4e6f2"}',
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_abc%2540thread.v2%2F0&type=meetup-join&directDl=true',
      'https://visit.teams.microsoft.com/webrtc-svc/api/route?tid=72f988bf&convId=19:meeting_abc@thread.v2&type=onedemand',
    ],
    notJoin: [
      'https://teams.microsoft.com/meetingOptions/?organizerId=b1d4e6f2&tenantId=72f988bf&threadId=19_meeting_abc@thread.v2&messageId=0&language=en-US',
      'https://dialin.teams.microsoft.com/8551f7c1-bea3-4f9c-9fa6-e8f2b8a5b8d3?id=123456789',
      'https://aka.ms/JoinTeamsMeeting?omkt=en-US',
      'https://teams.microsoft.com/l/meeting/new?subject=Sync',
      'https://teams.microsoft.com/meet/2438042996112',
      'https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General?groupId=1&tenantId=2',
      'https://mysettings.lync.com/pstnconferencing',
      'https://teams.microsoft.com/',
    ],
  },
  zoom: {
    join: [
      U.ZOOM, U.ZOOM_NO_PWD, U.ZOOM_US06, U.ZOOM_COM, U.ZOOM_X, U.ZOOM_MY, U.ZOOM_WEBINAR,
      'https://zoom.us/wc/join/81234567890?pwd=abc', 'https://contoso.zoom.com.cn/j/81234567890',
      'https://events.zoom.us/ejl/AkZ3bVzV0bXl0ZXN0/ZW1haWw',
    ],
    notJoin: [
      'https://contoso.zoom.us/u/kbXyZ12AbC', 'https://contoso.zoom.us/s/81234567890?zak=eyJ0eXAiOiJKV1Qi',
      'https://contoso.zoom.us/rec/share/AbCdEf.1234', 'https://zoom.us/download', 'https://support.zoom.us/hc/en-us',
      'https://contoso.zoom.us/meeting/register/tJ0sdeGrqT0jH9', 'https://acme.zoom.us/launch/jc/81234567890',
      'https://applications.zoom.us/addon/invitation/detail?meetingUuid=abc%3D%3D', 'https://zoom.us/',
      'https://contoso.zoom.us/skype/81234567890',
    ],
  },
  zoomgov: {
    join: [U.ZOOMGOV, 'https://zoomgov.com/j/1601234567', 'https://agency.zoomgov.com/my/jdoe'],
    notJoin: ['https://agency.zoomgov.com/u/abc123', 'https://agency.zoomgov.com/s/1601234567?zak=x'],
  },
  webex: {
    join: [
      U.WEBEX, U.WEBEX_DASH, U.WEBEX_PERSONAL, U.WEBEX_FREE,
      'https://contoso.webex.com/join/avery.chen', 'https://contoso.my.webex.com/meet/avery.chen',
      'http://contoso.webex.com/contoso/j.php?MTID=m3f9c2a7b1e4d5c6b7a8f9e0d1c2b3a4f',
      'https://contoso.my.webex.com/contoso.my/j.php?MTID=m3f9c2a7b1e4d5c6b7a8f9e0d1c2b3a4f',
      'https://contoso.webex.com/webappng/sites/contoso/meeting/download/0e59b41ffacf437ab0f338df7ce7d06d?siteurl=contoso',
    ],
    notJoin: [
      'https://help.webex.com/en-us/article/nk1l3sh/Join-a-Webex-meeting', 'https://www.webex.com/downloads.html',
      'https://contoso.webex.com/contoso/globalcallin.php?MTID=m3f9c2a7b1e4d5c6b7a8f9e0d1c2b3a4f',
      'https://contoso.webex.com/contoso/lsr.php?RCID=0123456789abcdef', 'https://contoso.webex.com/contoso/j.php',
      'https://contoso.webex.com/contoso/j.php?RGID=r0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      'https://contoso.webex.com/webappng/sites/contoso/meeting/info/0e59b41ffacf437ab0f338df7ce7d06d',
    ],
  },
  meet: {
    join: [U.MEET, U.MEET_HS, 'https://meet.google.com/uqv-izgo-llf?authuser=0', 'https://meet.google.com/lookup/contoso-standup'],
    notJoin: [
      'https://tel.meet/uqv-izgo-llf?pin=1234567890123', 'https://support.google.com/a/users/answer/9282720',
      'https://calendar.google.com/calendar/event?action=VIEW&eid=abc', 'https://meet.google.com/', 'https://meet.google.com/new',
    ],
  },
  meetstream: { join: ['https://stream.meet.google.com/stream/6b9a2c1e-4d3f-4e5a-9b8c-7d6e5f4a3b2c'], notJoin: ['https://stream.meet.google.com/'] },
  hangouts: { join: ['https://hangouts.google.com/call/AbCdEfGhIjKlMnOp'], notJoin: ['https://hangouts.google.com/'] },
  duo: { join: ['https://duo.app.goo.gl/AbCdEf12'], notJoin: ['https://duo.app.goo.gl/'] },
  gotomeeting: {
    join: [U.GOTO, U.GOTO_LEGACY, U.GOTO_APP, U.GOTO_PERSONAL, 'https://meet.goto.com/ContosoBoardroom'],
    notJoin: ['https://meet.goto.com/install', 'https://meet.goto.com/unsubscribe', 'https://global.gotomeeting.com/install/987654321', 'https://support.goto.com/meeting/help'],
  },
  gotowebinar: {
    join: ['https://global.gotowebinar.com/join/1234567890123456789/987654321'],
    notJoin: ['https://attendee.gotowebinar.com/register/1234567890123456789', 'https://attendee.gotowebinar.com/rt/1234567890'],
  },
  bluejeans: {
    join: ['https://bluejeans.com/512345678/4821', 'https://bluejeans.com/512345678', 'https://primetime.bluejeans.com/a2m/live-event/abcdefgh'],
    notJoin: ['https://www.bluejeans.com/downloads', 'https://support.bluejeans.com/s/'],
  },
  chime: { join: ['https://chime.aws/1234567890', 'https://app.chime.aws/meetings/?pin=1234567890'], notJoin: ['https://chime.aws/download', 'https://answers.chime.aws/'] },
  ringcentral: {
    join: [
      'https://v.ringcentral.com/join/123456789?pw=0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'https://meetings.ringcentral.com/j/1234567890',
      'https://meetings.officeathand.att.com/join/987654321',
    ],
    notJoin: ['https://v.ringcentral.com/teleconference/', 'https://www.ringcentral.com/download.html'],
  },
  whereby: { join: ['https://whereby.com/contoso-standup', 'https://contoso.whereby.com/board-room'], notJoin: ['https://whereby.com/information/pricing', 'https://whereby.com/', 'https://whereby.com/unsubscribe'] },
  jitsi: { join: ['https://meet.jit.si/ContosoWeeklySync'], notJoin: ['https://meet.jit.si/', 'https://meet.jit.si/static/close.html'] },
  '8x8': { join: ['https://8x8.vc/contoso/weekly-sync', 'https://8x8.vc/contoso-standup'], notJoin: ['https://8x8.vc/'] },
  skype: { join: ['https://join.skype.com/AbCdEfGhIjKl'], notJoin: ['https://join.skype.com/invite/AbCdEfGhIjKl'] },
  skypeforbusiness: {
    join: ['https://meet.lync.com/contoso/avery.chen/AB12CD34', 'https://meet.contoso.com/avery.chen/AB12CD34'],
    notJoin: ['https://meet.lync.com/', 'https://meet.contoso.com/about'],
  },
  lifesize: { join: ['https://call.lifesizecloud.com/1234567', 'https://call.lifesizecloud.com/extension/1234567'], notJoin: ['https://call.lifesizecloud.com/'] },
  starleaf: { join: ['https://meet.starleaf.com/4012345678'], notJoin: ['https://meet.starleaf.com/'] },
  vsee: { join: ['https://vsee.com/u/avery.chen', 'https://contoso.vsee.me/u/drsmith'], notJoin: ['https://vsee.com/pricing', 'https://vsee.com/'] },
  slack: { join: ['https://app.slack.com/huddle/T0ABC1234/C0DEF5678'], notJoin: ['https://app.slack.com/client/T0ABC1234/C0DEF5678'] },
  facetime: {
    join: ['https://facetime.apple.com/join#v=1&p=AbCdEfGhIjKlMnOpQrSt&k=UvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz0'],
    notJoin: ['https://facetime.apple.com/join', 'https://facetime.apple.com/'],
  },
  dialpad: { join: ['https://meetings.dialpad.com/room/contoso/a123456789', 'https://meetings.dialpad.com/averychen'], notJoin: ['https://meetings.dialpad.com/login'] },
  vonage: { join: ['https://meetings.vonage.com/123456789'], notJoin: ['https://meetings.vonage.com/help'] },
  lark: { join: ['https://vc.larksuite.com/j/123456789'], notJoin: ['https://vc.larksuite.com/'] },
  feishu: { join: ['https://vc.feishu.cn/j/987654321'], notJoin: ['https://vc.feishu.cn/'] },
  voov: { join: ['https://voovmeeting.com/dm/AbCdEf123456'], notJoin: ['https://voovmeeting.com/download-center.html'] },
  zhumu: {
    join: ['https://welink.zhumu.com/j/518204773?pwd=k3x9qa', 'https://welink.zhumu.com/wc/join/518204773?wpk=abc123'],
    notJoin: ['https://welink.zhumu.com/wc/join/518204773'],
  },
  zoho: { join: ['https://cliq.zoho.eu/meetings/1234567890abcdef', 'https://cliq.zoho.com/meetings/abcdef123456'], notJoin: ['https://cliq.zoho.eu/'] },
  gather: {
    join: ['https://app.gather.town/app/Ab12Cd34Ef56/Contoso%20HQ?meeting=ZmVkY2Jh', 'https://app.gather.town/app/Ab12Cd34Ef56/ContosoHQ?spawnToken=xyz'],
    notJoin: ['https://app.gather.town/app/Ab12Cd34Ef56/ContosoHQ', 'https://app.gather.town/'],
  },
  livestorm: {
    join: ['https://app.livestorm.com/p/5b2e9c1a-3d4f-4e6a-8b7c-9d0e1f2a3b4c/live?s=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'],
    notJoin: ['https://app.livestorm.com/p/5b2e9c1a-3d4f-4e6a-8b7c-9d0e1f2a3b4c/event'],
  },
  demio: { join: ['https://event.demio.com/ref/AbCdEf123456'], notJoin: ['https://event.demio.com/'] },
  around: { join: ['https://around.co/r/contoso-sync', 'https://meet.around.co/r/ab12cd34'], notJoin: ['https://around.co/'] },
  calvideo: { join: ['https://app.cal.com/video/8bF3kLm9Qx2Zp7Yw'], notJoin: ['https://app.cal.com/bookings/upcoming'] },
  protonmeet: {
    join: ['https://meet.proton.me/join/id-ABCD1234EFGH#pwd-s3cr3tKeyMaterial'],
    notJoin: ['https://meet.proton.me/'],
  },
  doxyme: { join: ['https://doxy.me/drsmith', 'https://contoso.doxy.me/waitingroom'], notJoin: ['https://doxy.me/sign-in', 'https://help.doxy.me/en/articles/95877'] },
  riverside: { join: ['https://riverside.fm/studio/contoso-podcast'], notJoin: ['https://riverside.fm/pricing'] },
  streamyard: { join: ['https://streamyard.com/k7x2m9p4qz', 'https://streamyard.com/guest/ab12cd34ef'], notJoin: ['https://streamyard.com/resources', 'https://streamyard.com/pricing'] },
  bbcollab: { join: ['https://us.bbcollab.com/guest/0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'https://eu.bbcollab.com/invite/ab12cd34ef56'], notJoin: ['https://us.bbcollab.com/collab/ui/scheduler'] },
  teamviewer: { join: ['https://go.teamviewer.com/m12345678', 'https://go.blizz.com/m87654321'], notJoin: ['https://go.teamviewer.com/download'] },
  joinme: { join: ['https://join.me/contoso-sales'], notJoin: ['https://join.me/download'] },
  uberconference: { join: ['https://uberconference.com/averychen'], notJoin: ['https://uberconference.com/pricing'] },
  pumble: { join: ['https://meet.pumble.com/abc-defg-hij'], notJoin: ['https://meet.pumble.com/'] },
  tuple: { join: ['https://tuple.app/c/AbCdEf123'], notJoin: ['https://tuple.app/downloads'] },
  livekit: { join: ['https://meet.livekit.io/rooms/contoso-sync#e2eeKeyMaterial'], notJoin: ['https://docs.livekit.io/rooms/contoso-sync'] },
  workplace: { join: ['https://contoso.workplace.com/groupcall/LINK:AbCdEf123/'], notJoin: ['https://contoso.workplace.com/groups/12345'] },
  ovice: { join: ['https://contoso.ovice.in/', 'https://contoso.ovice.com/lobby'], notJoin: ['https://www.ovice.com/pricing'] },
  luma: { join: ['https://lu.ma/join/g-AbCdEf123'], notJoin: ['https://lu.ma/discover'] },
  preply: { join: ['https://preply.com/en/classroom/abc123'], notJoin: ['https://preply.com/en/online/english-tutors'] },
  userzoom: { join: ['https://go.userzoom.com/participate/c7a1b2d3-e4f5'], notJoin: ['https://go.userzoom.com/'] },
  venue: { join: ['https://app.venue.live/app/contoso/event/123'], notJoin: ['https://app.venue.live/'] },
  teemyco: { join: ['https://app.teemyco.com/room/contoso-lounge'], notJoin: ['https://app.teemyco.com/'] },
  demodesk: { join: ['https://demodesk.com/meet/avery-chen'], notJoin: ['https://demodesk.com/pricing'] },
  pop: { join: ['https://pop.com/j/123-456-789'], notJoin: ['https://pop.com/'] },
  chorus: { join: ['https://go.chorus.ai/AbCdEf12'], notJoin: ['https://go.chorus.ai/'] },
  gong: { join: ['https://contoso.join.gong.io/averychen/123456789'], notJoin: ['https://contoso.join.gong.io/'] },
  reclaim: { join: ['https://reclaim.ai/z/AbCdEf/123456'], notJoin: ['https://reclaim.ai/pricing'] },
  suit: { join: ['https://contoso.conference.istesuit.com/room-42'], notJoin: ['https://contoso.conference.istesuit.com/'] },
  meetecho: { join: ['https://meetings.conf.meetecho.com/ietf120/?session=33000'], notJoin: ['https://meetings.conf.meetecho.com/'] },
  vimeo: { join: ['https://vimeo.com/event/1234567', 'https://venues.vimeo.com/contoso/townhall'], notJoin: ['https://vimeo.com/123456789'] },
  youtube: { join: ['https://www.youtube.com/live/AbCdEfGhIjK', 'https://youtu.be/AbCdEfGhIjK'], notJoin: ['https://www.youtube.com/@contoso', 'https://www.youtube.com/playlist?list=PL123'] },
  discord: { join: ['https://discord.com/channels/123456789012345678/987654321098765432', 'https://discord.gg/contoso'], notJoin: ['https://discord.com/download'] },
  jam: { join: ['https://jam.systems/contoso-sync'], notJoin: ['https://jam.systems/'] },
  coscreen: { join: ['https://join.coscreen.co/AbCdEf123'], notJoin: ['https://join.coscreen.co/', 'https://join.coscreen.co/unsubscribe'] },
  vowel: { join: ['https://contoso.vowel.com/#/g/AbCdEf123'], notJoin: ['https://contoso.vowel.com/#/settings'] },
  zmpage: { join: ['https://averychen.zm.page'], notJoin: ['https://zm.page/'] },
  bigbluebutton: {
    join: ['https://demo.bigbluebutton.org/rooms/abc-def-ghi/join', 'https://bbb.contoso.edu/b/ave-x7k-9qz'],
    notJoin: ['https://demo.bigbluebutton.org/', 'https://bbb.contoso.edu/admins'],
  },
  pexip: { join: ['https://pexip.me/webapp/m/contoso-vmr'], notJoin: ['https://pexip.me/'] },
};
