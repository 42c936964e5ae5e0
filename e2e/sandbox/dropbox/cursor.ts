/** list_folder cursors: opaque to clients, a snapshot position or a change watermark to the sandbox. */
export interface CursorState {
  readonly account: string;
  readonly path: string;
  readonly recursive: boolean;
  readonly limit: number;
  /** DropboxDrive.generation when issued; resetCursors() makes older ones answer 409 reset. */
  readonly generation: number;
  /** Journal position the listing is a snapshot of (and, once done, the watermark for changes). */
  readonly seq: number;
  /**
   * path_lower of the last snapshot entry sent ("" before the first page); null once the snapshot is exhausted and
   * continue reports changes. Keyed by path, not offset, so a change mid-listing never shifts the pages.
   */
  readonly after: string | null;
}

const PREFIX = 'AAG';

export function encodeCursor(state: CursorState): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
}

function isCursorState(value: unknown): value is CursorState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['account'] === 'string' &&
    typeof v['path'] === 'string' &&
    typeof v['recursive'] === 'boolean' &&
    typeof v['limit'] === 'number' &&
    typeof v['generation'] === 'number' &&
    typeof v['seq'] === 'number' &&
    (v['after'] === null || typeof v['after'] === 'string')
  );
}

export function decodeCursor(text: string): CursorState | null {
  if (!text.startsWith(PREFIX)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8'));
    return isCursorState(value) ? value : null;
  } catch {
    return null;
  }
}
