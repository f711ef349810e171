import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ApiError, type ErrorDetail } from './errors';
import type { OpenApiDocument, Operation, Parameter, SchemaObject } from './openapi';

const DOC_ID = 'incident-io-openapi';

/** incident.io documents page_size ≤ 250 for every list, though /v2/incidents' parameter schema says 500. */
const DOCUMENTED_MAX_PAGE_SIZE = 250;

/**
 * OpenAPI 3.0 schema → JSON Schema (draft-07 as ajv reads it): `nullable` becomes a null type,
 * examples and vendor extensions go, `$ref`s point into the registered document.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as SchemaObject;
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'example' || key === 'examples' || key === 'nullable' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      out.$ref = `${DOC_ID}${value}`;
    } else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, prop]) => [name, toJsonSchema(prop)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (source.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

export type ParsedRequest = { query: Record<string, unknown>; body: unknown };
export type RawRequest = { query: URLSearchParams; contentType: string | undefined; body: string };

export type Validator = {
  /** Parses and validates query and body; throws ApiError (400/422) like incident.io would. */
  validateRequest(operation: Operation, raw: RawRequest): ParsedRequest;
  /** Schema errors of a response body, or [] when it matches the documented response. */
  responseErrors(operation: Operation, status: number, body: unknown): string[];
  /** Compiles every validator up front, so the first request isn't slowed by schema compilation. */
  compileAll(): void;
};

export function createValidator(doc: OpenApiDocument): Validator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // OpenAPI number formats carry no extra constraint worth rejecting on.
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addSchema({ components: toJsonSchema(doc.components) } as object, DOC_ID);

  const cache = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: () => unknown): ValidateFunction => {
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(schema() as object);
      cache.set(key, fn);
    }
    return fn;
  };

  const queryParams = (operation: Operation): Parameter[] => (operation.parameters ?? []).filter((p) => p.in === 'query');

  const querySchema = (operation: Operation): unknown => ({
    type: 'object',
    properties: Object.fromEntries(queryParams(operation).map((p) => {
      const schema = toJsonSchema(p.schema) as SchemaObject;
      if (p.name === 'page_size') {
        schema.maximum = Math.min(Number(schema.maximum ?? DOCUMENTED_MAX_PAGE_SIZE), DOCUMENTED_MAX_PAGE_SIZE);
        schema.minimum = 1;
      }
      return [p.name, schema];
    })),
    required: queryParams(operation).filter((p) => p.required).map((p) => p.name),
  });

  const queryValidator = (operation: Operation) => compile(`${operation.operationId}#query`, () => querySchema(operation));
  const bodySchema = (operation: Operation) => operation.requestBody?.content['application/json']?.schema;
  const bodyValidator = (operation: Operation, schema: SchemaObject) =>
    compile(`${operation.operationId}#body`, () => toJsonSchema(schema));
  const responseSchema = (operation: Operation, status: string) => operation.responses[status]?.content?.['application/json']?.schema;
  const responseValidator = (operation: Operation, status: string, schema: SchemaObject) =>
    compile(`${operation.operationId}#${status}`, () => toJsonSchema(schema));

  return {
    validateRequest(operation, raw) {
      const query = parseQuery(queryParams(operation), raw.query);
      const validateQuery = queryValidator(operation);
      if (!validateQuery(query)) throw validationFailed(validateQuery.errors ?? []);

      let body: unknown;
      const schema = bodySchema(operation);
      if (schema) {
        body = parseJsonBody(raw);
        const validateBody = bodyValidator(operation, schema);
        if (!validateBody(body)) throw validationFailed(validateBody.errors ?? []);
        rejectUnknownFields(doc, schema, body);
      }
      return { query, body };
    },

    responseErrors(operation, status, body) {
      const schema = responseSchema(operation, String(status));
      if (!schema) return body === undefined ? [] : [`no JSON response documented for status ${status}`];
      const validate = responseValidator(operation, String(status), schema);
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    },

    compileAll() {
      for (const operation of Object.values(doc.paths).flatMap((methods) => Object.values(methods))) {
        queryValidator(operation);
        const schema = bodySchema(operation);
        if (schema) bodyValidator(operation, schema);
        for (const status of Object.keys(operation.responses)) {
          const response = responseSchema(operation, status);
          if (response) responseValidator(operation, status, response);
        }
      }
    },
  };
}

/**
 * A top-level body field the schema doesn't have is a contract violation: incident.io may ignore it
 * today and mean something else by it tomorrow (e.g. an `idempotency_key` on an endpoint without one
 * would suggest a de-duplication that never happens), so the sandbox refuses it loudly.
 */
function rejectUnknownFields(doc: OpenApiDocument, schema: SchemaObject, body: unknown): void {
  const ref = typeof schema.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : undefined;
  const resolved = ref ? doc.components.schemas[ref] : schema;
  const properties = resolved?.properties;
  if (typeof properties !== 'object' || properties === null || typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const unknown = Object.keys(body).filter((key) => !Object.hasOwn(properties, key));
  if (unknown.length === 0) return;
  throw new ApiError(422, 'validation_error', unknown.map((field) => ({
    code: 'unknown_field', message: `${field} is not a field of this request`, source: { field },
  })));
}

function parseJsonBody(raw: RawRequest): unknown {
  const mediaType = raw.contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ApiError(400, 'invalid_request_error', [{
      code: 'invalid_content_type',
      message: `Content-Type must be application/json (got ${raw.contentType ?? 'none'}).`,
    }]);
  }
  try {
    return JSON.parse(raw.body);
  } catch {
    throw new ApiError(400, 'invalid_request_error', [{ code: 'invalid_json', message: 'The request body is not valid JSON.' }]);
  }
}

const isObjectSchema = (schema: SchemaObject): boolean => schema.type === 'object';

/**
 * Query string → the object the parameter schemas describe. Object parameters use incident.io's
 * deep-object form (`status_category[one_of]=live`, `custom_field[ID][one_of]=x`), each key repeated
 * once per value. A bare `status=ID` carries no operator, and incident.io silently ignores it.
 */
function parseQuery(params: Parameter[], search: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const param of params) {
    if (isObjectSchema(param.schema)) {
      const deep: Record<string, unknown> = {};
      for (const [key, value] of search) {
        const match = /^([^[\]]+)\[([^[\]]*)\](?:\[([^[\]]*)\])?$/.exec(key);
        if (!match || match[1] !== param.name) continue;
        const [, , first = '', second] = match;
        const holder = second === undefined ? deep : ((deep[first] ??= {}) as Record<string, unknown>);
        const leaf = second ?? first;
        ((holder[leaf] ??= []) as string[]).push(value);
      }
      if (Object.keys(deep).length > 0) out[param.name] = deep;
      continue;
    }
    // allowEmptyValue: `page_size=` means "not given".
    const values = search.getAll(param.name).filter((v) => v !== '');
    if (values.length === 0) continue;
    const coerced = values.map((v) => coerceScalar(param.schema, v));
    out[param.name] = coerced.length === 1 ? coerced[0] : coerced;
  }
  return out;
}

function coerceScalar(schema: SchemaObject, value: string): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** ajv errors → incident.io's 422: one entry per problem, `source.field` as a dotted path. */
function validationFailed(errors: ErrorObject[]): ApiError {
  const details: ErrorDetail[] = errors.map((error) => {
    const segments = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
    const field = segments.join('.');
    return { code: codeFor(error), message: messageFor(field, error), source: { field } };
  });
  return new ApiError(422, 'validation_error', details);
}

function codeFor(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required': return 'is_required';
    case 'enum': return 'is_invalid_enum';
    case 'type': return 'invalid_type';
    case 'maximum': return 'too_large';
    case 'minimum': return 'too_small';
    default: return 'invalid_value';
  }
}

function messageFor(field: string, error: ErrorObject): string {
  switch (error.keyword) {
    case 'required': return `${field} is required`;
    case 'enum': return `${field} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'maximum': return `${field} must be less than or equal to ${String(error.params.limit)}`;
    case 'minimum': return `${field} must be greater than or equal to ${String(error.params.limit)}`;
    default: return `${field} ${error.message ?? 'is invalid'}`;
  }
}
