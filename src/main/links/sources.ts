import { z } from 'zod';

/**
 * Event shapes, validated here with zod because events arrive from the network and from IT's files. Every field
 * is optional and individually lenient (`.catch`), so one odd field (a number where a string belongs) loses only
 * that field, never the whole event.
 */

/** Which part of an event a string came from; precedence follows research §4 (structured > location > body). */
export type FieldGroup = 'structured' | 'location' | 'body' | 'preview';

export interface Field {
  /** Which field, as reported in candidates' `origin` ('onlineMeeting.joinUrl', 'conferenceData', 'location', 'body', …). */
  origin: string;
  /** The exact place, for reasons ("conferenceData.entryPoints[1] (video)", "locations[0]"). */
  label: string;
  group: FieldGroup;
  value: string;
  /** `url`: the whole value is one link; `html`/`text`: a body; `auto`: sniff for HTML. */
  format: 'url' | 'html' | 'text' | 'auto';
  /** Provider named by the event itself (Google conference solution), used for dial strings without a known gateway. */
  providerHint?: string;
  /** Graph `bodyPreview` is the first 255 characters of the body: a link touching its end may be cut off. */
  mayBeTruncated?: boolean;
}

/** Larger fields are cut here; a 1 MB hostile body stays well inside, a runaway 100 MB one does not stall the kiosk. */
const MAX_FIELD = 4 * 1024 * 1024;
const PREVIEW_LENGTH = 255;
const HAS_TEXT = /\S/;

/** Objects strip what they do not name: events carry dozens of fields the detector never reads. */
const text = z.string().nullish().catch(null);
/** `locationUri` usually names a room mailbox, but tools that set the location to a link sometimes put it there. */
const location = z.object({ displayName: text, locationUri: text }).nullish().catch(null);

const GraphEventSchema = z.object({
  onlineMeeting: z.object({ joinUrl: text }).nullish().catch(null),
  onlineMeetingUrl: text,
  onlineMeetingProvider: text,
  location,
  locations: z.array(location).nullish().catch(null),
  body: z.object({ contentType: text, content: text }).nullish().catch(null),
  bodyPreview: text,
});

const EntryPointSchema = z
  .object({ entryPointType: text, uri: text, label: text })
  .nullish()
  .catch(null);

const GoogleEventSchema = z.object({
  conferenceData: z
    .object({
      entryPoints: z.array(EntryPointSchema).nullish().catch(null),
      conferenceSolution: z.object({ key: z.object({ type: text }).nullish().catch(null), name: text }).nullish().catch(null),
    })
    .nullish()
    .catch(null),
  hangoutLink: text,
  location: text,
  description: text,
});

const TextEventSchema = z.object({ text: z.string() });

const LinkSourceSchema = z.object({
  source: z.enum(['graph', 'google', 'text']),
  event: z.unknown(),
});

export type SourceFields = { ok: true; fields: Field[] } | { ok: false; error: string };

/** Validates `{ source, event }` and lists the event's fields in precedence order. Never throws. */
export function fieldsOf(input: unknown): SourceFields {
  const top = LinkSourceSchema.safeParse(input);
  if (!top.success) return { ok: false, error: 'expected { "source": "graph" | "google" | "text", "event": {…} }' };
  const { source, event } = top.data;
  if (source === 'graph') return withSchema(GraphEventSchema, event, 'a Microsoft Graph event object', graphFields);
  if (source === 'google') return withSchema(GoogleEventSchema, event, 'a Google Calendar event object', googleFields);
  return withSchema(TextEventSchema, event, '{ "text": string }', (e) => {
    const fields: Field[] = [];
    push(fields, { origin: 'text', group: 'body', format: 'auto' }, e.text);
    return fields;
  });
}

function withSchema<T>(schema: z.ZodType<T>, event: unknown, expected: string, toFields: (e: T) => Field[]): SourceFields {
  const parsed = schema.safeParse(event);
  return parsed.success ? { ok: true, fields: toFields(parsed.data) } : { ok: false, error: `event is not ${expected}` };
}

type GraphEvent = z.infer<typeof GraphEventSchema>;
type GoogleEvent = z.infer<typeof GoogleEventSchema>;

function graphFields(e: GraphEvent): Field[] {
  const fields: Field[] = [];
  push(fields, { origin: 'onlineMeeting.joinUrl', group: 'structured', format: 'url' }, e.onlineMeeting?.joinUrl);
  push(fields, { origin: 'onlineMeetingUrl', group: 'structured', format: 'url' }, e.onlineMeetingUrl);
  push(fields, { origin: 'location', group: 'location', format: 'text' }, e.location?.displayName);
  push(fields, { origin: 'location', label: 'location.locationUri', group: 'location', format: 'text' }, e.location?.locationUri);
  (e.locations ?? []).forEach((loc, i) => {
    push(fields, { origin: 'locations', label: `locations[${i}]`, group: 'location', format: 'text' }, loc?.displayName);
    push(fields, { origin: 'locations', label: `locations[${i}].locationUri`, group: 'location', format: 'text' }, loc?.locationUri);
  });
  const contentType = (e.body?.contentType ?? '').toLowerCase();
  const format = contentType === 'html' ? 'html' : contentType === 'text' ? 'text' : 'auto';
  push(fields, { origin: 'body', group: 'body', format }, e.body?.content);
  const preview = e.bodyPreview ?? '';
  const mayBeTruncated = preview.length >= PREVIEW_LENGTH - 5;
  push(fields, { origin: 'bodyPreview', group: 'preview', format: 'text', mayBeTruncated }, preview);
  return fields;
}

function googleFields(e: GoogleEvent): Field[] {
  const fields: Field[] = [];
  const hint = googleProviderHint(e);
  const entries = (e.conferenceData?.entryPoints ?? []).map((entry, i) => ({
    uri: entry?.uri,
    video: entry?.entryPointType === 'video',
    label: `conferenceData.entryPoints[${i}] (${entry?.entryPointType ?? 'unknown'})`,
  }));
  const entryField = (label: string): FieldPlace => ({ origin: 'conferenceData', label, group: 'structured', format: 'url', providerHint: hint });
  // The video entry point first; then sip (a device dial string) and phone/more, listed so IT sees why they lost.
  for (const entry of entries.filter((x) => x.video)) push(fields, entryField(entry.label), entry.uri);
  push(fields, { origin: 'hangoutLink', group: 'structured', format: 'url', providerHint: 'meet' }, e.hangoutLink);
  for (const entry of entries.filter((x) => !x.video)) push(fields, entryField(entry.label), entry.uri);
  push(fields, { origin: 'location', group: 'location', format: 'text' }, e.location);
  push(fields, { origin: 'description', group: 'body', format: 'auto' }, e.description);
  return fields;
}

/** Google's own Meet is `hangoutsMeet`; add-ons name themselves ("Zoom Meeting") — used only to label dial strings. */
function googleProviderHint(e: GoogleEvent): string | undefined {
  const solution = e.conferenceData?.conferenceSolution;
  const type = solution?.key?.type ?? '';
  if (type === 'hangoutsMeet' || type === 'eventHangout' || type === 'eventNamedHangout') return 'meet';
  const name = (solution?.name ?? '').toLowerCase();
  if (name.includes('zoom')) return 'zoom';
  if (name.includes('webex')) return 'webex';
  if (name.includes('teams')) return 'teams';
  return undefined;
}

/** A field's description without its value; `label` defaults to `origin`. */
type FieldPlace = Omit<Field, 'value' | 'label'> & { label?: string };

function push(fields: Field[], place: FieldPlace, value: string | null | undefined): void {
  if (value === null || value === undefined || !HAS_TEXT.test(value)) return;
  const field: Field = {
    origin: place.origin,
    label: place.label ?? place.origin,
    group: place.group,
    format: place.format,
    value: value.length > MAX_FIELD ? value.slice(0, MAX_FIELD) : value,
  };
  if (place.providerHint !== undefined) field.providerHint = place.providerHint;
  if (place.mayBeTruncated === true) field.mayBeTruncated = true;
  fields.push(field);
}
