import type { JoinShape, NotJoinRule, ProviderSpec } from './provider-types';

/**
 * The big conferencing services, with the URL shapes and non-join look-alikes from research §2/§3
 * (MeetingBar, Thunderbird, Recall.ai, Vexa, Itsycal, open-conference-url). Path patterns are anchored and use
 * bounded repetition only, so a 40 KB path costs one linear test.
 */

/** Zoom and ZoomGov (and the Zoom-based Zhumu) share the meeting path grammar. */
const ZOOM_ID = String.raw`\d{9,12}`;
export const ZOOM_JOIN_SHAPES: readonly JoinShape[] = [
  { label: 'meeting link /j/<id>', path: new RegExp(String.raw`^/j/${ZOOM_ID}/?$`) },
  { label: 'personal meeting room /my/<name>', path: /^\/my\/[A-Za-z0-9._-]{1,64}\/?$/ },
  { label: 'webinar link /w/<id>', path: new RegExp(String.raw`^/w/${ZOOM_ID}/?$`) },
  { label: 'web client /wc/join/<id>', path: new RegExp(String.raw`^/wc/join/${ZOOM_ID}/?$`) },
  { label: 'web client /wc/<id>/join', path: new RegExp(String.raw`^/wc/${ZOOM_ID}/join/?$`) },
];

export const ZOOM_NOT_JOINS: readonly NotJoinRule[] = [
  { reason: 'local dial-in numbers page (/u/), not a meeting', path: /^\/u\// },
  { reason: "host start link (/s/ carries the host's zak token), not for guests", path: /^\/s\// },
  { reason: 'recording or share link', path: /^\/rec\// },
  { reason: 'client download page', path: /^\/(?:download|client)/ },
  { reason: 'registration page, not a join link', path: /^\/(?:meeting|webinar)\/register\// },
  { reason: 'chat or app launch link', path: /^\/launch\// },
  { reason: 'Skype for Business interop page', path: /^\/skype\// },
  { reason: 'dial-in conference page', path: /^\/zoomconference/ },
  { reason: 'calendar file download', path: /\/ics\/?$/ },
];

const TEAMS_HOSTS = [
  'teams.microsoft.com', 'teams.microsoft.us', 'gov.teams.microsoft.us', 'dod.teams.microsoft.us',
  'gov.teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft',
];

const teams: ProviderSpec = {
  id: 'teams',
  name: 'Microsoft Teams',
  domains: [...TEAMS_HOSTS, 'visit.teams.microsoft.com', 'dialin.teams.microsoft.com', 'aka.ms', 'mysettings.lync.com'],
  joins: [
    { label: 'meetup-join link', hosts: TEAMS_HOSTS, path: /^\/l\/meetup-join\/[^/]/ },
    { label: 'short meeting link /meet/<id>?p=<passcode>', hosts: TEAMS_HOSTS, path: /^\/meet\/\d{6,20}\/?$/, query: ['p'] },
    { label: 'v2 deep link', hosts: TEAMS_HOSTS, path: /^\/v2\/?$/, hash: /^#\/(?:l\/meetup-join\/|meet\/\d)/ },
    { label: 'web launcher for a meetup-join link', hosts: TEAMS_HOSTS, path: /^\/dl\/launcher\/launcher\.html$/, query: ['url'] },
    { label: 'virtual appointment link', hosts: ['visit.teams.microsoft.com'], path: /^\/webrtc-svc\/api\/route$/, query: ['convId'] },
  ],
  notJoins: [
    { reason: 'dial-in numbers page, not a meeting', hosts: ['dialin.teams.microsoft.com'] },
    { reason: 'help link (aka.ms), not a meeting', hosts: ['aka.ms'] },
    { reason: 'PIN reset page, not a meeting', hosts: ['mysettings.lync.com'] },
    { reason: 'meeting options page, for the organiser', path: /^\/meetingOptions/i },
    { reason: 'creates a new meeting, does not join one', path: /^\/l\/meeting\/new/ },
    { reason: 'chat, channel or team page, not a meeting', path: /^\/l\/(?:chat|channel|team|message|entity|app)\// },
  ],
};

const zoom: ProviderSpec = {
  id: 'zoom',
  name: 'Zoom',
  domains: ['.zoom.us', '.zoom.com', '.zoom.com.cn', '.zoom-x.de', '.zoom.de'],
  joins: [
    ...ZOOM_JOIN_SHAPES,
    { label: 'Zoom Events join link', hosts: ['events.zoom.us'], path: /^\/ejl\/[^/]/ },
  ],
  notJoins: [
    {
      reason: 'help, docs or marketplace site, not a meeting',
      hosts: [
        'support.zoom.us', 'support.zoom.com', 'docs.zoom.us', 'applications.zoom.us', 'marketplace.zoom.us',
        'explore.zoom.us', 'blog.zoom.us', 'community.zoom.com', 'developers.zoom.us', 'status.zoom.us',
        'learn.zoom.us', 'careers.zoom.us', 'investors.zoom.us', 'api.zoom.us',
      ],
    },
    ...ZOOM_NOT_JOINS,
  ],
};

const zoomgov: ProviderSpec = {
  id: 'zoomgov',
  name: 'ZoomGov',
  domains: ['.zoomgov.com'],
  joins: ZOOM_JOIN_SHAPES,
  notJoins: [{ reason: 'help site, not a meeting', hosts: ['support.zoomgov.com', 'docs.zoomgov.com'] }, ...ZOOM_NOT_JOINS],
};

const webex: ProviderSpec = {
  id: 'webex',
  name: 'Webex',
  domains: ['.webex.com'],
  http: true,
  joins: [
    { label: 'meeting link j.php?MTID=…', path: /^\/[A-Za-z0-9_.-]{1,64}\/(?:k2\/)?j\.php$/, query: ['MTID', 'ED'] },
    { label: 'Webex Events link', path: /^\/[A-Za-z0-9_.-]{1,64}\/onstage\/g\.php$/, query: ['MTID'] },
    { label: 'Personal Room /meet/<user>', path: /^\/(?:meet|join)\/[^/]{1,128}\/?$/ },
    { label: 'free-plan meeting link', hosts: ['meetings.webex.com'], path: /^\/collabs\/meetings\/join$/, query: ['uuid'] },
    { label: 'join service link', path: /^\/(?:wbxmjs\/joinservice|webappng)\/sites\/[^/]{1,64}\/meeting\/download\/[0-9a-fA-F]/ },
  ],
  notJoins: [
    {
      reason: 'help, download or marketing site, not a meeting',
      hosts: [
        'help.webex.com', 'www.webex.com', 'webex.com', 'status.webex.com', 'developer.webex.com', 'blog.webex.com',
        'settings.webex.com', 'admin.webex.com', 'signin.webex.com', 'idbroker.webex.com', 'cart.webex.com',
      ],
    },
    { reason: 'global call-in numbers page', path: /\/globalcallin\.php$/i },
    { reason: 'recording link', path: /\/(?:lsr|ldr|nbrshared)\.php$/i },
    { reason: 'meeting information page, not a join link', path: /^\/webappng\/sites\/[^/]+\/meeting\/info\// },
  ],
};

const MEET_CODE = String.raw`[a-z]{3}-[a-z]{4}-[a-z]{3}`;

const meet: ProviderSpec = {
  id: 'meet',
  name: 'Google Meet',
  domains: ['meet.google.com', 'tel.meet', 'support.google.com', 'calendar.google.com'],
  joins: [
    { label: 'meeting code link', hosts: ['meet.google.com'], path: new RegExp(String.raw`^/(?:_meet/)?${MEET_CODE}/?$`, 'i') },
    { label: 'meeting code link', hosts: ['meet.google.com'], path: /^\/[a-z]{10}\/?$/i },
    { label: 'meeting nickname lookup', hosts: ['meet.google.com'], path: /^\/lookup\/[A-Za-z0-9_-]{1,64}\/?$/ },
  ],
  notJoins: [
    { reason: 'phone numbers page (tel.meet), not a video join', hosts: ['tel.meet'] },
    { reason: 'help page, not a meeting', hosts: ['support.google.com'] },
    { reason: 'calendar page, not a meeting', hosts: ['calendar.google.com'] },
  ],
};

const meetstream: ProviderSpec = {
  id: 'meetstream',
  name: 'Google Meet livestream',
  domains: ['stream.meet.google.com'],
  tier: 'stream',
  joins: [{ label: 'livestream link', path: /^\/stream\/[A-Za-z0-9-]{1,64}\/?$/ }],
};

const hangouts: ProviderSpec = {
  id: 'hangouts',
  name: 'Google Hangouts',
  domains: ['hangouts.google.com'],
  joins: [{ label: 'Hangouts call link', path: /^\/(?:call|hangouts\/_)\/[^/]/ }],
};

const duo: ProviderSpec = {
  id: 'duo',
  name: 'Google Duo',
  domains: ['duo.app.goo.gl'],
  joins: [{ label: 'Duo call link', path: /^\/[A-Za-z0-9]{4,64}\/?$/ }],
};

/** Words that are site pages rather than personal rooms on providers with `/<name>` room links. */
export function sitePages(words: readonly string[]): NotJoinRule {
  return { reason: 'site page, not a meeting room', path: new RegExp(String.raw`^/(?:${words.join('|')})(?:[/?#.]|$)`, 'i') };
}

const GOTO_ID = String.raw`\d{9}`;

const gotomeeting: ProviderSpec = {
  id: 'gotomeeting',
  name: 'GoTo Meeting',
  domains: ['meet.goto.com', 'app.goto.com', '.gotomeeting.com', 'gotomeet.me', 'www.gotomeet.me', 'support.goto.com'],
  http: true,
  joins: [
    { label: 'meeting link meet.goto.com/<id>', hosts: ['meet.goto.com'], path: new RegExp(String.raw`^/${GOTO_ID}/?$`) },
    { label: 'personal meeting room', hosts: ['meet.goto.com', 'gotomeet.me', 'www.gotomeet.me'], path: /^\/[A-Za-z][A-Za-z0-9._-]{1,63}\/?$/ },
    { label: 'meeting link /join/<id>', path: new RegExp(String.raw`^/join/${GOTO_ID}/?$`) },
    { label: 'meeting link app.goto.com/meeting/<id>', hosts: ['app.goto.com'], path: new RegExp(String.raw`^/meeting/${GOTO_ID}(?:/|$)`) },
  ],
  notJoins: [
    { reason: 'help site, not a meeting', hosts: ['support.goto.com'] },
    { reason: 'app install page, not a meeting', path: /^\/install/i },
    sitePages(['download', 'help', 'login', 'signin', 'home', 'pricing', 'features', 'start', 'schedule', 'unsubscribe']),
  ],
};

const gotowebinar: ProviderSpec = {
  id: 'gotowebinar',
  name: 'GoTo Webinar',
  domains: ['.gotowebinar.com'],
  http: true,
  joins: [{ label: 'webinar join link', path: /^\/join\/\d{6,20}(?:\/\d{6,20})?\/?$/ }],
  notJoins: [
    { reason: 'registration page, not a join link', path: /^\/register\// },
    { reason: 'recording link', path: /^\/(?:rt|recording)\// },
  ],
};

export const majorProviders: readonly ProviderSpec[] = [
  teams, zoom, zoomgov, webex, meet, meetstream, hangouts, duo, gotomeeting, gotowebinar,
];
