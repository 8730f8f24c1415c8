import type { SiteAdapter } from '../site-adapter';
import { github } from './github';
import { reddit } from './reddit';
import { wechat } from './wechat';
import { wikipedia } from './wikipedia';
import { zhihu } from './zhihu';

/** Every site adapter, tried in order; tests/unit/extract/sites-registry.test.ts keeps this in step with the folder. */
export const SITE_ADAPTERS: SiteAdapter[] = [github, reddit, wechat, wikipedia, zhihu];
