import { z } from 'zod';
import { parseControlBody } from '../core/control';
import { emptyReply, jsonReply, type SandboxRequest } from '../core/http';
import { route, type Route } from '../core/router';
import { controlPattern } from './control';

/**
 * "Apply, then fail": the write is committed, then the client gets an error (a 504 from a gateway, say). The key
 * idempotency test for providers without idempotency keys (Zoom, Webex): a blind retry makes a second meeting.
 * Core faults act before the handler; these act after it, so the handler asks for them once it has committed.
 */
export interface AfterCommitFaultSpec {
  /** Any method when omitted. */
  readonly method?: string;
  /** Regular expression source, tested against the path. */
  readonly path: string;
  readonly status: number;
  /** How many matching requests it affects; default 1. */
  readonly times?: number;
}

interface ActiveFault {
  readonly id: string;
  readonly method: string | undefined;
  readonly regex: RegExp;
  readonly status: number;
  remaining: number;
}

export class AfterCommitFaults {
  private readonly faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: AfterCommitFaultSpec): { id: string } {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`"times" must be a positive integer, got ${String(spec.times)}`);
    const id = `after-commit-${this.nextId++}`;
    this.faults.push({ id, method: spec.method?.toUpperCase(), regex: new RegExp(spec.path), status: spec.status, remaining: times });
    return { id };
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The status to fail a committed request with, consuming one use; null to answer normally. */
  take(req: SandboxRequest): number | null {
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && (candidate.method === undefined || candidate.method === req.method) && candidate.regex.test(req.path));
    if (!fault) return null;
    fault.remaining -= 1;
    return fault.status;
  }
}

const specBody = z.object({
  method: z.string().optional(),
  path: z.string(),
  status: z.number().int().min(400).max(599),
  times: z.number().int().min(1).optional(),
});

export function afterCommitControlRoutes(provider: string, faults: AfterCommitFaults): Route[] {
  return [
    route('POST', controlPattern(provider, 'faults/after-commit'), (req) => jsonReply(201, faults.add(parseControlBody(req, specBody)))),
    route('DELETE', controlPattern(provider, 'faults/after-commit'), () => {
      faults.clear();
      return emptyReply(204);
    }),
  ];
}
