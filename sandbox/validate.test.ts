import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import type { OpenApiDocument, Operation } from './openapi';
import { createValidator, toJsonSchema } from './validate';

const doc: OpenApiDocument = {
  paths: {},
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', example: 'x' }, note: { type: 'string', nullable: true }, example: { type: 'integer' } },
      },
    },
  },
};

const operation: Operation = {
  operationId: 'Things#Create',
  parameters: [
    { name: 'page_size', in: 'query', schema: { type: 'integer', maximum: 500 } },
    { name: 'tag', in: 'query', schema: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
  ],
  requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
  responses: {},
};

const validator = createValidator(doc);
const run = (query: string, body: string, contentType = 'application/json') =>
  validator.validateRequest(operation, { query: new URLSearchParams(query), contentType, body });

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err.errors.map((e) => `${err.status} ${e.source?.field ?? e.code}`);
  }
  return [];
};

describe('toJsonSchema', () => {
  it('turns nullable into a null type, drops examples and keeps a field named "example"', () => {
    expect(toJsonSchema(doc.components.schemas.Thing)).toEqual({
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, note: { type: ['string', 'null'] }, example: { type: 'integer' } },
    });
  });
});

describe('validateRequest', () => {
  it('parses repeated deep-object keys into arrays and numbers from the query', () => {
    expect(run('page_size=10&tag[one_of]=a&tag%5Bone_of%5D=b&tag[not_in]=c', '{"name":"n","note":null}')).toEqual({
      query: { page_size: 10, tag: { one_of: ['a', 'b'], not_in: ['c'] } },
      body: { name: 'n', note: null },
    });
  });

  it('caps page_size at the documented 250 even where the schema says more', () => {
    expect(fieldsOf(() => run('page_size=251', '{"name":"n"}'))).toEqual(['422 page_size']);
  });

  it('names every invalid body field', () => {
    expect(fieldsOf(() => run('', '{"note":5}'))).toEqual(['422 name', '422 note']);
  });

  it('refuses bodies that are not JSON, or not labelled as JSON', () => {
    expect(fieldsOf(() => run('', '{'))).toEqual(['400 invalid_json']);
    expect(fieldsOf(() => run('', '{"name":"n"}', 'text/plain'))).toEqual(['400 invalid_content_type']);
  });
});
