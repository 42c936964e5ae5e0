import { stableUuid } from '../../core/ids';
import { teamsInvitationHtml, teamsMeeting, webexInvitationHtml, webexMeeting, zoomInvitationHtml, zoomMeeting } from '../../microsoft/invitations';

/**
 * Invitation text as it sits in a Google event's description. The bodies come from the Microsoft folder's builders
 * (same links and ids for the same seed); Google keeps the HTML fragment, not the Outlook document around it, and
 * joins lines with <br>.
 */
export function googleDescription(outlookDocument: string): string {
  const body = /<body>\r?\n([\s\S]*?)\r?\n<\/body>/.exec(outlookDocument)?.[1] ?? outlookDocument;
  return body
    .split(/\r?\n/)
    .map((line) => /^<div>(.*)<\/div>$/.exec(line)?.[1] ?? line)
    .map((line) => (line === '<br>' ? '' : line))
    .join('<br>');
}

export function zoomDescription(seed: string, hostName: string, intro: string): string {
  return googleDescription(zoomInvitationHtml(zoomMeeting(seed, 'fabrikam.zoom.us'), hostName, intro));
}

export function teamsDescription(seed: string, organizerEmail: string, intro: string): string {
  return googleDescription(teamsInvitationHtml(teamsMeeting(seed, stableUuid('tenant:contoso'), stableUuid(`user:${organizerEmail}`)), intro));
}

export function webexDescription(seed: string, hostName: string, intro: string): string {
  return googleDescription(webexInvitationHtml(webexMeeting(seed, 'northwind'), { hostName, intro }));
}
