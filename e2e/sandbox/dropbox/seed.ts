import type { Clock } from '../core/clock';
import { DANA_DROPBOX, ROOM_DROPBOX } from './accounts';
import { bigFile, bufferContent } from './content/file-content';
import { encodeBlockJpeg } from './content/jpeg';
import { encodeDocx, encodeXlsx } from './content/office';
import { encodePdf } from './content/pdf';
import { encodePng, type Rgb } from './content/png';
import { DropboxDrive, type Picture } from './tree';

const DAY = 86_400_000;
/** The seeded recording: large enough for the "stream 200 MB with bounded memory" test. */
export const LARGE_FILE_PATH = '/Videos/Town hall 2026-11.mp4';
export const LARGE_FILE_SIZE = 200 * 1024 * 1024;

const clamp = (value: number): number => Math.max(0, Math.min(255, Math.round(value)));
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [clamp(a[0] + (b[0] - a[0]) * t), clamp(a[1] + (b[1] - a[1]) * t), clamp(a[2] + (b[2] - a[2]) * t)];

/** Sky, mountains, lake. */
const LAKE: Picture = {
  width: 640,
  height: 424,
  block: (bx, by) => {
    const ridge = 18 + 6 * Math.sin(bx / 5) + 3 * Math.sin(bx / 2.3);
    if (by < ridge) return mix([110, 170, 235], [200, 225, 250], by / ridge);
    if (by < 34) return mix([70, 95, 80], [40, 60, 50], (by - ridge) / Math.max(1, 34 - ridge));
    return mix([30, 90, 130], [15, 50, 80], (by - 34) / 19);
  },
};

/** Warm restaurant light around a table. */
const DINNER: Picture = {
  width: 480,
  height: 320,
  block: (bx, by) => {
    const d = Math.hypot(bx - 30, by - 24) / 38;
    return mix([250, 200, 120], [70, 35, 20], Math.min(1, d));
  },
};

/** Marker strokes on a whiteboard. */
const WHITEBOARD: Picture = {
  width: 400,
  height: 296,
  block: (bx, by) => (Math.abs(by - 18 - 8 * Math.sin(bx / 4)) < 1 || (bx > 10 && bx < 14 && by > 6 && by < 30) ? [30, 60, 160] : [246, 246, 242]),
};

const PHONE_PHOTO: Picture = { width: 360, height: 480, block: (bx, by) => mix([240, 130, 60], [60, 40, 110], (bx + by) / 100) };

const LOGO: Picture = {
  width: 256,
  height: 256,
  block: (bx, by) => (Math.hypot(bx - 15.5, by - 15.5) < 12 ? [0, 103, 184] : [255, 255, 255]),
};

const PALETTE_COLOURS: readonly Rgb[] = [
  [0, 103, 184],
  [0, 153, 114],
  [255, 185, 0],
  [216, 59, 1],
  [92, 45, 145],
];
const PALETTE: Picture = { width: 320, height: 80, block: (bx) => PALETTE_COLOURS[Math.floor(bx / 8)] ?? [0, 0, 0] };

export function jpegOf(picture: Picture, width = picture.width, height = picture.height): Buffer {
  const sx = Math.ceil(picture.width / 8) / Math.ceil(width / 8);
  const sy = Math.ceil(picture.height / 8) / Math.ceil(height / 8);
  return encodeBlockJpeg(width, height, (bx, by) => picture.block(Math.floor(bx * sx), Math.floor(by * sy)));
}

export function pngOf(picture: Picture, width = picture.width, height = picture.height): Buffer {
  const sx = picture.width / width;
  const sy = picture.height / height;
  return encodePng(width, height, (x, y) => picture.block(Math.floor((x * sx) / 8), Math.floor((y * sy) / 8)));
}

export interface SeedFile {
  readonly path: string;
  readonly daysAgo: number;
  readonly data?: Buffer;
  readonly picture?: { readonly picture: Picture; readonly format: 'jpeg' | 'png' };
}

/** The room's documents, photos and reports (OneDrive and Google Drive seed the same tree). */
export function roomFiles(): SeedFile[] {
  return [
    { path: '/Welcome.pdf', daysAgo: 40, data: encodePdf([{ title: 'Welcome to Boardroom 4', lines: ['Wi-Fi: Contoso-Guest', 'Press "Meet now" to start a meeting.', 'Press "Files" to show your documents.'] }]) },
    { path: '/Brand/Logo.png', daysAgo: 120, picture: { picture: LOGO, format: 'png' } },
    { path: '/Brand/Palette.png', daysAgo: 120, picture: { picture: PALETTE, format: 'png' } },
    { path: '/Photos/Offsite 2026/Lake Como.jpg', daysAgo: 9, picture: { picture: LAKE, format: 'jpeg' } },
    { path: '/Photos/Offsite 2026/Team dinner.jpg', daysAgo: 9, picture: { picture: DINNER, format: 'jpeg' } },
    { path: '/Photos/Whiteboard — café sketch.jpg', daysAgo: 2, picture: { picture: WHITEBOARD, format: 'jpeg' } },
    {
      path: '/Reports/Q3 results.pdf',
      daysAgo: 30,
      data: encodePdf([
        { title: 'Q3 results', lines: ['Revenue: 12.4 M EUR (+8%)', 'Operating margin: 14%', 'Headcount: 212'] },
        { title: 'Q3 results: regions', lines: ['Italy: 5.1 M', 'Germany: 3.9 M', 'United States: 3.4 M'] },
      ]),
    },
    { path: '/Reports/Q4 plan.docx', daysAgo: 6, data: encodeDocx(['Q4 plan', 'Launch the room kiosk in all Milan meeting rooms.', 'Review budget in week 48.']) },
    {
      path: '/Reports/Budget 2027.xlsx',
      daysAgo: 4,
      data: encodeXlsx('Budget', [
        ['Item', 'Q1', 'Q2'],
        ['Room displays', 24000, 12000],
        ['Licences', 8000, 8000],
      ]),
    },
  ];
}

function danaFiles(): SeedFile[] {
  return [
    { path: '/Slides/Roadmap review.pdf', daysAgo: 1, data: encodePdf([{ title: 'Roadmap review', lines: ['1. Where we are', '2. What ships next', '3. Risks'] }]) },
    { path: '/Camera Uploads/2026-11-20 14.03.12.jpg', daysAgo: 3, picture: { picture: PHONE_PHOTO, format: 'jpeg' } },
    { path: '/Notes/Ideen – Übersicht.txt', daysAgo: 5, data: Buffer.from('Ideen für das Offsite:\n- Seeblick\n- Café am Hafen\n', 'utf8') },
    { path: '/Dana’s résumé.pdf', daysAgo: 60, data: encodePdf([{ title: 'Dana Lee', lines: ['Product manager', 'Contoso, 2021-'] }]) },
  ];
}

function addSeedFile<A extends { readonly id: string }>(drive: DropboxDrive<A>, file: SeedFile, anchor: Date): void {
  const when = new Date(anchor.getTime() - file.daysAgo * DAY);
  const data = file.picture ? (file.picture.format === 'png' ? pngOf(file.picture.picture) : jpegOf(file.picture.picture)) : (file.data ?? Buffer.alloc(0));
  drive.putFile(file.path, { content: bufferContent(data), clientModified: when, serverModified: when, picture: file.picture?.picture ?? null });
}

export function seededDrive<A extends { readonly id: string }>(account: A, clock: Clock, files: readonly SeedFile[], anchor: Date): DropboxDrive<A> {
  const drive = new DropboxDrive<A>(account, clock);
  for (const file of files) addSeedFile(drive, file, anchor);
  return drive;
}

/** Both accounts' trees, dated relative to the anchor; the room's has the 200 MiB recording (generated lazily). */
export function seedDrives(clock: Clock, anchor: Date): DropboxDrive[] {
  const room = seededDrive(ROOM_DROPBOX, clock, roomFiles(), anchor);
  room.addFolder('/Shared with guests');
  const recorded = new Date(anchor.getTime() - 12 * DAY);
  room.putFile(LARGE_FILE_PATH, { content: bigFile(LARGE_FILE_SIZE, 'town-hall'), clientModified: recorded, serverModified: recorded });
  return [room, seededDrive(DANA_DROPBOX, clock, danaFiles(), anchor)];
}
