import { describe, expect, it } from 'vitest';
import { parseMime } from '../../../e2e/sandbox/core/mime';
import { buildMime, encodeHeaderText } from './mime';

const file = (name: string, text: string) => ({ name, contentType: 'text/plain', bytes: new TextEncoder().encode(text) });

describe('buildMime', () => {
  it('is 7-bit text a mail parser reads back: subject, recipients, HTML and files', () => {
    const raw = buildMime({ to: ['a@b.example', 'c@d.example'], subject: 'Riunione già iniziata ✓', html: '<p>Ciao è qui</p>', attachments: [file('note é.txt', 'hello')] }, 'BOUNDARY');
    expect(raw).toMatch(/^\p{ASCII}*$/u);
    const parsed = parseMime(raw);
    expect(parsed.headers.get('to')).toBe('a@b.example, c@d.example');
    expect(parsed.headers.get('subject')).toBe('Riunione già iniziata ✓');
    expect(parsed.parts.map((part) => [part.contentType, part.params.get('filename') ?? null, part.body.toString('utf8')])).toEqual([
      ['text/html', null, '<p>Ciao è qui</p>'],
      ['text/plain', 'note é.txt', 'hello'],
    ]);
  });

  it('sends a single HTML part when there is nothing attached', () => {
    const parsed = parseMime(buildMime({ to: ['a@b.example'], subject: 'Hi', html: '<b>x</b>', attachments: [] }));
    expect(parsed.parts.map((part) => [part.contentType, part.body.toString('utf8')])).toEqual([['text/html', '<b>x</b>']]);
  });

  it('keeps every encoded word within 75 characters and never splits a character', () => {
    const long = 'Invito: '.concat('€'.repeat(40));
    const words = encodeHeaderText(long).split('\r\n ');
    expect(words.every((word) => word.length <= 75)).toBe(true);
    expect(parseMime(`Subject: ${encodeHeaderText(long)}\r\n\r\n`).headers.get('subject')).toBe(long);
  });
});
