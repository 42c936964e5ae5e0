/**
 * Shape of the provider catalog. A provider is recognised by the *parsed* host (exact, or `.domain` meaning the
 * domain and any subdomain — never a substring), then a link on that host is a join link only when its path (and
 * where needed its query or fragment) has one of the provider's join shapes. Known same-host non-join pages are
 * listed with the reason shown to IT.
 */

/**
 * How a provider ranks against others found in the same event: a redirector (notetaker/scheduler wrapper) or a
 * broadcast stream is only chosen when no conferencing link exists.
 */
export type Tier = 'conferencing' | 'redirector' | 'stream';

export interface JoinShape {
  /** Human description used in reasons, e.g. "meeting link /j/<id>". */
  readonly label: string;
  /** Restricts the shape to these exact hosts; otherwise any host the provider owns. */
  readonly hosts?: readonly string[];
  /** Tested against `URL.pathname`; anchored, with bounded repetition only. */
  readonly path: RegExp;
  /** At least one of these query parameters must be present and non-empty (e.g. Teams short links need `p`). */
  readonly query?: readonly string[];
  /** Tested against `URL.hash` (FaceTime, Teams v2 deep links, Vowel route in the fragment). */
  readonly hash?: RegExp;
  /** Extra host condition, for providers whose subdomain carries meaning (LiveKit `meet*`, oVice spaces). */
  readonly hostTest?: RegExp;
}

export interface NotJoinRule {
  readonly reason: string;
  readonly hosts?: readonly string[];
  readonly path?: RegExp;
}

export interface ProviderSpec {
  /** Lower-case id from the research table's first column. */
  readonly id: string;
  /** What people read on the Join button. */
  readonly name: string;
  /** `host` matches exactly; `.domain` matches the domain and every subdomain. */
  readonly domains: readonly string[];
  readonly joins: readonly JoinShape[];
  readonly notJoins?: readonly NotJoinRule[];
  /** Plain `http:` is accepted only for providers whose invitations really carried it (MeetingBar PR #217). */
  readonly http?: boolean;
  readonly tier?: Tier;
  /** Host pattern of self-hosted deployments; such matches are heuristic and rank as redirectors do. */
  readonly selfHosted?: RegExp;
}
