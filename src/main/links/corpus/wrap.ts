/**
 * Encoders for the link wrappers of research §2, used to generate wrapped invitation links the way the mail
 * gateways do (Safe Links, Proofpoint v1/v2/v3, Google redirect, Mimecast).
 */

export function safeLink(url: string, region = 'nam12'): string {
  return (
    `https://${region}.safelinks.protection.outlook.com/?url=${encodeURIComponent(url)}` +
    '&data=05%7C02%7Croom.4b%40contoso.com%7C3f1c2a7b9e8d4c6b%7C72f988bf86f141af91ab2d7cd011db47%7C0%7C0%7C638512345678901234' +
    '%7CUnknown%7CTWFpbGZsb3d8eyJWIjoiMC4wLjAwMDAifQ%3D%3D%7C0%7C%7C%7C&sdata=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%2F%3D&reserved=0'
  );
}

/** OWA variant with the `/ap/t-<id>/` path segment. */
export function safeLinkAp(url: string): string {
  return `https://eur01.safelinks.protection.outlook.com/ap/t-59584e83/?url=${encodeURIComponent(url)}&data=05%7C02%7C&sdata=x&reserved=0`;
}

export function proofpointV1(url: string): string {
  return `https://urldefense.proofpoint.com/v1/url?u=${encodeURIComponent(url)}&k=AbCdEf%3D%3D%0A&r=xyz&m=abc&s=def`;
}

/** v2: percent-encode, then `%`→`-` and `/`→`_` (so `-` and `_` in the URL are escaped first). */
export function proofpointV2(url: string): string {
  const encoded = encodeURIComponent(url)
    .replace(/[-_.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');
  const u = encoded.replace(/%/g, '-').replace(/\//g, '_');
  return `https://urldefense.proofpoint.com/v2/url?u=${u}&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=abc&m=def&s=ghi&e=`;
}

/** Characters Proofpoint v3 moves into the base64 tail; a run of two or more becomes `**X`. */
const V3_REPLACED = new Set(['#', '%', '&', '*', '$', '!', '"', "'", ' ']);
const RUN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function proofpointV3(url: string): string {
  let body = '';
  let moved = '';
  let i = 0;
  while (i < url.length) {
    let run = 0;
    while (i + run < url.length && V3_REPLACED.has(url.charAt(i + run)) && run < RUN_ALPHABET.length + 1) run += 1;
    if (run === 0) {
      body += url.charAt(i);
      i += 1;
      continue;
    }
    moved += url.slice(i, i + run);
    body += run === 1 ? '*' : `**${RUN_ALPHABET.charAt(run - 2)}`;
    i += run;
  }
  const bytes = btoa(moved).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `https://urldefense.com/v3/__${body}__;${bytes}!!ACWV5N9M2RV99hQ!PZwCK7yspP9AzXLsodEKNp6_pWU8ir6IKf$`;
}

/** Google Calendar's redirect: `=`, `&`, `%` (and `#`) of the target are percent-encoded inside `q`. */
export function googleRedirect(url: string, host = 'www.google.com'): string {
  const q = url.replace(/%/g, '%25').replace(/=/g, '%3D').replace(/&/g, '%26').replace(/#/g, '%23');
  return `https://${host}/url?q=${q}&sa=D&source=calendar&ust=1718000000000000&usg=AOvVaw0AbCdEfGhIjKlMnOpQrSt`;
}

export function mimecast(): string {
  return 'https://protect-eu.mimecast.com/s/AbCdEfGhIjKlMnOp?domain=contoso.zoom.us';
}

/** Escapes text for an HTML attribute or text node. */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Writes every character as a hex character reference (the scheme-hiding trick of MeetingBar's test). */
export function hexEntities(text: string): string {
  return [...text].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
}

const HREF = /href="(https?:\/\/[^"]*)"/g;
const ANGLE_LINK = /<(https?:\/\/[^>\s]*)>/g;

/** A mail gateway rewrites every web link of an HTML body (Safe Links, Proofpoint), not only the join link. */
export function wrapEveryHref(body: string, wrapper: (url: string) => string): string {
  return body.replace(HREF, (_m, url: string) => `href="${html(wrapper(url.replace(/&amp;/g, '&')))}"`);
}

/** The same in an Outlook text body, where each link follows its text as `<URL>`. */
export function wrapEveryAngleLink(body: string, wrapper: (url: string) => string): string {
  return body.replace(ANGLE_LINK, (_m, url: string) => `<${wrapper(url)}>`);
}
