import { z } from 'zod';
import { OAUTH_FAULT_ERRORS, type FaultRegistry, type FaultSpec } from './faults';
import { emptyReply, jsonReply, parseJsonBody, type SandboxRequest } from './http';
import type { RecordedRequest, RequestRecorder } from './recorder';
import { route, type Route } from './router';
import type { ServiceDefinition } from './service';

/** Control operations every sandbox has, whatever the providers: the request log and fault injection. */
export interface CoreControl<S extends string> {
  requests(filter?: { service?: S }): RecordedRequest<S>[];
  clearRequests(): void;
  addFault(spec: FaultSpec<S>): { id: string };
  clearFaults(): void;
}

function assertFaultFits<S extends string>(services: readonly ServiceDefinition<S>[], spec: FaultSpec<S>): void {
  const service = services.find((candidate) => candidate.name === spec.service);
  if (!service) throw new Error(`unknown service "${spec.service}"; known: ${services.map((s) => s.name).join(', ')}`);
  if (spec.action.type === 'oauth' && !service.oauthFault) throw new Error(`service "${spec.service}" has no OAuth endpoint to fake errors on`);
}

export function createCoreControl<S extends string>(
  services: readonly ServiceDefinition<S>[],
  recorder: RequestRecorder<S>,
  faults: FaultRegistry<S>,
): CoreControl<S> {
  return {
    requests: (filter) => recorder.list(filter),
    clearRequests: () => recorder.clear(),
    addFault: (spec) => {
      assertFaultFits(services, spec);
      return faults.add(spec);
    },
    clearFaults: () => faults.clear(),
  };
}

const faultActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: z.number().int().min(400).max(599), retryAfter: z.number().min(0).optional() }),
  z.object({ type: z.literal('oauth'), error: z.enum(OAUTH_FAULT_ERRORS) }),
  z.object({ type: z.literal('delay'), ms: z.number().int().min(0).max(600_000) }),
  z.object({ type: z.literal('hang') }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('applyThenFail'), status: z.number().int().min(400).max(599).optional() }),
]);

const faultSpecSchema = z.object({
  service: z.string(),
  method: z.string().optional(),
  path: z.string(),
  times: z.number().int().min(1).optional(),
  action: faultActionSchema,
});

function checked<T>(value: unknown, schema: z.ZodType<T>, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; '));
  return result.data;
}

/** Parses a JSON control body; errors become a 400 naming the bad field (see routeControl). */
export function parseControlBody<T>(req: SandboxRequest, schema: z.ZodType<T>): T {
  return checked(parseJsonBody(req), schema, 'body');
}

/** Reads a control request's query parameters, as parseControlBody reads its body. */
export function parseControlQuery<T>(req: SandboxRequest, schema: z.ZodType<T>): T {
  return checked(req.query, schema, 'query');
}

export function coreControlRoutes<S extends string>(control: CoreControl<S>, serviceNames: readonly S[]): Route[] {
  const asService = (name: string): S => {
    const known = serviceNames.find((candidate) => candidate === name);
    if (known === undefined) throw new Error(`unknown service "${name}"; known: ${serviceNames.join(', ')}`);
    return known;
  };
  const toService = (name: string | undefined): S | undefined => (name === undefined ? undefined : asService(name));
  return [
    route('GET', /^\/__sandbox\/requests$/, (req) => jsonReply(200, control.requests({ service: toService(req.query['service']) }))),
    route('DELETE', /^\/__sandbox\/requests$/, () => {
      control.clearRequests();
      return emptyReply(204);
    }),
    route('POST', /^\/__sandbox\/faults$/, (req) => {
      const spec = parseControlBody(req, faultSpecSchema);
      return jsonReply(201, control.addFault({ ...spec, service: asService(spec.service) }));
    }),
    route('DELETE', /^\/__sandbox\/faults$/, () => {
      control.clearFaults();
      return emptyReply(204);
    }),
  ];
}
