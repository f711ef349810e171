import { describe, expect, it } from 'vitest';
import { extractSubset, USED_OPERATIONS } from './extract-schema';

/** A tiny spec with every operation we use, pointing at a chain of schemas plus one unused schema. */
function spec() {
  const op = { responses: { 200: { content: { 'application/json': { example: { big: true }, schema: { $ref: '#/components/schemas/Result' } } } } } };
  const paths: Record<string, Record<string, unknown>> = { '/v9/unused': { get: op } };
  for (const [route, methods] of Object.entries(USED_OPERATIONS)) {
    paths[route] = Object.fromEntries(methods.map((m) => [m, op]));
  }
  paths['/v2/incidents'] = { ...paths['/v2/incidents'], put: op };
  return {
    openapi: '3.0.3',
    info: { title: 'incident.io', version: '1' },
    paths,
    components: {
      schemas: {
        Result: { type: 'object', properties: { item: { $ref: '#/components/schemas/Item' } } },
        Item: { type: 'object', example: { id: 'x' }, properties: { id: { type: 'string' }, example: { type: 'string' } } },
        Unused: { type: 'object' },
      },
    },
  };
}

describe('extractSubset', () => {
  it('keeps only the used operations and the schemas they reach, without examples', () => {
    const subset = extractSubset(spec()) as { paths: Record<string, object>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(subset.paths).sort()).toEqual(Object.keys(USED_OPERATIONS).sort());
    expect(Object.keys(subset.paths['/v2/incidents'] ?? {})).toEqual(['get', 'post']);
    expect(Object.keys(subset.components.schemas)).toEqual(['Item', 'Result']);
    expect(subset.components.schemas.Item).toEqual({ properties: { example: { type: 'string' }, id: { type: 'string' } }, type: 'object' });
    expect(JSON.stringify(subset)).not.toContain('"big"');
  });

  it('is deterministic whatever the input key order', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
    };
    expect(JSON.stringify(extractSubset(reverseKeys(spec()) as object))).toBe(JSON.stringify(extractSubset(spec())));
  });

  it('fails loudly when an operation or a referenced schema is missing', () => {
    const noOp = spec();
    delete noOp.paths['/v1/identity'];
    expect(() => extractSubset(noOp)).toThrow('/v1/identity');
    const dangling = spec();
    delete (dangling.components.schemas as Record<string, unknown>).Item;
    expect(() => extractSubset(dangling)).toThrow('Item');
  });
});
