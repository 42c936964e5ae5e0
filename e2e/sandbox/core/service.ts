import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock';
import { sleep } from './clock';
import type { FaultAction, FaultRegistry, OAuthFaultError } from './faults';
import { jsonReply, readRequest, sendReply, type Reply, type SandboxRequest } from './http';
import type { RequestRecorder } from './recorder';
import { matchRoute, type Route } from './router';

/** Everything one provider endpoint (one listener) contributes: its routes and how it speaks errors. */
export interface ServiceDefinition<S extends string = string> {
  readonly name: S;
  readonly routes: readonly Route[];
  /** What to record beyond method/path/query/form. */
  describe(req: SandboxRequest): { scopes: readonly string[] | null; grantType: string | null };
  /** The provider's own error body for an injected status (429, 503, ...). */
  statusFault(req: SandboxRequest, status: number, retryAfter: number | undefined): Reply;
  /** Only identity services can fake OAuth errors. */
  oauthFault?(req: SandboxRequest, error: OAuthFaultError): Reply;
  notFound(req: SandboxRequest): Reply;
  methodNotAllowed(req: SandboxRequest): Reply;
  internalError(req: SandboxRequest, error: unknown): Reply;
}

export interface ServiceDeps<S extends string> {
  readonly clock: Clock;
  readonly recorder: RequestRecorder<S>;
  readonly faults: FaultRegistry<S>;
  /** `/__sandbox/...` routes, served by every listener, never recorded and never faulted. */
  readonly controlRoutes: readonly Route[];
}

export const CONTROL_PREFIX = '/__sandbox/';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

async function routeRequest(service: ServiceDefinition, routes: readonly Route[], req: SandboxRequest): Promise<Reply> {
  const match = matchRoute(routes, req.method, req.path);
  if (match.kind === 'none') return service.notFound(req);
  if (match.kind === 'wrong-method') return service.methodNotAllowed(req);
  try {
    return await match.route.handle(req, match.params);
  } catch (error) {
    return service.internalError(req, error);
  }
}

async function routeControl(routes: readonly Route[], req: SandboxRequest): Promise<Reply> {
  const match = matchRoute(routes, req.method, req.path);
  if (match.kind === 'none') return jsonReply(404, { error: `no control route ${req.method} ${req.path}` });
  if (match.kind === 'wrong-method') return jsonReply(405, { error: `${req.method} not allowed on ${req.path}` });
  try {
    return await match.route.handle(req, match.params);
  } catch (error) {
    // Control errors are the test author's mistakes (unknown account, bad fault): say exactly what was wrong.
    return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

type FaultOutcome = { kind: 'reply'; reply: Reply } | { kind: 'continue' } | { kind: 'hang' } | { kind: 'reset' } | { kind: 'apply-then-fail'; status: number };

/** A gateway time-out is what a client most often sees when the provider committed but the answer got lost. */
const LOST_ANSWER_STATUS = 504;

async function applyFault(service: ServiceDefinition, req: SandboxRequest, action: FaultAction): Promise<FaultOutcome> {
  switch (action.type) {
    case 'status':
      return { kind: 'reply', reply: service.statusFault(req, action.status, action.retryAfter) };
    case 'oauth':
      return service.oauthFault
        ? { kind: 'reply', reply: service.oauthFault(req, action.error) }
        : { kind: 'reply', reply: service.internalError(req, new Error(`${service.name} cannot fake OAuth errors`)) };
    case 'delay':
      await sleep(action.ms);
      return { kind: 'continue' };
    case 'hang':
      return { kind: 'hang' };
    case 'reset':
      return { kind: 'reset' };
    case 'applyThenFail':
      return { kind: 'apply-then-fail', status: action.status ?? LOST_ANSWER_STATUS };
  }
}

/** The request pipeline of one listener: control routes, then record, then faults, then the provider's routes. */
export function createServiceHandler<S extends string>(service: ServiceDefinition<S>, deps: ServiceDeps<S>): NodeHandler {
  async function handle(rawReq: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const req = await readRequest(rawReq, origin);
    if (req.path.startsWith(CONTROL_PREFIX)) {
      sendReply(res, await routeControl(deps.controlRoutes, req));
      return;
    }
    const { scopes, grantType } = service.describe(req);
    const record = deps.recorder.record({
      service: service.name,
      method: req.method,
      path: req.path,
      query: req.query,
      form: req.form,
      scopes,
      grantType,
      at: deps.clock().toISOString(),
    });
    const action = deps.faults.take(service.name, req.method, req.path);
    const outcome: FaultOutcome = action ? await applyFault(service, req, action) : { kind: 'continue' };
    if (outcome.kind === 'hang') return;
    if (outcome.kind === 'reset') {
      rawReq.socket.destroy();
      return;
    }
    const reply = outcome.kind === 'reply' ? outcome.reply : await routeRequest(service, service.routes, req);
    const sent = outcome.kind === 'apply-then-fail' ? service.statusFault(req, outcome.status, undefined) : reply;
    record.status = sent.status;
    sendReply(res, sent);
  }

  return (rawReq, res, origin) => {
    handle(rawReq, res, origin).catch((error: unknown) => {
      // Only reachable if reading the request itself failed (client vanished mid-body).
      if (!res.headersSent && !res.destroyed) sendReply(res, jsonReply(500, { error: String(error) }));
    });
  };
}
