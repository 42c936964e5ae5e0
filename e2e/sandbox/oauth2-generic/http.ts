import type { Reply } from '../core/http';

/** `Retry-After` when a fault names one, else nothing. */
export function retryAfterHeaders(retryAfter: number | undefined): Record<string, string> {
  return retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
}

/** Narrows "parsed value or the error reply to send" results. */
export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && 'headers' in value && 'body' in value;
}
