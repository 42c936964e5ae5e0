import {
  ApiErrorSchema,
  events,
  wire,
  type CallName,
  type CallResult,
  type EventName,
  type EventPayload,
  type RoomdeckApi,
} from '../../shared/api';

/** What the Electron preload puts on `window.roomdeck` (nothing else is exposed). */
interface PreloadBridge {
  call(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    roomdeck?: PreloadBridge;
  }
}

type Listener = (payload: unknown) => void;

function networkError(message: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code: 'host-unreachable', message } };
}

/** Results from main are re-checked here too: a broken host must not crash the screen. */
function asResult<N extends CallName>(raw: unknown): CallResult<N> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    if (raw.ok === true && 'output' in raw) return raw as CallResult<N>;
    const error = ApiErrorSchema.safeParse((raw as { error?: unknown }).error);
    if (raw.ok === false && error.success) return { ok: false, error: error.data };
  }
  return networkError('Roomdeck answered with something unexpected.');
}

function validated<E extends EventName>(event: E, payload: unknown): EventPayload<E> | null {
  const parsed = events[event].safeParse(payload);
  return parsed.success ? (parsed.data as EventPayload<E>) : null;
}

function electronApi(bridge: PreloadBridge): RoomdeckApi {
  return {
    call: async (name, input) => asResult(await bridge.call(name, input)),
    on: (event, listener) =>
      bridge.on(event, (payload) => {
        const checked = validated(event, payload);
        if (checked) listener(checked);
      }),
  };
}

/** The web host: calls are POSTs, events an EventSource; the session cookie carries the per-launch secret. */
function webApi(): RoomdeckApi {
  const listeners = new Map<string, Set<Listener>>();
  const source = new EventSource(wire.httpEventsPath);
  const attach = (event: string): void => {
    source.addEventListener(event, (message: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };
  for (const event of Object.keys(events)) attach(event);

  return {
    call: async (name, input) => {
      try {
        const res = await fetch(`${wire.httpCallPrefix}${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        if (!res.ok) return networkError(`Roomdeck answered ${res.status}.`);
        return asResult(await res.json());
      } catch {
        return networkError('Cannot reach Roomdeck.');
      }
    },
    on: (event, listener) => {
      const wrapped: Listener = (payload) => {
        const checked = validated(event, payload);
        if (checked) listener(checked);
      };
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set.add(wrapped));
      return () => set.delete(wrapped);
    },
  };
}

export function connectApi(): RoomdeckApi {
  return window.roomdeck ? electronApi(window.roomdeck) : webApi();
}
