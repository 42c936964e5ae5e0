import { describe, expect, it } from 'vitest';
import { createLogger } from '../health/logger';
import { ApiRouter, EventBus, UserFacingError, type Handlers } from './router';

function routerWith(overrides: Partial<Handlers>, lines: string[] = []): ApiRouter {
  return new ApiRouter(overrides as Handlers, createLogger((l) => lines.push(l)));
}

describe('ApiRouter', () => {
  it('refuses unknown calls, including prototype names', async () => {
    const router = routerWith({});
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      const result = await router.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('validates input before the handler runs', async () => {
    let ran = false;
    const router = routerWith({ 'setup.chooseCalendar': async () => ((ran = true), {}) });
    for (const input of [null, 'x', 42, { calendarId: 7 }, { calendarId: 'a'.repeat(600) }, { calendarId: 'ok', more: 1 }]) {
      expect(await router.dispatch('setup.chooseCalendar', input)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(ran).toBe(false);
  });

  it('validates output, so a bug in main cannot leak an unexpected shape', async () => {
    const router = routerWith({ 'app.state': async () => ({ phase: 'ready', token: 'secret' }) as never });
    const result = await router.dispatch('app.state', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('passes user-facing errors through and hides internal ones (logging them)', async () => {
    const lines: string[] = [];
    const router = routerWith(
      {
        'agenda.get': async () => {
          throw new UserFacingError('calendar-gone', 'The calendar was removed.');
        },
        'app.state': async () => {
          throw new Error('stack trace with access_token=abc.def');
        },
      },
      lines,
    );
    expect(await router.dispatch('agenda.get', {})).toEqual({ ok: false, error: { code: 'calendar-gone', message: 'The calendar was removed.' } });
    const internal = await router.dispatch('app.state', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lines.join('\n')).toContain('api.call-failed');
    expect(lines.join('\n')).not.toContain('abc.def');
  });
});

describe('EventBus', () => {
  it('refuses to push an event that breaks the contract', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((_e, p) => seen.push(p));
    expect(() => bus.emit('open-url', { url: 'not a url' })).toThrow();
    bus.emit('open-url', { url: 'https://contoso.zoom.us/j/1' });
    expect(seen).toEqual([{ url: 'https://contoso.zoom.us/j/1' }]);
  });
});
