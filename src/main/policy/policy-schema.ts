import { z } from 'zod';
import { FeatureIdSchema } from '../../shared/features';
import { LanguageSchema, PrivacySchema, RoomProviderSchema, SignInMethodSchema } from '../../shared/model';
import { PIN_HASH_PATTERN } from '../config/admin-pin';

/** The policy format this Roomdeck understands. A file with another version is reported, never half-applied. */
export const POLICY_VERSION = 1;

const ZONE = z.string().min(1).max(64).refine((zone) => isIanaZone(zone), 'not an IANA time zone (e.g. Europe/Rome)');

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What IT may set and lock for a room. Every key is optional: a key present is locked (shown greyed, refused by the
 * api); a key absent leaves the room's own admin (or the install's default) in charge. Strict objects everywhere, so a
 * misspelt key is reported instead of silently doing nothing.
 */
export const PolicySchema = z
  .object({
    version: z
      .literal(POLICY_VERSION, { error: (issue) => `version ${JSON.stringify(issue.input)} is not supported (this Roomdeck reads version ${POLICY_VERSION})` })
      .describe('Format version of this file (required); a version this Roomdeck does not read is refused as a whole'),
    admin: z
      .object({ pinHash: z.string().regex(PIN_HASH_PATTERN, 'not a Roomdeck PIN hash (make one with npm run pin-hash)').describe('The admin PIN, hashed (npm run --silent pin-hash -- 2468). Replaces a PIN set at the room.') })
      .strict()
      .optional(),
    features: z
      .partialRecord(FeatureIdSchema, z.enum(['on', 'off']))
      .describe('Feature ids switched on or off and locked; "on" features are part of the first sign-in\'s consent.')
      .optional(),
    microsoft: z
      .object({
        clientId: z.string().min(1).max(100).describe('Entra application (client) id').optional(),
        tenant: z.string().regex(/^[A-Za-z0-9.-]{1,100}$/, 'a tenant id or domain (contoso.onmicrosoft.com)').describe('Tenant id or domain the room account belongs to').optional(),
      })
      .strict()
      .optional(),
    google: z.object({ clientId: z.string().min(1).max(200).describe('Google Desktop OAuth client id').optional() }).strict().optional(),
    room: z
      .object({
        provider: RoomProviderSchema.describe('The room account\'s provider: the wizard offers only this one').optional(),
        calendarOwner: z.string().max(320).describe('Address of the calendar to show; the wizard picks it by itself').optional(),
        timeZone: ZONE.describe('IANA zone of the room').optional(),
      })
      .strict()
      .optional(),
    display: z.object({ language: LanguageSchema.describe('auto (the PC\'s), en or it').optional() }).strict().optional(),
    privacy: z
      .object({
        hideSubjects: PrivacySchema.shape.hideSubjects.describe('Show "Meeting by …" instead of subjects on the wall').optional(),
        hideOrganizers: PrivacySchema.shape.hideOrganizers.describe('Keep organizer names off the wall').optional(),
      })
      .strict()
      .optional(),
    join: z
      .record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.enum(['web', 'app']))
      .describe('Per conferencing service (zoom, teams, …): open its web client or its installed app')
      .optional(),
    recap: z
      .object({ enabled: z.boolean().describe("Mail a recap (files shown, who got which, the room is clean) to a meeting's people after a workspace session; needs the send-mail feature").optional() })
      .strict()
      .optional(),
    signInMethod: SignInMethodSchema.describe('device-code (a code to approve on a phone) or browser').optional(),
    updates: z.object({ channel: z.enum(['stable', 'beta']).describe('Stored and reported; the updater reads it') }).strict().optional(),
  })
  .strict();
export type Policy = z.infer<typeof PolicySchema>;

/** No file, or no usable file and no last good copy: nothing is locked. */
export const NO_POLICY: Policy = { version: POLICY_VERSION };
