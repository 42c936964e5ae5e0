import type { DialFound } from './dial';
import { scanField, type FoundLink } from './extract';
import { rankJoins, type JoinFind } from './rank';
import { resolveLink } from './resolve';
import { fieldsOf, type Field } from './sources';

export interface JoinCandidate {
  kind: 'join' | 'dial';
  provider: string;
  url: string;
  /** Which field: 'onlineMeeting.joinUrl' | 'conferenceData' | 'hangoutLink' | 'location' | 'locations' | 'body' | … */
  origin: string;
  rank: number;
  reason: string;
}

export interface Detection {
  join: { provider: string; url: string } | null;
  candidates: JoinCandidate[];
  rejected: { url: string; reason: string }[];
}

/** Lists stay readable for IT and bounded on hostile bodies; what is cut is counted in a final rejected entry. */
const MAX_JOINS = 100;
const MAX_DIALS = 50;
const MAX_REJECTED = 200;

interface DialFind {
  dial: DialFound;
  field: Field;
  fieldIndex: number;
}

/** Collects what every field yields, deduplicating links found more than once. */
class Collector {
  readonly joins = new Map<string, JoinFind>();
  readonly dials = new Map<string, DialFind>();
  /** url → reason → fields where it was seen; strings are assembled once, at the end, for what is listed. */
  readonly rejected = new Map<string, Map<string, string[]>>();
  private rejectedCount = 0;
  private overflow = 0;

  addField(field: Field, fieldIndex: number): void {
    const scan = scanField(field);
    for (const link of scan.links) this.addLink(field, fieldIndex, link, scan.length);
    for (const dial of scan.dials) this.addDial({ dial, field, fieldIndex });
  }

  private addLink(field: Field, fieldIndex: number, link: FoundLink, textLength: number): void {
    const resolution = resolveLink(link.raw);
    if (resolution.kind === 'ignored') return;
    if (resolution.kind === 'dial') return this.addDial({ dial: { ...resolution.dial, offset: link.offset }, field, fieldIndex });
    if (resolution.kind === 'rejected') return this.reject(resolution.url, resolution.reason, field.label);
    if (field.mayBeTruncated === true && link.end >= textLength) {
      return this.reject(resolution.url, `link runs to the end of the ${textLength}-character ${field.label} and may be cut off`, field.label);
    }
    const known = this.joins.get(resolution.url);
    if (known !== undefined) {
      if (known.label !== field.label || known.fieldIndex !== fieldIndex) known.alsoIn.push(field.label);
      return;
    }
    if (this.joins.size >= MAX_JOINS) {
      this.overflow += 1;
      return;
    }
    this.joins.set(resolution.url, {
      provider: resolution.spec.id,
      url: resolution.url,
      shape: resolution.shape,
      origin: field.origin,
      label: field.label,
      group: field.group,
      fieldIndex,
      offset: link.offset,
      rankOffset: link.offset,
      wrappers: resolution.wrappers,
      tier: resolution.heuristic ? 'redirector' : (resolution.spec.tier ?? 'conferencing'),
      alsoIn: [],
    });
  }

  private addDial(find: DialFind): void {
    const key = find.dial.uri.toLowerCase();
    if (this.dials.has(key)) return;
    if (this.dials.size >= MAX_DIALS) {
      this.overflow += 1;
      return;
    }
    this.dials.set(key, find);
  }

  private reject(url: string, reason: string, label: string): void {
    const reasons = this.rejected.get(url);
    const labels = reasons?.get(reason);
    if (labels !== undefined) {
      if (!labels.includes(label)) labels.push(label);
      return;
    }
    if (this.rejectedCount >= MAX_REJECTED) {
      this.overflow += 1;
      return;
    }
    this.rejectedCount += 1;
    if (reasons === undefined) this.rejected.set(url, new Map([[reason, [label]]]));
    else reasons.set(reason, [label]);
  }

  rejectedList(): { url: string; reason: string }[] {
    const list: { url: string; reason: string }[] = [];
    for (const [url, reasons] of this.rejected) {
      for (const [reason, labels] of reasons) list.push({ url, reason: `${reason} [${labels.join(', ')}]` });
    }
    if (this.overflow > 0) list.push({ url: '', reason: `${this.overflow} further links or candidates not listed` });
    return list;
  }
}

/**
 * The whole detection: validate the source, read its fields in precedence order, resolve every link, rank, and
 * explain. Pure and total: junk input gives `join: null` with the problem in `rejected`, never an exception.
 */
export function detect(input: unknown): Detection {
  const source = fieldsOf(input);
  if (!source.ok) return { join: null, candidates: [], rejected: [{ url: '', reason: source.error }] };
  const collector = new Collector();
  source.fields.forEach((field, i) => collector.addField(field, i));
  const joins = rankJoins([...collector.joins.values()]).map(
    ({ find, reason }, i): JoinCandidate => ({ kind: 'join', provider: find.provider, url: find.url, origin: find.origin, rank: i + 1, reason }),
  );
  const dials = dialCandidates([...collector.dials.values()], joins.length);
  const first = joins[0];
  return {
    join: first === undefined ? null : { provider: first.provider, url: first.url },
    candidates: [...joins, ...dials],
    rejected: collector.rejectedList(),
  };
}

/** Dial strings rank after every web link, by field precedence then document order. */
function dialCandidates(finds: DialFind[], after: number): JoinCandidate[] {
  const ordered = [...finds].sort((a, b) => a.fieldIndex - b.fieldIndex || a.dial.offset - b.dial.offset);
  return ordered.map(({ dial, field }, i) => ({
    kind: 'dial',
    provider: dial.provider === 'sip' && field.providerHint !== undefined ? field.providerHint : dial.provider,
    url: dial.uri,
    origin: field.origin,
    rank: after + i + 1,
    reason: `dial string for video devices (${dial.note}) in ${field.label}; not a web join link, so it ranks after them`,
  }));
}
