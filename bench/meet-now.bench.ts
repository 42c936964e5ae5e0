import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { kioskApi, switchOnAsAdmin } from '../e2e/harness/kiosk-api';
import { sandboxGoogleConfig, sandboxKioskConfig, sandboxOAuthProvidersConfig, startKiosk, type RunningKiosk } from '../e2e/harness/kiosk';
import { upcomingToday } from '../e2e/harness/room-truth';
import { startSandbox, type RecordedRequest, type Sandbox, type ServiceName } from '../e2e/sandbox';
import { hashPin } from '../src/main/config/admin-pin';
import { MEETING_SERVICE_NAMES, type MeetingService } from '../src/shared/model';
import { buildAll } from '../scripts/build';
import { TLS_DIR } from '../scripts/sandbox-tls-env';
import type { Figure } from './figure';

const ROOM = 'boardroom4@contoso.com';
const GOOGLE_ACCOUNT = 'room.atlas@fabrikam.example';
const PIN = '2468';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SERVICES: readonly MeetingService[] = ['teams', 'meet', 'zoom', 'webex'];
/** The provider APIs a Meet now talks to; sign-in and token endpoints are not part of making a meeting. */
const PROVIDER_APIS: readonly ServiceName[] = ['graph', 'google-apis', 'zoom-api', 'webex'];
// Generous: signing in and the first sync share two cores with everything else on a build machine.
const READY_TIMEOUT_MS = 60_000;

/**
 * Budgets. Taps: Meet now, the service, the duration — three, with nothing to type. Round trips: the fresh look at
 * the room's calendar and the one after booking (Graph delta, 1 each), the slot check and the booking (2), plus what
 * the service needs: nothing more for Teams (same event); the Google event for Meet (1, +1 while Meet is pending);
 * the create for Zoom (1); the overlap check and the create for Webex (2). Time: what a person waits at the wall.
 */
const ROUND_TRIP_BUDGET: Record<MeetingService, number> = { teams: 4, meet: 6, zoom: 5, webex: 6 };
const TAP_BUDGET = 3;
const WAIT_BUDGET_MS = 3000;

interface Run {
  taps: number;
  roundTrips: number;
  ms: number;
}

/**
 * A request of the Meet now itself: to a provider API (Webex serves OAuth on the same host), and not the in-meeting
 * panel, which starts reading the new Webex meeting (occurrences, participants, controls) as soon as the booking
 * shows, while the link is still on its way to the screen.
 */
function isMeetNowCall(request: RecordedRequest<ServiceName>): boolean {
  if (!PROVIDER_APIS.includes(request.service) || /\/(access_token|authorize|token)$/.test(request.path)) return false;
  const panel = request.query['meetingType'] === 'meeting' || /^\/v1\/(meetingParticipants|meetings\/controls)$/.test(request.path);
  return !panel;
}

/** Boardroom 4 free now, every Meet now service switched on and connected (the sandbox approves by itself). */
async function kioskWithEveryService(sandbox: Sandbox): Promise<RunningKiosk> {
  const now = new Date();
  for (const m of upcomingToday(sandbox, ROOM, now)) if (m.start <= now && m.raw.id) sandbox.control.deleteEvent(ROOM, m.raw.id);
  for (const meeting of sandbox.control.webex.meetings()) sandbox.control.webex.deleteMeeting(String(meeting['id']));
  const config = {
    ...sandboxKioskConfig(sandbox, { autoSignIn: true, calendarOwner: ROOM, pollSeconds: 600, timeZone: 'Europe/Rome' }),
    google: sandboxGoogleConfig(sandbox),
    ...sandboxOAuthProvidersConfig(sandbox),
    features: ['microsoft.sign-in', 'microsoft.calendar', 'microsoft.instant-meeting'],
    admin: { pinHash: await hashPin(PIN) },
  };
  const kiosk = await startKiosk(config);
  try {
    const api = await kioskApi(kiosk.launchUrl);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while ((await api.call('app.state', {})).phase !== 'ready') {
      if (Date.now() > deadline) throw new Error(`the room did not sign in: ${JSON.stringify(await api.call('app.state', {}))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await switchOnAsAdmin(api, PIN, ['google.instant-meeting', 'zoom.instant-meeting', 'webex.instant-meeting'], await readFile(join(TLS_DIR, 'cert.pem'), 'utf8'));
    return kiosk;
  } catch (error) {
    await kiosk.stop();
    throw error;
  }
}

/** From the tap on Meet now to the link on screen, counting taps and the provider requests in between. */
async function meetNowOnce(page: Page, sandbox: Sandbox, service: MeetingService): Promise<Run> {
  sandbox.control.clearRequests();
  let taps = 0;
  const tap = async (name: string, within?: string) => {
    const scope = within ? page.getByRole('group', { name: within }) : page;
    await scope.getByRole('button', { name, exact: true }).click();
    taps += 1;
  };
  const started = performance.now();
  await tap('Meet now');
  await tap(MEETING_SERVICE_NAMES[service], 'Which service?');
  await tap('15 minutes');
  await page.getByTestId('meeting-url').waitFor({ state: 'visible', timeout: 20_000 });
  const ms = performance.now() - started;
  const roundTrips = sandbox.control.requests().filter(isMeetNowCall).length;
  // Give the room back for the next service: close the link, then End now.
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('region', { name: 'Now' }).getByRole('button', { name: 'End now' }).click();
  await page.getByRole('button', { name: 'Meet now' }).waitFor({ state: 'visible', timeout: 20_000 });
  return { taps, roundTrips, ms };
}

async function measure(): Promise<Record<MeetingService, Run>> {
  const sandbox = await startSandbox({ tlsDir: TLS_DIR, autoApprove: { account: ROOM }, googleAutoApprove: { account: GOOGLE_ACCOUNT } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  let kiosk: RunningKiosk | null = null;
  try {
    kiosk = await kioskWithEveryService(sandbox);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(kiosk.launchUrl);
    await page.getByRole('button', { name: 'Meet now' }).waitFor({ state: 'visible', timeout: 20_000 });
    const runs: Partial<Record<MeetingService, Run>> = {};
    for (const service of SERVICES) runs[service] = await meetNowOnce(page, sandbox, service);
    return runs as Record<MeetingService, Run>;
  } finally {
    await kiosk?.stop();
    await browser.close();
    await sandbox.close();
  }
}

export async function figures(): Promise<Figure[]> {
  await buildAll();
  const runs = await measure();
  return SERVICES.flatMap((service) => {
    const run = runs[service];
    const budget = ROUND_TRIP_BUDGET[service];
    return [
      { name: `meet_now.${service}.taps`, value: run.taps, unit: 'taps', budget: `≤ ${TAP_BUDGET}`, ok: run.taps <= TAP_BUDGET },
      { name: `meet_now.${service}.round_trips`, value: run.roundTrips, unit: 'requests', budget: `≤ ${budget}`, ok: run.roundTrips <= budget },
      { name: `meet_now.${service}.time_to_link`, value: run.ms, unit: 'ms', budget: `≤ ${WAIT_BUDGET_MS} ms`, ok: run.ms <= WAIT_BUDGET_MS },
    ];
  });
}
