import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRoomdeck } from '../app';
import { MemoryVault } from '../auth/memory-vault';
import { hashPin } from '../config/admin-pin';
import { parseKioskConfig } from '../config/kiosk-config';
import { silentLogger } from '../health/logger';
import { systemClock } from '../ports';
import { PolicyService } from './policy-service';

const config = parseKioskConfig({ microsoft: { clientId: 'app', authority: 'https://login.example/contoso.com' } }, 'test');

/** A kiosk with IT's policy file, as a host builds it; `setUp` already done means the wizard was finished. */
async function kiosk(policy: Record<string, unknown> | null, setUp: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'rd-policy-app-'));
  const path = join(dir, 'policy.json');
  if (policy) await writeFile(path, JSON.stringify(policy));
  if (setUp) await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, room: null, firstConfig: 'done' }));
  const service = new PolicyService({ path, dataDir: dir, clock: systemClock, log: silentLogger });
  await service.load();
  const app = createRoomdeck(config, dir, { vault: new MemoryVault(), opener: { open: async () => undefined }, browser: { open: async () => undefined }, clock: systemClock, log: silentLogger, policy: service });
  await app.start();
  const call = (name: string, input: unknown) => app.router.dispatch(name, input);
  /** IT pushes a new file (the watcher's debounce is PolicyService's own test). */
  const push = async (next: Record<string, unknown>) => {
    await writeFile(path, JSON.stringify(next));
    await service.load();
  };
  return { call, push };
}

describe('settings locked by policy', () => {
  it('are refused to any caller, also one holding the admin PIN, while the others change', async () => {
    const { call, push } = await kiosk({ version: 1, display: { language: 'it' }, privacy: { hideSubjects: true } }, false);
    expect(await call('settings.setRoom', { language: 'en' })).toEqual({ ok: false, error: { code: 'setting-managed', message: 'Managed by your organization: language.' } });
    expect(await call('settings.setRoom', { privacy: { hideSubjects: false, hideOrganizers: true } })).toMatchObject({ ok: false, error: { code: 'setting-managed' } });
    expect(await call('settings.setRoom', { privacy: { hideOrganizers: true }, timeZone: 'Europe/Rome' })).toEqual({ ok: true, output: {} });
    expect(await call('settings.room', {})).toMatchObject({
      ok: true,
      output: { language: 'it', timeZone: 'Europe/Rome', privacy: { hideSubjects: true, hideOrganizers: true }, tenant: 'contoso.com', managed: ['language', 'privacy.hideSubjects'] },
    });

    // IT unlocks the language and locks the time zone: the admin's own choice applies again, the zone is IT's.
    await push({ version: 1, room: { timeZone: 'Asia/Tokyo' } });
    expect(await call('settings.setRoom', { language: 'en' })).toEqual({ ok: true, output: {} });
    expect(await call('settings.setRoom', { timeZone: 'Europe/Rome' })).toMatchObject({ ok: false, error: { code: 'setting-managed' } });
    expect(await call('settings.room', {})).toMatchObject({ ok: true, output: { language: 'en', timeZone: 'Asia/Tokyo', managed: ['timeZone'] } });
  });
});

describe('admin PIN', () => {
  it('set by policy: the policy’s PIN opens settings, it cannot be changed here, and five wrong tries lock it', async () => {
    const { call } = await kiosk({ version: 1, admin: { pinHash: await hashPin('1357') } }, true);
    expect(await call('settings.room', {})).toMatchObject({ ok: false, error: { code: 'admin-locked' } });
    expect(await call('admin.unlock', { pin: '1357' })).toEqual({ ok: true, output: { unlocked: true } });
    expect(await call('settings.setRoom', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'setting-managed' } });
    await call('admin.lock', {});
    for (let left = 4; left >= 1; left--) expect(await call('admin.unlock', { pin: '0000' })).toMatchObject({ output: { unlocked: false, reason: 'wrong-pin', attemptsLeft: left } });
    expect(await call('admin.unlock', { pin: '0000' })).toMatchObject({ output: { unlocked: false, reason: 'locked' } });
    expect(await call('admin.unlock', { pin: '1357' })).toMatchObject({ output: { unlocked: false, reason: 'locked' } });
  });

  it('chosen in the wizard: stored hashed, and what opens settings afterwards', async () => {
    const { call, push } = await kiosk(null, false);
    expect(await call('settings.setRoom', { pin: '4321' })).toEqual({ ok: true, output: {} });
    expect(await call('admin.unlock', { pin: '4321' })).toEqual({ ok: true, output: { unlocked: true } });
    expect(await call('admin.unlock', { pin: '1234' })).toMatchObject({ output: { unlocked: false, reason: 'wrong-pin' } });

    // IT changes the PIN by policy later: the room's own PIN stops working.
    await push({ version: 1, admin: { pinHash: await hashPin('8642') } });
    expect(await call('admin.unlock', { pin: '4321' })).toMatchObject({ output: { unlocked: false, reason: 'wrong-pin' } });
    expect(await call('admin.unlock', { pin: '8642' })).toEqual({ ok: true, output: { unlocked: true } });
  });
});
