import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderSandbox } from '../oauth2-generic/testing';
import { LARGE_FILE_PATH, LARGE_FILE_SIZE, type DropboxServiceName } from './index';
import { startDropboxForTest, type DropboxTestClient } from './test-helpers';

const BLOCK = 4 * 1024 * 1024;

/** V8's gc(), reachable without starting Node with --expose-gc (the flag can be set at run time for new contexts). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Dropbox's content_hash computed while streaming: one 4 MiB block in memory at most. */
class StreamingContentHash {
  private readonly digests: Buffer[] = [];
  private block = createHash('sha256');
  private inBlock = 0;

  update(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(BLOCK - this.inBlock, chunk.length - offset);
      this.block.update(chunk.subarray(offset, offset + take));
      this.inBlock += take;
      offset += take;
      if (this.inBlock === BLOCK) this.closeBlock();
    }
  }

  digest(): string {
    if (this.inBlock > 0) this.closeBlock();
    return createHash('sha256').update(Buffer.concat(this.digests)).digest('hex');
  }

  private closeBlock(): void {
    this.digests.push(this.block.digest());
    this.block = createHash('sha256');
    this.inBlock = 0;
  }
}

describe('Dropbox large download', () => {
  let sandbox: ProviderSandbox<DropboxServiceName>;
  let client: DropboxTestClient;

  beforeAll(async () => {
    ({ sandbox, client } = await startDropboxForTest(new Date('2026-11-23T10:10:00Z')));
  });
  afterAll(() => sandbox.close());

  it('streams the 200 MiB recording with bounded memory and a matching content_hash', { timeout: 120_000 }, async () => {
    const token = (await client.signIn('files.content.read')).access_token;
    // Listing computes the file's content_hash once (streamed, cached), so it does not count against the download.
    await client.rpc('files/get_metadata', token, { path: LARGE_FILE_PATH });

    // Live memory (JS heap + ArrayBuffers right after a collection): a body buffered whole would show here
    // (≥ 200 MiB). RSS and uncollected garbage from 200 MiB of chunks made the bound depend on GC timing.
    const held = () => {
      collectGarbage();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const baseline = held();
    let peak = baseline;
    const response = await client.content('files/download', token, { path: LARGE_FILE_PATH });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(LARGE_FILE_SIZE);
    const result = JSON.parse(response.headers.get('dropbox-api-result') ?? '{}') as { size: number; content_hash: string };
    const hash = new StreamingContentHash();
    let received = 0;
    let chunks = 0;
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      hash.update(value);
      if (++chunks % 64 === 0) peak = Math.max(peak, held());
    }
    peak = Math.max(peak, held());

    expect(received).toBe(LARGE_FILE_SIZE);
    expect(result.size).toBe(LARGE_FILE_SIZE);
    expect(hash.digest()).toBe(result.content_hash);
    expect(peak - baseline).toBeLessThan(50 * 1024 * 1024);
  });
});
