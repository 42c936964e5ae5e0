import type { KioskConfig } from '../config/kiosk-config';

/**
 * Whether and how the installed kiosk updates itself (decisions only; `auto-update.ts` wires them to
 * electron-updater). Plain TypeScript so the policy is tested without Electron.
 */
export type UpdatePlan =
  | { kind: 'off'; reason: 'policy' | 'not-packaged' }
  | { kind: 'on'; channel: 'latest' | 'beta' | 'alpha'; checkEveryMs: number; installAt: string };

export function updatePlan(updates: KioskConfig['updates'], isPackaged: boolean): UpdatePlan {
  if (updates.channel === null) return { kind: 'off', reason: 'policy' };
  // An unpackaged run (development, the demo, the smoke test) has no installer to update.
  if (!isPackaged) return { kind: 'off', reason: 'not-packaged' };
  return { kind: 'on', channel: updates.channel, checkEveryMs: updates.checkHours * 3_600_000, installAt: updates.installAt };
}

/** The next `HH:MM` in the PC's local time after `now`: an update restarts the screen only when nobody is there. */
export function nextInstallTime(now: Date, installAt: string): Date {
  const [hours, minutes] = installAt.split(':').map(Number);
  const next = new Date(now);
  next.setHours(hours ?? 3, minutes ?? 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}
