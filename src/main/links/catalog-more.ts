import { sitePages } from './catalog-major';
import type { ProviderSpec } from './provider-types';

/**
 * The rest of research §2 (MeetingBar's catalogue plus Thunderbird, open-conference-url, RingCentral widgets,
 * Itsycal, Pexip). Where MeetingBar accepted any path on a host, a concrete room/meeting shape is required here,
 * or at least the site's own pages are excluded, so help and marketing links never become Join buttons.
 */

/** One path segment that names a room. */
const ROOM = String.raw`[A-Za-z0-9][A-Za-z0-9._~%-]{0,127}`;
const roomPath = new RegExp(String.raw`^/${ROOM}/?$`);
const COMMON_SITE_PAGES = [
  'about', 'blog', 'careers', 'contact', 'download', 'downloads', 'features', 'help', 'login', 'logout', 'pricing',
  'privacy', 'product', 'products', 'signin', 'sign-in', 'signup', 'sign-up', 'support', 'terms', 'legal', 'en',
  'static', 'assets', 'images', 'img', 'css', 'js', 'favicon', 'robots', 'security', 'enterprise', 'resources',
  'solutions', 'integrations', 'apps', 'app', 'home', 'dashboard', 'settings', 'account', 'user', 'information',
  'unsubscribe', 'preferences',
];
const siteOnly = sitePages(COMMON_SITE_PAGES);
const anyPath = /^\/[^/]/;

const bluejeans: ProviderSpec = {
  id: 'bluejeans', name: 'BlueJeans', domains: ['.bluejeans.com'], http: true,
  joins: [
    { label: 'meeting link /<id>[/<passcode>]', path: /^\/\d{5,12}(?:\/\d{1,10})?(?:\/webrtc)?\/?$/ },
    { label: 'live event link', hosts: ['primetime.bluejeans.com'], path: /^\/a2m\/live-event\/[A-Za-z0-9-]{1,64}/ },
  ],
  notJoins: [{ reason: 'help site, not a meeting', hosts: ['support.bluejeans.com'] }, siteOnly],
};

const chime: ProviderSpec = {
  id: 'chime', name: 'Amazon Chime', domains: ['.chime.aws'],
  joins: [
    { label: 'meeting link chime.aws/<10 digits>', hosts: ['chime.aws'], path: /^\/\d{10}\/?$/ },
    { label: 'web app meeting with PIN', hosts: ['app.chime.aws'], path: /^\/meetings\/?$/, query: ['pin'] },
    { label: 'web app meeting link /meetings/<10 digits>', hosts: ['app.chime.aws'], path: /^\/meetings\/\d{10}\/?$/ },
  ],
  notJoins: [{ reason: 'help site, not a meeting', hosts: ['answers.chime.aws'] }, siteOnly],
};

/** RingCentral Meetings (RCM, `/j/`) and Video (RCV, `/join/`), incl. carrier white labels (ringcentral-widgets). */
const ringcentral: ProviderSpec = {
  id: 'ringcentral', name: 'RingCentral',
  domains: [
    'meetings.ringcentral.com', 'v.ringcentral.com', 'video.ringcentral.com', 'video-atos.ringcentral.com',
    'meetings.officeathand.att.com', 'meetings-officeathand.att.com', 'meetings.btcloudphone.bt.com',
    'meetings.businessconnect.telus.com', 'video.rainbowoffice.com', 'video.cloudoffice.avaya.com',
    'video.unifyoffice.com',
  ],
  joins: [
    { label: 'RingCentral Meetings link /j/<id>', path: /^\/j\/\d{6,12}\/?$/ },
    { label: 'RingCentral Video link /join/<id>', path: /^\/join\/[A-Za-z0-9-]{3,32}\/?$/ },
  ],
  notJoins: [{ reason: 'dial-in numbers page', path: /^\/teleconference/ }],
};

const whereby: ProviderSpec = {
  id: 'whereby', name: 'Whereby', domains: ['.whereby.com', 'appear.in'],
  joins: [{ label: 'room link whereby.com/<room>', path: roomPath }],
  notJoins: [sitePages([...COMMON_SITE_PAGES, 'org', 'hc', 'embedded', 'create-room', 'use-cases'])],
};

const jitsi: ProviderSpec = {
  id: 'jitsi', name: 'Jitsi Meet', domains: ['meet.jit.si'], http: true,
  joins: [{ label: 'room link meet.jit.si/<room>', path: roomPath }],
  notJoins: [sitePages([...COMMON_SITE_PAGES, 'libs', 'sounds', 'fonts', 'lang', 'config', 'interface_config'])],
};

const eightByEight: ProviderSpec = {
  id: '8x8', name: '8x8', domains: ['.8x8.vc'],
  joins: [{ label: 'room link 8x8.vc/<tenant>/<room>', path: new RegExp(String.raw`^/${ROOM}(?:/${ROOM})?/?$`) }],
  notJoins: [siteOnly],
};

const skype: ProviderSpec = {
  id: 'skype', name: 'Skype', domains: ['join.skype.com'],
  joins: [{ label: 'Meet Now link', path: /^\/[A-Za-z0-9]{8,16}\/?$/ }],
  notJoins: [{ reason: 'contact invitation, not a meeting', path: /^\/invite\// }],
};

const skypeforbusiness: ProviderSpec = {
  id: 'skypeforbusiness', name: 'Skype for Business', domains: ['meet.lync.com'], http: true,
  joins: [
    { label: 'meeting link meet.lync.com/<tenant>/<user>/<conf>', hosts: ['meet.lync.com'], path: /^\/[^/]{1,128}\/[^/]{1,128}\/[A-Za-z0-9]{4,16}\/?$/ },
    { label: 'on-premises meeting link /<user>/<CONFID>', path: /^\/(?:meet\/)?[A-Za-z0-9._-]{1,128}\/[A-Z0-9]{8}\/?$/ },
  ],
  selfHosted: /^(?:meet|join|lync)\./,
};

const lifesize: ProviderSpec = {
  id: 'lifesize', name: 'Lifesize', domains: ['call.lifesizecloud.com'],
  joins: [{ label: 'call link /<extension>', path: /^\/(?:extension\/)?\d{3,12}\/?$/ }],
};

const starleaf: ProviderSpec = {
  id: 'starleaf', name: 'StarLeaf', domains: ['meet.starleaf.com'],
  joins: [{ label: 'meeting link /<id>', path: /^\/\d{6,12}(?:\/app)?\/?$/ }],
};

const vsee: ProviderSpec = {
  id: 'vsee', name: 'VSee', domains: ['vsee.com', '.vsee.me'],
  joins: [
    { label: 'VSee room link', hosts: ['vsee.com'], path: /^\/(?:u|c|r|m|call|join)\/[^/]/ },
    { label: 'VSee Clinic room link', path: /^\/u\/[^/]/ },
  ],
  notJoins: [sitePages([...COMMON_SITE_PAGES, 'clinic', 'dev', 'telehealth'])],
};

const slack: ProviderSpec = {
  id: 'slack', name: 'Slack huddle', domains: ['app.slack.com'],
  joins: [{ label: 'huddle link /huddle/<team>/<channel>', path: /^\/huddle\/[TE][A-Z0-9]{2,20}\/[CDG][A-Z0-9]{2,20}\/?$/ }],
  notJoins: [{ reason: 'workspace page, not a huddle', path: /^\/(?:client|team|docs)\// }],
};

const facetime: ProviderSpec = {
  id: 'facetime', name: 'FaceTime', domains: ['facetime.apple.com'],
  joins: [{ label: 'FaceTime link (key in the fragment)', path: /^\/join\/?$/, hash: /^#v=\d/ }],
};

const dialpad: ProviderSpec = {
  id: 'dialpad', name: 'Dialpad Meetings', domains: ['meetings.dialpad.com'],
  joins: [
    { label: 'room link /room/<org>/<id>', path: new RegExp(String.raw`^/room/${ROOM}/${ROOM}/?$`) },
    { label: 'personal room /<name>', path: roomPath },
  ],
  notJoins: [siteOnly],
};

const vonage: ProviderSpec = {
  id: 'vonage', name: 'Vonage Meetings', domains: ['meetings.vonage.com'],
  joins: [{ label: 'meeting link /<9 digits>', path: /^\/\d{9}\/?$/ }],
};

const lark: ProviderSpec = {
  id: 'lark', name: 'Lark', domains: ['vc.larksuite.com'],
  joins: [{ label: 'meeting link /j/<id>', path: /^\/j\/\d{9,12}\/?$/ }],
};

const feishu: ProviderSpec = {
  id: 'feishu', name: 'Feishu', domains: ['vc.feishu.cn'],
  joins: [{ label: 'meeting link /j/<id>', path: /^\/j\/\d{9,12}\/?$/ }],
};

const voov: ProviderSpec = {
  id: 'voov', name: 'VooV Meeting', domains: ['voovmeeting.com', 'www.voovmeeting.com'],
  joins: [{ label: 'meeting link /dm/<code>', path: /^\/(?:dm|s)\/[A-Za-z0-9]{4,32}\/?$/ }],
};

const zhumu: ProviderSpec = {
  id: 'zhumu', name: 'Zhumu', domains: ['.zhumu.com'],
  joins: [
    { label: 'meeting link /j/<id>', path: /^\/j\/\d{9,12}\/?$/ },
    { label: 'web client /wc/join/<id>?wpk=…', path: /^\/wc\/join\/\d{9,12}\/?$/, query: ['wpk'] },
  ],
};

const ZOHO_TLDS = ['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'ca', 'uk', 'sa'];
const zoho: ProviderSpec = {
  id: 'zoho', name: 'Zoho Cliq', domains: ZOHO_TLDS.map((tld) => `cliq.zoho.${tld}`),
  joins: [{ label: 'Cliq meeting link /meetings/<id>', path: /^\/meetings\/[A-Za-z0-9_-]{2,128}\/?$/ }],
};

const gather: ProviderSpec = {
  id: 'gather', name: 'Gather', domains: ['.gather.town'],
  joins: [{ label: 'space link with meeting or spawn token', path: /^\/app\/[A-Za-z0-9_-]{1,64}\/[^/]{1,128}\/?$/, query: ['meeting', 'spawnToken'] }],
};

const livestorm: ProviderSpec = {
  id: 'livestorm', name: 'Livestorm', domains: ['app.livestorm.com'],
  joins: [{ label: 'live session link /p/<id>/live', path: /^\/p\/[A-Za-z0-9-]{8,64}\/live\/?$/ }],
  notJoins: [{ reason: 'registration page, not a join link', path: /^\/p\/[^/]+\/(?:event|form)/ }],
};

const demio: ProviderSpec = {
  id: 'demio', name: 'Demio', domains: ['event.demio.com'],
  joins: [{ label: 'event link', path: /^\/(?:ref|join|e)\/[^/]/ }],
};

const around: ProviderSpec = {
  id: 'around', name: 'Around', domains: ['around.co', 'meet.around.co'],
  joins: [{ label: 'room link /r/<code>', path: /^\/r\/[A-Za-z0-9_-]{1,64}\/?$/ }],
};

const calvideo: ProviderSpec = {
  id: 'calvideo', name: 'Cal Video', domains: ['app.cal.com'],
  joins: [{ label: 'video link /video/<id>', path: /^\/video\/[A-Za-z0-9_-]{4,64}\/?$/ }],
};

const protonmeet: ProviderSpec = {
  id: 'protonmeet', name: 'Proton Meet', domains: ['meet.proton.me'],
  joins: [{ label: 'meeting link /join/id-<ID> (password in the fragment)', path: /^\/join\/id-[A-Za-z0-9_-]{4,64}\/?$/ }],
};

const doxyme: ProviderSpec = {
  id: 'doxyme', name: 'Doxy.me', domains: ['.doxy.me'],
  joins: [{ label: 'clinic room link /<room>', path: roomPath }],
  notJoins: [{ reason: 'help site, not a meeting', hosts: ['help.doxy.me', 'www.doxy.me'] }, sitePages([...COMMON_SITE_PAGES, 'sign-in', 'clinic'])],
};

const riverside: ProviderSpec = {
  id: 'riverside', name: 'Riverside', domains: ['riverside.fm', 'riverside.com', 'www.riverside.fm'],
  joins: [{ label: 'studio link /studio/<name>', path: /^\/studio\/[A-Za-z0-9_-]{1,128}\/?$/ }],
};

const streamyard: ProviderSpec = {
  id: 'streamyard', name: 'StreamYard', domains: ['streamyard.com', 'www.streamyard.com'],
  joins: [{ label: 'studio guest link', path: /^\/(?:guest\/)?[a-z0-9]{8,13}\/?$/ }],
  notJoins: [sitePages([...COMMON_SITE_PAGES, 'webinars', 'affiliates', 'onair', 'teams', 'community'])],
};

const bbcollab: ProviderSpec = {
  id: 'bbcollab', name: 'Blackboard Collaborate', domains: ['.bbcollab.com'],
  joins: [{ label: 'guest or invite link', path: /^\/(?:collab\/ui\/session\/)?(?:guest|invite)\/[A-Za-z0-9-]{8,64}\/?$/ }],
};

const teamviewer: ProviderSpec = {
  id: 'teamviewer', name: 'TeamViewer Meeting', domains: ['go.teamviewer.com', 'go.blizz.com'],
  joins: [{ label: 'meeting link /<id>', path: /^\/m?\d{6,12}\/?$/ }, { label: 'meeting link /<name>', path: roomPath }],
  notJoins: [siteOnly],
};

const joinme: ProviderSpec = {
  id: 'joinme', name: 'join.me', domains: ['join.me'], http: true,
  joins: [{ label: 'personal link join.me/<name>', path: roomPath }],
  notJoins: [siteOnly],
};

const uberconference: ProviderSpec = {
  id: 'uberconference', name: 'UberConference', domains: ['uberconference.com', 'www.uberconference.com'], http: true,
  joins: [{ label: 'personal link /<name>', path: roomPath }],
  notJoins: [siteOnly],
};

const pumble: ProviderSpec = {
  id: 'pumble', name: 'Pumble', domains: ['meet.pumble.com'],
  joins: [{ label: 'meeting link /<code>', path: /^\/[a-z][a-z-]{2,63}\/?$/ }],
};

const tuple: ProviderSpec = {
  id: 'tuple', name: 'Tuple', domains: ['tuple.app'],
  joins: [{ label: 'call link /c/<id>', path: /^\/c\/[A-Za-z0-9_-]{2,64}\/?$/ }],
};

const livekit: ProviderSpec = {
  id: 'livekit', name: 'LiveKit Meet', domains: ['.livekit.io'],
  joins: [{ label: 'room link /rooms/<id> (key in the fragment)', hostTest: /^meet[a-z0-9-]*\./, path: /^\/rooms\/[A-Za-z0-9_-]{1,128}\/?$/ }],
};

const workplace: ProviderSpec = {
  id: 'workplace', name: 'Workplace from Meta', domains: ['.workplace.com'],
  joins: [{ label: 'group call link', path: /^\/groupcall\/[^/]/ }],
};

const ovice: ProviderSpec = {
  id: 'ovice', name: 'oVice', domains: ['.ovice.in', '.ovice.com', '.ovice.io'],
  joins: [{ label: 'space link', hostTest: /^(?!www\.|help\.|docs\.)[a-z0-9-]+\.ovice\./, path: /^\// }],
};

const luma: ProviderSpec = {
  id: 'luma', name: 'Luma', domains: ['lu.ma', 'luma.com'],
  joins: [{ label: 'event join link /join/<id>', path: /^\/join\/[A-Za-z0-9_-]{2,128}/ }],
};

const preply: ProviderSpec = {
  id: 'preply', name: 'Preply', domains: ['preply.com'],
  joins: [{ label: 'lesson classroom link', path: /^\/(?:[a-z]{2}\/)?(?:classroom|lesson|space)\/[^/]/ }],
};

const userzoom: ProviderSpec = {
  id: 'userzoom', name: 'UserZoom', domains: ['go.userzoom.com'],
  joins: [{ label: 'study participation link', path: /^\/participate\/[a-z0-9-]{2,64}\/?$/ }],
};

const venue: ProviderSpec = {
  id: 'venue', name: 'Venue', domains: ['app.venue.live'],
  joins: [{ label: 'event link /app/<…>', path: /^\/app\/[^/]/ }],
};

const teemyco: ProviderSpec = {
  id: 'teemyco', name: 'Teemyco', domains: ['app.teemyco.com'],
  joins: [{ label: 'room link /room/<…>', path: /^\/room\/[^/]/ }],
};

const demodesk: ProviderSpec = {
  id: 'demodesk', name: 'Demodesk', domains: ['demodesk.com', 'app.demodesk.com'],
  joins: [{ label: 'meeting link', path: anyPath }],
  notJoins: [sitePages([...COMMON_SITE_PAGES, 'de', 'fr', 'use-cases', 'customers', 'partners', 'webinars'])],
};

const pop: ProviderSpec = {
  id: 'pop', name: 'Pop', domains: ['pop.com'],
  joins: [{ label: 'meeting link /j/<id>', path: /^\/j\/[0-9-]{3,32}\/?$/ }],
};

const chorus: ProviderSpec = {
  id: 'chorus', name: 'Chorus', domains: ['go.chorus.ai'], tier: 'redirector',
  joins: [{ label: 'notetaker redirect link', path: anyPath }],
};

const gong: ProviderSpec = {
  id: 'gong', name: 'Gong', domains: ['.join.gong.io'], tier: 'redirector',
  joins: [{ label: 'notetaker redirect link', path: anyPath }],
};

const reclaim: ProviderSpec = {
  id: 'reclaim', name: 'Reclaim.ai', domains: ['reclaim.ai'], tier: 'redirector',
  joins: [{ label: 'scheduler redirect to Zoom /z/<…>', path: /^\/z\/[A-Za-z0-9./_-]{2,128}$/ }],
};

const suit: ProviderSpec = {
  id: 'suit', name: 'Suit Conference', domains: ['.conference.istesuit.com'],
  joins: [{ label: 'conference link', path: anyPath }],
};

const meetecho: ProviderSpec = {
  id: 'meetecho', name: 'Meetecho', domains: ['meetings.conf.meetecho.com'],
  joins: [{ label: 'session link', path: anyPath }],
};

const vimeo: ProviderSpec = {
  id: 'vimeo', name: 'Vimeo', domains: ['vimeo.com', 'venues.vimeo.com'], tier: 'stream',
  joins: [
    { label: 'live event or showcase link', hosts: ['vimeo.com'], path: /^\/(?:showcase|event)\/\d{3,15}(?:\/|$)/ },
    { label: 'venue link', hosts: ['venues.vimeo.com'], path: anyPath },
  ],
};

const youtube: ProviderSpec = {
  id: 'youtube', name: 'YouTube', domains: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be'], tier: 'stream',
  joins: [
    { label: 'live stream link /live/<id>', path: /^\/(?:@[A-Za-z0-9._-]{1,100}\/)?live(?:\/[A-Za-z0-9_-]{6,20})?\/?$/ },
    { label: 'video or stream link /watch?v=', path: /^\/watch\/?$/, query: ['v'] },
    { label: 'short video or stream link', hosts: ['youtu.be'], path: /^\/[A-Za-z0-9_-]{6,20}\/?$/ },
  ],
};

const discord: ProviderSpec = {
  id: 'discord', name: 'Discord',
  domains: ['discord.com', 'www.discord.com', 'canary.discord.com', 'ptb.discord.com', 'discordapp.com', 'discord.gg'],
  joins: [
    { label: 'channel, event or invite link', path: /^\/(?:channels\/\d{5,25}\/\d{5,25}|events\/\d{5,25}\/\d{5,25}|invite\/[A-Za-z0-9-]{2,32})\/?$/ },
    { label: 'invite link discord.gg/<code>', hosts: ['discord.gg'], path: /^\/[A-Za-z0-9-]{2,32}\/?$/ },
  ],
};

const jam: ProviderSpec = {
  id: 'jam', name: 'Jam', domains: ['jam.systems'],
  joins: [{ label: 'room link', path: roomPath }],
  notJoins: [siteOnly],
};

const coscreen: ProviderSpec = {
  id: 'coscreen', name: 'CoScreen', domains: ['join.coscreen.co'],
  joins: [{ label: 'room link', path: anyPath }],
  notJoins: [siteOnly],
};

const vowel: ProviderSpec = {
  id: 'vowel', name: 'Vowel', domains: ['.vowel.com'],
  joins: [{ label: 'meeting link (route in the fragment)', path: /^\/$/, hash: /^#\/g\/[^/]/ }],
};

/** The table's `zm.page` id, spelt without the dot because provider ids must be `[a-z0-9-]`. */
const zmpage: ProviderSpec = {
  id: 'zmpage', name: 'Zoom (zm.page)', domains: ['.zm.page'],
  joins: [{ label: 'personal page <name>.zm.page', hostTest: /^[a-z0-9-]+\.zm\.page$/, path: /^\// }],
};

const bigbluebutton: ProviderSpec = {
  id: 'bigbluebutton', name: 'BigBlueButton', domains: ['.bigbluebutton.org'], http: true,
  joins: [
    { label: 'Greenlight room link', path: /^\/(?:gl\/|b\/|rooms\/)[A-Za-z0-9_-]{2,64}(?:\/join)?\/?$/ },
    { label: 'HTML5 client join link', path: /^\/html5client\/join\/?$/ },
  ],
  selfHosted: /^(?:bbb|bigbluebutton)\./,
};

/**
 * Pexip's hosted web app. Customers' own Pexip nodes can have any host, and a path alone is no proof of
 * ownership, so those are not guessed; `pexip://` and SIP addresses come through as device dial strings.
 */
const pexip: ProviderSpec = {
  id: 'pexip', name: 'Pexip', domains: ['pexip.me'],
  joins: [
    { label: 'web app room link /webapp/m/<alias>', path: /^\/webapp\d?\/(?:m|conference)\/[^/]{1,128}\/?$/ },
    { label: 'room link /<alias>', path: /^\/[^/]{1,128}\/?$/ },
  ],
};

export const moreProviders: readonly ProviderSpec[] = [
  bluejeans, chime, ringcentral, whereby, jitsi, eightByEight, skype, skypeforbusiness, lifesize, starleaf, vsee,
  slack, facetime, dialpad, vonage, lark, feishu, voov, zhumu, zoho, gather, livestorm, demio, around, calvideo,
  protonmeet, doxyme, riverside, streamyard, bbcollab, teamviewer, joinme, uberconference, pumble, tuple, livekit,
  workplace, ovice, luma, preply, userzoom, venue, teemyco, demodesk, pop, chorus, gong, reclaim, suit, meetecho,
  vimeo, youtube, discord, jam, coscreen, vowel, zmpage, bigbluebutton, pexip,
];
