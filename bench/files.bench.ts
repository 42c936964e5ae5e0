import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureLargeDownload } from '../e2e/harness/large-download';
import type { Figure } from './figure';

const MIB = 1024 * 1024;

/** Importing the sandbox's 200 MiB recording into the workspace: how fast, and how much memory it holds meanwhile. */
export async function figures(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'roomdeck-bench-files-'));
  try {
    const timed = await measureLargeDownload(dir, false);
    const throughput = timed.bytes / MIB / (timed.ms / 1000);
    const peak = (await measureLargeDownload(dir, true)).peakAboveBaseline / MIB;
    return [
      // Loopback, with the sandbox generating the bytes in the same process on a shared 2-core machine.
      { name: 'files.download_200mib_throughput', value: throughput, unit: 'MiB/s', budget: '≥ 20 MiB/s', ok: throughput >= 20 },
      // Bounded by stream buffers (fetch, TLS, file writes), not by the file: a buffered file would be ≥ 200 MiB.
      { name: 'files.download_200mib_peak_memory', value: peak, unit: 'MiB', budget: '≤ 48 MiB above baseline', ok: peak <= 48 },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
