import { readFileSync } from 'node:fs';

/** The slice of OpenAPI 3.0 the sandbox reads from sandbox/openapi-subset.json. */
export type SchemaObject = { [key: string]: unknown };
export type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: SchemaObject };
export type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: SchemaObject }> };
  responses: Record<string, { content?: Record<string, { schema: SchemaObject }> }>;
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject> };
};

export function loadSubset(): OpenApiDocument {
  return JSON.parse(readFileSync(new URL('./openapi-subset.json', import.meta.url), 'utf8')) as OpenApiDocument;
}

export type RouteMatch =
  | { kind: 'operation'; method: string; template: string; operation: Operation; pathParams: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

type CompiledPath = { template: string; pattern: RegExp; names: string[]; methods: Record<string, Operation> };

/** Matches request paths against the document's path templates (`/v2/incidents/{id}`). */
export function createRouter(doc: OpenApiDocument): (method: string, pathname: string) => RouteMatch {
  const compiled: CompiledPath[] = Object.entries(doc.paths).map(([template, methods]) => {
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { template, pattern: new RegExp(`^${source}/?$`), names, methods };
  });
  // Literal segments win over parameters, as in any router.
  compiled.sort((a, b) => a.names.length - b.names.length);

  return (method, pathname) => {
    for (const entry of compiled) {
      const match = entry.pattern.exec(pathname);
      if (!match) continue;
      const operation = entry.methods[method.toLowerCase()];
      if (!operation) return { kind: 'method_not_allowed', allow: Object.keys(entry.methods).map((m) => m.toUpperCase()) };
      const pathParams: Record<string, string> = {};
      entry.names.forEach((name, i) => {
        pathParams[name] = decodeURIComponent(match[i + 1] ?? '');
      });
      return { kind: 'operation', method: method.toUpperCase(), template: entry.template, operation, pathParams };
    }
    return { kind: 'not_found' };
  };
}
