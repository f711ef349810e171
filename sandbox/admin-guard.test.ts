import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useSandbox } from './test-support';

const { url, admin } = useSandbox();

/** A raw request, so Host, Origin and Content-Type are exactly what a hostile page's browser would send. */
function raw(method: string, route: string, headers: Record<string, string>, body?: string): Promise<number> {
  const target = new URL(`/_sandbox/${route}`, url());
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const faults = JSON.stringify({ faults: [{ method: 'GET', path: '^/v2/incidents$', status: 500 }] });
const pending = async () => (await admin<{ faults: unknown[] }>('GET', 'faults')).body.faults.length;

describe('sandbox admin API against cross-site requests', () => {
  it('refuses a text/plain body (a web page form or no-cors fetch) and accepts JSON', async () => {
    expect(await raw('POST', 'faults', { 'content-type': 'text/plain' }, faults)).toBe(415);
    expect(await pending()).toBe(0);
    expect(await raw('POST', 'faults', { 'content-type': 'application/json' }, faults)).toBe(200);
    expect(await pending()).toBe(1);
  });

  it('refuses a web page’s Origin, accepts an extension’s and its own', async () => {
    const json = { 'content-type': 'application/json' };
    expect(await raw('POST', 'faults', { ...json, origin: 'https://evil.example' }, faults)).toBe(403);
    expect(await raw('POST', 'reset', { origin: 'http://localhost:9999' })).toBe(403);
    expect(await pending()).toBe(0);
    expect(await raw('POST', 'faults', { ...json, origin: 'chrome-extension://abcdefghijklmnop' }, faults)).toBe(200);
    expect(await raw('POST', 'faults', { ...json, origin: new URL(url()).origin }, faults)).toBe(200);
    expect(await pending()).toBe(2);
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    expect(await raw('POST', 'reset', { host: 'rebind.evil.example:8787' })).toBe(403);
    expect(await raw('GET', 'requests', { host: 'rebind.evil.example' })).toBe(403);
    expect(await raw('GET', 'health', { host: `localhost:${new URL(url()).port}` })).toBe(200);
  });
});
