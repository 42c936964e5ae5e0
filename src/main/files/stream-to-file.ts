import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DriveDownload } from './cloud-drive';

export type Progress = (received: number, total: number | null) => void;

/** Progress is reported at most this often (a 200 MB file arrives in thousands of chunks). */
const PROGRESS_EVERY_MS = 100;
/** A provider that sends nothing for this long has stalled: the import fails instead of hanging the screen. */
export const STALL_MS = 60_000;

function counting(total: number | null, onProgress: Progress, stallMs: number): Transform {
  let received = 0;
  let last = 0;
  let stall: ReturnType<typeof setTimeout> | null = null;
  const watch = (stream: Transform) => {
    if (stall) clearTimeout(stall);
    stall = setTimeout(() => stream.destroy(new Error(`download stalled: nothing for ${stallMs} ms`)), stallMs);
  };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      watch(this);
      received += chunk.length;
      const now = Date.now();
      if (now - last >= PROGRESS_EVERY_MS) {
        last = now;
        onProgress(received, total);
      }
      callback(null, chunk);
    },
    flush(callback) {
      if (stall) clearTimeout(stall);
      // A body shorter than announced is a cut connection that ended cleanly: not a whole file.
      if (total !== null && received !== total) return callback(new Error(`download ended after ${received} of ${total} bytes`));
      onProgress(received, total);
      callback();
    },
    destroy(error, callback) {
      if (stall) clearTimeout(stall);
      callback(error);
    },
  });
  watch(transform);
  return transform;
}

/**
 * Streams a download to `target` chunk by chunk (backpressure all the way, nothing held whole). It is written as
 * `target.part` and renamed only once complete: a download that fails half-way leaves no file behind.
 */
export async function streamToFile(download: DriveDownload, target: string, onProgress: Progress, stallMs = STALL_MS): Promise<number> {
  const part = `${target}.part`;
  let size = 0;
  try {
    await pipeline(
      Readable.fromWeb(download.body as Parameters<typeof Readable.fromWeb>[0]),
      counting(
        download.size,
        (received, total) => {
          size = received;
          onProgress(received, total);
        },
        stallMs,
      ),
      createWriteStream(part, { flags: 'wx', mode: 0o600 }),
    );
    await rename(part, target);
    return size;
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}
