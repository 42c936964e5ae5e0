import { providerName } from './catalog';
import type { Tier } from './provider-types';
import type { FieldGroup } from './sources';

/** A join link found somewhere in the event, before ranking. */
export interface JoinFind {
  provider: string;
  url: string;
  shape: string;
  origin: string;
  label: string;
  group: FieldGroup;
  /** Order of the field within the event (fields arrive in precedence order). */
  fieldIndex: number;
  offset: number;
  wrappers: readonly string[];
  tier: Tier;
  /** Other places where the very same URL was found. */
  alsoIn: string[];
  /** Set when a longer link for the same meeting (same prefix plus parameters) exists in the same field. */
  supersededBy?: JoinFind;
  /** Document position used for ranking: a superseding link takes the earliest place of those it supersedes. */
  rankOffset: number;
}

export interface RankedJoin {
  find: JoinFind;
  reason: string;
}

const TIER_ORDER: Readonly<Record<Tier, number>> = { conferencing: 0, redirector: 1, stream: 2 };
const TIER_WORDS: Readonly<Record<Tier, string>> = {
  conferencing: 'conferencing link',
  redirector: 'redirector or self-hosted guess',
  stream: 'broadcast stream',
};
const GROUP_ORDER: Readonly<Record<FieldGroup, number>> = { structured: 0, location: 1, body: 2, preview: 3 };
const GROUP_WHY: Readonly<Record<FieldGroup, string>> = {
  structured: 'a structured meeting field, which outranks location and body',
  location: 'the location, which outranks the body (no structured join link)',
  body: 'the body (no join link in structured fields or location)',
  preview: 'the body preview (the body itself had no join link)',
};

/**
 * Orders join links (research §4): tier (conferencing > redirectors/self-hosted > streams), then field
 * precedence (structured > location > body > preview), then document order within a field — except that a longer
 * link for the same meeting (same prefix, adds `?pwd=`/`&…`) takes the place of the shorter one.
 */
export function rankJoins(finds: JoinFind[]): RankedJoin[] {
  markSuperseded(finds);
  const ordered = [...finds].sort(compareFinds);
  return ordered.map((find, i) => ({ find, reason: i === 0 ? winnerReason(find, ordered) : loserReason(find, ordered, i) }));
}

function compareFinds(a: JoinFind, b: JoinFind): number {
  return (
    TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
    GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
    a.fieldIndex - b.fieldIndex ||
    a.rankOffset - b.rankOffset ||
    Number(a.supersededBy !== undefined) - Number(b.supersededBy !== undefined) ||
    a.offset - b.offset
  );
}

/** Within one field, a link extended by a passcode (`…/j/1` → `…/j/1?pwd=x`) is superseded. */
function markSuperseded(finds: JoinFind[]): void {
  const groups = new Map<string, JoinFind[]>();
  for (const find of finds) {
    const key = `${find.fieldIndex} ${find.url.slice(0, baseEnd(find.url))}`;
    const group = groups.get(key) ?? [];
    group.push(find);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const longestFirst = [...group].sort((a, b) => b.url.length - a.url.length);
    for (const shorter of group) {
      const longer = longestFirst.find((f) => f !== shorter && extendsAtParameter(f.url, shorter.url));
      if (longer === undefined) continue;
      shorter.supersededBy = longer;
      longer.rankOffset = Math.min(longer.rankOffset, shorter.rankOffset);
    }
  }
}

/** Where the query or fragment starts (the meeting's "base" link ends). */
function baseEnd(url: string): number {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  if (query < 0) return hash < 0 ? url.length : hash;
  return hash < 0 ? query : Math.min(query, hash);
}

/**
 * Research §4 names the one extension that wins: the same link plus its passcode (`?pwd=`), which saves typing it in
 * the room. Any other added parameter is another door to the same meeting (Skype for Business's `?sl=1` "Try Skype
 * Web App"), so the first link in the invitation stays the join link.
 */
const PASSCODE_PARAMETERS = new Set(['pwd', 'passcode', 'password']);

function extendsAtParameter(longer: string, shorter: string): boolean {
  if (longer.length <= shorter.length || !longer.startsWith(shorter)) return false;
  const next = longer.charAt(shorter.length);
  if (next !== '?' && next !== '&') return false;
  return addedParameterNames(longer.slice(shorter.length + 1)).some((name) => PASSCODE_PARAMETERS.has(name.toLowerCase()));
}

function addedParameterNames(query: string): string[] {
  const fragment = query.indexOf('#');
  return [...new URLSearchParams(fragment < 0 ? query : query.slice(0, fragment)).keys()];
}

function describe(find: JoinFind): string {
  const via = find.wrappers.length > 0 ? `, unwrapped from ${find.wrappers.join(' → ')}` : '';
  const also = find.alsoIn.length > 0 ? `; also found in ${[...new Set(find.alsoIn)].join(', ')}` : '';
  return `${providerName(find.provider)} ${find.shape} in ${find.label}${via}${also}`;
}

function winnerReason(find: JoinFind, ordered: readonly JoinFind[]): string {
  const parts = [`chosen: ${describe(find)}`, `from ${GROUP_WHY[find.group]}`];
  if (find.tier !== 'conferencing') parts.push(`only a ${TIER_WORDS[find.tier]} was found, no conferencing link`);
  if (ordered.some((f) => f.supersededBy === find)) parts.push('preferred over a shorter link for the same meeting (this one carries more parameters, e.g. the passcode)');
  else if (ordered.some((f) => f !== find && f.fieldIndex === find.fieldIndex)) parts.push('first join link in document order');
  return parts.join('; ');
}

/** Explains a candidate's place relative to the one ranked just above it. */
function loserReason(find: JoinFind, ordered: readonly JoinFind[], index: number): string {
  const above = ordered[index - 1] ?? find;
  const aboveRank = index;
  let why: string;
  if (TIER_ORDER[find.tier] > TIER_ORDER[above.tier]) why = `a ${TIER_WORDS[find.tier]} ranks below a ${TIER_WORDS[above.tier]} (#${aboveRank})`;
  else if (find.supersededBy !== undefined) why = `same meeting as the longer link ${rankOf(find.supersededBy, ordered)}, which carries more parameters`;
  else if (GROUP_ORDER[find.group] > GROUP_ORDER[above.group] || find.fieldIndex !== above.fieldIndex) why = `${find.label} ranks below ${above.label} (#${aboveRank})`;
  else why = `appears after #${aboveRank} in ${find.label}`;
  return `${describe(find)}; ${why}`;
}

function rankOf(find: JoinFind, ordered: readonly JoinFind[]): string {
  return `#${ordered.indexOf(find) + 1}`;
}
