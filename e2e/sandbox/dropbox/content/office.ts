import { crc32 } from 'node:zlib';

/**
 * Minimal Office Open XML packages (a one-paragraph .docx, a one-sheet .xlsx): real ZIP files (stored, not
 * deflated) that Word, Excel and the providers' web editors would open.
 */

interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** DOS date/time of 2026-01-01 00:00, fixed so the bytes (and the content hash) never change. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** The fields local and central headers share, in the same order: flags … name length. */
function writeCommon(header: Buffer, at: number, entry: ZipEntry, crc: number): void {
  header.writeUInt16LE(0, at); // flags
  header.writeUInt16LE(0, at + 2); // method: stored
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(crc, at + 8);
  header.writeUInt32LE(entry.data.length, at + 12);
  header.writeUInt32LE(entry.data.length, at + 16);
  header.writeUInt16LE(Buffer.byteLength(entry.name), at + 20);
}

function localHeader(entry: ZipEntry, crc: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed
  writeCommon(header, 6, entry, crc); // extra length (28) stays 0
  return header;
}

function centralHeader(entry: ZipEntry, crc: number, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4); // version made by
  header.writeUInt16LE(20, 6); // version needed
  writeCommon(header, 8, entry, crc);
  header.writeUInt32LE(offset, 42); // extra, comment, disk, attributes stay 0
  return header;
}

function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const crc = crc32(entry.data);
    const name = Buffer.from(entry.name);
    const local = Buffer.concat([localHeader(entry, crc), name, entry.data]);
    centrals.push(Buffer.concat([centralHeader(entry, crc, offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

function xml(text: string): Buffer {
  return Buffer.from(`${XML}${text}`, 'utf8');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function contentTypes(overrides: Readonly<Record<string, string>>): Buffer {
  const parts = Object.entries(overrides).map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`);
  return xml(
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${parts.join('')}</Types>`,
  );
}

function relationships(targets: readonly { id: string; type: string; target: string }[]): Buffer {
  return xml(`<Relationships xmlns="${RELS_NS}">${targets.map((t) => `<Relationship Id="${t.id}" Type="${t.type}" Target="${t.target}"/>`).join('')}</Relationships>`);
}

export function encodeDocx(paragraphs: readonly string[]): Buffer {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`).join('');
  return zip([
    { name: '[Content_Types].xml', data: contentTypes({ '/word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' }) },
    { name: '_rels/.rels', data: relationships([{ id: 'rId1', type: OFFICE_DOC, target: 'word/document.xml' }]) },
    { name: 'word/document.xml', data: xml(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) },
  ]);
}

function cell(column: number, row: number, value: string | number): string {
  const ref = `${String.fromCharCode(65 + column)}${row}`;
  return typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

export function encodeXlsx(sheetName: string, rows: readonly (readonly (string | number)[])[]): Buffer {
  const data = rows.map((row, r) => `<row r="${r + 1}">${row.map((value, c) => cell(c, r + 1, value)).join('')}</row>`).join('');
  return zip([
    {
      name: '[Content_Types].xml',
      data: contentTypes({
        '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        '/xl/worksheets/sheet1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
      }),
    },
    { name: '_rels/.rels', data: relationships([{ id: 'rId1', type: OFFICE_DOC, target: 'xl/workbook.xml' }]) },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    { name: 'xl/_rels/workbook.xml.rels', data: relationships([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', target: 'worksheets/sheet1.xml' }]) },
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`) },
  ]);
}
