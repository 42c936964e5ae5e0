import { escapeHtml } from '../mail/html';
import { HEALTH_CHECK_TITLES, type HealthCheckId } from '../../shared/health';
import type { OutgoingMail } from '../mail/room-mailer';
import type { CheckOutcome } from './checks';

export interface HealthChange {
  id: HealthCheckId;
  outcome: CheckOutcome;
}

function section(heading: string, changes: readonly HealthChange[]): string {
  if (changes.length === 0) return '';
  const items = changes.map((c) => `<li><b>${escapeHtml(HEALTH_CHECK_TITLES[c.id])}</b>: ${escapeHtml(c.outcome.message)}</li>`).join('');
  return `<h2>${escapeHtml(heading)}</h2><ul>${items}</ul>`;
}

/** One mail per round of checks: what turned bad and what recovered, for the room named in the subject. */
export function healthMail(room: string, to: string[], turnedBad: readonly HealthChange[], recovered: readonly HealthChange[]): OutgoingMail {
  // Subjects are one line: a room name from a calendar must not smuggle a header in.
  const name = room.replace(/[\r\n]+/g, ' ').slice(0, 120);
  const subject = turnedBad.length > 0 ? `Roomdeck ${name}: ${turnedBad.length} problem(s) need attention` : `Roomdeck ${name}: back to normal`;
  const html = [
    `<p>Roomdeck on the screen of <b>${escapeHtml(name)}</b> checked itself.</p>`,
    section('Needs attention', turnedBad),
    section('Recovered', recovered),
    '<p>The admin health screen (Settings → Health, behind the admin PIN) shows every check.</p>',
  ].join('');
  return { to, subject, html };
}
