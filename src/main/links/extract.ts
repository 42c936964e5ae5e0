import { scanDialStrings, type DialFound } from './dial';
import { decodeEntities } from './entities';
import { looksLikeHtml, readHtml } from './html';
import { scanSchemeTokens } from './scan';
import type { Field } from './sources';

/** A link-like string found in a field, with its offset in the field's visible text (document order). */
export interface FoundLink {
  offset: number;
  raw: string;
  /** Where the link ends in the visible text, to spot links cut off by a truncated preview. */
  end: number;
}

export interface FieldScan {
  links: FoundLink[];
  dials: DialFound[];
  /** Length of the visible text the offsets refer to. */
  length: number;
}

/**
 * Reads one field: a structured value is one link; a body is read as HTML (hrefs + visible text) or as text
 * (entities decoded), and scanned for `scheme://` tokens and device dial strings.
 */
export function scanField(field: Field): FieldScan {
  if (field.format === 'url') {
    const raw = decodeEntities(field.value);
    return { links: [{ offset: 0, raw, end: raw.length }], dials: [], length: raw.length };
  }
  const html = field.format === 'html' || (field.format === 'auto' && looksLikeHtml(field.value));
  const markup = html ? readHtml(field.value) : { text: decodeEntities(field.value), hrefs: [] };
  const links: FoundLink[] = markup.hrefs.map((h) => ({ offset: h.offset, raw: h.value, end: h.offset }));
  for (const token of scanSchemeTokens(markup.text)) {
    links.push({ offset: token.offset, raw: token.text, end: token.offset + token.text.length });
  }
  // hrefs sit just before their anchor text; a stable sort keeps that order at equal offsets.
  links.sort((a, b) => a.offset - b.offset);
  return { links, dials: scanDialStrings(markup.text), length: markup.text.length };
}
