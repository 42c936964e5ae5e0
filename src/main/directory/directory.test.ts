import { describe, expect, it } from 'vitest';
import type { Person } from '../../shared/invite';
import { silentLogger } from '../health/logger';
import { DirectoryError, mergePeople, searchDirectories, toPerson, type Directory } from './directory';

const person = (name: string, email: string, source: Person['source'] = 'microsoft'): Person => ({ name, email, source });

describe('toPerson', () => {
  it('keeps the name as plain data, even when it looks like markup (the screen and the mail escape it)', () => {
    expect(toPerson('google', '<script>alert(1)</script>', 'eve@fabrikam.example')).toEqual(person('<script>alert(1)</script>', 'eve@fabrikam.example', 'google'));
  });

  it('falls back to the address when a directory has no name, and drops entries without a usable address', () => {
    expect(toPerson('zoom', '  ', 'a@b.example')?.name).toBe('a@b.example');
    expect(toPerson('zoom', 'Room', null)).toBeNull();
    expect(toPerson('zoom', 'Broken', 'not-an-address')).toBeNull();
    expect(toPerson('zoom', 'Injected', 'x@y.example\r\nBcc: all@corp.example')).toBeNull();
  });
});

describe('mergePeople', () => {
  it('lists each address once, whatever its case, keeping the first directory’s entry', () => {
    const graph = [person('Avery Chen', 'avery.chen@contoso.com')];
    const zoom = [person('Avery C.', 'Avery.Chen@Contoso.com', 'zoom'), person('Bruno Rossi', 'bruno.rossi@contoso.com', 'zoom')];
    expect(mergePeople([graph, zoom])).toEqual([graph[0], zoom[1]]);
  });

  it('cuts the merged list at the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => person(`P${i}`, `p${i}@contoso.com`));
    expect(mergePeople([many, many], 12)).toHaveLength(12);
  });
});

describe('searchDirectories', () => {
  const fixed = (source: Person['source'], people: Person[]): Directory => ({ source, search: async () => people });
  const failing = (source: Person['source']): Directory => ({
    source,
    search: async () => {
      throw new DirectoryError(source, 'no-permission');
    },
  });

  it('shows what the working directories found and names the one that failed', async () => {
    const result = await searchDirectories([failing('webex'), fixed('zoom', [person('Hana Sato', 'hana.sato@contoso.com', 'zoom')])], 'hana', silentLogger);
    expect(result).toEqual({ people: [person('Hana Sato', 'hana.sato@contoso.com', 'zoom')], unavailable: ['webex'] });
  });

  it('passes the limit on to every directory', async () => {
    const limits: number[] = [];
    const spy: Directory = { source: 'google', search: async (_q, limit) => (limits.push(limit), []) };
    await searchDirectories([spy], 'x', silentLogger, 5);
    expect(limits).toEqual([5]);
  });
});
