import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LARGE_FILE_PATH, LARGE_FILE_SIZE } from '../sandbox/dropbox';
import { startDropboxForTest } from '../sandbox/dropbox/test-helpers';
import { DropboxDrive } from '../../src/main/files/dropbox-drive';
import { streamToFile } from '../../src/main/files/stream-to-file';

/** V8's gc(), reachable without starting Node with --expose-gc (the flag can be set at run time for new contexts). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Live memory right after a collection: a file buffered whole would show here; garbage not yet collected would not. */
function heldBytes(): number {
  collectGarbage();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

export interface LargeDownload {
  readonly bytes: number;
  readonly ms: number;
  /** Most live memory seen during the download, above what was live before it. */
  readonly peakAboveBaseline: number;
}

/**
 * Imports the sandbox Dropbox's 200 MiB recording through the real client and streamToFile into `dir`, sampling
 * live memory at every progress report (a collection each time, which slows the download: the throughput figure is
 * taken from a run without sampling). Used by the integration test and by `npm run bench`.
 */
export async function measureLargeDownload(dir: string, sampleMemory = true): Promise<LargeDownload> {
  const { sandbox, client } = await startDropboxForTest(new Date('2026-11-23T10:10:00Z'));
  try {
    const { access_token } = await client.signIn('files.metadata.read files.content.read');
    const drive = new DropboxDrive({ apiBaseUrl: `${sandbox.url('dropbox-api')}/2`, contentBaseUrl: `${sandbox.url('dropbox-content')}/2` }, () => Promise.resolve(access_token));
    const entry = { id: LARGE_FILE_PATH, name: 'Town hall.mp4', kind: 'file', size: LARGE_FILE_SIZE, modified: null, type: 'other', webUrl: null } as const;
    const target = join(dir, 'large.bin');
    const baseline = heldBytes();
    let peak = baseline;
    const started = performance.now();
    const bytes = await streamToFile(await drive.download(entry), target, () => {
      if (sampleMemory) peak = Math.max(peak, heldBytes());
    });
    const ms = performance.now() - started;
    await rm(target, { force: true });
    return { bytes, ms, peakAboveBaseline: Math.max(peak, heldBytes()) - baseline };
  } finally {
    await sandbox.close();
  }
}
