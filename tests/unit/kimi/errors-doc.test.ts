// docs/errors.md is where users look a message up: every title the error table can show must be in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_TITLES } from '../../../utils/kimi/error-table';
import en from '../../../public/_locales/en/messages.json';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const english = en as Record<string, { message: string }>;

describe('docs/errors.md', () => {
  it('lists every title of the error table', () => {
    expect(DOCUMENTED_TITLES.length).toBeGreaterThan(15);
    for (const key of DOCUMENTED_TITLES) expect(doc, key).toContain(`| ${english[key].message} |`);
  });

  it('lists every network cause', () => {
    for (const key of ['errNetworkOffline', 'errNetworkDns', 'errNetworkTls', 'errNetworkProxy', 'errNetworkRefused']) {
      expect(doc, key).toContain(english[key].message);
    }
  });
});
