/**
 * The sandbox in a worker thread (its own V8 heap), for the soak: what the soak measures is then the kiosk's heap
 * alone, not the test cloud's request log, token store and change log. The time comes from the soak's timeline
 * through shared memory; control goes over the sandbox's HTTP control API.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createControlClient, type SandboxControlClient } from '../sandbox/control-client';
import type { SandboxEndpoints } from './virtual-kiosk';
import { startClockedSandbox } from './virtual-kiosk';

interface WorkerInput {
  clock: SharedArrayBuffer;
}

export interface SandboxInWorker {
  endpoints: SandboxEndpoints;
  control: SandboxControlClient;
  close(): Promise<void>;
}

/** Shared memory for the timeline's time: the soak's timeline publishes each move, the worker's sandbox reads it. */
export function sandboxWorkerClock(): { clock: SharedArrayBuffer; publish: (epochMs: number) => void } {
  const clock = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
  const view = new Float64Array(clock);
  return { clock, publish: (epochMs) => void (view[0] = epochMs) };
}

export async function startSandboxWorker(clock: SharedArrayBuffer): Promise<SandboxInWorker> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { clock } satisfies WorkerInput });
  const endpoints = await new Promise<SandboxEndpoints>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    endpoints,
    control: createControlClient(endpoints.urls.graph),
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

async function runInWorker(input: WorkerInput): Promise<void> {
  const view = new Float64Array(input.clock);
  const sandbox = await startClockedSandbox(() => new Date(view[0] ?? 0));
  const { clientId, tenant, urls, google } = sandbox;
  parentPort?.postMessage({ clientId, tenant, urls, google } satisfies SandboxEndpoints);
  parentPort?.once('message', () => void sandbox.close().then(() => process.exit(0)));
}

if (!isMainThread) await runInWorker(workerData as WorkerInput);
