import type { Event } from '@microsoft/microsoft-graph-types';
import type { ControlMessage } from './microsoft/control';
import type { DeviceApproval, FaultSpec, OutboxMail, RecordedRequest, ServiceName } from './index';

/**
 * The control API over HTTP, for tests that run in another process than the sandbox (Playwright specs driving
 * the kiosk against `npm run demo`). Same operations as `Sandbox.control`, all async. Any listener's origin works.
 */
export interface SandboxControlClient {
  requests(filter?: { service?: ServiceName }): Promise<RecordedRequest<ServiceName>[]>;
  clearRequests(): Promise<void>;
  addFault(spec: FaultSpec<ServiceName>): Promise<{ id: string }>;
  clearFaults(): Promise<void>;
  revoke(account: string): Promise<void>;
  approveDeviceCode(approval: DeviceApproval): Promise<void>;
  grantedScopes(account: string): Promise<string[]>;
  tokenIsLive(token: string): Promise<boolean>;
  addEvent(ownerEmail: string, event: Event): Promise<Event>;
  updateEvent(ownerEmail: string, id: string, patch: Event): Promise<Event>;
  deleteEvent(ownerEmail: string, id: string): Promise<void>;
  cancelOccurrence(ownerEmail: string, seriesMasterId: string, day: string): Promise<Event>;
  editOccurrence(ownerEmail: string, seriesMasterId: string, day: string, patch: Event): Promise<Event>;
  invalidateDeltaTokens(): Promise<void>;
  events(ownerEmail: string): Promise<Event[]>;
  messages(ownerEmail: string): Promise<ControlMessage[]>;
  /** Mail the account sent (Graph sendMail, Gmail messages.send), oldest first. */
  outbox(account: string): Promise<OutboxMail[]>;
}

export function createControlClient(origin: string): SandboxControlClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${origin}/__sandbox/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox control ${method} ${path} → ${response.status}: ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
  const mailbox = (owner: string): string => `mailboxes/${encodeURIComponent(owner)}/events`;
  return {
    requests: (filter) => call('GET', `requests${filter?.service ? `?service=${filter.service}` : ''}`),
    clearRequests: () => call('DELETE', 'requests'),
    addFault: (spec) => call('POST', 'faults', spec),
    clearFaults: () => call('DELETE', 'faults'),
    revoke: (account) => call('POST', 'revoke', { account }),
    approveDeviceCode: (approval) => call('POST', 'device-codes/approve', approval),
    grantedScopes: async (account) => (await call<{ scopes: string[] }>('GET', `accounts/${encodeURIComponent(account)}/scopes`)).scopes,
    tokenIsLive: async (token) => (await call<{ live: boolean }>('POST', 'tokens/live', { token })).live,
    addEvent: (owner, event) => call('POST', mailbox(owner), event),
    updateEvent: (owner, id, patch) => call('PATCH', `${mailbox(owner)}/${encodeURIComponent(id)}`, patch),
    deleteEvent: (owner, id) => call('DELETE', `${mailbox(owner)}/${encodeURIComponent(id)}`),
    cancelOccurrence: (owner, id, day) => call('DELETE', `${mailbox(owner)}/${encodeURIComponent(id)}/occurrences/${day}`),
    editOccurrence: (owner, id, day, patch) => call('PATCH', `${mailbox(owner)}/${encodeURIComponent(id)}/occurrences/${day}`, patch),
    invalidateDeltaTokens: () => call('POST', 'graph/delta-tokens/invalidate'),
    events: (owner) => call('GET', mailbox(owner)),
    messages: (owner) => call('GET', `mailboxes/${encodeURIComponent(owner)}/messages`),
    outbox: (account) => call('GET', `outbox/${encodeURIComponent(account)}`),
  };
}
