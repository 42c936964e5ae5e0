import type { CleanReport, DriveEntry, DriveSource, ImportProgress, WorkspaceFile } from '../../shared/model';
import { UserFacingError } from '../bridge/router';
import type { Logger } from '../health/logger';
import type { Clock } from '../ports';
import type { CloudDrive } from './cloud-drive';
import type { MailLanguage } from '../invite/invitation-mail';
import type { RoomMailer } from '../mail/room-mailer';
import { filesMail } from './files-mail';
import type { SessionRecord } from './recap';
import { mimeTypeOf, type Imported, type SessionWorkspace } from './workspace';

/** Editor windows (the providers' web editors): each in its own storage partition, wiped by `wipeAll`. */
export interface EditorWindows {
  open(url: string): Promise<void>;
  /** Closes every editor (and meeting) window and clears its cookies and storage; resolves with how many. */
  wipeAll(): Promise<number>;
}

export interface FilesDeps {
  /** The drives the room offers right now (features switched on, accounts connected), by source. */
  drives(): Partial<Record<DriveSource, CloudDrive>>;
  workspace: SessionWorkspace;
  editors: EditorWindows;
  clock: Clock;
  log: Logger;
  onProgress(progress: ImportProgress): void;
  /** When the session ended by itself (meeting over, nobody touching the files), with what was removed. */
  onEnded(report: CleanReport): void;
  /** The end of the meeting on now, if any: a session started during it ends with it. */
  meetingEnd(): Date | null;
  /** People's own connections for this session: dropped, tokens and all, when it ends. */
  personal: { drop(): Promise<string[]> };
  /** The room's mailer while its mail feature is on. */
  mailer(): RoomMailer | null;
  /** The room's name, for the mail's subject. */
  roomName(): string;
  language: MailLanguage;
  /**
   * After a session that brought files, whatever ended it: the recap mail. Called once the room is clean and not
   * awaited, so a slow or failing mail never holds up (or undoes) the clean-up.
   */
  recap(session: SessionRecord): Promise<void>;
}

const THUMBNAIL_LIMIT_BYTES = 1024 * 1024;

/** Reads a small body whole, or gives up (and stops reading) once it passes `limit`. */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export interface SentFiles {
  attached: string[];
  linked: string[];
}

/** Attach the smallest files while they fit together under the limit; the rest go as links. */
function splitByLimit(files: readonly Imported[], limit: number): { attach: Imported[]; link: Imported[] } {
  const attach: Imported[] = [];
  const link: Imported[] = [];
  let total = 0;
  for (const file of [...files].sort((a, b) => a.file.size - b.file.size)) {
    if (total + file.file.size <= limit) {
      attach.push(file);
      total += file.file.size;
    } else link.push(file);
  }
  return { attach, link };
}

/** Nobody has touched the files this long: the people have left, the session ends. */
export const SESSION_IDLE_MS = 15 * 60_000;
const CHECK_EVERY_MS = 30_000;

/**
 * The workspace session behind the Files screen: browse the drives, import into the workspace folder, open, and at
 * the end — the End session button, the end of the meeting, or inactivity — remove everything it brought.
 */
export class FilesService {
  private lastTouch = 0;
  private endsAt: Date | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private startedAt: Date | null = null;
  private sent: SessionRecord['sent'] = [];

  constructor(private readonly deps: FilesDeps) {}

  sources(): DriveSource[] {
    return Object.keys(this.deps.drives()) as DriveSource[];
  }

  list(source: DriveSource, folderId: string | null): Promise<DriveEntry[]> {
    return this.driveCall(source, (drive) => drive.list(folderId));
  }

  search(source: DriveSource, text: string): Promise<DriveEntry[]> {
    return this.driveCall(source, (drive) => drive.search(text));
  }

  recent(source: DriveSource): Promise<DriveEntry[]> {
    return this.driveCall(source, (drive) => drive.recent());
  }

  /** An image's preview as a data: URL (small: refused past 1 MB); null when the drive has none. */
  async thumbnail(source: DriveSource, entry: DriveEntry): Promise<string | null> {
    const preview = await this.driveCall(source, (drive) => drive.thumbnail(entry));
    if (!preview) return null;
    const bytes = await readCapped(preview.body, THUMBNAIL_LIMIT_BYTES);
    return bytes && `data:image/jpeg;base64,${bytes.toString('base64')}`;
  }

  async importFile(source: DriveSource, entry: DriveEntry): Promise<WorkspaceFile> {
    if (entry.kind !== 'file') throw new UserFacingError('not-a-file', 'Only files can be imported.');
    const file = await this.driveCall(source, (drive) =>
      this.deps.workspace.importFrom(drive, entry, (received, total) => this.deps.onProgress({ entryId: entry.id, received, total })),
    );
    this.startSession();
    return file;
  }

  workspace(): WorkspaceFile[] {
    this.touch();
    return this.deps.workspace.files();
  }

  async view(id: string): Promise<string> {
    this.touch();
    const url = await this.deps.workspace.dataUrl(id);
    if (url === null) throw new UserFacingError('cannot-view', 'This file cannot be shown here.');
    return url;
  }

  async edit(id: string): Promise<void> {
    this.touch();
    const file = this.deps.workspace.get(id)?.file;
    const url = file?.editable ? file.webUrl : null;
    if (!url) throw new UserFacingError('cannot-edit', 'This file has no web editor.');
    await this.deps.editors.open(url);
  }

  /**
   * Mails workspace files from the room's mailbox: as attachments while they fit the provider's limit (smallest
   * first), the rest as sharing links from their drive.
   */
  async send(ids: readonly string[], to: readonly string[]): Promise<SentFiles> {
    this.touch();
    const mailer = this.deps.mailer();
    if (!mailer) throw new UserFacingError('mail-off', 'This room may not send mail.');
    const files = ids.map((id) => this.deps.workspace.get(id)).filter((file): file is Imported => file !== null);
    if (files.length !== ids.length) throw new UserFacingError('file-gone', 'A chosen file is no longer on this screen.');
    const { attach, link } = splitByLimit(files, mailer.maxAttachmentBytes);
    const links = await Promise.all(link.map((file) => this.linkFor(file)));
    const { subject, html } = filesMail(this.deps.roomName(), attach.map((file) => file.file.name), links, this.deps.language);
    const attachments = attach.map((file) => ({ name: file.file.name, contentType: mimeTypeOf(file.file.name), path: file.path }));
    await mailer.send({ to: [...to], subject, html, attachments });
    this.sent.push({ files: files.map((file) => file.file.name), to: [...to] });
    this.deps.log.info('files.sent', { attached: attach.length, linked: link.length, people: to.length });
    return { attached: attach.map((file) => file.file.name), linked: links.map((l) => l.name) };
  }

  /** Removes everything the session brought: imported files, editor windows' cookies and storage. */
  async endSession(reason: 'button' | 'meeting-ended' | 'idle'): Promise<CleanReport> {
    this.stopTimer();
    this.endsAt = null;
    const session: SessionRecord = {
      startedAt: this.startedAt ?? this.deps.clock.now(),
      endedAt: this.deps.clock.now(),
      files: this.deps.workspace.files().map(({ name, size }) => ({ name, size })),
      sent: this.sent,
    };
    this.startedAt = null;
    this.sent = [];
    const [files, windows, connections] = await Promise.all([this.deps.workspace.clear(), this.deps.editors.wipeAll(), this.deps.personal.drop()]);
    const report: CleanReport = { files, windows, connections };
    this.deps.log.info('files.session-ended', { reason, files: files.length, windows, connections: connections.length });
    if (session.files.length > 0) void this.deps.recap(session).catch((error: unknown) => this.deps.log.warn('files.recap-failed', { error: String(error) }));
    return report;
  }

  stop(): void {
    this.stopTimer();
  }

  private async linkFor(file: Imported): Promise<{ name: string; url: string }> {
    const url = await this.driveCall(file.file.source, (drive) => drive.shareLink(file.entry));
    if (url === null) throw new UserFacingError('too-big-no-link', `${file.file.name} is too big to mail, and its drive gives no link.`);
    return { name: file.file.name, url };
  }

  private async driveCall<T>(source: DriveSource, call: (drive: CloudDrive) => Promise<T>): Promise<T> {
    this.touch();
    const drive = this.deps.drives()[source];
    if (!drive) throw new UserFacingError('drive-not-available', 'This drive is not available in this room.');
    try {
      return await call(drive);
    } catch (err) {
      if (err instanceof UserFacingError) throw err;
      this.deps.log.warn('files.drive-failed', { source, error: err instanceof Error ? err.message : String(err) });
      throw new UserFacingError('drive-failed', 'The drive did not answer. Try again.');
    }
  }

  private touch(): void {
    this.lastTouch = this.deps.clock.now().getTime();
  }

  /** A person signing in starts the session too: their connection must not outlive it. */
  personalSignedIn(): void {
    this.touch();
    this.startSession();
  }

  /** The first import starts the session: it ends with the meeting on now, or after a quiet spell. */
  private startSession(): void {
    this.startedAt ??= this.deps.clock.now();
    this.endsAt ??= this.deps.meetingEnd();
    this.timer ??= setInterval(() => void this.checkEnd(), CHECK_EVERY_MS);
  }

  /** Runs on the timer (and from tests): ends a session whose meeting is over or that nobody touched for a while. */
  async checkEnd(): Promise<void> {
    if (this.timer === null) return;
    const now = this.deps.clock.now().getTime();
    const reason = this.endsAt && now >= this.endsAt.getTime() ? 'meeting-ended' : now - this.lastTouch >= SESSION_IDLE_MS ? 'idle' : null;
    if (reason) this.deps.onEnded(await this.endSession(reason));
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
