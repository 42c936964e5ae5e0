import { Transform, type Readable } from 'node:stream';

export interface DownloadFaultSpec {
  /** The connection is cut after this many body bytes. */
  readonly bytes: number;
  /** Regular expression source tested against the file's path_lower; any file when omitted. */
  readonly path?: string;
  /** How many downloads it affects; default 1. */
  readonly times?: number;
}

interface ActiveDownloadFault {
  readonly bytes: number;
  readonly regex: RegExp | null;
  remaining: number;
}

/** Dropbox-specific faults: downloads cut mid-body, and 429/5xx answers without a body. */
export class DropboxFaults {
  private readonly downloads: ActiveDownloadFault[] = [];
  private bareBodies = 0;
  private nextId = 1;

  failDownloadAfter(spec: DownloadFaultSpec): { id: string } {
    const times = spec.times ?? 1;
    if (!Number.isInteger(spec.bytes) || spec.bytes < 0) throw new Error(`"bytes" must be a non-negative integer, got ${String(spec.bytes)}`);
    if (!Number.isInteger(times) || times < 1) throw new Error(`"times" must be a positive integer, got ${String(spec.times)}`);
    this.downloads.push({ bytes: spec.bytes, regex: spec.path === undefined ? null : new RegExp(spec.path), remaining: times });
    return { id: `download-fault-${this.nextId++}` };
  }

  /** The byte count to cut a download of `pathLower` after, consuming one use; null for a whole body. */
  takeDownload(pathLower: string): number | null {
    const fault = this.downloads.find((candidate) => candidate.remaining > 0 && (candidate.regex === null || candidate.regex.test(pathLower)));
    if (!fault) return null;
    fault.remaining -= 1;
    return fault.bytes;
  }

  /** The next `count` injected status faults (core `status` action) come back with an empty body. */
  bareStatusBodies(count: number): void {
    this.bareBodies = count;
  }

  takeBareBody(): boolean {
    if (this.bareBodies <= 0) return false;
    this.bareBodies -= 1;
    return true;
  }

  clear(): void {
    this.downloads.length = 0;
    this.bareBodies = 0;
  }
}

/** Passes `limit` bytes through, then fails the stream (the reply's socket is destroyed mid-body). */
export function cutAfter(source: Readable, limit: number): Readable {
  let passed = 0;
  const cutter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const room = limit - passed;
      if (chunk.length < room) {
        passed += chunk.length;
        callback(null, chunk);
        return;
      }
      if (room > 0) this.push(chunk.subarray(0, room));
      passed = limit;
      // Let the allowed bytes reach the socket before the connection is dropped.
      setTimeout(() => callback(new Error(`sandbox fault: download cut after ${limit} bytes`)), 50);
    },
  });
  return source.pipe(cutter);
}
