import { createContext, useContext, useEffect, useState } from 'react';
import type { RoomdeckApi } from '../../shared/api';
import type { Agenda, AppState } from '../../shared/model';

export const ApiContext = createContext<RoomdeckApi | null>(null);

/**
 * Main's state and the agenda as fetched at boot, side by side with the display settings: the first render paints
 * the day at once instead of after three round trips in a row. The hooks still subscribe and fetch again, so
 * nothing pushed between the boot fetch and the first render is lost.
 */
export interface BootSnapshot {
  state: AppState;
  agenda: Agenda | null;
}

export const BootContext = createContext<BootSnapshot>({ state: { phase: 'starting' }, agenda: null });

export function useApi(): RoomdeckApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext missing');
  return api;
}

/** Main's state, fetched once and then kept current by pushed events. */
export function useAppState(): AppState {
  const api = useApi();
  const [state, setState] = useState<AppState>(useContext(BootContext).state);
  useEffect(() => {
    const off = api.on('state', setState);
    void api.call('app.state', {}).then((r) => r.ok && setState(r.output));
    return off;
  }, [api]);
  return state;
}

export function useAgenda(): Agenda | null {
  const api = useApi();
  const [agenda, setAgenda] = useState<Agenda | null>(useContext(BootContext).agenda);
  useEffect(() => {
    const off = api.on('agenda', setAgenda);
    void api.call('agenda.get', {}).then((r) => r.ok && r.output && setAgenda(r.output));
    return off;
  }, [api]);
  return agenda;
}

/** Main asks the page to open links it resolved (web host only; Electron opens its own windows). */
export function useOpenUrlRequests(): void {
  const api = useApi();
  useEffect(() => api.on('open-url', ({ url }) => void window.open(url, '_blank', 'noopener')), [api]);
}

/**
 * The current time. The timer re-renders every `everyMs` (aligned so minute changes show at once); any other
 * re-render (a new agenda) also reads the clock afresh, so a meeting that just started never shows as "soon".
 */
export function useNow(everyMs: number): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    let timer: number;
    const tick = () => {
      setTick((n) => n + 1);
      timer = window.setTimeout(tick, everyMs - (Date.now() % everyMs));
    };
    timer = window.setTimeout(tick, everyMs - (Date.now() % everyMs));
    return () => window.clearTimeout(timer);
  }, [everyMs]);
  return new Date();
}

type ActivityEvent = 'pointerdown' | 'keydown' | 'wheel';

/**
 * Calls `onIdle` after `ms` without any of `events`; each one calls `onActivity` and starts the wait again. Returns
 * the clean-up, for an effect to hand back.
 */
function watchActivity(ms: number, events: readonly ActivityEvent[], capture: boolean, onIdle: () => void, onActivity: () => void = () => undefined): () => void {
  let timer = window.setTimeout(onIdle, ms);
  const restart = () => {
    onActivity();
    window.clearTimeout(timer);
    timer = window.setTimeout(onIdle, ms);
  };
  for (const e of events) window.addEventListener(e, restart, { capture });
  return () => {
    window.clearTimeout(timer);
    for (const e of events) window.removeEventListener(e, restart, { capture });
  };
}

/** True once nobody has touched the screen for `afterMs` (0 = never); any touch, click or key wakes it. */
export function useIdle(afterMs: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (afterMs <= 0) return;
    return watchActivity(afterMs, ['pointerdown', 'keydown', 'wheel'], true, () => setIdle(true), () => setIdle(false));
  }, [afterMs]);
  return idle;
}

/** Admin screens close by themselves after this long untouched, like the PIN session in main. */
export const ADMIN_IDLE_MS = 5 * 60_000;

/** Calls `onIdle` once nobody has touched the screen for `ms` (each touch starts the wait again). */
export function useIdleTimeout(ms: number, onIdle: () => void): void {
  useEffect(() => watchActivity(ms, ['pointerdown'], false, onIdle), [ms, onIdle]);
}
