import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/** Dropbox's content_hash works on 4 MiB blocks. */
const BLOCK = 4 * 1024 * 1024;
const CHUNK = 64 * 1024;

/** A file's bytes, possibly never held in memory as a whole. */
export interface FileContent {
  readonly size: number;
  /** A fresh stream of the bytes, produced as the consumer reads (backpressure respected). */
  open(): Readable;
  /** Dropbox's content_hash: SHA-256 of the concatenated SHA-256 digests of each 4 MiB block, hex. */
  contentHash(): string;
  /** The whole bytes, for small files only (thumbnails, tests). */
  bytes(): Buffer;
}

function hashBlocks(blocks: Iterable<Buffer>): string {
  const digests = [...blocks].map((block) => createHash('sha256').update(block).digest());
  return createHash('sha256').update(Buffer.concat(digests)).digest('hex');
}

function* blocksOf(data: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < data.length; offset += BLOCK) yield data.subarray(offset, offset + BLOCK);
}

export function bufferContent(data: Buffer): FileContent {
  const hash = hashBlocks(blocksOf(data));
  return {
    size: data.length,
    open: () => Readable.from([data], { objectMode: false }),
    contentHash: () => hash,
    bytes: () => data,
  };
}

/** AES-128-CTR over zeros: a fast, deterministic byte stream (the same seed always gives the same bytes). */
function keystream(seed: string): (length: number) => Buffer {
  const key = createHash('sha256').update(`big-file:${seed}`).digest();
  const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), key.subarray(16, 32));
  return (length) => cipher.update(Buffer.alloc(length));
}

/**
 * A large file generated lazily from a seeded PRNG: `open()` streams it in 64 KiB chunks on demand and the hash is
 * computed once (by streaming, block by block) the first time it is needed. Never held in memory.
 */
export function bigFile(sizeBytes: number, seed = 'roomdeck'): FileContent {
  let hash: string | null = null;
  return {
    size: sizeBytes,
    open: () => {
      const next = keystream(seed);
      let sent = 0;
      return new Readable({
        highWaterMark: CHUNK,
        read() {
          if (sent >= sizeBytes) {
            this.push(null);
            return;
          }
          const length = Math.min(CHUNK, sizeBytes - sent);
          sent += length;
          this.push(next(length));
        },
      });
    },
    contentHash: () => {
      if (hash === null) {
        const next = keystream(seed);
        const digests: Buffer[] = [];
        for (let offset = 0; offset < sizeBytes; offset += BLOCK) digests.push(createHash('sha256').update(next(Math.min(BLOCK, sizeBytes - offset))).digest());
        hash = createHash('sha256').update(Buffer.concat(digests)).digest('hex');
      }
      return hash;
    },
    bytes: () => {
      throw new Error(`refusing to buffer a ${sizeBytes}-byte generated file`);
    },
  };
}

/** content_hash of arbitrary bytes (clients verify downloads with it). */
export function dropboxContentHash(data: Buffer): string {
  return hashBlocks(blocksOf(data));
}
