import { ZodError } from 'zod';
import {
  calls,
  events,
  isCallName,
  type ApiError,
  type CallInputParsed,
  type CallName,
  type CallOutput,
  type CallResult,
  type EventName,
  type EventPayload,
} from '../../shared/api';
import type { Logger } from '../health/logger';

export type Handlers = { [N in CallName]: (input: CallInputParsed<N>) => Promise<CallOutput<N>> };

/** A failure the person at the screen should read: `code` is translated by the renderer. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

function toApiError(err: unknown): ApiError {
  if (err instanceof UserFacingError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) return { code: 'bad-request', message: err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ').slice(0, 2000) };
  return { code: 'internal', message: 'Something went wrong inside Roomdeck; the details are in the log.' };
}

/**
 * The one dispatcher both hosts feed: validates the call name and payload (the renderer is untrusted), runs the
 * handler, and validates what goes back so a bug in main can never leak an unexpected shape (or a token).
 */
export class ApiRouter {
  constructor(
    private readonly handlers: Handlers,
    private readonly log: Logger,
  ) {}

  async dispatch(name: string, rawInput: unknown): Promise<CallResult<CallName>> {
    if (!isCallName(name)) return { ok: false, error: { code: 'unknown-call', message: `Unknown call "${name.slice(0, 80)}".` } };
    const parsed = calls[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      this.log.warn('api.rejected-input', { call: name, issues: parsed.error.issues.length });
      return { ok: false, error: toApiError(parsed.error) };
    }
    try {
      const handler = this.handlers[name] as (input: unknown) => Promise<unknown>;
      const output = calls[name].output.safeParse(await handler(parsed.data));
      if (output.success) return { ok: true, output: output.data } as CallResult<CallName>;
      this.log.error('api.bad-output', { call: name, issue: output.error.issues[0]?.message });
      return { ok: false, error: toApiError(new Error('bad output')) };
    } catch (err) {
      if (!(err instanceof UserFacingError)) this.log.error('api.call-failed', { call: name, error: String(err) });
      return { ok: false, error: toApiError(err) };
    }
  }
}

type AnyListener = (event: EventName, payload: unknown) => void;

/** Pushes validated events to every connected renderer (Electron windows, web-host SSE clients). */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload);
    for (const listener of this.listeners) listener(event, checked);
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
