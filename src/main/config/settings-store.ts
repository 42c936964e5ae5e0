import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FeatureIdSchema } from '../../shared/features';
import { CalendarChoiceSchema, LanguageSchema, MeetingServiceSchema, PrivacySchema, ProviderIdSchema } from '../../shared/model';
import type { Logger } from '../health/logger';
import { PIN_HASH_PATTERN } from './admin-pin';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

/** What the kiosk learned during setup and must remember across restarts (no secrets: tokens live in the vault). */
export const SettingsSchema = z
  .object({
    version: z.literal(1),
    /** The room's own account (Microsoft 365 or Google Workspace) and its calendar. */
    room: z
      .object({
        provider: z.enum(['microsoft', 'google']),
        /** The provider's stable account id (msal homeAccountId, Google `sub`). */
        key: z.string().min(1).max(300),
        calendar: CalendarChoiceSchema.nullable(),
      })
      .strict()
      .nullable(),
    /** Features the admin switched on here, and those whose consent was refused (with why). */
    features: z
      .partialRecord(FeatureIdSchema, z.object({ state: z.enum(['on', 'refused']), reason: z.string().max(200).nullable() }).strict())
      .default({}),
    /** Who each provider is connected as and the scopes the provider granted (the tokens are in the vault). */
    connections: z
      .partialRecord(
        ProviderIdSchema,
        z.object({ account: z.object({ name: z.string().max(200), username: z.string().max(320) }), scopes: z.array(z.string().max(200)).max(60) }).strict(),
      )
      .default({}),
    /** What the admin chose at the room (wizard or settings); IT's policy overrides each of these. */
    local: z
      .object({
        language: LanguageSchema.optional(),
        timeZone: z.string().max(64).optional(),
        privacy: PrivacySchema.partial().optional(),
        pinHash: z.string().regex(PIN_HASH_PATTERN).optional(),
      })
      .strict()
      .default({}),
    /** A settings file from before the wizard belongs to a room already set up. */
    firstConfig: z.enum(['pending', 'done']).default('done'),
    /** Ids of bookings made from this screen, so they keep Extend / End now across restarts (today's only matter). */
    bookings: z.array(z.string().max(512)).max(50).default([]),
    /**
     * The last meeting made beside a booking (Zoom, Webex…): which booking, on which service, its id there — kept so
     * the in-meeting panel (participants, "End meeting for everyone") survives a restart of the kiosk mid-meeting.
     */
    hostedMeeting: z
      .object({ bookingId: z.string().min(1).max(512), provider: MeetingServiceSchema, meetingId: z.string().min(1).max(512) })
      .strict()
      .optional(),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

const EMPTY: Settings = { version: 1, room: null, features: {}, connections: {}, local: {}, firstConfig: 'pending', bookings: [] };

export class SettingsStore {
  private current: Settings = EMPTY;
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.path = join(dataDir, 'settings.json');
  }

  private pending: Promise<void> = Promise.resolve();

  /** A damaged file is set aside (not deleted: IT may want it) and the kiosk starts at setup with a notice. */
  async load(): Promise<{ damaged: boolean }> {
    const read = await readJsonFile(this.path, SettingsSchema);
    if (read.kind === 'ok') this.current = read.value;
    if (read.kind !== 'invalid') return { damaged: false };
    this.log.error('settings.damaged', { reason: read.reason });
    await rename(this.path, `${this.path}.damaged-${Date.now()}`).catch(() => undefined);
    return { damaged: true };
  }

  get(): Settings {
    return this.current;
  }

  /**
   * Changes run one after another, each on the result of the one before: two callers updating at once (sign-in saving
   * the room while health notes the sign-in time, say) must not both start from the same old settings, or the later
   * write silently drops the earlier change.
   */
  update(change: (s: Settings) => Settings): Promise<void> {
    const run = this.pending.then(async () => {
      const next = SettingsSchema.parse(change(this.current));
      await writeJsonFileAtomic(this.path, next);
      this.current = next;
    });
    this.pending = run.catch(() => undefined);
    return run;
  }
}
