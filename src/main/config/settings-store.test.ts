import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../health/logger';
import { SettingsStore } from './settings-store';

describe('settings store', () => {
  it('keeps every change when callers update at the same time, in memory and on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roomdeck-settings-'));
    const store = new SettingsStore(dir, silentLogger);
    await store.load();
    const ids = Array.from({ length: 8 }, (_, i) => `booking-${i}`);
    await Promise.all(ids.map((id) => store.update((s) => ({ ...s, bookings: [...s.bookings, id] }))));
    expect(store.get().bookings).toEqual(ids);

    const reloaded = new SettingsStore(dir, silentLogger);
    await reloaded.load();
    expect(reloaded.get().bookings).toEqual(ids);
  });

  it('a change that fails validation is refused without blocking the ones after it', async () => {
    const store = new SettingsStore(await mkdtemp(join(tmpdir(), 'roomdeck-settings-')), silentLogger);
    await store.load();
    const bad = store.update((s) => ({ ...s, bookings: 'not a list' as unknown as string[] }));
    const good = store.update((s) => ({ ...s, bookings: ['kept'] }));
    await expect(bad).rejects.toThrow();
    await good;
    expect(store.get().bookings).toEqual(['kept']);
  });
});
