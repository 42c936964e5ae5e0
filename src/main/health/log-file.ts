import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type Logger } from './logger';

/**
 * The log file on the room PC: size-based rotation so a kiosk that runs for years never fills its disk, and
 * enough history (roomdeck.log, roomdeck.log.1 … .keep) for IT to see what happened before a failure.
 */
export interface Rotation {
  maxBytes: number;
  /** Rotated files kept besides the current one; older ones are dropped. */
  keep: number;
}

export const DEFAULT_ROTATION: Rotation = { maxBytes: 5 * 1024 * 1024, keep: 5 };

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** roomdeck.log → .1 → .2 …; the rename onto `.keep` replaces (drops) the oldest. */
function rotate(path: string, keep: number): void {
  for (let i = keep - 1; i >= 1; i--) {
    if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
  }
  if (keep >= 1) renameSync(path, `${path}.1`);
}

/** A line writer that appends to `path` and rotates before a line would push the file past `maxBytes`. */
export function rotatingFileWriter(path: string, rotation: Rotation = DEFAULT_ROTATION): (line: string) => void {
  let size = sizeOf(path);
  let failing = false;
  return (line) => {
    const bytes = Buffer.byteLength(line) + 1;
    try {
      if (size > 0 && size + bytes > rotation.maxBytes) {
        rotate(path, rotation.keep);
        size = 0;
      }
      appendFileSync(path, `${line}\n`);
      size += bytes;
      failing = false;
    } catch (err) {
      // Logging must never take the room screen down (a full disk, a locked file); say it once, not per line.
      if (!failing) process.stderr.write(`roomdeck: cannot write ${path}: ${String(err)}\n`);
      failing = true;
    }
  };
}

/** `<dataDir>/roomdeck.log`, rotated: what both hosts log to. */
export function createFileLogger(dataDir: string, rotation: Rotation = DEFAULT_ROTATION): Logger {
  mkdirSync(dataDir, { recursive: true });
  return createLogger(rotatingFileWriter(join(dataDir, 'roomdeck.log'), rotation));
}
