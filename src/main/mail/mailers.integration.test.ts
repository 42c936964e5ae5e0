import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../e2e/sandbox';
import { completeInBrowser } from '../../../e2e/sandbox/google/test-support';
import { accessTokenFor, startTestSandbox } from '../../../e2e/sandbox/test-support';
import { scopesFor, type FeatureId } from '../../shared/features';
import { signedInGoogleClient } from '../auth/google-auth.test-support';
import { silentLogger } from '../health/logger';
import { GraphApi } from '../providers/microsoft/graph-api';
import { GmailMailer } from './gmail-mailer';
import { GraphMailer } from './graph-mailer';
import { AttachmentTooLargeError, MailRefusedError, type RoomMailer } from './room-mailer';

const ROOM = 'boardroom4@contoso.com';
const MB = 1024 * 1024;

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => new Error('expected a refusal, got success'), (e: unknown) => e);
}

async function graphMailer(sandbox: Sandbox, scopes: string[], account = ROOM): Promise<GraphMailer> {
  const token = await accessTokenFor(sandbox, account, scopes);
  return new GraphMailer(new GraphApi(sandbox.urls.graph, async () => token, silentLogger));
}

async function gmailMailer(sandbox: Sandbox, features: FeatureId[], account = sandbox.google.roomAccount): Promise<GmailMailer> {
  const client = await signedInGoogleClient(sandbox.google, scopesFor('google', features), (url) => completeInBrowser(url, { account, decision: 'accept' }));
  return new GmailMailer(client, sandbox.google.config.gmailRootUrl);
}

describe('RoomMailer implementations against the sandbox outbox', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    dir = await mkdtemp(join(tmpdir(), 'roomdeck-mail-'));
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.control.clearRequests());

  const cases: { name: string; mailer: () => Promise<RoomMailer>; from: () => string; provider: 'graph' | 'gmail'; tooBig: number }[] = [
    { name: 'Graph sendMail', mailer: () => graphMailer(sandbox, ['Mail.Send']), from: () => ROOM, provider: 'graph', tooBig: 3 * MB + 1 },
    { name: 'Gmail messages.send', mailer: () => gmailMailer(sandbox, ['google.send-mail']), from: () => sandbox.google.roomAccount, provider: 'gmail', tooBig: 25 * MB + 1 },
  ];

  describe.each(cases)('$name', (c) => {
    it('sends HTML with a file from disk and one from memory, from the room account', async () => {
      const path = join(dir, 'agenda.txt');
      await writeFile(path, 'Agenda: 1. Hello');
      const before = sandbox.control.outbox(c.from()).length;
      const mailer = await c.mailer();
      await mailer.send({
        to: ['avery.chen@contoso.com', 'bruno.rossi@contoso.com'],
        subject: 'Join the meeting — già',
        html: '<p>Join: <a href="https://teams.example/l/1">link</a></p>',
        attachments: [{ name: 'agenda.txt', contentType: 'text/plain', path }, { name: '../../etc/qr.png', contentType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) }],
      });
      const sent = sandbox.control.outbox(c.from()).slice(before);
      expect(sent).toEqual([
        expect.objectContaining({
          provider: c.provider,
          from: c.from(),
          to: ['avery.chen@contoso.com', 'bruno.rossi@contoso.com'],
          subject: 'Join the meeting — già',
          body: '<p>Join: <a href="https://teams.example/l/1">link</a></p>',
        }),
      ]);
      expect(sent[0]?.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([
        ['agenda.txt', 'text/plain', 16],
        ['qr.png', 'image/png', 4],
      ]);
    });

    it(`refuses attachments over the provider's limit before anything is sent`, async () => {
      const mailer = await c.mailer();
      const before = sandbox.control.outbox(c.from()).length;
      const refusal = await refusalOf(mailer.send({ to: ['avery.chen@contoso.com'], subject: 'Big', html: '<p>x</p>', attachments: [{ name: 'big.bin', contentType: 'application/octet-stream', bytes: new Uint8Array(c.tooBig) }] }));
      expect(refusal).toBeInstanceOf(AttachmentTooLargeError);
      expect(refusal).toMatchObject({ code: 'attachment-too-large', limitBytes: mailer.maxAttachmentBytes });
      expect(sandbox.control.outbox(c.from())).toHaveLength(before);
    });

    it('refuses a header-breaking address or subject without calling the provider', async () => {
      const mailer = await c.mailer();
      sandbox.control.clearRequests();
      await expect(mailer.send({ to: ['x@y.example\r\nBcc: all@corp.example'], subject: 'Hi', html: '' })).rejects.toThrow();
      await expect(mailer.send({ to: ['x@y.example'], subject: 'Hi\r\nBcc: all@corp.example', html: '' })).rejects.toThrow();
      expect(sandbox.control.requests().filter((r) => /sendMail|messages\/send/.test(r.path))).toEqual([]);
    });
  });

  it('Graph: without Mail.Send the mail is refused as no-permission and nothing leaves', async () => {
    const mailer = await graphMailer(sandbox, ['Calendars.Read'], 'huddle2@contoso.com');
    const refusal = await refusalOf(mailer.send({ to: ['avery.chen@contoso.com'], subject: 'Hi', html: '<p>x</p>' }));
    expect(refusal).toBeInstanceOf(MailRefusedError);
    expect(refusal).toMatchObject({ reason: 'no-permission' });
    expect(sandbox.control.outbox('huddle2@contoso.com')).toEqual([]);
  });

  it('Gmail: without gmail.send the mail is refused as no-permission', async () => {
    const mailer = await gmailMailer(sandbox, ['google.calendar'], 'it.admin@fabrikam.example');
    expect(await refusalOf(mailer.send({ to: ['sofia.conti@fabrikam.example'], subject: 'Hi', html: '<p>x</p>' }))).toMatchObject({ reason: 'no-permission' });
    expect(sandbox.control.outbox('it.admin@fabrikam.example')).toEqual([]);
  });

  it('Gmail: a message over 5 MB goes as a media upload and arrives whole', async () => {
    const mailer = await gmailMailer(sandbox, ['google.send-mail']);
    const bytes = new Uint8Array(6 * MB).map((_, i) => i % 251);
    await mailer.send({ to: ['sofia.conti@fabrikam.example'], subject: 'Slides', html: '<p>Slides</p>', attachments: [{ name: 'slides.pdf', contentType: 'application/pdf', bytes }] });
    const upload = sandbox.control.requests({ service: 'google-apis' }).filter((r) => r.path === '/upload/gmail/v1/users/me/messages/send');
    expect(upload).toHaveLength(1);
    const last = sandbox.control.outbox(sandbox.google.roomAccount).at(-1);
    expect(last?.attachments[0]?.contentBase64).toBe(Buffer.from(bytes).toString('base64'));
  });
});
