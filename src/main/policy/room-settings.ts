import type { FeatureId } from '../../shared/features';
import type { z } from 'zod';
import type { Language, ManagedKey, Privacy, RoomProvider, RoomSettingsChangeSchema, SignInMethod } from '../../shared/model';
import type { KioskConfig } from '../config/kiosk-config';
import type { Settings } from '../config/settings-store';
import type { Policy } from './policy-schema';

/** The settings in force for this room, each from the first of: IT's policy, the room's admin, the install's config. */
export interface RoomSettings {
  language: Language;
  timeZone: string;
  privacy: Privacy;
  signInMethod: SignInMethod;
  join: Record<string, 'web' | 'app'>;
  pinHash: string | null;
  /** Only this provider is offered for the room account; null: every configured one. */
  provider: RoomProvider | null;
  calendarOwner: string | undefined;
  /** Features locked on (part of the first sign-in) and locked off (never asked for). */
  features: { on: FeatureId[]; off: FeatureId[] };
  updateChannel: 'stable' | 'beta';
  /** Recap mail after sessions with files (IT's choice: config or policy, never the room's admin). */
  recapEnabled: boolean;
}

export interface ResolvedRoomSettings {
  values: RoomSettings;
  managed: ManagedKey[];
}

function featuresOf(config: KioskConfig, policy: Policy): RoomSettings['features'] {
  const entries = Object.entries(policy.features ?? {}) as [FeatureId, 'on' | 'off'][];
  const off = entries.filter(([, state]) => state === 'off').map(([id]) => id);
  const on = [...new Set([...config.features, ...entries.filter(([, state]) => state === 'on').map(([id]) => id)])].filter((id) => !off.includes(id));
  return { on, off };
}

/** Which keys the policy sets: exactly those are locked (a key IT left out stays the admin's to choose). */
function managedKeys(policy: Policy): ManagedKey[] {
  const present: [ManagedKey, unknown][] = [
    ['language', policy.display?.language],
    ['timeZone', policy.room?.timeZone],
    ['privacy.hideSubjects', policy.privacy?.hideSubjects],
    ['privacy.hideOrganizers', policy.privacy?.hideOrganizers],
    ['adminPin', policy.admin?.pinHash],
    ['provider', policy.room?.provider],
    ['calendar', policy.room?.calendarOwner],
    ['features', policy.features],
    ['signInMethod', policy.signInMethod],
    ['join', policy.join],
    ['updateChannel', policy.updates?.channel],
  ];
  return present.filter(([, value]) => value !== undefined).map(([key]) => key);
}

/** Precedence: policy > local admin settings > the install's config and built-in defaults. Pure, for the tests. */
export function resolveRoomSettings(config: KioskConfig, local: Settings['local'], policy: Policy, machineTimeZone: string): ResolvedRoomSettings {
  return {
    values: {
      language: policy.display?.language ?? local.language ?? config.display.language,
      timeZone: policy.room?.timeZone ?? local.timeZone ?? config.room.timeZone ?? machineTimeZone,
      privacy: { ...config.privacy, ...local.privacy, ...policy.privacy },
      signInMethod: policy.signInMethod ?? config.signInMethod,
      join: { ...config.join, ...policy.join },
      pinHash: policy.admin?.pinHash ?? local.pinHash ?? config.admin?.pinHash ?? null,
      provider: policy.room?.provider ?? null,
      calendarOwner: policy.room?.calendarOwner ?? config.room.calendarOwner,
      features: featuresOf(config, policy),
      updateChannel: policy.updates?.channel ?? 'stable',
      recapEnabled: policy.recap?.enabled ?? config.recap.enabled,
    },
    managed: managedKeys(policy),
  };
}

/** The tenant part of an authority URL (`https://login.microsoftonline.com/contoso.com` → `contoso.com`). */
export function tenantOf(authority: string): string | null {
  return new URL(authority).pathname.split('/').filter(Boolean).at(-1) ?? null;
}

/**
 * The app registrations IT's policy names replace the install's: read when the accounts are built (at start), since
 * a token cache belongs to one client id and tenant.
 */
export function withPolicyAccounts(config: KioskConfig, policy: Policy): KioskConfig {
  const ms = policy.microsoft;
  const authority = ms?.tenant ? new URL(encodeURIComponent(ms.tenant), new URL('/', config.microsoft.authority)).toString() : config.microsoft.authority;
  const microsoft = { ...config.microsoft, clientId: ms?.clientId ?? config.microsoft.clientId, authority };
  const google = config.google && policy.google?.clientId ? { ...config.google, clientId: policy.google.clientId } : config.google;
  return { ...config, microsoft, google };
}

export type RoomSettingsChange = z.output<typeof RoomSettingsChangeSchema>;

/** The keys of a change the admin asked for that IT's policy locks (the api refuses the whole change then). */
export function lockedKeysIn(change: RoomSettingsChange, managed: readonly ManagedKey[]): ManagedKey[] {
  const touched: [ManagedKey, unknown][] = [
    ['language', change.language],
    ['timeZone', change.timeZone],
    ['privacy.hideSubjects', change.privacy?.hideSubjects],
    ['privacy.hideOrganizers', change.privacy?.hideOrganizers],
    ['adminPin', change.pin],
  ];
  return touched.filter(([key, value]) => value !== undefined && managed.includes(key)).map(([key]) => key);
}
