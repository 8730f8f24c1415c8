import type { SiteAdapter } from './types';

/** Every site adapter, checked in order; tests/unit/extract/sites-registry.test.ts keeps this in step with the folder. */
export const SITE_ADAPTERS: SiteAdapter[] = [];
