import type { Event } from '@microsoft/microsoft-graph-types';
import { htmlToText } from './body-text';
import { EVENT_MESSAGE_PROPERTIES, findExtendedProperty, MESSAGE_PROPERTIES, type MessageExpansion, type MessageSelection } from './mail-query';
import type { StoredMessage } from './mail-store';
import type { Preferences } from './prefer';
import { eventToWire } from './serialize';

type Wire = Record<string, unknown>;

/** The collection is typed `message`; items of a derived type say which (eventMessageRequest, …). */
const BASE_TYPE = '#microsoft.graph.message';

/** Key order of real responses (eventmessage-get example): scalars, meeting flags, body and people, meeting times. */
const splitAt = <T extends string>(list: readonly T[], key: T): [readonly T[], readonly T[]] => [list.slice(0, list.indexOf(key)), list.slice(list.indexOf(key))];
const [MESSAGE_SCALARS, MESSAGE_REST] = splitAt(MESSAGE_PROPERTIES, 'body');
const [MEETING_FLAGS, MEETING_TIMES] = splitAt(EVENT_MESSAGE_PROPERTIES, 'startDateTime');
const WIRE_ORDER: readonly string[] = [...MESSAGE_SCALARS, ...MEETING_FLAGS, ...MESSAGE_REST, ...MEETING_TIMES];

export interface MessageView {
  readonly prefs: Preferences;
  readonly selection: MessageSelection | null;
  readonly expansion: MessageExpansion;
  /** The room's calendar item for `$expand=microsoft.graph.eventMessage/event`. */
  readonly eventFor: (stored: StoredMessage) => Event | null;
  /** For `event@odata.context`. */
  readonly messageContext: (stored: StoredMessage) => string;
}

export function isEventMessage(stored: StoredMessage): boolean {
  return stored.odataType !== BASE_TYPE;
}

/** Every property in response order, with the folder and id the store assigned. */
function orderedProperties(stored: StoredMessage): Wire {
  const source: Wire = { ...stored.message, id: stored.id, parentFolderId: stored.folderId };
  const wire: Wire = {};
  for (const key of WIRE_ORDER) if (key in source) wire[key] = source[key];
  // uniqueBody and internetMessageHeaders are only sent when selected, as in Graph.
  delete wire['uniqueBody'];
  delete wire['internetMessageHeaders'];
  return wire;
}

function withBodyFormat(wire: Wire, prefs: Preferences): Wire {
  const body = wire['body'] as { contentType?: string; content?: string } | undefined;
  if (prefs.bodyContentType !== 'text' || body?.contentType !== 'html') return wire;
  return { ...wire, body: { contentType: 'text', content: htmlToText(body.content ?? '', 'inline') } };
}

function selected(wire: Wire, stored: StoredMessage, selection: MessageSelection | null): Wire {
  if (!selection) return wire;
  const wanted = new Set(['id', ...selection.base, ...(isEventMessage(stored) ? selection.eventMessage : [])]);
  return Object.fromEntries(Object.entries(wire).filter(([key]) => wanted.has(key)));
}

function expanded(stored: StoredMessage, view: MessageView): Wire {
  const extra: Wire = {};
  const properties = view.expansion.extendedProperties.flatMap((id) => {
    const property = findExtendedProperty(stored, id);
    // Graph echoes the id as the client wrote it.
    return property ? [{ id, value: property.value }] : [];
  });
  if (properties.length > 0) extra['singleValueExtendedProperties'] = properties;
  const event = view.expansion.event && isEventMessage(stored) ? view.eventFor(stored) : null;
  if (event) {
    extra['event@odata.context'] = `${view.messageContext(stored)}/microsoft.graph.eventMessage/event/$entity`;
    extra['event'] = eventToWire(event, view.prefs, null);
  }
  return extra;
}

/** A stored message as Graph would send it to this request. */
export function messageToWire(stored: StoredMessage, view: MessageView): Wire {
  const annotations: Wire = {
    ...(isEventMessage(stored) ? { '@odata.type': stored.odataType } : {}),
    '@odata.etag': `W/"${stored.message.changeKey ?? ''}"`,
  };
  const body = selected(withBodyFormat(orderedProperties(stored), view.prefs), stored, view.selection);
  return { ...annotations, ...body, ...expanded(stored, view) };
}
