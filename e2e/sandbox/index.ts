import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock } from './core/clock';
import { coreControlRoutes, createCoreControl, type CoreControl } from './core/control';
import { FaultRegistry } from './core/faults';
import { Outbox, type OutboxMail } from './core/outbox';
import { jsonReply } from './core/http';
import { startHttpsListener, type Listener, type TlsMaterial } from './core/listener';
import { RequestRecorder } from './core/recorder';
import { route } from './core/router';
import { createServiceHandler } from './core/service';
import { microsoftControlRoutes, type MicrosoftControl } from './microsoft/control';
import { createGoogleCloud, googleClientConfig, type GoogleClientConfig, type GoogleControl, type GoogleServiceName } from './google';
import { createDropboxCloud, type DropboxControl, type DropboxServiceName } from './dropbox';
import { createMicrosoftCloud, type MicrosoftServiceName } from './microsoft';
import type { DriveControl } from './drives/store';
import { withBinaryBodies } from './dropbox/streaming';
import { createWebexCloud, type WebexControl, type WebexServiceName } from './webex';
import { createZoomCloud, type ZoomControl, type ZoomServiceName } from './zoom';

export type { FaultAction, FaultSpec, OAuthFaultError } from './core/faults';
export type { RecordedRequest } from './core/recorder';
export type { OutboxAttachment, OutboxMail } from './core/outbox';
export type { DeviceApproval } from './microsoft/entra/device-flow';
export type { MicrosoftControl } from './microsoft/control';

/** Services (one listener each). Later providers add their names here. */
export type ServiceName = MicrosoftServiceName | GoogleServiceName | ZoomServiceName | WebexServiceName | DropboxServiceName;

export interface SandboxOptions {
  /** Contains cert.pem + key.pem (see ensureSandboxTls in ./tls). */
  tlsDir: string;
  /** Injectable clock (token expiry, seed anchor); default real time. */
  now?: () => Date;
  /** The day the seed is built around; default now. */
  seedAnchor?: Date;
  /** Demo: approve every device code as this account, with consent. */
  autoApprove?: { account: string } | null;
  /** Demo: approve Google consent as this account (Google accounts differ from Microsoft ones). */
  googleAutoApprove?: { account: string } | null;
}

export interface SandboxControl extends CoreControl<ServiceName>, MicrosoftControl {
  readonly google: GoogleControl;
  readonly zoom: ZoomControl;
  readonly webex: WebexControl;
  readonly dropbox: DropboxControl;
  readonly onedrive: DriveControl;
  readonly googleDrive: DriveControl;
  /** What `account` sent through Graph sendMail or Gmail messages.send, oldest first (nothing is delivered). */
  outbox(account: string): OutboxMail[];
}

/** Client registrations of the OAuth2 providers, for the kiosk's config. */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

export interface GoogleSandboxInfo {
  clientId: string;
  clientSecret: string;
  roomAccount: string;
  roomCalendarId: string;
  config: GoogleClientConfig;
}

export interface Sandbox {
  /** `https://127.0.0.1:PORT`, no trailing slash; one listener each. */
  urls: Record<ServiceName, string>;
  tenant: string;
  clientId: string;
  google: GoogleSandboxInfo;
  apps: { zoom: OAuthApp; webex: OAuthApp; dropbox: OAuthApp };
  control: SandboxControl;
  close(): Promise<void>;
}

async function readTls(dir: string): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([readFile(join(dir, 'cert.pem'), 'utf8'), readFile(join(dir, 'key.pem'), 'utf8')]);
  return { cert, key };
}

/** Listeners whose requests or replies carry file bytes (downloads streamed, uploads kept as sent). */
const BINARY_SERVICES: ReadonlySet<ServiceName> = new Set(['dropbox-content', 'onedrive-content', 'graph', 'google-apis']);

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const clock = opts.now ?? systemClock;
  const tls = await readTls(opts.tlsDir);
  const outbox = new Outbox(clock);
  const urls: Record<ServiceName, string> = {
    entra: '',
    graph: '',
    'onedrive-content': '',
    'google-oauth': '',
    'google-apis': '',
    'google-people': '',
    zoom: '',
    'zoom-api': '',
    webex: '',
    'dropbox-api': '',
    'dropbox-content': '',
  };
  const microsoft = createMicrosoftCloud({ clock, seedAnchor: opts.seedAnchor ?? clock(), autoApprove: opts.autoApprove ?? null, onedriveContentOrigin: () => urls['onedrive-content'], outbox });
  const google = createGoogleCloud({ clock, seedAnchor: opts.seedAnchor ?? clock(), autoApprove: opts.googleAutoApprove ?? null, outbox });
  const providerOptions = { clock, seedAnchor: opts.seedAnchor ?? clock(), autoApprove: opts.autoApprove ?? null };
  const zoom = createZoomCloud({ ...providerOptions, apiOrigin: () => urls['zoom-api'] || undefined });
  const webex = createWebexCloud(providerOptions);
  const dropbox = createDropboxCloud(providerOptions);
  const services = [...microsoft.services, ...google.services, ...zoom.services, ...webex.services, ...dropbox.services];
  const recorder = new RequestRecorder<ServiceName>();
  const faults = new FaultRegistry<ServiceName>();
  const control: SandboxControl = { ...createCoreControl<ServiceName>(services, recorder, faults), ...microsoft.control, google: google.control, zoom: zoom.control, webex: webex.control, dropbox: dropbox.control, onedrive: microsoft.onedrive, googleDrive: google.drive, outbox: (account) => outbox.of(account) };
  const googleInfo = { clientId: google.app.clientId, clientSecret: google.app.clientSecret, roomAccount: google.room.account, roomCalendarId: google.room.calendarId };
  const apps = { zoom: zoom.app, webex: webex.app, dropbox: dropbox.app };
  const info = { urls, tenant: microsoft.tenant.domain, clientId: microsoft.app.clientId, google: googleInfo, apps };
  const controlRoutes = [
    route('GET', /^\/__sandbox\/info$/, () => jsonReply(200, info)),
    ...coreControlRoutes(control, services.map((service) => service.name)),
    route('GET', /^\/__sandbox\/outbox\/(?<account>[^/]+)$/, (_req, params) => jsonReply(200, control.outbox(params['account'] ?? ''))),
    ...microsoftControlRoutes(control),
    ...google.controlRoutes,
    ...zoom.controlRoutes,
    ...webex.controlRoutes,
    ...dropbox.controlRoutes,
  ];
  const listeners: Listener[] = [];
  try {
    for (const service of services) {
      const handler = createServiceHandler<ServiceName>(service, { clock, recorder, faults, controlRoutes });
      const listener = await startHttpsListener(tls, BINARY_SERVICES.has(service.name) ? withBinaryBodies(handler) : handler);
      listeners.push(listener);
      urls[service.name] = listener.origin;
    }
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  const config = googleClientConfig({ oauth: urls['google-oauth'], apis: urls['google-apis'], people: urls['google-people'] });
  return {
    ...info,
    google: { ...googleInfo, config },
    control,
    close: async () => {
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}
