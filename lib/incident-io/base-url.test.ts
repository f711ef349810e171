import { describe, expect, it } from 'vitest';
import { customEndpointHost, DEFAULT_BASE_URL, validateBaseUrl } from './base-url';

describe('validateBaseUrl', () => {
  it.each([
    [DEFAULT_BASE_URL, 'https://api.incident.io'],
    ['  https://api.incident.io/  ', 'https://api.incident.io'],
    ['HTTPS://API.Incident.IO', 'https://api.incident.io'],
    ['https://proxy.example.com/incident-io/', 'https://proxy.example.com/incident-io'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.1.2.3:8787/', 'http://127.1.2.3:8787'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://LOCALHOST', 'http://localhost'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %j as %j', (input, url) => {
    expect(validateBaseUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    'http://api.incident.io',
    'http://192.168.1.10:8787',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'ftp://api.incident.io',
    'javascript:alert(1)',
    'api.incident.io',
    'https://user:pass@api.incident.io',
    'https://api.incident.io/?x=1',
    'https://api.incident.io/#top',
    'https://api.incident.io?',
    'not a url',
    '',
    '   ',
  ])('rejects %j with a message', (input) => {
    const result = validateBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
  });

  it('explains the http rule', () => {
    expect(validateBaseUrl('http://api.incident.io')).toEqual({
      ok: false,
      message: 'Use an https:// URL, or http:// only on this computer (127.0.0.1 / localhost) for the sandbox.',
    });
  });
});

describe('customEndpointHost (issue 14 §3)', () => {
  it.each([
    ['https://api.incident.io', null],
    ['http://127.0.0.1:8787', null],
    ['http://localhost:8787', null],
    ['https://api.incident.io.evil.example', 'api.incident.io.evil.example'],
    ['https://incident.example.com:8443/proxy', 'incident.example.com:8443'],
  ])('%s → %s', (url, host) => {
    expect(customEndpointHost(url)).toBe(host);
  });
});
