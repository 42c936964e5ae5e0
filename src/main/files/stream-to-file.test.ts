import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamToFile } from './stream-to-file';

/** A body that sends `first` and then, unless `end`, nothing more (a provider that stalled mid-file). */
function body(first: string, end: boolean): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      if (end) controller.close();
    },
  });
}

describe('streamToFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-stream-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the whole body and reports the last byte', async () => {
    const seen: number[] = [];
    expect(await streamToFile({ size: 5, name: 'a', body: body('hello', true) }, join(dir, 'a'), (received) => seen.push(received))).toBe(5);
    expect(await readFile(join(dir, 'a'), 'utf8')).toBe('hello');
    expect(seen.at(-1)).toBe(5);
  });

  it('fails a body that ends short of its announced length, leaving nothing', async () => {
    await expect(streamToFile({ size: 10, name: 'a', body: body('hello', true) }, join(dir, 'a'), () => undefined)).rejects.toThrow('after 5 of 10 bytes');
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails a body that stops flowing, leaving nothing', async () => {
    await expect(streamToFile({ size: 10, name: 'a', body: body('hello', false) }, join(dir, 'a'), () => undefined, 200)).rejects.toThrow('stalled');
    expect(await readdir(dir)).toEqual([]);
  });
});
