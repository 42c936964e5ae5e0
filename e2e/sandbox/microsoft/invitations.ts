import { escapeHtml } from '../core/html';
import { stableDigits, stableHex, stableLetters, stableUuid } from '../core/ids';

/**
 * Invitation bodies as they land in an Exchange calendar, per conferencing service, written after what each
 * service's scheduler / Outlook add-in really inserts (join link, meeting id, passcode, dial-ins, SIP, footers).
 * Everything is derived from a seed string, so the same seed always yields the same links. Link-detection tests
 * (later issues) import these builders to produce realistic bodies. Phone numbers use the fictional 555 range.
 */

const SEPARATOR = '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">________________________________________________________________________________</span></div>';

/** Exchange stores HTML bodies as full documents with CRLF line ends. */
export function outlookHtml(...blocks: string[]): string {
  return ['<html>', '<head>', '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', '</head>', '<body>', ...blocks, '</body>', '</html>', ''].join('\r\n');
}

export function paragraph(text: string): string {
  return `<div>${escapeHtml(text)}</div>`;
}

const groups = (digits: string, sizes: readonly number[]): string => {
  let offset = 0;
  return sizes.map((size) => digits.slice(offset, (offset += size))).join(' ');
};

/** Microsoft Defender "Safe Links" rewriting, as tenants with it enabled store links in inbound mail. */
export function safeLinksWrap(url: string, seed: string): string {
  const data = `05%7C02%7C%7C${stableHex(`${seed}:data`, 32)}%7C${stableHex(`${seed}:tenant`, 32)}%7C0%7C0%7C638${stableDigits(seed, 15)}%7CUnknown`;
  return `https://eur02.safelinks.protection.outlook.com/?url=${encodeURIComponent(url)}&data=${data}&sdata=${stableHex(`${seed}:sdata`, 40)}%3D&reserved=0`;
}

// ---------------------------------------------------------------- Microsoft Teams

export interface TeamsMeeting {
  readonly joinUrl: string;
  readonly meetingId: string;
  readonly passcode: string;
  readonly conferenceId: string;
  readonly tollNumber: string;
  readonly meetingOptionsUrl: string;
  readonly dialInUrl: string;
}

export function teamsMeeting(seed: string, tenantId: string, organizerOid: string): TeamsMeeting {
  // Teams thread ids are the base64 of a GUID string; the join URL escapes with lower-case hex (%3a, %7b).
  const thread = `19:meeting_${Buffer.from(stableUuid(seed)).toString('base64').replace(/=+$/, '')}@thread.v2`;
  const lowerEscapes = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  const context = lowerEscapes(encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerOid })));
  const conferenceId = stableDigits(`${seed}:conf`, 9);
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/${lowerEscapes(encodeURIComponent(thread))}/0?context=${context}`,
    meetingId: groups(stableDigits(`${seed}:id`, 12), [3, 3, 3, 3]),
    passcode: stableLetters(`${seed}:pass`, 6, 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
    conferenceId,
    tollNumber: '+1 323-555-0166',
    meetingOptionsUrl: `https://teams.microsoft.com/meetingOptions/?organizerId=${organizerOid}&tenantId=${tenantId}&threadId=${thread.replace(':', '_')}&messageId=0&language=en-US`,
    dialInUrl: `https://dialin.teams.microsoft.com/${stableHex(`${seed}:dial`, 8)}-${stableHex(`${seed}:dial2`, 4)}-4c81-8c7d-${stableHex(`${seed}:dial3`, 12)}?id=${conferenceId}`,
  };
}

/** The block Teams appends to an Outlook meeting body (2024 layout). */
export function teamsInvitationHtml(meeting: TeamsMeeting, intro: string): string {
  return outlookHtml(
    paragraph(intro),
    SEPARATOR,
    `<div class="me-email-text" lang="en-US" style="color:#242424; font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif">`,
    `<div style="margin-bottom:24px; overflow:hidden; white-space:nowrap"><span style="font-size:24px; font-weight:700; margin-right:12px">Microsoft Teams</span> <a id="meet_invite_block.action.help" class="me-email-link" style="font-size:14px; text-decoration:underline; color:#5B5FC7" href="https://aka.ms/JoinTeamsMeeting?omkt=en-US">Need help?</a></div>`,
    `<div style="margin-bottom:6px"><a id="meet_invite_block.action.join_link" class="me-email-headline" style="font-size:20px; font-weight:600; text-decoration:underline; color:#5B5FC7" href="${escapeHtml(meeting.joinUrl)}" target="_blank" rel="noreferrer noopener">Join the meeting now</a></div>`,
    `<div style="margin-bottom:6px"><span class="me-email-text-secondary" style="font-size:14px; color:#616161">Meeting ID: </span><span class="me-email-text" style="font-size:14px; color:#242424">${meeting.meetingId}</span></div>`,
    `<div style="margin-bottom:32px"><span class="me-email-text-secondary" style="font-size:14px; color:#616161">Passcode: </span><span class="me-email-text" style="font-size:14px; color:#242424">${meeting.passcode}</span></div>`,
    `<div style="margin-bottom:24px; max-width:532px"><hr style="border:0; background:#D1D1D1; height:1px"></div>`,
    `<div><span class="me-email-text-secondary" style="font-size:14px; color:#616161">Dial in by phone</span></div>`,
    `<div style="margin-bottom:6px"><a class="me-email-link" style="font-size:14px; text-decoration:underline; color:#5B5FC7" href="tel:${meeting.tollNumber.replace(/[\s-]/g, '')},,${meeting.conferenceId}#">${meeting.tollNumber},,${meeting.conferenceId}#</a> <span style="font-size:14px; color:#616161">United States, Los Angeles</span></div>`,
    `<div style="margin-bottom:6px"><a class="me-email-link" style="font-size:14px; text-decoration:underline; color:#5B5FC7" href="${escapeHtml(meeting.dialInUrl)}">Find a local number</a></div>`,
    `<div style="margin-bottom:32px"><span class="me-email-text-secondary" style="font-size:14px; color:#616161">Phone conference ID: </span><span class="me-email-text" style="font-size:14px; color:#242424">${groups(meeting.conferenceId, [3, 3, 3])}#</span></div>`,
    `<div style="margin-bottom:12px"><span class="me-email-text-secondary" style="font-size:14px; color:#616161">For organizers: </span><a class="me-email-link" style="font-size:14px; text-decoration:underline; color:#5B5FC7" href="${escapeHtml(meeting.meetingOptionsUrl)}">Meeting options</a><span style="color:#D1D1D1"> | </span><a class="me-email-link" style="font-size:14px; text-decoration:underline; color:#5B5FC7" href="https://dialin.teams.microsoft.com/usp/pstnconferencing">Reset dial-in PIN</a></div>`,
    `</div>`,
    SEPARATOR,
  );
}

// ---------------------------------------------------------------- Zoom

export interface ZoomMeeting {
  readonly meetingId: string;
  readonly passcode: string;
  readonly joinUrl: string;
}

export function zoomMeeting(seed: string, vanityHost = 'contoso.zoom.us'): ZoomMeeting {
  const meetingId = `8${stableDigits(`${seed}:id`, 10)}`;
  const pwd = stableLetters(`${seed}:pwd`, 32, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  return { meetingId, passcode: stableDigits(`${seed}:pass`, 6), joinUrl: `https://${vanityHost}/j/${meetingId}?pwd=${pwd}.1` };
}

/** The text Zoom's scheduler / Outlook add-in puts into the invitation. */
export function zoomInvitationHtml(meeting: ZoomMeeting, hostName: string, intro: string): string {
  const spaced = groups(meeting.meetingId, [3, 4, 4]);
  const host = new URL(meeting.joinUrl).host;
  return outlookHtml(
    paragraph(intro),
    `<div><br></div>`,
    `<div>${escapeHtml(hostName)} is inviting you to a scheduled Zoom meeting.</div>`,
    `<div><br></div>`,
    `<div>Join Zoom Meeting</div>`,
    `<div><a href="${escapeHtml(meeting.joinUrl)}">${escapeHtml(meeting.joinUrl)}</a></div>`,
    `<div><br></div>`,
    `<div>Meeting ID: ${spaced}</div>`,
    `<div>Passcode: ${meeting.passcode}</div>`,
    `<div><br></div>`,
    `<div>---</div>`,
    `<div>One tap mobile</div>`,
    `<div>+16465550188,,${meeting.meetingId}#,,,,*${meeting.passcode}# US (New York)</div>`,
    `<div>+13015550142,,${meeting.meetingId}#,,,,*${meeting.passcode}# US (Washington DC)</div>`,
    `<div><br></div>`,
    `<div>---</div>`,
    `<div>Dial by your location</div>`,
    `<div>• +1 646 555 0188 US (New York)</div>`,
    `<div>• +1 301 555 0142 US (Washington DC)</div>`,
    `<div><br></div>`,
    `<div>Meeting ID: ${spaced}</div>`,
    `<div>Passcode: ${meeting.passcode}</div>`,
    `<div><br></div>`,
    `<div>Find your local number: <a href="https://${host}/u/k${stableLetters(meeting.meetingId, 9)}">https://${host}/u/k${stableLetters(meeting.meetingId, 9)}</a></div>`,
    `<div><br></div>`,
    `<div>---</div>`,
    `<div>Join by SIP</div>`,
    `<div>• <a href="mailto:${meeting.meetingId}@zoomcrc.com">${meeting.meetingId}@zoomcrc.com</a></div>`,
  );
}

// ---------------------------------------------------------------- Webex

export interface WebexMeeting {
  readonly meetingNumber: string;
  readonly password: string;
  readonly numericPassword: string;
  readonly joinUrl: string;
  readonly siteHost: string;
}

export function webexMeeting(seed: string, site = 'contoso'): WebexMeeting {
  const siteHost = `${site}.webex.com`;
  return {
    meetingNumber: `26${stableDigits(`${seed}:number`, 9)}`,
    password: stableLetters(`${seed}:pw`, 11, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
    numericPassword: stableDigits(`${seed}:pwnum`, 8),
    joinUrl: `https://${siteHost}/${site}/j.php?MTID=m${stableHex(`${seed}:mtid`, 32)}`,
    siteHost,
  };
}

export interface WebexInvitationOptions {
  readonly hostName: string;
  readonly intro: string;
  /** Store the join link rewritten by Defender Safe Links, as in mail from outside the tenant. */
  readonly safeLinks?: boolean;
}

export function webexInvitationHtml(meeting: WebexMeeting, options: WebexInvitationOptions): string {
  const href = options.safeLinks ? safeLinksWrap(meeting.joinUrl, meeting.meetingNumber) : meeting.joinUrl;
  const spaced = groups(meeting.meetingNumber, [4, 3, 4]);
  return outlookHtml(
    paragraph(options.intro),
    `<div><br></div>`,
    `<table style="width:100%; font-family:Arial,Helvetica,sans-serif"><tbody>`,
    `<tr><td style="font-size:14px; color:#121212">${escapeHtml(options.hostName)} is inviting you to a scheduled Webex meeting.</td></tr>`,
    `<tr><td style="padding-top:20px"><a href="${escapeHtml(href)}" style="color:#FFFFFF; background-color:#00823B; border-radius:6px; padding:8px 20px; font-size:15px; text-decoration:none">Join meeting</a></td></tr>`,
    `<tr><td style="padding-top:24px; font-size:14px; font-weight:bold">More ways to join:</td></tr>`,
    `<tr><td style="padding-top:8px; font-size:14px">Join from the meeting link</td></tr>`,
    `<tr><td style="font-size:14px"><a href="${escapeHtml(href)}" style="color:#049FD9">${escapeHtml(meeting.joinUrl)}</a></td></tr>`,
    `<tr><td style="padding-top:16px; font-size:14px">Join by meeting number</td></tr>`,
    `<tr><td style="font-size:14px">Meeting number (access code): ${spaced}</td></tr>`,
    `<tr><td style="font-size:14px">Meeting password: ${escapeHtml(meeting.password)} (${meeting.numericPassword} when dialing from a phone or video system)</td></tr>`,
    `<tr><td style="padding-top:16px; font-size:14px">Tap to join from a mobile device (attendees only)</td></tr>`,
    `<tr><td style="font-size:14px"><a href="tel:%2B1-650-555-0142,,${meeting.meetingNumber}%23%23*${meeting.numericPassword}%23">+1-650-555-0142,,${meeting.meetingNumber}##*${meeting.numericPassword}#</a> United States Toll</td></tr>`,
    `<tr><td style="padding-top:16px; font-size:14px">Join by video system</td></tr>`,
    `<tr><td style="font-size:14px">Dial <a href="sip:${meeting.meetingNumber}@${meeting.siteHost}">${meeting.meetingNumber}@${meeting.siteHost}</a></td></tr>`,
    `<tr><td style="font-size:14px">You can also dial 173.243.2.68 and enter your meeting number.</td></tr>`,
    `<tr><td style="padding-top:16px; font-size:12px; color:#666666">If you are a host, <a href="https://${meeting.siteHost}/${meeting.siteHost.split('.')[0] ?? ''}/j.php?MTID=m${stableHex(meeting.joinUrl, 32)}" style="color:#049FD9">click here</a> to view host information.</td></tr>`,
    `</tbody></table>`,
  );
}

// ---------------------------------------------------------------- Google Meet

export interface GoogleMeetMeeting {
  readonly code: string;
  readonly joinUrl: string;
  readonly pin: string;
}

export function googleMeetMeeting(seed: string): GoogleMeetMeeting {
  const code = `${stableLetters(`${seed}:a`, 3)}-${stableLetters(`${seed}:b`, 4)}-${stableLetters(`${seed}:c`, 3)}`;
  return { code, joinUrl: `https://meet.google.com/${code}`, pin: stableDigits(`${seed}:pin`, 9) };
}

/** A Google Calendar invitation as Exchange stores it when a Workspace user invites the room. */
export function googleMeetInvitationHtml(meeting: GoogleMeetMeeting, hostName: string, intro: string): string {
  const pinSpaced = groups(meeting.pin, [3, 3, 3]);
  return outlookHtml(
    paragraph(intro),
    `<div><br></div>`,
    `<div>${escapeHtml(hostName)} has invited you to a Google Meet video call.</div>`,
    `<div><br></div>`,
    `<div>Join with Google Meet</div>`,
    `<div><a href="${meeting.joinUrl}">${meeting.joinUrl.replace('https://', '')}</a></div>`,
    `<div><br></div>`,
    `<div>Join by phone</div>`,
    `<div>(US) <a href="tel:+1-414-555-0123;${meeting.pin}#">+1 414-555-0123</a> PIN: ${pinSpaced}#</div>`,
    `<div><br></div>`,
    `<div>More phone numbers: <a href="https://tel.meet/${meeting.code}?pin=${meeting.pin}">https://tel.meet/${meeting.code}?pin=${meeting.pin}</a></div>`,
    `<div><br></div>`,
    `<div style="color:#70757a; font-size:12px">Invitation from Google Calendar. You are receiving this email because you are an attendee on the event.</div>`,
  );
}

// ---------------------------------------------------------------- GoTo Meeting

export interface GoToMeeting {
  readonly meetingId: string;
  readonly joinUrl: string;
}

export function gotoMeeting(seed: string): GoToMeeting {
  const meetingId = `${1 + (Number(stableDigits(`${seed}:first`, 1)) % 9)}${stableDigits(`${seed}:id`, 8)}`;
  return { meetingId, joinUrl: `https://meet.goto.com/${meetingId}` };
}

export function gotoInvitationHtml(meeting: GoToMeeting, title: string, intro: string): string {
  return outlookHtml(
    paragraph(intro),
    `<div><br></div>`,
    `<div><b>${escapeHtml(title)}</b></div>`,
    `<div><br></div>`,
    `<div>Please join my meeting from your computer, tablet or smartphone.</div>`,
    `<div><a href="${meeting.joinUrl}">${meeting.joinUrl}</a></div>`,
    `<div><br></div>`,
    `<div>You can also dial in using your phone.</div>`,
    `<div>Access Code: ${groups(meeting.meetingId, [3, 3, 3]).replace(/ /g, '-')}</div>`,
    `<div>United States: +1 (571) 555-0123</div>`,
    `<div><br></div>`,
    `<div>Get the app now and be ready when your first meeting starts:</div>`,
    `<div><a href="https://meet.goto.com/install">https://meet.goto.com/install</a></div>`,
  );
}

/** An in-room meeting with no conferencing at all (the kiosk must show no Join button). */
export function plainInvitationHtml(...lines: string[]): string {
  return outlookHtml(...lines.map(paragraph));
}
