import { z } from 'zod';

export const faultSchema = z.object({
  method: z.string().optional(),
  /** Regular expression matched against the request path (no query). */
  path: z.string().optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  latencyMs: z.number().min(0).optional(),
  // drop_after: the request is processed (state changes) and then the connection is cut, so the
  // client never learns the outcome: the case idempotency keys exist for.
  kind: z.enum(['hang', 'drop', 'drop_after', 'non_json', 'bad_schema', 'unknown_enums']).optional(),
  times: z.number().int().min(1).default(1),
});
export type Fault = z.infer<typeof faultSchema>;
export const faultsRequestSchema = z.object({ faults: z.array(faultSchema) });

/** Injected faults, matched in order; each is used `times` times and then dropped. */
export function createFaultQueue() {
  let queue: { fault: Fault; pattern?: RegExp; left: number }[] = [];
  return {
    add(faults: Fault[]): void {
      for (const fault of faults) {
        queue.push({ fault, ...(fault.path ? { pattern: new RegExp(fault.path) } : {}), left: fault.times });
      }
    },
    take(method: string, path: string): Fault | undefined {
      const entry = queue.find((e) =>
        (!e.fault.method || e.fault.method.toUpperCase() === method.toUpperCase()) && (!e.pattern || e.pattern.test(path)));
      if (!entry) return undefined;
      entry.left -= 1;
      if (entry.left <= 0) queue = queue.filter((e) => e !== entry);
      return entry.fault;
    },
    pending(): Fault[] {
      return queue.map((e) => ({ ...e.fault, times: e.left }));
    },
    clear(): void {
      queue = [];
    },
  };
}
export type FaultQueue = ReturnType<typeof createFaultQueue>;

/** Values incident.io has not shipped (yet): clients must treat enums as open. */
const FUTURE_ENUM_VALUES: Record<string, string> = {
  category: 'stabilising',
  visibility: 'internal',
  mode: 'drill',
  role_type: 'observer',
  create_in_triage: 'sometimes',
  resource_type: 'linear_issue',
  role: 'guest',
};

/**
 * `unknown_enums`: the real answer with every enum field set to a value the schema doesn't list, and
 * a field incident.io may add one day on every object.
 */
export function withUnknownEnums(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => withUnknownEnums(item));
    return key === 'roles' ? [...items, 'future_role'] : items;
  }
  if (typeof value === 'object' && value !== null) {
    const shaped = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUnknownEnums(v, k)]));
    return { ...shaped, future_field: { added_in: 'v3' } };
  }
  if (typeof value === 'string' && key !== undefined && key in FUTURE_ENUM_VALUES) return FUTURE_ENUM_VALUES[key];
  return value;
}

/** `bad_schema`: the real answer with each top-level field replaced by a value of the wrong type. */
export function withBadSchema(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return { unexpected: true };
  return Object.fromEntries(Object.keys(value).map((k) => [k, 'corrupted']));
}
