import { describe, expect, it } from 'vitest';
import { apiBase, originPattern, sendsKeyInClear, validateEndpoint } from '../../../utils/kimi/endpoint';

describe('endpoint', () => {
  it('maps the platforms to their API bases', () => {
    expect(apiBase({ platform: 'international', customEndpoint: 'x' })).toBe('https://api.moonshot.ai/v1');
    expect(apiBase({ platform: 'china', customEndpoint: '' })).toBe('https://api.moonshot.cn/v1');
  });

  it('accepts a custom endpoint with or without /v1 and trailing slashes', () => {
    expect(apiBase({ platform: 'custom', customEndpoint: 'http://127.0.0.1:8787' })).toBe('http://127.0.0.1:8787/v1');
    expect(apiBase({ platform: 'custom', customEndpoint: ' https://p.example/v1/ ' })).toBe('https://p.example/v1');
  });

  it('rejects empty and non-http endpoints', () => {
    expect(validateEndpoint('  ')).toBe('endpointEmpty');
    expect(validateEndpoint('ftp://x')).toBe('endpointInvalid');
    expect(validateEndpoint('javascript:alert(1)')).toBe('endpointInvalid');
    expect(validateEndpoint('not a url')).toBe('endpointInvalid');
    expect(validateEndpoint('https://p.example')).toBeNull();
  });

  it('asks permission for the host, not the port or path', () => {
    expect(originPattern('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1/*');
  });

  it('warns of clear text for http:// off this machine only', () => {
    for (const clear of [
      'http://proxy.example/v1',
      'http://192.168.1.5:8080',
      ' http://10.0.0.1 ',
      'http://127.0.0.1.evil.example/',
      'http://[::ffff:7f00:1]/',
    ])
      expect(sendsKeyInClear(clear), clear).toBe(true);
    for (const safe of [
      'https://proxy.example/v1',
      'http://localhost:8787',
      'http://LOCALHOST./v1',
      'http://127.0.0.1:8787/v1',
      'http://127.1.2.3',
      'http://[::1]:9000',
      'http://api.localhost/',
      'not a url',
      '',
    ])
      expect(sendsKeyInClear(safe), safe).toBe(false);
  });
});
