/**
 * Tolerant percent-decoding. Wrapper parameters arrive from mail bodies, so a truncated or bogus escape (`%ZZ`, a
 * dangling `%`) must not throw or stall unwrapping (MeetingBar PR #936 spun forever on one): valid escape runs are
 * decoded, anything else is kept verbatim.
 */

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

export function percentDecode(value: string): string {
  if (value.indexOf('%') < 0) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(ESCAPE_RUN, decodeRun);
  }
}

/** One run of escapes; a run that is not valid UTF-8 is decoded byte-wise only where the bytes are ASCII. */
function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run.replace(/%([0-7][0-9A-Fa-f])/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}
