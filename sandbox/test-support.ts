import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadSubset } from './openapi';
import { API_KEYS } from './seed';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './server';
import { createValidator } from './validate';

const doc = loadSubset();
const validator = createValidator(doc);

/** Schema errors of a success answer against the subset's documented response. */
export function responseErrors(method: string, template: string, status: number, body: unknown): string[] {
  const operation = doc.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`No operation ${method} ${template} in the subset`);
  return validator.responseErrors(operation, status, body);
}

export type Answer<T = any> = { status: number; headers: Headers; body: T };

/** Starts one sandbox for the file (fresh state before each test) and returns a small client. */
export function useSandbox(options: SandboxOptions = {}) {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  const request = async <T = any>(
    method: string, path: string, init: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> => {
    const key = init.key === undefined ? API_KEYS.full : init.key;
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON answers (injected faults) stay text
    }
    return { status: res.status, headers: res.headers, body: body as T };
  };

  return {
    url: () => sandbox.url,
    request,
    admin: <T = any>(method: string, route: string, body?: unknown) =>
      request<T>(method, `/_sandbox/${route}`, { key: null, ...(body === undefined ? {} : { body }) }),
  };
}
