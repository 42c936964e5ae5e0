import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CleanReport, DriveEntry } from '../../shared/model';
import { silentLogger } from '../health/logger';
import type { OutgoingMail, RoomMailer } from '../mail/room-mailer';
import type { CloudDrive } from './cloud-drive';
import { FilesService, SESSION_IDLE_MS } from './files-service';
import type { SessionRecord } from './recap';
import { SessionWorkspace } from './workspace';

const entry = (name: string, type: DriveEntry['type']): DriveEntry => ({ id: `/${name}`, name, kind: 'file', size: 4, modified: null, type, webUrl: 'https://contoso-my.sharepoint.com/x' });

/** A drive whose files all hold "data". */
const drive: CloudDrive = {
  source: 'onedrive',
  list: () => Promise.resolve([]),
  search: () => Promise.resolve([]),
  recent: () => Promise.resolve([]),
  download: (e) => Promise.resolve({ size: 4, name: e.name, body: new Blob(['data']).stream() }),
  upload: () => Promise.resolve(),
  thumbnail: () => Promise.resolve(null),
  shareLink: (e) => Promise.resolve(`https://contoso-my.sharepoint.com/:b:/g/${encodeURIComponent(e.name)}`),
};

describe('the workspace session', () => {
  let dataDir: string;
  let now: number;
  let wiped: number;
  let ended: CleanReport[];
  let meetingEnd: Date | null;
  let mailer: RoomMailer | null;
  let sent: OutgoingMail[];
  let personal: string[];
  let recaps: SessionRecord[];
  let recap: (session: SessionRecord) => Promise<void>;

  const service = (workspace = new SessionWorkspace(join(dataDir, 'workspace'), silentLogger)) =>
    new FilesService({
      drives: () => ({ onedrive: drive }),
      workspace,
      editors: { open: () => Promise.resolve(), wipeAll: () => Promise.resolve(wiped) },
      clock: { now: () => new Date(now) },
      log: silentLogger,
      onProgress: () => undefined,
      onEnded: (report) => ended.push(report),
      meetingEnd: () => meetingEnd,
      personal: { drop: () => Promise.resolve(personal.splice(0)) },
      mailer: () => mailer,
      roomName: () => 'Boardroom 4',
      language: 'en',
      recap: (session) => recap(session),
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roomdeck-ws-'));
    now = Date.parse('2026-11-23T10:00:00Z');
    wiped = 0;
    ended = [];
    meetingEnd = null;
    sent = [];
    personal = [];
    recaps = [];
    recap = (session) => Promise.resolve(void recaps.push(session));
    mailer = { provider: 'microsoft', maxAttachmentBytes: 6, send: (mail) => Promise.resolve(void sent.push(mail)) };
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('End session removes every imported file and wipes the editor windows', async () => {
    const files = service();
    await files.importFile('onedrive', entry('Lake.jpg', 'image'));
    await files.importFile('onedrive', entry('Plan.docx', 'document'));
    expect(await readdir(join(dataDir, 'workspace'))).toHaveLength(2);
    wiped = 1;
    personal = ['dana@contoso.com'];
    const report = await files.endSession('button');
    expect(report).toEqual({ files: ['Lake.jpg', 'Plan.docx'], windows: 1, connections: ['dana@contoso.com'] });
    expect(await readdir(dataDir)).not.toContain('workspace');
    expect(files.workspace()).toEqual([]);
  });

  it('shows images as data URLs and refuses documents in the viewer', async () => {
    const files = service();
    const image = await files.importFile('onedrive', entry('Lake.jpg', 'image'));
    const doc = await files.importFile('onedrive', entry('Plan.docx', 'document'));
    expect(await files.view(image.id)).toBe(`data:image/jpeg;base64,${Buffer.from('data').toString('base64')}`);
    await expect(files.view(doc.id)).rejects.toThrow('cannot be shown');
    files.stop();
  });

  it('ends by itself when the meeting it started in is over', async () => {
    meetingEnd = new Date(now + 30 * 60_000);
    const files = service();
    await files.importFile('onedrive', entry('Lake.jpg', 'image'));
    now += 10 * 60_000;
    await files.checkEnd();
    expect(ended).toEqual([]);
    now += 20 * 60_000;
    await files.checkEnd();
    expect(ended).toEqual([{ files: ['Lake.jpg'], windows: 0, connections: [] }]);
  });

  it('ends by itself when nobody touched the files for a while', async () => {
    const files = service();
    await files.importFile('onedrive', entry('Lake.jpg', 'image'));
    now += SESSION_IDLE_MS - 1000;
    files.workspace();
    now += SESSION_IDLE_MS - 1000;
    await files.checkEnd();
    expect(ended).toEqual([]);
    now += 2000;
    await files.checkEnd();
    expect(ended.map((report) => report.files)).toEqual([['Lake.jpg']]);
  });

  it('mails files as attachments while they fit, the rest as sharing links', async () => {
    const files = service();
    const lake = await files.importFile('onedrive', entry('Lake.jpg', 'image'));
    const plan = await files.importFile('onedrive', entry('Plan.docx', 'document'));
    const result = await files.send([lake.id, plan.id], ['avery.chen@contoso.com']);
    expect(result).toEqual({ attached: ['Lake.jpg'], linked: ['Plan.docx'] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(['avery.chen@contoso.com']);
    expect(sent[0]?.subject).toBe('Files from Boardroom 4');
    expect(sent[0]?.attachments?.map((a) => a.name)).toEqual(['Lake.jpg']);
    expect(sent[0]?.html).toContain('<a href="https://contoso-my.sharepoint.com/:b:/g/Plan.docx">Plan.docx</a>');
    mailer = null;
    await expect(files.send([lake.id], ['avery.chen@contoso.com'])).rejects.toThrow('may not send mail');
    files.stop();
  });

  it('hands the recap what the session showed and sent, once the room is clean, whatever ended it', async () => {
    const files = service();
    await files.endSession('button');
    expect(recaps).toEqual([]);
    const lake = await files.importFile('onedrive', entry('Lake.jpg', 'image'));
    now += 60_000;
    await files.send([lake.id], ['avery.chen@contoso.com']);
    now += SESSION_IDLE_MS;
    await files.checkEnd();
    expect(recaps).toEqual([
      { startedAt: new Date(now - SESSION_IDLE_MS - 60_000), endedAt: new Date(now), files: [{ name: 'Lake.jpg', size: 4 }], sent: [{ files: ['Lake.jpg'], to: ['avery.chen@contoso.com'] }] },
    ]);
    // The next session starts afresh: nothing of the last one's Send is carried over.
    await files.importFile('onedrive', entry('Plan.docx', 'document'));
    await files.endSession('button');
    expect(recaps[1]).toMatchObject({ files: [{ name: 'Plan.docx', size: 4 }], sent: [] });
  });

  it('a recap that fails never holds up or undoes the clean-up', async () => {
    recap = () => Promise.reject(new Error('mail down'));
    const files = service();
    await files.importFile('onedrive', entry('Lake.jpg', 'image'));
    expect(await files.endSession('button')).toEqual({ files: ['Lake.jpg'], windows: 0, connections: [] });
    expect(await readdir(dataDir)).not.toContain('workspace');
  });

  it('a crash mid-session is cleaned at the next start', async () => {
    const dir = join(dataDir, 'workspace');
    await mkdir(dir);
    await writeFile(join(dir, '0123456789abcdef'), 'left behind');
    await writeFile(join(dir, 'fedcba9876543210.part'), 'half');
    expect(await new SessionWorkspace(dir, silentLogger).recoverAtStart()).toBe(2);
    expect(await readdir(dataDir)).not.toContain('workspace');
  });
});
