import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FeatureIdSchema, type FeatureId } from '../../shared/features';
import { SignInMethodSchema } from '../../shared/model';
import { PIN_HASH_PATTERN } from './admin-pin';

/**
 * What IT (or the demo) sets before the first start. Production defaults point at the real Microsoft cloud; the
 * sandbox and tests point the same seams at 127.0.0.1. Read once at start; a bad file stops the start with a
 * message that names the field, because running with a half-understood config would be worse.
 */
const DEFAULT_FEATURES: FeatureId[] = ['microsoft.sign-in', 'microsoft.calendar'];

/** An https endpoint with its production default: tokens never travel over plain http, not even in a test config. */
const httpsUrl = (production: string) => z.url({ protocol: /^https$/ }).default(production);
const clientCredentials = { clientId: z.string().min(1).max(200), clientSecret: z.string().min(1).max(200) };

/**
 * A change in the calendar must be on screen within 30 s: one poll period plus the request that fetches it (and an
 * idle poll is one request, so this costs 144 requests an hour per room).
 */
export const DEFAULT_POLL_SECONDS = 25;

export const KioskConfigSchema = z
  .object({
    microsoft: z
      .object({
        clientId: z.string().min(1).max(100),
        authority: z.url({ protocol: /^https$/ }).default('https://login.microsoftonline.com/organizations'),
        /** host[:port] of authorities msal may trust without Microsoft's instance-discovery call (sandbox, sovereign clouds). */
        knownAuthorities: z.array(z.string().min(1).max(300)).max(10).default([]),
        graphBaseUrl: z.url({ protocol: /^https$/ }).default('https://graph.microsoft.com'),
      })
      .strict(),
    /**
     * Google Workspace (a Desktop OAuth client: its "secret" is not confidential, Google's token endpoint still wants
     * it). Endpoints default to Google's; the sandbox and tests point them at 127.0.0.1.
     */
    google: z
      .object({
        clientId: z.string().min(1).max(200),
        clientSecret: z.string().min(1).max(200),
        endpoints: z
          .object({
            oauth2AuthBaseUrl: z.url({ protocol: /^https$/ }).default('https://accounts.google.com/o/oauth2/v2/auth'),
            oauth2TokenUrl: z.url({ protocol: /^https$/ }).default('https://oauth2.googleapis.com/token'),
            oauth2RevokeUrl: z.url({ protocol: /^https$/ }).default('https://oauth2.googleapis.com/revoke'),
            tokenInfoUrl: z.url({ protocol: /^https$/ }).default('https://oauth2.googleapis.com/tokeninfo'),
          })
          .strict()
          .default({
            oauth2AuthBaseUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
            oauth2TokenUrl: 'https://oauth2.googleapis.com/token',
            oauth2RevokeUrl: 'https://oauth2.googleapis.com/revoke',
            tokenInfoUrl: 'https://oauth2.googleapis.com/tokeninfo',
          }),
        calendarRootUrl: z.url({ protocol: /^https$/ }).default('https://www.googleapis.com/'),
        peopleRootUrl: z.url({ protocol: /^https$/ }).default('https://people.googleapis.com/'),
        gmailRootUrl: z.url({ protocol: /^https$/ }).default('https://gmail.googleapis.com/'),
        userinfoUrl: z.url({ protocol: /^https$/ }).default('https://openidconnect.googleapis.com/v1/userinfo'),
      })
      .strict()
      .optional(),
    /**
     * Zoom, Webex and Dropbox: OAuth 2.0 authorization code + PKCE with the app's client secret (oauth2-profiles.ts).
     * Each block is the app registered at that provider; without a block the provider is not offered.
     */
    zoom: z
      .object({
        ...clientCredentials,
        authorizeUrl: httpsUrl('https://zoom.us/oauth/authorize'),
        tokenUrl: httpsUrl('https://zoom.us/oauth/token'),
        revokeUrl: httpsUrl('https://zoom.us/oauth/revoke'),
        /** Used until a token response names the account's own API host (`api_url`). */
        apiBaseUrl: httpsUrl('https://api.zoom.us/v2'),
      })
      .strict()
      .optional(),
    webex: z
      .object({
        ...clientCredentials,
        authorizeUrl: httpsUrl('https://webexapis.com/v1/authorize'),
        tokenUrl: httpsUrl('https://webexapis.com/v1/access_token'),
        /** Also serves OpenID userinfo (`<apiBaseUrl>/userinfo`). Webex has no revocation endpoint. */
        apiBaseUrl: httpsUrl('https://webexapis.com/v1'),
      })
      .strict()
      .optional(),
    dropbox: z
      .object({
        ...clientCredentials,
        authorizeUrl: httpsUrl('https://www.dropbox.com/oauth2/authorize'),
        tokenUrl: httpsUrl('https://api.dropboxapi.com/oauth2/token'),
        /** RPC host; revocation is `<apiBaseUrl>/auth/token/revoke`. */
        apiBaseUrl: httpsUrl('https://api.dropboxapi.com/2'),
        contentBaseUrl: httpsUrl('https://content.dropboxapi.com/2'),
      })
      .strict()
      .optional(),
    signInMethod: SignInMethodSchema.default('device-code'),
    room: z
      .object({
        /** Pre-chosen calendar (by owner address), so a silent install lands on the home screen. */
        calendarOwner: z.string().max(320).optional(),
        /** IANA zone the room lives in; defaults to the PC's zone. */
        timeZone: z.string().max(64).optional(),
      })
      .strict()
      .default({}),
    /**
     * Per conferencing service (ids from the links catalog), whether Join opens its installed app or its web client.
     * Default web: it needs nothing installed on the room PC. Zoom and Teams have app forms (see join/join-target.ts).
     */
    join: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.enum(['web', 'app'])).default({}),
    /**
     * Features IT switches on for every room it deploys: on from the first sign-in (their scopes are part of it) and
     * locked on the settings screen. The skeleton default is the room's calendar and nothing else.
     */
    features: z.array(FeatureIdSchema).max(40).default(DEFAULT_FEATURES),
    admin: z
      .object({
        /** `npm run --silent pin-hash -- <PIN>` makes one; the PIN itself is never stored. */
        pinHash: z.string().regex(PIN_HASH_PATTERN, 'not a Roomdeck PIN hash (make one with npm run pin-hash)'),
      })
      .strict()
      .optional(),
    /** Start the device-code sign-in at once on first run (the demo's sandbox approves it by itself). */
    autoSignIn: z.boolean().default(false),
    pollSeconds: z.number().int().min(2).max(3600).default(DEFAULT_POLL_SECONDS),
    /** What the wall may show: a panel facing a corridor may hide subjects and organizers. */
    privacy: z.object({ hideSubjects: z.boolean().default(false), hideOrganizers: z.boolean().default(false) }).strict().default({ hideSubjects: false, hideOrganizers: false }),
    display: z
      .object({
        /** `auto` follows the PC's language; otherwise one of the translated languages. */
        language: z.enum(['auto', 'en', 'it']).default('auto'),
        /** Untouched this long, the screen turns to a dim, slowly moving clock and status (OLED burn-in). 0 = never. */
        ambientAfterSeconds: z.number().int().min(0).max(14_400).default(300),
      })
      .strict()
      .default({ language: 'auto', ambientAfterSeconds: 300 }),
    /** Self-checks (Settings → Health) and who hears about them. */
    health: z
      .object({
        /** IT's addresses: a check that turns bad, and its recovery, are mailed here from the room mailbox. */
        mailTo: z.array(z.email().max(320)).max(10).default([]),
        checkMinutes: z.number().int().min(1).max(1440).default(15),
        /** At most one mail per check in this many hours (a flapping network must not flood the inbox). */
        mailEveryHours: z.number().min(0.25).max(168).default(6),
        /** A sign-in lifetime IT enforces (Conditional Access sign-in frequency), to warn 14 days before; null: none. */
        reauthDays: z.number().int().min(1).max(3650).nullable().default(null),
      })
      .strict()
      .default({ mailTo: [], checkMinutes: 15, mailEveryHours: 6, reauthDays: null }),
    /**
     * Recap mail after a meeting whose workspace session imported files: to its organizer, attendees and whoever the
     * session mailed files to. Off unless IT switches it on, because it mails people who never touched the screen.
     */
    recap: z.object({ enabled: z.boolean().default(false) }).strict().default({ enabled: false }),
    /**
     * Self-update of the installed app (Electron; NSIS, AppImage, deb and dmg installs — never MSI) from the server
     * the installers were built for. Off unless IT names a channel: a room fleet updates when IT decides.
     */
    updates: z
      .object({
        channel: z.enum(['latest', 'beta', 'alpha']).nullable().default(null),
        checkHours: z.number().min(1).max(168).default(6),
        /** Local time to restart into a downloaded update, when nobody is in the room. */
        installAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour').default('03:00'),
      })
      .strict()
      .default({ channel: null, checkHours: 6, installAt: '03:00' }),
  })
  .strict();
export type KioskConfig = z.infer<typeof KioskConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseKioskConfig(raw: unknown, source: string): KioskConfig {
  const parsed = KioskConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
  throw new ConfigError(`The configuration in ${source} is not valid:\n${problems}`);
}

/**
 * The file's text: UTF-8, strictly (a byte that is not UTF-8 would otherwise turn into U+FFFD inside a client id and
 * fail much later as a mysterious sign-in error), without the byte-order mark Windows editors put in front.
 */
function configText(path: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ConfigError(`The configuration file ${path} is not valid UTF-8 text: save it as UTF-8.`);
  }
}

export async function loadKioskConfig(path: string): Promise<KioskConfig> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new ConfigError(`Cannot read the configuration file ${path}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(configText(path, bytes));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`The configuration file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseKioskConfig(raw, path);
}
