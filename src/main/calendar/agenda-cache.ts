import { join } from 'node:path';
import { z } from 'zod';
import { AgendaSchema, type Agenda } from '../../shared/model';
import { readJsonFile, writeJsonFileAtomic } from '../config/json-file';
import type { Logger } from '../health/logger';

const CacheSchema = z.object({ version: z.literal(1), calendarId: z.string(), agenda: AgendaSchema }).strict();

/**
 * The last agenda on disk, so a restart (or a power cut) paints the room's day at once, before any network. It
 * holds what the screen showed — already privacy-filtered, never a token — in the kiosk's data folder.
 */
export class AgendaCache {
  private readonly path: string;
  /** Saves run one after another, so an older agenda never lands on disk after a newer one. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.path = join(dataDir, 'agenda-cache.json');
  }

  async load(calendarId: string): Promise<Agenda | null> {
    const read = await readJsonFile(this.path, CacheSchema);
    if (read.kind === 'invalid') this.log.warn('agenda.cache-unreadable', { reason: read.reason });
    return read.kind === 'ok' && read.value.calendarId === calendarId ? read.value.agenda : null;
  }

  save(calendarId: string, agenda: Agenda): Promise<void> {
    this.writing = this.writing.then(() => this.write(calendarId, agenda));
    return this.writing;
  }

  private async write(calendarId: string, agenda: Agenda): Promise<void> {
    try {
      await writeJsonFileAtomic(this.path, { version: 1, calendarId, agenda });
    } catch (err) {
      this.log.warn('agenda.cache-write-failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
