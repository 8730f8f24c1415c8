import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '@/utils/extract/sites';

const folder = join(import.meta.dirname, '../../../utils/extract/sites');

describe('site adapter registry', () => {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

  it('registers every adapter file in the folder, once', () => {
    expect(SITE_ADAPTERS.map((a) => a.id).sort()).toEqual(files);
    expect(new Set(SITE_ADAPTERS.map((a) => a.id)).size).toBe(SITE_ADAPTERS.length);
  });

  it('has at least the adapters the extraction issue asks for', () => {
    for (const id of ['github', 'wikipedia', 'zhihu', 'wechat', 'reddit']) expect(files).toContain(id);
  });

  it('each file exports the adapter with its own id', async () => {
    for (const id of files) {
      const mod = (await import(`../../../utils/extract/sites/${id}.ts`)) as Record<string, { id: string }>;
      expect(Object.values(mod).some((v) => v?.id === id)).toBe(true);
    }
  });
});
