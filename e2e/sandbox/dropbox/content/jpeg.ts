import type { Rgb } from './png';

/**
 * A minimal baseline JPEG encoder for images made of flat 8×8 blocks: each block's colour goes into its DC
 * coefficient and every AC coefficient is zero. Real JFIF that any decoder reads, in ~100 lines and no dependency.
 */

/** Standard luminance DC table (ITU T.81 Annex K.3): code lengths 1..16 and the categories they code. */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** An AC table with one symbol: end-of-block, code "0". */
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0x00];

interface Code {
  readonly code: number;
  readonly length: number;
}

/** Canonical Huffman codes from a JPEG (bits, values) table. */
function huffmanCodes(bits: readonly number[], values: readonly number[]): Map<number, Code> {
  const codes = new Map<number, Code>();
  let code = 0;
  let k = 0;
  bits.forEach((count, index) => {
    for (let i = 0; i < count; i++) codes.set(values[k++] ?? 0, { code: code++, length: index + 1 });
    code <<= 1;
  });
  return codes;
}

const DC_CODES = huffmanCodes(DC_BITS, DC_VALUES);
const EOB: Code = huffmanCodes(AC_BITS, AC_VALUES).get(0) ?? { code: 0, length: 1 };

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private filled = 0;

  write(code: number, length: number): void {
    for (let bit = length - 1; bit >= 0; bit--) {
      this.current = (this.current << 1) | ((code >> bit) & 1);
      if (++this.filled === 8) this.flushByte();
    }
  }

  /** Pads the last byte with 1-bits, as T.81 requires. */
  finish(): Buffer {
    if (this.filled > 0) this.write((1 << (8 - this.filled)) - 1, 8 - this.filled);
    return Buffer.from(this.bytes);
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00); // byte stuffing
    this.current = 0;
    this.filled = 0;
  }
}

function segment(marker: number, payload: readonly number[] | Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, Buffer.from(payload)]);
}

function ycbcr([r, g, b]: Rgb): [number, number, number] {
  return [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
}

function writeDc(writer: BitWriter, diff: number): void {
  const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
  const code = DC_CODES.get(category) ?? { code: 0, length: 2 };
  writer.write(code.code, code.length);
  if (category > 0) writer.write(diff >= 0 ? diff : diff + (1 << category) - 1, category);
  writer.write(EOB.code, EOB.length);
}

function headers(width: number, height: number): Buffer[] {
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const quant = [0x00, ...new Array<number>(64).fill(1)];
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
  const huffman = [0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES];
  const scan = [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0];
  return [Buffer.from([0xff, 0xd8]), segment(0xe0, jfif), segment(0xdb, quant), segment(0xc0, frame), segment(0xc4, huffman), segment(0xda, scan)];
}

/** A baseline JFIF of `width`×`height` pixels; `block(bx, by)` colours each 8×8 block. */
export function encodeBlockJpeg(width: number, height: number, block: (bx: number, by: number) => Rgb): Buffer {
  const writer = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < Math.ceil(height / 8); by++) {
    for (let bx = 0; bx < Math.ceil(width / 8); bx++) {
      ycbcr(block(bx, by)).forEach((value, component) => {
        // DC of a flat block = 8 × (level − 128), quantized by 1.
        const dc = Math.round(8 * (value - 128));
        writeDc(writer, dc - (previous[component] ?? 0));
        previous[component] = dc;
      });
    }
  }
  return Buffer.concat([...headers(width, height), writer.finish(), Buffer.from([0xff, 0xd9])]);
}
