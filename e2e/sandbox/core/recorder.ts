/** What the sandbox remembers about every provider request, so tests can assert exactly what a client sent. */
export interface RecordedRequest<S extends string = string> {
  readonly id: number;
  readonly service: S;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Body of a form post (OAuth endpoints), else null. */
  readonly form: Readonly<Record<string, string>> | null;
  /** Scopes asked for by an authorize/devicecode/token request (resource prefix stripped), else null. */
  readonly scopes: readonly string[] | null;
  readonly grantType: string | null;
  /** ISO timestamp from the sandbox clock. */
  readonly at: string;
  /** Status sent back; null while in flight, for hangs and for resets. */
  status: number | null;
}

export type NewRecord<S extends string> = Omit<RecordedRequest<S>, 'id' | 'status'>;

export class RequestRecorder<S extends string = string> {
  private readonly entries: RecordedRequest<S>[] = [];
  private nextId = 1;

  record(entry: NewRecord<S>): RecordedRequest<S> {
    const recorded: RecordedRequest<S> = { ...entry, id: this.nextId++, status: null };
    this.entries.push(recorded);
    return recorded;
  }

  list(filter: { service?: S } = {}): RecordedRequest<S>[] {
    // Copies, so a test holding the array never sees later mutations (status filled in after the fact).
    return this.entries.filter((entry) => filter.service === undefined || entry.service === filter.service).map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries.length = 0;
  }
}
