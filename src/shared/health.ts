import { z } from 'zod';

/**
 * The kiosk's self-checks as the admin health screen shows them. Each check says ok / warn / bad with a reason code
 * (the screen translates it) and its figures; main mails IT when one turns bad and when it recovers.
 */
export const HealthStatusSchema = z.enum(['ok', 'warn', 'bad']);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

export const HealthCheckIdSchema = z.enum(['tokens', 'connections', 'consent', 'sync', 'disk', 'clock', 'mailbox']);
export type HealthCheckId = z.infer<typeof HealthCheckIdSchema>;

/** The checks' names in English: the mail to IT uses them, and they are the English screen's text too. */
export const HEALTH_CHECK_TITLES: Record<HealthCheckId, string> = {
  tokens: 'Room account sign-in',
  connections: 'Connected services',
  consent: 'Sign-in lifetime',
  sync: 'Calendar sync',
  disk: 'Disk space',
  clock: 'Clock',
  mailbox: 'Room mailbox settings',
};

export const HealthCheckViewSchema = z
  .object({
    id: HealthCheckIdSchema,
    status: HealthStatusSchema,
    /** i18n key under `health.reason` (e.g. `sign-in-needed`): what the screen says. */
    reason: z.string().regex(/^[a-z0-9-]{1,40}$/),
    /** Figures for the sentence: minutes, megabytes, seconds, days. Never a token or a person. */
    params: z.record(z.string().max(40), z.union([z.number(), z.string().max(200)])),
    /** When the check reached this status. */
    since: z.iso.datetime(),
  })
  .strict();
export type HealthCheckView = z.infer<typeof HealthCheckViewSchema>;

export const HealthViewSchema = z
  .object({
    /** The last complete round of checks; null before the first one finished. */
    checkedAt: z.iso.datetime().nullable(),
    checks: z.array(HealthCheckViewSchema).max(20),
    /** Whether changes are mailed to IT: an address is configured and the room can send mail. */
    mail: z.enum(['on', 'no-address', 'no-mailer']),
  })
  .strict();
export type HealthView = z.infer<typeof HealthViewSchema>;
