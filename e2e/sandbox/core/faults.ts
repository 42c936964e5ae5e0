/** OAuth errors a test can force on a token endpoint, whatever the real state of the grant. */
export const OAUTH_FAULT_ERRORS = ['invalid_grant', 'expired_token', 'authorization_declined'] as const;
export type OAuthFaultError = (typeof OAUTH_FAULT_ERRORS)[number];

export type FaultAction =
  /** Answer with this status and the provider's own error body (and Retry-After, when given). */
  | { readonly type: 'status'; readonly status: number; readonly retryAfter?: number }
  | { readonly type: 'oauth'; readonly error: OAuthFaultError }
  /** Wait, then answer normally. */
  | { readonly type: 'delay'; readonly ms: number }
  /** Never answer (the socket stays open until the client gives up or the sandbox closes). */
  | { readonly type: 'hang' }
  /** Destroy the socket without a response. */
  | { readonly type: 'reset' }
  /**
   * Handle the request for real (a write is committed), then answer with this status (default 504) and the provider's
   * error body instead of the real answer: a gateway that lost the reply. Tests idempotency: a blind retry writes twice.
   */
  | { readonly type: 'applyThenFail'; readonly status?: number };

export interface FaultSpec<S extends string = string> {
  readonly service: S;
  /** Any method when omitted. */
  readonly method?: string;
  /** Regular expression source, tested against the path (no query). */
  readonly path: string;
  /** How many matching requests it affects; default 1. */
  readonly times?: number;
  readonly action: FaultAction;
}

export interface ActiveFault<S extends string = string> extends FaultSpec<S> {
  readonly id: string;
  remaining: number;
}

export class FaultRegistry<S extends string = string> {
  private readonly faults: (ActiveFault<S> & { readonly regex: RegExp })[] = [];
  private nextId = 1;

  add(spec: FaultSpec<S>): { id: string } {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault "times" must be a positive integer, got ${String(spec.times)}`);
    const regex = new RegExp(spec.path); // throws on a bad pattern: fail at add time, not at request time
    const id = `fault-${this.nextId++}`;
    this.faults.push({ ...spec, method: spec.method?.toUpperCase(), times, id, remaining: times, regex });
    return { id };
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Consumes one use of the first matching fault (in the order they were added). */
  take(service: S, method: string, path: string): FaultAction | null {
    const fault = this.faults.find(
      (candidate) =>
        candidate.remaining > 0 && candidate.service === service && (candidate.method === undefined || candidate.method === method) && candidate.regex.test(path),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    return fault.action;
  }
}
