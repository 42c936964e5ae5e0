import type { LinkSource } from '../index';

/**
 * A corpus case and its expectation. `expect` follows research §4: the URL after unwrapping, decoding and trimming,
 * as `new URL(x).href`. Tags name the template and every §3 failure mode a case exercises (`fm:N`).
 */
export interface CorpusCase {
  name: string;
  tags: readonly string[];
  input: LinkSource;
  expect: { provider: string; url: string } | null;
}

/** The §4 serialization of an expected URL. */
export function href(url: string): string {
  return new URL(url).href;
}

export function join(provider: string, url: string): { provider: string; url: string } {
  return { provider, url: href(url) };
}
