import { html } from './wrap';

/**
 * Invitation bodies shaped like the real ones: Outlook/Teams HTML and text, Zoom, Webex, Google Meet (as received
 * in Outlook), GoTo, and generic "paste a link" notes. Links are parameters so cases can wrap, break or multiply
 * them; everything else (styles, dial-in blocks, help and options links, legal footers) is what those services
 * really add around the join link.
 */

/** Outlook's Word-generated document head: namespaces, font and style definitions, VML settings. */
const OUTLOOK_HEAD =
  '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" ' +
  'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">' +
  '<meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--\n/* Font Definitions */\n' +
  '@font-face\t{font-family:"Cambria Math";\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n' +
  '@font-face\t{font-family:Calibri;\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n' +
  '@font-face\t{font-family:"Segoe UI";\tpanose-1:2 11 5 2 4 2 4 2 2 3;}\n' +
  '@font-face\t{font-family:"Segoe UI Semibold";\tpanose-1:2 11 7 2 4 2 4 2 2 3;}\n/* Style Definitions */\n' +
  'p.MsoNormal, li.MsoNormal, div.MsoNormal\t{margin:0in;\tfont-size:11.0pt;\tfont-family:"Calibri",sans-serif;\tmso-ligatures:standardcontextual;}\n' +
  'a:link, span.MsoHyperlink\t{mso-style-priority:99;\tcolor:#0563C1;\ttext-decoration:underline;}\n' +
  'span.EmailStyle17\t{mso-style-type:personal-compose;\tfont-family:"Calibri",sans-serif;\tcolor:windowtext;}\n' +
  '.MsoChpDefault\t{mso-style-type:export-only;\tfont-size:10.0pt;\tmso-ligatures:none;}\n' +
  '@page WordSection1\t{size:8.5in 11.0in;\tmargin:1.0in 1.0in 1.0in 1.0in;}\ndiv.WordSection1\t{page:WordSection1;}\n--></style>' +
  '<!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext="edit" spidmax="1026" />\n</xml><![endif]--><!--[if gte mso 9]><xml>\n' +
  '<o:shapelayout v:ext="edit">\n<o:idmap v:ext="edit" data="1" />\n</o:shapelayout></xml><![endif]--></head>' +
  '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">';
const OUTLOOK_TAIL = '</div></body></html>';

export interface TeamsInvite {
  joinUrl: string;
  meetingId?: string;
  passcode?: string;
  /** CVI gateway and Video Conference ID ("Join with a video conferencing device"). */
  cvi?: { gateway: string; vtcId: string };
  dialIn?: boolean;
  /** Text the organiser typed above the Teams block. */
  note?: string;
  /** Outlook's 2024+ layout ("Join the meeting now") instead of "Click here to join the meeting". */
  modern?: boolean;
}

const TEAMS_FOOTER_LINKS = (o: TeamsInvite): string[] => [
  `<a href="https://aka.ms/JoinTeamsMeeting?omkt=en-US" style="color:#5B5FC7">Learn More</a>`,
  `<a href="https://teams.microsoft.com/meetingOptions/?organizerId=b1d4e6f2-3c5a-4d7e-8f90-1a2b3c4d5e6f&amp;tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47&amp;threadId=19_meeting_NjY4ZDI1YTct%40thread.v2&amp;messageId=0&amp;language=en-US" style="color:#5B5FC7">Meeting options</a>`,
  o.dialIn === true ? `<a href="https://mysettings.lync.com/pstnconferencing">Reset PIN</a>` : '',
];

export function teamsHtml(o: TeamsInvite): string {
  return OUTLOOK_HEAD + (o.note === undefined ? '' : `<p class="MsoNormal">${o.note}<o:p></o:p></p>`) +
    (o.modern === true ? teamsBlockModern(o) : teamsBlockClassic(o)) + OUTLOOK_TAIL;
}

/** The 2020–2023 "Click here to join the meeting" block. */
function teamsBlockClassic(o: TeamsInvite): string {
  const ids = o.meetingId === undefined ? '' :
    `<div style="margin-bottom:4px"><span data-tid="meeting-code" style="font-size:14px;color:#252424">Meeting ID: <span style="font-size:16px">${o.meetingId}</span></span>` +
    (o.passcode === undefined ? '' : `<br><span style="font-size:14px"> Passcode: </span><span style="font-size:16px"> ${o.passcode} </span>`) + '</div>';
  const cvi = o.cvi === undefined ? '' :
    `<div style="margin-bottom:24px;max-width:532px"><div style="font-size:14px">Join with a video conferencing device</div>` +
    `<div style="font-size:14px">${html(o.cvi.gateway)}</div><div style="font-size:14px">Video Conference ID: ${o.cvi.vtcId} </div>` +
    `<a class="me-email-link" href="https://dialin.plcm.vc/teams/?key=contoso&amp;conf=${o.cvi.vtcId.replace(/ /g, '')}">Alternate VTC instructions</a></div>`;
  const dial = o.dialIn !== true ? '' :
    '<div style="margin-bottom:24px"><div style="font-size:14px;font-weight:bold">Or call in (audio only)</div>' +
    '<div><a href="tel:+14255550123,,123456789#" style="font-size:14px">+1 425-555-0123,,123456789#</a> <span>United States, Seattle</span></div>' +
    '<div style="font-size:12px">Phone Conference ID: 123 456 789# </div>' +
    '<a href="https://dialin.teams.microsoft.com/8551f7c1-bea3-4f9c-9fa6-e8f2b8a5b8d3?id=123456789">Find a local number</a></div>';
  return (
    '<div style="width:100%;height:20px"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">________________________________________________________________________________</span></div>' +
    '<div class="me-email-text" lang="en-US" style="color:#252424;font-family:\'Segoe UI\',\'Helvetica Neue\',Helvetica,Arial,sans-serif">' +
    '<div style="margin-top:24px;margin-bottom:20px"><span style="font-size:24px;color:#252424">Microsoft Teams meeting</span></div>' +
    '<div style="margin-bottom:20px"><div style="margin-top:0px;margin-bottom:0px;font-weight:bold"><span style="font-size:14px">Join on your computer, mobile app or room device</span></div>' +
    `<a class="me-email-headline" style="font-size:14px;font-family:'Segoe UI Semibold','Segoe UI',sans-serif;text-decoration:underline;color:#6264a7" href="${html(o.joinUrl)}" target="_blank" rel="noreferrer noopener">Click here to join the meeting</a></div>` +
    ids +
    '<div style="margin-bottom:24px"><a class="me-email-link" href="https://www.microsoft.com/en-us/microsoft-teams/download-app">Download Teams</a> | ' +
    '<a class="me-email-link" href="https://www.microsoft.com/microsoft-teams/join-a-meeting">Join on the web</a></div>' +
    cvi + dial +
    `<div style="margin-top:20px;margin-bottom:20px">${TEAMS_FOOTER_LINKS(o).filter((l) => l !== '').join(' | ')}</div>` +
    '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">________________________________________________________________________________</span></div></div>'
  );
}

const MODERN_LINK = 'font-size:14px;font-family:\'Segoe UI\',\'Helvetica Neue\',Helvetica,Arial,sans-serif;text-decoration:underline;color:#5B5FC7';
const MODERN_TEXT = 'font-size:14px;color:#242424;font-family:\'Segoe UI\',\'Helvetica Neue\',Helvetica,Arial,sans-serif';

/** The 2024+ "Join the meeting now" block (ids on anchors, the join URL repeated in `title`). */
function teamsBlockModern(o: TeamsInvite): string {
  const row = (label: string, value: string): string =>
    `<div style="margin-bottom:6px"><span style="font-size:14px;color:#616161">${label} </span><span style="${MODERN_TEXT}">${value}</span> </div>`;
  return (
    '<div style="max-width:1024px"><div style="margin-bottom:24px;overflow:hidden;white-space:nowrap">________________________________________________________________________________</div>' +
    `<div style="margin-bottom:12px"><span style="font-size:24px;font-weight:700;margin-right:12px">Microsoft Teams</span> <a id="meet_invite_block.action.help" href="https://aka.ms/JoinTeamsMeeting?omkt=en-US" style="${MODERN_LINK}">Need help?</a> </div>` +
    `<div style="margin-bottom:6px"><a id="meet_invite_block.action.join_link" title="${html(o.joinUrl)}" href="${html(o.joinUrl)}" target="_blank" style="font-size:20px;font-weight:700;text-decoration:underline;color:#5B5FC7">Join the meeting now</a> </div>` +
    (o.meetingId === undefined ? '' : row('Meeting ID:', o.meetingId)) +
    (o.passcode === undefined ? '' : row('Passcode:', o.passcode)) +
    '<div style="margin-bottom:24px;max-width:532px;overflow:hidden;white-space:nowrap;color:#242424"><hr style="border:0;background:#D1D1D1;height:1px"></div>' +
    (o.dialIn !== true ? '' :
      `<div><div style="margin-bottom:6px"><span style="font-size:16px;font-weight:600">Dial in by phone</span></div>` +
      `<div style="margin-bottom:6px"><a href="tel:+14255550123,,123456789#" style="${MODERN_LINK}">+1 425-555-0123,,123456789#</a><span style="${MODERN_TEXT}"> United States, Seattle</span></div>` +
      `<div style="margin-bottom:6px"><a id="meet_invite_block.action.find_local_number" href="https://dialin.teams.microsoft.com/8551f7c1-bea3-4f9c-9fa6-e8f2b8a5b8d3?id=123456789" style="${MODERN_LINK}">Find a local number</a></div>` +
      row('Phone conference ID:', '123 456 789#') + '</div>') +
    (o.cvi === undefined ? '' :
      `<div style="margin-bottom:24px"><div style="margin-bottom:6px"><span style="font-size:16px;font-weight:600">Join on a video conferencing device</span></div>` +
      row('Tenant key:', html(o.cvi.gateway)) + row('Video ID:', o.cvi.vtcId) +
      `<a id="meet_invite_block.action.more_info" href="https://dialin.plcm.vc/teams/?key=contoso&amp;conf=${o.cvi.vtcId.replace(/ /g, '')}" style="${MODERN_LINK}">More info</a></div>`) +
    `<div style="margin-bottom:24px;max-width:532px"><span style="font-size:14px;color:#616161">For organizers: </span><a id="meet_invite_block.action.organizer_meet_options" href="https://teams.microsoft.com/meetingOptions/?organizerId=b1d4e6f2-3c5a-4d7e-8f90-1a2b3c4d5e6f&amp;tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47&amp;threadId=19_meeting_NjY4ZDI1YTct%40thread.v2&amp;messageId=0&amp;language=en-US" target="_blank" style="${MODERN_LINK}">Meeting options</a>` +
    (o.dialIn === true ? ` <span style="color:#D1D1D1">|</span> <a id="meet_invite_block.action.organizer_reset_dialin_pin" href="https://dialin.teams.microsoft.com/usp/pstnconferencing" style="${MODERN_LINK}">Reset dial-in PIN</a>` : '') +
    '</div><div style="margin-bottom:24px;overflow:hidden;white-space:nowrap">________________________________________________________________________________</div></div>'
  );
}

/** Outlook's plain-text rendering: link text followed by `<URL>`. */
export function teamsText(o: TeamsInvite): string {
  const lines = [
    o.note ?? '',
    '________________________________________________________________________________',
    'Microsoft Teams meeting',
    'Join on your computer, mobile app or room device',
    `Click here to join the meeting<${o.joinUrl}>`,
    o.meetingId === undefined ? '' : `Meeting ID: ${o.meetingId}`,
    o.passcode === undefined ? '' : `Passcode: ${o.passcode}`,
    'Download Teams<https://www.microsoft.com/en-us/microsoft-teams/download-app> | Join on the web<https://www.microsoft.com/microsoft-teams/join-a-meeting>',
  ];
  if (o.cvi !== undefined) {
    lines.push('Join with a video conferencing device', o.cvi.gateway, `Video Conference ID: ${o.cvi.vtcId}`,
      `Alternate VTC instructions<https://dialin.plcm.vc/teams/?key=contoso&conf=${o.cvi.vtcId.replace(/ /g, '')}>`);
  }
  if (o.dialIn === true) {
    lines.push('Or call in (audio only)', '+1 425-555-0123,,123456789#<tel:+14255550123,,123456789#>   United States, Seattle',
      'Phone Conference ID: 123 456 789#',
      'Find a local number<https://dialin.teams.microsoft.com/8551f7c1-bea3-4f9c-9fa6-e8f2b8a5b8d3?id=123456789> | Reset PIN<https://mysettings.lync.com/pstnconferencing>');
  }
  lines.push('Learn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<https://teams.microsoft.com/meetingOptions/?organizerId=b1d4e6f2&tenantId=72f988bf&threadId=19_meeting_NjY4%40thread.v2&messageId=0&language=en-US>',
    '________________________________________________________________________________');
  return lines.filter((l) => l !== '').join('\r\n');
}

export interface ZoomInvite {
  joinUrl: string;
  host?: string;
  meetingId?: string;
  passcode?: string;
  /** Host used in `/u/` "find your local number" links. */
  site?: string;
  sip?: boolean;
  h323?: boolean;
}

/** The invitation text Zoom copies into calendar bodies ("… is inviting you to a scheduled Zoom meeting."). */
export function zoomText(o: ZoomInvite): string {
  const site = o.site ?? 'contoso.zoom.us';
  const id = o.meetingId ?? '812 3456 7890';
  const digits = id.replace(/ /g, '');
  const lines = [
    `${o.host ?? 'Avery Chen'} is inviting you to a scheduled Zoom meeting.`, '',
    'Topic: Quarterly planning', 'Time: Jun 12, 2025 10:00 AM Pacific Time (US and Canada)', '',
    'Join Zoom Meeting', o.joinUrl, '', `Meeting ID: ${id}`, o.passcode === undefined ? '' : `Passcode: ${o.passcode}`, '', '---', '',
    'One tap mobile', `+16465588656,,${digits}#,,,,*${o.passcode ?? ''}# US (New York)`, `+13017158592,,${digits}#,,,,*${o.passcode ?? ''}# US (Washington DC)`, '', '---', '',
    'Dial by your location', '• +1 646 558 8656 US (New York)', '• +1 301 715 8592 US (Washington DC)', '', `Meeting ID: ${id}`, '',
    `Find your local number: https://${site}/u/kbXyZ12AbC`, '',
  ];
  if (o.sip === true) lines.push('---', '', 'Join by SIP', `• ${digits}@zoomcrc.com`, '');
  if (o.h323 === true) lines.push('---', '', 'Join by H.323', '• 144.195.19.161 (US West)', '• 206.247.11.121 (US East)', `Meeting ID: ${id}`, '');
  return lines.join('\n');
}

/** Zoom's Outlook add-in body: HTML paragraphs with auto-linked URLs. */
export function zoomHtml(o: ZoomInvite): string {
  const site = o.site ?? 'contoso.zoom.us';
  const id = o.meetingId ?? '812 3456 7890';
  return (
    OUTLOOK_HEAD +
    `<p class="MsoNormal">${o.host ?? 'Avery Chen'} is inviting you to a scheduled Zoom meeting.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>` +
    `<p class="MsoNormal">Join Zoom Meeting<o:p></o:p></p><p class="MsoNormal"><a href="${html(o.joinUrl)}">${html(o.joinUrl)}</a><o:p></o:p></p>` +
    `<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Meeting ID: ${id}<o:p></o:p></p>` +
    (o.passcode === undefined ? '' : `<p class="MsoNormal">Passcode: ${o.passcode}<o:p></o:p></p>`) +
    '<p class="MsoNormal">---<o:p></o:p></p><p class="MsoNormal">One tap mobile<o:p></o:p></p>' +
    `<p class="MsoNormal">+16465588656,,${id.replace(/ /g, '')}# US (New York)<o:p></o:p></p>` +
    `<p class="MsoNormal">Find your local number: <a href="https://${site}/u/kbXyZ12AbC">https://${site}/u/kbXyZ12AbC</a><o:p></o:p></p>` +
    (o.sip === true ? `<p class="MsoNormal">Join by SIP<o:p></o:p></p><p class="MsoNormal">• <a href="sip:${id.replace(/ /g, '')}@zoomcrc.com">${id.replace(/ /g, '')}@zoomcrc.com</a><o:p></o:p></p>` : '') +
    OUTLOOK_TAIL
  );
}

export interface WebexInvite {
  joinUrl: string;
  site?: string;
  meetingNumber?: string;
  password?: string;
}

/** Webex's HTML invitation: a green "Join meeting" button, then "More ways to join". */
export function webexHtml(o: WebexInvite): string {
  const site = o.site ?? 'contoso';
  const number = o.meetingNumber ?? '2550 123 4567';
  const digits = number.replace(/ /g, '');
  const mtid = /MTID=([0-9a-z]+)/i.exec(o.joinUrl)?.[1] ?? 'm3f9c2a7b1e4d5c6b7a8f9e0d1c2b3a4f';
  return (
    '<html><body><table width="100%" cellpadding="0" cellspacing="0" style="font-family:Arial,Helvetica,sans-serif"><tbody>' +
    '<tr><td style="font-size:15px;color:#333333">Avery Chen is inviting you to this Webex meeting.</td></tr>' +
    '<tr><td><table cellpadding="0" cellspacing="0"><tr><td style="background-color:#00823B;border-radius:25px;padding:10px 36px">' +
    `<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="${html(o.joinUrl)}" style="height:40px;width:160px" arcsize="50%" fillcolor="#00823B"><center>Join meeting</center></v:roundrect><![endif]-->` +
    `<a href="${html(o.joinUrl)}" style="color:#FFFFFF;font-size:20px;text-decoration:none">Join meeting</a></td></tr></table></td></tr>` +
    `<tr><td style="font-size:14px">More ways to join:</td></tr>` +
    `<tr><td style="font-size:14px">Join from the meeting link<br><a href="${html(o.joinUrl)}" style="color:#049FD9">${html(o.joinUrl)}</a></td></tr>` +
    `<tr><td style="font-size:14px">Join by meeting number<br>Meeting number (access code): ${number}<br>Meeting password: ${o.password ?? 'Xy7pQ3rTm2a (99736731 from phones and video systems)'}</td></tr>` +
    `<tr><td style="font-size:14px">Tap to join from a mobile device (attendees only)<br><a href="tel:%2B1-650-479-3208,,${digits}%23%2399736731%23">+1-650-479-3208,,${digits}#99736731#</a> Call-in toll number (US/Canada)</td></tr>` +
    `<tr><td style="font-size:14px">Join by phone<br>+1-650-479-3208 Call-in toll number (US/Canada)<br><a href="https://${site}.webex.com/${site}/globalcallin.php?MTID=${mtid}">Global call-in numbers</a></td></tr>` +
    `<tr><td style="font-size:14px">Join from a video system or application<br>Dial <a href="sip:${digits}@${site}.webex.com">${digits}@${site}.webex.com</a><br>You can also dial 173.243.2.68 and enter your meeting number.</td></tr>` +
    `<tr><td style="font-size:14px">Join using Microsoft Lync or Microsoft Skype for Business<br>Dial ${digits}.${site}@lync.webex.com</td></tr>` +
    `<tr><td style="font-size:12px;color:#666666">Need help? Go to <a href="https://help.webex.com">https://help.webex.com</a></td></tr>` +
    '</tbody></table></body></html>'
  );
}

export function webexText(o: WebexInvite): string {
  const site = o.site ?? 'contoso';
  const number = o.meetingNumber ?? '2550 123 4567';
  const digits = number.replace(/ /g, '');
  return [
    'Avery Chen is inviting you to this Webex meeting.', '', "When it's time, join the Webex meeting here.", '',
    'Join meeting', `<${o.joinUrl}>`, '', 'More ways to join:', '', 'Join from the meeting link', o.joinUrl, '',
    'Join by meeting number', `Meeting number (access code): ${number}`, `Meeting password: ${o.password ?? 'Xy7pQ3rTm2a'}`, '',
    'Join by phone', '+1-650-479-3208 Call-in toll number (US/Canada)', '',
    'Join from a video system or application', `Dial ${digits}@${site}.webex.com`, 'You can also dial 173.243.2.68 and enter your meeting number.', '',
    'If you are a host, click here to view host information.', '', 'Need help? Go to https://help.webex.com', '',
  ].join('\n');
}

/** What Outlook receives from Google Calendar for a Meet event (button href with `?hs=224`, code as text). */
export function googleInviteHtml(o: { meetUrl: string; description?: string }): string {
  const code = /meet\.google\.com\/([a-z-]+)/.exec(o.meetUrl)?.[1] ?? 'uqv-izgo-llf';
  return (
    '<html><body><div style="padding-bottom:3px"><span itemscope itemtype="http://schema.org/InformAction"><span style="display:none" itemprop="about" itemscope itemtype="http://schema.org/Person"><meta itemprop="description" content="Invitation from Google Calendar"></span></span>' +
    '<table cellspacing="0" cellpadding="0" border="0" style="width:100%"><tr><td>' +
    (o.description === undefined ? '' : `<div style="white-space:pre-wrap">${o.description}</div>`) +
    `<div><a href="${html(o.meetUrl)}" style="color:#fff;background-color:#1a73e8;border-radius:4px;padding:10px 24px" target="_blank">Join with Google Meet</a></div>` +
    `<div><span>Meeting link</span><br><a href="${html(o.meetUrl)}" style="color:#3c4043">meet.google.com/${code}</a></div>` +
    `<div><span>Join by phone</span><br><a href="tel:+1-650-555-0142;123456789%23" style="color:#3c4043">(US) +1 650-555-0142</a> PIN: 123 456 789#</div>` +
    `<div><a href="https://tel.meet/${code}?pin=1234567890123&amp;hs=1" style="color:#1a73e8">More phone numbers</a></div>` +
    `<div>Learn more about Meet at: <a href="https://support.google.com/a/users/answer/9282720">https://support.google.com/a/users/answer/9282720</a></div>` +
    `<div><a href="https://calendar.google.com/calendar/event?action=VIEW&amp;eid=NmI5YTJjMWU&amp;tok=MjAjYXZlcnk&amp;ctz=America%2FLos_Angeles&amp;hl=en&amp;es=0">View all guest info</a></div>` +
    '</td></tr></table><p style="font-size:11px;color:#70757a">Invitation from Google Calendar. You are receiving this email because you are an attendee on the event.</p></div></body></html>'
  );
}

/** Google Calendar Zoom add-on description (MeetingBar's ZoomGoogleRedirectRegressionTests fixture shape). */
export function zoomAddonDescription(o: { joinUrl: string; wrappedJoin: string; meetingId: string; passcode: string }): string {
  return [
    '-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-',
    'Join Zoom Meeting',
    `${o.joinUrl} (ID: ${o.meetingId}, passcode: ${o.passcode})`, '',
    'Join by phone', `(US) +1 555-555-5555 (passcode: ${o.passcode})`, '',
    'Join using SIP', `${o.meetingId}@zoomcrc.com (passcode: ${o.passcode})`, '',
    'Joining instructions: https://www.google.com/url?q=https://applications.zoom.us/addon/invitation/detail?meetingUuid%3D0000000000000000%253D%253D&sa=D&source=calendar&usg=AOvVaw0000000000000000000', '',
    `Meeting host: host@example.com<br /><br />Join Zoom Meeting: <br /><a href="${o.wrappedJoin}" target="_blank">${html(o.joinUrl)}</a><br /><br />`,
    'Please do not edit this section.',
    '-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-',
  ].join('\n');
}

/** GoTo Meeting's text invitation. */
export function gotoText(o: { joinUrl: string; accessCode?: string }): string {
  const code = o.accessCode ?? '123-456-789';
  const digits = code.replace(/-/g, '');
  return [
    'Weekly vendor sync', 'Thu, Jun 12, 2025 9:00 AM - 10:00 AM (PDT)', '',
    'Please join my meeting from your computer, tablet or smartphone.', o.joinUrl, '',
    'You can also dial in using your phone.', '(For supported devices, tap a one-touch number below to join instantly.)', '',
    `United States: +1 (571) 317-3122`, `- One-touch: tel:+15713173122,,${digits}#`, '', `Access Code: ${code}`, '',
    'Join from a video-conferencing room or system.', 'Dial in or type: 67.217.95.2 or inroomlink.goto.com', `Meeting ID: ${code}`,
    `Or dial directly: ${digits}@67.217.95.2 or 67.217.95.2##${digits}`, '',
    'Get the app now and be ready when your first meeting starts:', 'https://meet.goto.com/install', '',
  ].join('\n');
}

export function gotoHtml(o: { joinUrl: string }): string {
  return (
    OUTLOOK_HEAD +
    '<p class="MsoNormal"><b>Weekly vendor sync</b><o:p></o:p></p>' +
    `<p class="MsoNormal">Please join my meeting from your computer, tablet or smartphone.<br><a href="${html(o.joinUrl)}">${html(o.joinUrl)}</a><o:p></o:p></p>` +
    '<p class="MsoNormal">You can also dial in using your phone.<br>United States: <a href="tel:+15713173122,,123456789#">+1 (571) 317-3122</a><br>Access Code: 123-456-789<o:p></o:p></p>' +
    '<p class="MsoNormal">New to GoTo Meeting? Get the app now and be ready when your first meeting starts: <a href="https://meet.goto.com/install">https://meet.goto.com/install</a><o:p></o:p></p>' +
    OUTLOOK_TAIL
  );
}

/** A short organiser-written HTML note with the link behind text, as Outlook and OWA compose it. */
export function noteHtml(o: { before?: string; href: string; text: string; after?: string }): string {
  return (
    OUTLOOK_HEAD +
    `<p class="MsoNormal">${o.before ?? 'Hi all,'}<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>` +
    `<p class="MsoNormal"><a href="${html(o.href)}">${o.text}</a><o:p></o:p></p>` +
    `<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">${o.after ?? 'Thanks,<br>Avery'}<o:p></o:p></p>` +
    OUTLOOK_TAIL
  );
}

/** A plain note with a pasted link. */
export function noteText(link: string, lead = 'Join here:'): string {
  return `Hi team,\n\nAgenda: roadmap review, hiring update.\n\n${lead} ${link}\n\nThanks,\nAvery`;
}

/** A legal/footer block with many ordinary links, as corporate mail adds (realistic noise). */
export function legalFooterHtml(): string {
  const links = ['https://www.contoso.com/privacy', 'https://www.contoso.com/legal/disclaimer', 'https://www.linkedin.com/company/contoso',
    'https://twitter.com/contoso', 'https://www.contoso.com/unsubscribe?u=abc123&list=news'];
  return '<div style="font-size:9px;color:#888">' + links.map((l) => `<a href="${l}">${l}</a>`).join(' · ') +
    '<p>This message and any attachments are confidential and intended solely for the addressee. If you have received this message in error, please notify the sender and delete it.</p></div>';
}
