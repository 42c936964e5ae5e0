/**
 * Loaded by main.ts only: electron-updater requires `electron` as it loads, so no test may import this file. Runs the
 * update plan from update-policy.ts: check on a timer, download in the background, restart into it at the quiet hour.
 */
import electronUpdater from 'electron-updater';
import type { Logger } from '../health/logger';
import type { Clock } from '../ports';
import { nextInstallTime, type UpdatePlan } from './update-policy';

/** Starts checking for updates as the plan says; returns what stops it. */
export function startAutoUpdates(plan: UpdatePlan, clock: Clock, log: Logger): () => void {
  if (plan.kind === 'off') {
    log.info('update.off', { reason: plan.reason });
    return () => {};
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.channel = plan.channel;
  autoUpdater.allowDowngrade = false;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  // Our own log (redacted, rotated) instead of electron-updater's console output.
  autoUpdater.logger = null;
  let installTimer: NodeJS.Timeout | null = null;
  autoUpdater.on('error', (err) => log.warn('update.failed', { error: err.message }));
  autoUpdater.on('update-downloaded', (info) => {
    const at = nextInstallTime(clock.now(), plan.installAt);
    log.info('update.downloaded', { version: info.version, installAt: at.toISOString() });
    if (installTimer) clearTimeout(installTimer);
    installTimer = setTimeout(() => autoUpdater.quitAndInstall(true, true), at.getTime() - clock.now().getTime());
  });
  const check = () => void autoUpdater.checkForUpdates().catch((err: unknown) => log.warn('update.check-failed', { error: String(err) }));
  check();
  const checkTimer = setInterval(check, plan.checkEveryMs);
  log.info('update.on', { channel: plan.channel });
  return () => {
    clearInterval(checkTimer);
    if (installTimer) clearTimeout(installTimer);
  };
}
