/**
 * HTML → text as Exchange does it for `bodyPreview` and `Prefer: outlook.body-content-type="text"`. The text body
 * keeps link targets the way Outlook renders them ("Join the meeting now<https://...>"), which is what a link
 * detector will see when it asks for text bodies; the preview drops them.
 */

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Link targets are wrapped in these while tags are stripped, so "<https://...>" is not mistaken for a tag. */
const OPEN = '\u0001';
const CLOSE = '\u0002';

export function htmlToText(html: string, links: 'inline' | 'drop'): string {
  const withoutHead = html.replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, '');
  // Source line breaks are insignificant in HTML; only markup makes lines.
  const flat = withoutHead.replace(/\s+/g, ' ');
  const withLinks = flat.replace(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_whole, href: string, label: string) =>
    links === 'inline' ? `${label}${OPEN}${decodeEntities(href)}${CLOSE}` : label,
  );
  const withBreaks = withLinks.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(div|p|tr|li|h\d|table)>/gi, '\n');
  const text = decodeEntities(withBreaks.replace(/<[^>]+>/g, '')).replaceAll(OPEN, '<').replaceAll(CLOSE, '>');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\r\n')
    .replace(/(\r\n){3,}/g, '\r\n\r\n')
    .trim();
}

/** Graph's bodyPreview: the first 255 characters of the text body, without link targets. */
export function bodyPreview(html: string): string {
  return htmlToText(html, 'drop').slice(0, 255);
}
