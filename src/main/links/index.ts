/**
 * Join-link detection for invitations: from a Graph event, a Google event or plain text, the link Join opens,
 * every candidate with the reason for its rank, and every rejected link with why. Pure: no I/O, usable anywhere
 * in main.
 */
import { detect, type Detection } from './detect';

export { providerName, joinProviderIds } from './catalog';
export type { Detection, JoinCandidate } from './detect';
export { checkLinkSource } from './check';

export type LinkSource =
  | { source: 'graph'; event: unknown }
  | { source: 'google'; event: unknown }
  | { source: 'text'; event: { text: string } };

/** Validates the event shape itself (zod); never throws, whatever it is given. */
export function detectJoinLink(input: LinkSource): Detection {
  try {
    return detect(input);
  } catch (error) {
    // Defence in depth: detection is designed to be total, but a kiosk must never lose its agenda over one event.
    return { join: null, candidates: [], rejected: [{ url: '', reason: `internal error: ${String(error)}` }] };
  }
}
