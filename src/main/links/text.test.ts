import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities';
import { looksLikeHtml, readHtml } from './html';
import { percentDecode } from './percent';
import { scanSchemeTokens } from './scan';
import { trimLink } from './trim';

describe('trimLink (research §4 trailing junk)', () => {
  const url = 'https://acme.zoom.us/j/81234567890?pwd=x';
  it.each([
    [`${url}.`], [`${url},`], [`${url};`], [`${url}:`], [`${url}!`], [`${url}?`], [`${url}'`], [`${url}"`],
    [`${url})`], [`${url}]`], [`${url}}`], [`${url}>`], [`${url}\u00a0`], [`${url}\u200b`], [`${url}%3E`], [`${url}).`],
    [`${url}**`], [`  ${url}  `], [`<${url}>`], [`"${url}"`],
  ])('trims %j', (raw) => {
    expect(trimLink(raw)).toBe(url);
  });

  it('keeps balanced brackets and fragments', () => {
    expect(trimLink('https://en.example/wiki/Foo_(bar)')).toBe('https://en.example/wiki/Foo_(bar)');
    expect(trimLink('https://facetime.apple.com/join#v=1&p=a&k=b')).toBe('https://facetime.apple.com/join#v=1&p=a&k=b');
    expect(trimLink('https://x.example/?context={"a":"b"}')).toBe('https://x.example/?context={"a":"b"}');
  });

  it('stays linear on a long run of closing brackets', () => {
    const raw = `https://x.example/${')'.repeat(200_000)}`;
    const start = performance.now();
    expect(trimLink(raw)).toBe('https://x.example/');
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('scanSchemeTokens', () => {
  it('finds links in order, stopping at delimiters and non-ASCII', () => {
    const text = 'a https://a.example/1 b<https://b.example/2>c "https://c.example/3" 会議：https://d.example/4。';
    expect(scanSchemeTokens(text).map((t) => t.text)).toEqual([
      'https://a.example/1', 'https://b.example/2', 'https://c.example/3', 'https://d.example/4',
    ]);
  });

  it('splits Markdown links whose text is a link', () => {
    expect(scanSchemeTokens('[https://a.example/1](https://a.example/1?p=2)').map((t) => t.text)).toEqual(['https://a.example/1]', 'https://a.example/1?p=2)']);
  });

  it('splits links glued by `;` (Outlook location lists) and finds native-app schemes for rejection', () => {
    expect(scanSchemeTokens('https://a.example/1;https://b.example/2 zoommtg://zoom.us/join').map((t) => t.text)).toEqual([
      'https://a.example/1', 'https://b.example/2', 'zoommtg://zoom.us/join',
    ]);
  });

  it('keeps raw JSON in a Teams context and starts at http even when glued to a word', () => {
    const tokens = scanSchemeTokens('Joinhttps://t.example/x?context={"Tid":"1"} next');
    expect(tokens.map((t) => t.text)).toEqual(['https://t.example/x?context={"Tid":"1"}']);
  });
});

describe('HTML reading', () => {
  it('collects hrefs before their text, decodes entities, ignores style, script, comments', () => {
    const markup = readHtml('<style>a{background:url(https://css.example/x)}</style><p>Hi&nbsp;<a HREF="https://a.example/?x=1&amp;y=2">Join &amp; talk</a></p><!-- https://comment.example --><script>var u="https://js.example"</script>');
    expect(markup.hrefs.map((h) => h.value)).toEqual(['https://a.example/?x=1&y=2']);
    expect(markup.text).toContain('Hi\u00a0');
    expect(markup.text).toContain('Join & talk');
    expect(markup.text).not.toMatch(/css\.example|comment\.example|js\.example/);
  });

  it('treats <https://…> in prose as a delimited link, and <wbr> as no separator', () => {
    expect(readHtml('Join <https://a.example/x> <b>now</b>').text).toContain('<https://a.example/x>');
    expect(readHtml('https://a.example/<wbr>x').text).toBe('https://a.example/x');
  });

  it('reads unquoted, single-quoted and VML hrefs and OWA originalsrc', () => {
    const markup = readHtml('<a href=https://a.example/1>x</a><a href=\'https://b.example/2\'>y</a><v:roundrect href="https://c.example/3"></v:roundrect><a href="https://safe.example" originalsrc="https://d.example/4">z</a>');
    expect(markup.hrefs.map((h) => h.value)).toEqual(['https://a.example/1', 'https://b.example/2', 'https://c.example/3', 'https://safe.example', 'https://d.example/4']);
  });

  it('reads the rest as text after an unclosed tag, quote or comment', () => {
    expect(readHtml('<a href="https://a.example/1 then https://b.example/2').text).toContain('https://b.example/2');
    expect(readHtml('<div class="x https://c.example').text).toContain('https://c.example');
    expect(readHtml('<!-- open https://d.example').text).toContain('https://d.example');
  });

  it('sniffs HTML only when real tags are present', () => {
    expect(looksLikeHtml('<p>hi</p>')).toBe(true);
    expect(looksLikeHtml('Join <https://a.example/x>')).toBe(false);
    expect(looksLikeHtml('a < b > c')).toBe(false);
  });
});

describe('decoding', () => {
  it('decodes named, decimal and hex references; leaves unknown ones', () => {
    expect(decodeEntities('&#x68;&#116;tps&colon;&sol;&sol;a&amp;b &bogus; &#0;')).toBe('https://a&b &bogus; \ufffd');
  });

  it('percent-decodes tolerantly', () => {
    expect(percentDecode('a%20b')).toBe('a b');
    expect(percentDecode('a%ZZb%20c%')).toBe('a%ZZb c%');
    expect(percentDecode('%E0%A4%A')).toBe('%E0%A4%A');
  });
});
