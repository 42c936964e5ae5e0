import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriveEntry } from '../../shared/model';
import { LARGE_FILE_SIZE } from '../../../e2e/sandbox/dropbox';
import { startDropboxForTest } from '../../../e2e/sandbox/dropbox/test-helpers';
import type { DriveControl } from '../../../e2e/sandbox/drives/store';
import { signIn as googleSignIn, startGoogleTestSandbox } from '../../../e2e/sandbox/google/test-support';
import { GOOGLE_SCOPES } from '../../../e2e/sandbox/google';
import { accessTokenFor, startTestSandbox } from '../../../e2e/sandbox/test-support';
import type { CloudDrive } from './cloud-drive';
import { DropboxDrive } from './dropbox-drive';
import { GoogleDrive } from './google-drive';
import { OneDrive } from './onedrive';
import { measureLargeDownload } from '../../../e2e/harness/large-download';
import { streamToFile } from './stream-to-file';

const ANCHOR = new Date('2026-11-23T10:10:00Z');

/** One provider under test: its drive client and the sandbox-side hooks the tests need. */
interface Subject {
  drive: CloudDrive;
  failNextDownloadAfter(bytes: number): void;
  /** Enough extra files in `/Paging` that listing it takes several pages. */
  addManyFiles(count: number): void;
  close(): Promise<void>;
}

async function oneDriveSubject(): Promise<Subject> {
  const sandbox = await startTestSandbox({ seedAnchor: ANCHOR });
  const token = await accessTokenFor(sandbox, 'boardroom4@contoso.com', ['Files.ReadWrite.All']);
  return drivesOf(sandbox.control.onedrive, 'boardroom4@contoso.com', new OneDrive(sandbox.urls.graph, () => Promise.resolve(token)), () => sandbox.close());
}

async function googleSubject(): Promise<Subject> {
  const sandbox = await startGoogleTestSandbox({ seedAnchor: ANCHOR });
  const account = 'room.atlas@fabrikam.example';
  const { tokens } = await googleSignIn(sandbox, { account, scopes: [GOOGLE_SCOPES.drive] });
  const drive = new GoogleDrive(sandbox.config.calendarRootUrl, () => Promise.resolve(tokens.access_token ?? ''));
  return drivesOf(sandbox.cloud.drive, account, drive, () => sandbox.close());
}

function drivesOf(control: DriveControl, account: string, drive: CloudDrive, close: () => Promise<void>): Subject {
  return {
    drive,
    failNextDownloadAfter: (bytes) => control.failDownloadAfter({ bytes }),
    addManyFiles: (count) => {
      for (let i = 0; i < count; i++) control.addFile(account, `/Paging/Note ${String(i).padStart(3, '0')}.txt`, `note ${i}`);
    },
    close,
  };
}

async function dropboxSubject(): Promise<Subject> {
  const { sandbox, cloud, client } = await startDropboxForTest(ANCHOR);
  const { access_token } = await client.signIn('files.metadata.read files.content.read files.content.write');
  const hosts = { apiBaseUrl: `${sandbox.url('dropbox-api')}/2`, contentBaseUrl: `${sandbox.url('dropbox-content')}/2` };
  return {
    drive: new DropboxDrive(hosts, () => Promise.resolve(access_token), { pageLimit: 50 }),
    failNextDownloadAfter: (bytes) => cloud.control.failDownloadAfter({ bytes }),
    addManyFiles: (count) => {
      for (let i = 0; i < count; i++) cloud.control.addFile('room.dropbox@contoso.com', { path: `/Paging/Note ${String(i).padStart(3, '0')}.txt`, text: `note ${i}` });
    },
    close: () => sandbox.close(),
  };
}

function named(entries: readonly DriveEntry[], name: string): DriveEntry {
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no "${name}" among ${entries.map((e) => e.name).join(', ')}`);
  return entry;
}

describe.each([
  ['OneDrive', oneDriveSubject],
  ['Google Drive', googleSubject],
  ['Dropbox', dropboxSubject],
] as const)('%s as a CloudDrive', (_name, start) => {
  let subject: Subject;
  let dir: string;

  beforeAll(async () => {
    subject = await start();
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-drive-'));
  }, 30_000);
  afterAll(async () => {
    await subject.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('browses folders: the root, then a folder by id', async () => {
    const root = await subject.drive.list(null);
    expect(named(root, 'Reports').kind).toBe('folder');
    expect(named(root, 'Welcome.pdf')).toMatchObject({ kind: 'file', type: 'pdf' });
    const reports = await subject.drive.list(named(root, 'Reports').id);
    expect(named(reports, 'Q4 plan.docx').type).toBe('document');
    expect(named(reports, 'Q3 results.pdf').size).toBeGreaterThan(100);
  });

  it('follows paging to the end of a long folder', async () => {
    subject.addManyFiles(230);
    const root = await subject.drive.list(null);
    const paging = await subject.drive.list(named(root, 'Paging').id);
    expect(paging).toHaveLength(230);
    expect(new Set(paging.map((entry) => entry.id)).size).toBe(230);
  });

  it('searches by name and lists recent files newest first', async () => {
    const found = await subject.drive.search('lake');
    expect(found.map((entry) => entry.name)).toContain('Lake Como.jpg');
    expect(named(found, 'Lake Como.jpg').type).toBe('image');
    const recent = await subject.drive.recent();
    expect(recent.length).toBeGreaterThan(2);
    const times = recent.map((entry) => entry.modified ?? '');
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('gives photos a small JPEG thumbnail, and other files none', async () => {
    const photo = named(await subject.drive.search('lake'), 'Lake Como.jpg');
    const preview = await subject.drive.thumbnail(photo);
    if (!preview) throw new Error('no thumbnail');
    const bytes = Buffer.from(await new Response(preview.body).arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(await subject.drive.thumbnail(named(await subject.drive.list(null), 'Welcome.pdf'))).toBeNull();
  });

  it('streams a download to disk with progress', async () => {
    const reports = await subject.drive.list(named(await subject.drive.list(null), 'Reports').id);
    const pdf = named(reports, 'Q3 results.pdf');
    const seen: number[] = [];
    const target = join(dir, 'q3.pdf');
    const size = await streamToFile(await subject.drive.download(pdf), target, (received) => seen.push(received));
    expect(size).toBe(pdf.size);
    expect(seen.at(-1)).toBe(pdf.size);
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('leaves no partial file when a download fails half-way', async () => {
    const photo = named(await subject.drive.search('lake'), 'Lake Como.jpg');
    subject.failNextDownloadAfter(1000);
    await expect(subject.drive.download(photo).then((download) => streamToFile(download, join(dir, 'lake.jpg'), () => undefined))).rejects.toThrow();
    expect((await readdir(dir)).filter((name) => name.startsWith('lake'))).toEqual([]);
  });

  it('saves an edited file back', async () => {
    const plan = named(await subject.drive.search('plan'), 'Q4 plan.docx');
    const edited = join(dir, 'edited.docx');
    await writeFile(edited, 'edited at the room');
    await subject.drive.upload(plan, edited, 'edited at the room'.length);
    const again = join(dir, 'again.docx');
    await streamToFile(await subject.drive.download(plan), again, () => undefined);
    expect(await readFile(again, 'utf8')).toBe('edited at the room');
  });
});

describe('provider specifics', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-drive-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('OneDrive: …/content redirects to a second origin, which serves the bytes without the Graph token', async () => {
    const sandbox = await startTestSandbox({ seedAnchor: ANCHOR });
    try {
      const token = await accessTokenFor(sandbox, 'boardroom4@contoso.com', ['Files.ReadWrite.All']);
      const drive = new OneDrive(sandbox.urls.graph, () => Promise.resolve(token));
      const welcome = named(await drive.list(null), 'Welcome.pdf');
      await streamToFile(await drive.download(welcome), join(dir, 'welcome.pdf'), () => undefined);
      expect(sandbox.control.requests({ service: 'graph' }).filter((r) => r.path.endsWith('/content')).map((r) => r.status)).toEqual([302]);
      expect(sandbox.control.requests({ service: 'onedrive-content' }).map((r) => r.status)).toEqual([200]);
      expect(new URL(sandbox.urls['onedrive-content']).origin).not.toBe(new URL(sandbox.urls.graph).origin);
    } finally {
      await sandbox.close();
    }
  });

  it('Google Drive: a Google Doc is exported to PDF (it has no bytes to download)', async () => {
    const sandbox = await startGoogleTestSandbox({ seedAnchor: ANCHOR });
    try {
      const { tokens } = await googleSignIn(sandbox, { account: 'room.atlas@fabrikam.example', scopes: [GOOGLE_SCOPES.drive] });
      const drive = new GoogleDrive(sandbox.config.calendarRootUrl, () => Promise.resolve(tokens.access_token ?? ''));
      const brief = named(await drive.list(null), 'Project brief');
      expect(brief).toMatchObject({ type: 'document', size: null });
      expect(brief.webUrl).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/.+\/edit/);
      const download = await drive.download(brief);
      expect(download.name).toBe('Project brief.pdf');
      await streamToFile(download, join(dir, 'brief.pdf'), () => undefined);
      expect((await readFile(join(dir, 'brief.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await sandbox.close();
    }
  });

  it('Dropbox: a cursor reset mid-listing starts the listing over and loses nothing', async () => {
    const { sandbox, cloud, client } = await startDropboxForTest(ANCHOR);
    try {
      for (let i = 0; i < 12; i++) cloud.control.addFile('room.dropbox@contoso.com', { path: `/Many/File ${String(i).padStart(2, '0')}.txt`, text: String(i) });
      const { access_token } = await client.signIn('files.metadata.read files.content.read');
      let calls = 0;
      // The token is asked for before every request: reset every cursor right after the first page went out.
      const token = () => {
        if (++calls === 3) cloud.control.resetCursors();
        return Promise.resolve(access_token);
      };
      const drive = new DropboxDrive({ apiBaseUrl: `${sandbox.url('dropbox-api')}/2`, contentBaseUrl: `${sandbox.url('dropbox-content')}/2` }, token, { pageLimit: 5 });
      const many = await drive.list('/Many');
      expect(many.map((entry) => entry.name)).toEqual(Array.from({ length: 12 }, (_, i) => `File ${String(i).padStart(2, '0')}.txt`));
      const statuses = sandbox.core.requests().filter((r) => r.path.includes('list_folder')).map((r) => r.status);
      expect(statuses).toContain(409);
    } finally {
      await sandbox.close();
    }
  });
});

describe('a 200 MiB import', () => {
  it('streams to disk with bounded memory', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roomdeck-large-'));
    try {
      const peaks: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        const result = await measureLargeDownload(dir);
        expect(result.bytes).toBe(LARGE_FILE_SIZE);
        peaks.push(result.peakAboveBaseline);
      }
      // The sandbox serves the bytes from this same process, so its socket and TLS buffers count too and swing with
      // the machine's load (single samples from 7 to 53 MiB seen). What must hold here: the file is never held whole,
      // nor half of it, in the median of three imports; the tight figure is the bench's (≤ 48 MiB, also a median).
      expect([...peaks].sort((a, b) => a - b)[1]).toBeLessThan(LARGE_FILE_SIZE / 2);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
