import { describe, expect, it } from 'vitest';
import { href } from './corpus';
import { googleRedirect, proofpointV1, proofpointV2, proofpointV3, safeLink } from './corpus/wrap';
import { decodeProofpointV2, decodeProofpointV3 } from './proofpoint';
import { resolveLink } from './resolve';

const ZOOM = 'https://acme.zoom.us/j/81234567890?pwd=AbC.1&jst=2';
const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d';

function joinUrl(raw: string): string | null {
  const r = resolveLink(raw);
  return r.kind === 'join' ? r.url : null;
}

describe('wrapper unwrapping (research §2 wrappers, §3.1–3.4)', () => {
  it('decodes Safe Links exactly once: inner %3a arrives as %253a and stays %3a', () => {
    expect(safeLink(TEAMS)).toContain('%253a');
    expect(joinUrl(safeLink(TEAMS))).toBe(href(TEAMS));
  });

  it('decodes Proofpoint v1, v2 and v3', () => {
    for (const wrap of [proofpointV1, proofpointV2, proofpointV3]) expect(joinUrl(wrap(ZOOM)), wrap.name).toBe(href(ZOOM));
    expect(decodeProofpointV2('https-3A__acme.zoom.us_j_123-3Fpwd-3Dx')).toBe('https://acme.zoom.us/j/123?pwd=x');
  });

  it('decodes a real-world Proofpoint v3 link, restoring `*` from the base64 tail', () => {
    const wrapped = 'https://urldefense.com/v3/__https://github.com/ethanlipson/PyLX-16A/blob/master/documentation.md*lx16aget_id__;Iw!!OToaGQ!tjZu2o_4eGwUWFQVexH7vTz29dPGznkqHlsZZwaPaJf6WSH$';
    expect(decodeProofpointV3(wrapped)).toBe('https://github.com/ethanlipson/PyLX-16A/blob/master/documentation.md#lx16aget_id');
  });

  it('decodes Proofpoint v3 runs (`**A` = two characters)', () => {
    expect(decodeProofpointV3('https://urldefense.com/v3/__https://x.example/a**Ab__;IyM!!t!s$')).toBe('https://x.example/a##b');
  });

  it('keeps a passcode that legitimately contains escapes when unwrapping Google redirects (one decode only)', () => {
    const wrapped = 'https://www.google.com/url?q=https://acme.zoom.us/j/1234567890?pwd%3DaB%252FcD%253D&sa=D&usg=AOvVaw0';
    expect(joinUrl(wrapped)).toBe('https://acme.zoom.us/j/1234567890?pwd=aB%2FcD%3D');
  });

  it('unwraps Google redirects on country domains and with the target anywhere in the query', () => {
    expect(joinUrl(googleRedirect(ZOOM, 'www.google.de'))).toBe(href(ZOOM));
    expect(joinUrl(`https://www.google.com/url?rct=j&q=${encodeURIComponent(ZOOM)}&sa=D`)).toBe(href(ZOOM));
  });

  it('unwraps nested wrappers in any order', () => {
    expect(joinUrl(googleRedirect(safeLink(proofpointV2(ZOOM))))).toBe(href(ZOOM));
    expect(joinUrl(proofpointV3(safeLink(TEAMS)))).toBe(href(TEAMS));
  });

  it('caps nesting and terminates on wrappers that wrap themselves over and over (MeetingBar PR #936)', () => {
    const deep = `${'https://www.google.com/url?q='.repeat(40)}${ZOOM}`;
    const r = resolveLink(deep);
    expect(r.kind).toBe('rejected');
    expect(r.kind === 'rejected' ? r.reason : '').toMatch(/more than 32 nested link wrappers/);
    let huge = ZOOM;
    for (let i = 0; i < 20; i += 1) huge = safeLink(huge);
    expect(resolveLink(huge).kind).toBe('rejected');
    let ok = ZOOM;
    for (let i = 0; i < 10; i += 1) ok = safeLink(ok);
    expect(joinUrl(ok)).toBe(href(ZOOM));
  });

  it('survives malformed and truncated escapes without throwing', () => {
    for (const raw of [
      'https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fbad%ZZbroken&data=x',
      'https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.zoom.us%2Fj%2F8123%',
      'https://nam12.safelinks.protection.outlook.com/?url=',
      'https://urldefense.proofpoint.com/v2/url?u=-ZZ-_&d=x',
      'https://urldefense.com/v3/__https://acme.zoom.us/j/1*__;%%%!!x$',
      'https://www.google.com/url?q=%E0%A4%A',
    ]) {
      expect(() => resolveLink(raw)).not.toThrow();
      expect(joinUrl(raw)).toBeNull();
    }
  });

  it('treats Mimecast as opaque and says so', () => {
    const r = resolveLink('https://protect-eu.mimecast.com/s/AbCdEfGhIjKlMnOp?domain=acme.zoom.us');
    expect(r.kind === 'rejected' ? r.reason : '').toMatch(/Mimecast.*cannot be recovered/);
  });

  it('reports what was unwrapped', () => {
    const r = resolveLink(safeLink(proofpointV2(ZOOM)));
    expect(r.kind === 'join' ? r.wrappers : []).toEqual(['Safe Links', 'Proofpoint v2']);
  });
});
