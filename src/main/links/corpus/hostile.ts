/**
 * A hostile body (research §3.15): about 1 MB of thousands of bare `https://`, a 40 KB host-like token, unclosed
 * tags and quotes, entity floods and `@`/`##` runs — the input that makes backtracking regexes or rescanning
 * parsers blow up. Optionally ends with a real join link, which must still be found.
 */
export function hostileBody(size = 1024 * 1024, tail = ''): string {
  const parts: string[] = [];
  let length = 0;
  const add = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  add('<html><body><div>');
  add(`https://${'a.'.repeat(20_000)}com/j/123 `);
  for (let i = 0; i < 5000; i += 1) add(i % 2 === 0 ? 'https:// ' : 'https://');
  add('<a href="https://zoom.us/j/1 ');
  add(`<a href=${'x'.repeat(2000)} `);
  for (let i = 0; length < size * 0.6; i += 1) add(`<a href="https://evil-zoom.us/j/${i}" <div <span <!-- &amp;&#x68;&nbsp @@ ## `);
  add('<style>');
  for (let i = 0; length < size * 0.8; i += 1) add(`(((((((((([[[[[[[{{{{{{https://x.example/${'('.repeat(10)} %%%%3E%3E%3E `);
  while (length < size) add('sip:@@@@ 1.2.3.4####### teams@ Video Conference ID: 1 2 3 4 5 6 7 8 9 0 1 2 3 ');
  add(tail);
  return parts.join('');
}
