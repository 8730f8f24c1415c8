import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { VIDEO_METHODS } from '@/utils/video/methods';

const folder = join(import.meta.dirname, '../../../utils/video/methods');
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

test('every method file is in the ordered list, once, under its own id', async () => {
  expect(VIDEO_METHODS.map((m) => m.id).sort()).toEqual(files);
  expect(new Set(VIDEO_METHODS.map((m) => m.id)).size).toBe(VIDEO_METHODS.length);
  for (const id of files) {
    const mod = (await import(`../../../utils/video/methods/${id}.ts`)) as Record<string, { id?: string }>;
    expect(Object.values(mod).some((v) => v?.id === id)).toBe(true);
  }
});

test('for each site, the page’s own player data comes before any fallback', () => {
  const youtube = VIDEO_METHODS.filter((m) => m.site === 'youtube').map((m) => m.id);
  expect(youtube[0]).toBe('youtube-player');
  expect(VIDEO_METHODS.some((m) => m.site === 'bilibili')).toBe(true);
});
