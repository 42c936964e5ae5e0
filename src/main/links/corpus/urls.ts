/**
 * Realistic join URLs (synthetic identifiers, real shapes from research §2) shared by templates, cases and the
 * bench, so every generated invitation uses links that really occur.
 */
export const TEAMS_MEETUP =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY4ZDI1YTctYjM0Ni00ZmE2LWJmODQtOTMxYjFiZDM5ZTI3%40thread.v2/0' +
  '?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22b1d4e6f2-3c5a-4d7e-8f90-1a2b3c4d5e6f%22%7d';
export const TEAMS_SHORT = 'https://teams.microsoft.com/meet/2438042996112?p=KdqrtGSffFK5';
export const TEAMS_GOV =
  'https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_ZmQ3YjE4NzItOWM1Yy00ZTNhLWE0ZDYtMmM3ZWNiMzE5ZTgx%40thread.v2/0' +
  '?context=%7b%22Tid%22%3a%22a1b2c3d4-0000-4000-8000-1234567890ab%22%2c%22Oid%22%3a%22c0ffee00-1111-4222-8333-444455556666%22%7d';
export const TEAMS_DOD = 'https://dod.teams.microsoft.us/meet/2901234567890?p=Qw3rTy9UiOp';
export const TEAMS_LIVE = 'https://teams.live.com/meet/9345678901234?p=AbCdEfGh12';
export const TEAMS_V2 = 'https://teams.microsoft.com/v2/?meetingjoin=true#/meet/2438042996112?p=KdqrtGSffFK5&anon=true';

export const ZOOM = 'https://contoso.zoom.us/j/81234567890?pwd=aB3dEfGhIjKlMnOpQrStUvWxYz12.1';
export const ZOOM_NO_PWD = 'https://contoso.zoom.us/j/81234567890';
export const ZOOM_US06 = 'https://us06web.zoom.us/j/87654321098?pwd=Zx9YwVuTsRqPoNmLkJiHgFeDcBa.1';
export const ZOOM_COM = 'https://contoso.zoom.com/j/91234567890?pwd=QmFzZTY0IHBhc3Njb2RlIGhhc2g.1';
export const ZOOM_X = 'https://contoso.zoom-x.de/j/61234567890?pwd=R2VybWFuIGRhdGEgY2VudGVy.1';
export const ZOOM_MY = 'https://contoso.zoom.us/my/avery.chen';
export const ZOOM_WEBINAR = 'https://us02web.zoom.us/w/91234567890?tk=c29tZS10b2tlbg.DQMAAAAV&pwd=V2ViaW5hcg';
export const ZOOMGOV = 'https://contoso.zoomgov.com/j/1612345678?pwd=Ab-cD_eF.gH+iJ/kL';

export const WEBEX = 'https://contoso.webex.com/contoso/j.php?MTID=m3f9c2a7b1e4d5c6b7a8f9e0d1c2b3a4f';
export const WEBEX_DASH = 'https://contoso-eu.webex.com/contoso-eu/j.php?MTID=m0a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const WEBEX_PERSONAL = 'https://contoso.webex.com/meet/avery.chen';
export const WEBEX_FREE = 'https://meetings.webex.com/collabs/meetings/join?uuid=M2K3T4Q5R6S7U8V9W0X1Y2Z3A4B5C6D7';

export const MEET = 'https://meet.google.com/uqv-izgo-llf';
export const MEET_HS = 'https://meet.google.com/uqv-izgo-llf?hs=224';

export const GOTO = 'https://meet.goto.com/123456789';
export const GOTO_LEGACY = 'https://global.gotomeeting.com/join/987654321';
export const GOTO_APP = 'https://app.goto.com/meeting/456789123';
export const GOTO_PERSONAL = 'https://gotomeet.me/ContosoBoardroom';
