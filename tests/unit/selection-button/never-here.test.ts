import { describe, expect, it } from 'vitest';
import { neverHerePattern } from '../../../utils/selection-button/registration';

describe('never-here sites', () => {
  it('turns a host or an address into a match pattern for the whole host', () => {
    expect(neverHerePattern('news.example')).toBe('*://news.example/*');
    expect(neverHerePattern(' https://Mail.Example.com/inbox?x=1 ')).toBe('*://mail.example.com/*');
    expect(neverHerePattern('127.0.0.1:8080')).toBe('*://127.0.0.1/*');
  });

  it('refuses what is not a site', () => {
    expect(neverHerePattern('')).toBeNull();
    expect(neverHerePattern('not a host')).toBeNull();
    expect(neverHerePattern('*://*/*')).toBeNull();
    expect(neverHerePattern('a'.repeat(300) + '.example')).toBeNull();
  });
});
