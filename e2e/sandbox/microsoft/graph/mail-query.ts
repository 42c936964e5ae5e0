import type { ExtendedProperty, StoredMessage } from './mail-store';

/**
 * The OData query options of the sandbox's /messages: the subset a mailbox client really sends, parsed strictly so a
 * query the sandbox does not implement fails loudly instead of silently returning everything.
 *
 * $filter: `singleValueExtendedProperties/any(ep: ep/id eq '<id>' and ep/value eq '<string>')`, the Binary form
 * `… and cast(ep/value, Edm.Binary) eq binary'<base64>')` (docs: singlevaluelegacyextendedproperty-get, "If
 * {property_value} is not a string, explicitly cast ep/value"), and `receivedDateTime ge|gt|le|lt <instant>`,
 * joined with `and`. Properties that `message` does not have (iCalUId, meetingMessageType without a cast) are
 * rejected as Graph rejects them.
 */

export interface QueryFailure {
  readonly ok: false;
  /** Graph error code and message for the 400. */
  readonly code: string;
  readonly message: string;
}
export type QueryResult<T> = { readonly ok: true; readonly value: T } | QueryFailure;

const ok = <T>(value: T): QueryResult<T> => ({ ok: true, value });
const fail = <T>(code: string, message: string): QueryResult<T> => ({ ok: false, code, message });

/** Properties of `message`, and those only its eventMessage family has (reachable with a type cast). */
export const MESSAGE_PROPERTIES = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime', 'hasAttachments',
  'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'conversationIndex',
  'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink', 'inferenceClassification', 'body',
  'uniqueBody', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag', 'internetMessageHeaders',
] as const;
export const EVENT_MESSAGE_PROPERTIES = [
  'meetingMessageType', 'type', 'isOutOfDate', 'isAllDay', 'isDelegated', 'responseRequested', 'allowNewTimeProposals',
  'startDateTime', 'endDateTime', 'location', 'recurrence', 'previousLocation', 'previousStartDateTime', 'previousEndDateTime',
] as const;
const EVENT_MESSAGE_CASTS = ['microsoft.graph.eventmessage', 'microsoft.graph.eventmessagerequest'];

function unknownProperty<T>(name: string): QueryResult<T> {
  return fail('BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.message'.`);
}

function notImplemented<T>(option: string, text: string): QueryResult<T> {
  return fail('ErrorInvalidUrlQuery', `The sandbox does not implement this ${option}: ${text}`);
}

function findName(list: readonly string[], name: string): string | undefined {
  return list.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
}

// ---------------------------------------------------------------- splitting

/** Splits on `needle` (' and ', ',') outside parentheses and quotes: `a and any(x: b and c)` → 2 parts. Linear. */
export function splitTopLevel(text: string, needle: string): string[] {
  const parts: string[] = [];
  const wanted = needle.toLowerCase();
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    else if (!quoted && depth === 0 && text.slice(index, index + wanted.length).toLowerCase() === wanted) {
      parts.push(text.slice(start, index).trim());
      start = index + wanted.length;
      index = start - 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

// ---------------------------------------------------------------- extended property ids

/**
 * Canonical key of an extended property id. Graph accepts `{type} {proptag}` and `{type} {guid} Id|Name {x}`;
 * types and GUIDs are case-insensitive, numbers may be written with or without leading zeros.
 */
export function extendedPropertyKey(id: string): string | null {
  const parts = id.trim().split(/\s+/);
  const [type, second, kind, name] = parts;
  if (!type || !second) return null;
  const number = (text: string): string | null => (/^0x[0-9a-f]+$/i.test(text) ? String(parseInt(text, 16)) : /^\d+$/.test(text) ? String(Number(text)) : null);
  if (parts.length === 2) {
    const tag = number(second);
    return tag === null ? null : `${type.toLowerCase()} tag ${tag}`;
  }
  if (parts.length < 4 || !/^\{[0-9a-f-]{36}\}$/i.test(second) || !kind || !name) return null;
  if (kind.toLowerCase() === 'id') {
    const lid = number(name);
    return lid === null ? null : `${type.toLowerCase()} ${second.toLowerCase()} id ${lid}`;
  }
  // Names are case-sensitive ("Filtering the string name (Name) in the id … is case-sensitive").
  return kind.toLowerCase() === 'name' ? `${type.toLowerCase()} ${second.toLowerCase()} name ${parts.slice(3).join(' ')}` : null;
}

export function findExtendedProperty(stored: StoredMessage, id: string): ExtendedProperty | null {
  const key = extendedPropertyKey(id);
  return key === null ? null : (stored.extendedProperties.find((property) => extendedPropertyKey(property.id) === key) ?? null);
}

// ---------------------------------------------------------------- $filter

export type MessagePredicate = (stored: StoredMessage) => boolean;

const QUOTED = "'((?:[^']|'')*)'";
const unquote = (text: string): string => text.replace(/''/g, "'");

function valueTest(condition: string, variable: string): QueryResult<(value: string) => boolean> {
  const stringEq = new RegExp(`^${variable}/value\\s+eq\\s+${QUOTED}$`, 'i').exec(condition);
  if (stringEq) {
    // "Filtering the value property of an extended property is case-insensitive."
    const wanted = unquote(stringEq[1] ?? '').toLowerCase();
    return ok((value) => value.toLowerCase() === wanted);
  }
  const binaryEq = new RegExp(`^cast\\(\\s*${variable}/value\\s*,\\s*Edm\\.Binary\\s*\\)\\s+eq\\s+binary'([A-Za-z0-9+/_=-]*)'$`, 'i').exec(condition);
  if (binaryEq) {
    // OData binary literals are base64url; Graph also takes standard base64. Node's decoder reads both.
    const wanted = Buffer.from(binaryEq[1] ?? '', 'base64');
    return ok((value) => Buffer.from(value, 'base64').equals(wanted));
  }
  return notImplemented('extended property comparison', condition);
}

function extendedPropertyClause(clause: string): QueryResult<MessagePredicate> | null {
  const lambda = /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*([\s\S]*)\)$/i.exec(clause);
  if (!lambda) return null;
  const variable = lambda[1] ?? '';
  const [idCondition, valueCondition, ...rest] = splitTopLevel(lambda[2] ?? '', ' and ');
  const idMatch = new RegExp(`^${variable}/id\\s+eq\\s+${QUOTED}$`, 'i').exec(idCondition ?? '');
  if (!idMatch || valueCondition === undefined || rest.length > 0) return notImplemented('$filter', clause);
  const id = unquote(idMatch[1] ?? '');
  if (extendedPropertyKey(id) === null) return fail('ErrorInvalidProperty', `The extended property id '${id}' is not valid.`);
  const test = valueTest(valueCondition, variable);
  if (!test.ok) return test;
  return ok((stored) => {
    const property = findExtendedProperty(stored, id);
    return property !== null && test.value(property.value);
  });
}

const COMPARISONS: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  ge: (a, b) => a >= b,
  gt: (a, b) => a > b,
  le: (a, b) => a <= b,
  lt: (a, b) => a < b,
};

function receivedClause(clause: string): QueryResult<MessagePredicate> | null {
  const match = /^receivedDateTime\s+(ge|gt|le|lt)\s+(\S+)$/i.exec(clause);
  if (!match) return null;
  const bound = Date.parse(match[2] ?? '');
  const compare = COMPARISONS[(match[1] ?? '').toLowerCase()];
  if (Number.isNaN(bound) || !compare) return fail('BadRequest', `Invalid filter clause: ${clause}`);
  return ok((stored) => compare(Date.parse(stored.message.receivedDateTime ?? ''), bound));
}

function clausePredicate(clause: string): QueryResult<MessagePredicate> {
  const parsed = extendedPropertyClause(clause) ?? receivedClause(clause);
  if (parsed) return parsed;
  // Name the property Graph would complain about when it is not a message property at all.
  const head = /^(?:not\s+)?\(?\s*([A-Za-z][\w.]*)(\(?)/.exec(clause);
  const property = head?.[1] ?? '';
  const isFunction = head?.[2] === '(';
  const known = isFunction || findName([...MESSAGE_PROPERTIES, 'singleValueExtendedProperties'], property) !== undefined || EVENT_MESSAGE_CASTS.includes(property.toLowerCase());
  return known ? notImplemented('$filter', clause) : unknownProperty(property);
}

export function parseMessageFilter(text: string | undefined): QueryResult<MessagePredicate | null> {
  if (text === undefined || text.trim() === '') return ok(null);
  const predicates: MessagePredicate[] = [];
  for (const clause of splitTopLevel(text.trim(), ' and ')) {
    const predicate = clausePredicate(clause);
    if (!predicate.ok) return predicate;
    predicates.push(predicate.value);
  }
  return ok((stored) => predicates.every((predicate) => predicate(stored)));
}

// ---------------------------------------------------------------- $select

/** What to keep: base properties, and eventMessage properties asked for through a cast (null = everything). */
export interface MessageSelection {
  readonly base: readonly string[];
  readonly eventMessage: readonly string[];
}

function selectEntry(entry: string, selection: { base: string[]; eventMessage: string[] }): QueryResult<null> {
  const slash = entry.lastIndexOf('/');
  if (slash >= 0) {
    const cast = entry.slice(0, slash).toLowerCase();
    const name = findName(EVENT_MESSAGE_PROPERTIES, entry.slice(slash + 1)) ?? findName(MESSAGE_PROPERTIES, entry.slice(slash + 1));
    if (!EVENT_MESSAGE_CASTS.includes(cast)) return notImplemented('$select', entry);
    if (name === undefined) return fail('BadRequest', `Could not find a property named '${entry.slice(slash + 1)}' on type '${entry.slice(0, slash)}'.`);
    selection.eventMessage.push(name);
    return ok(null);
  }
  const name = findName(MESSAGE_PROPERTIES, entry);
  if (name === undefined) return unknownProperty(entry);
  selection.base.push(name);
  return ok(null);
}

export function parseMessageSelect(text: string | undefined): QueryResult<MessageSelection | null> {
  if (text === undefined || text.trim() === '') return ok(null);
  const selection = { base: [] as string[], eventMessage: [] as string[] };
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const result = selectEntry(entry, selection);
    if (!result.ok) return result;
  }
  return ok(selection);
}

// ---------------------------------------------------------------- $expand

export interface MessageExpansion {
  /** Extended property ids to attach (`singleValueExtendedProperties($filter=id eq '…')`). */
  readonly extendedProperties: readonly string[];
  /** `microsoft.graph.eventMessage/event`, documented in eventmessage-get example 2. */
  readonly event: boolean;
}

function expandEntry(entry: string, expansion: { extendedProperties: string[]; event: boolean }): QueryResult<null> {
  const property = new RegExp(`^singleValueExtendedProperties\\(\\s*\\$filter\\s*=\\s*id\\s+eq\\s+${QUOTED}\\s*\\)$`, 'i').exec(entry);
  if (property) {
    const id = unquote(property[1] ?? '');
    if (extendedPropertyKey(id) === null) return fail('ErrorInvalidProperty', `The extended property id '${id}' is not valid.`);
    expansion.extendedProperties.push(id);
    return ok(null);
  }
  if (/^microsoft\.graph\.eventMessage(Request)?\/event$/i.test(entry)) {
    expansion.event = true;
    return ok(null);
  }
  return notImplemented('$expand', entry);
}

export function parseMessageExpand(text: string | undefined): QueryResult<MessageExpansion> {
  const expansion = { extendedProperties: [] as string[], event: false };
  if (text === undefined || text.trim() === '') return ok(expansion);
  for (const entry of splitTopLevel(text, ',').map((part) => part.trim()).filter(Boolean)) {
    const result = expandEntry(entry, expansion);
    if (!result.ok) return result;
  }
  return ok(expansion);
}
