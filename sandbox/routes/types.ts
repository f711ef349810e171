import { fieldError } from '../errors';
import type { ApiKey, Role, SandboxState } from '../state';

export type RouteContext = {
  state: SandboxState;
  key: ApiKey;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  now: number;
};

export type RouteResult = { status: number; body?: unknown };

export type Route = {
  /**
   * The role the key needs (any of a list: several roles grant an endpoint's `x-rbac-scopes`), and
   * what it allows (for the 403 message).
   */
  requires: { role: Role | readonly Role[]; action: string };
  handle(ctx: RouteContext): RouteResult;
};

export type PaginationMeta = { after?: string; page_size: number };

/**
 * Cursor pagination as incident.io does it: `after` is the id of the last item of the previous page.
 * The cursor is looked up in the unfiltered order, so it stays valid if that item stops matching.
 */
export function paginate<T extends { id: string }>(
  ordered: T[], matches: (item: T) => boolean, pageSize: number, after: string | undefined,
): { page: T[]; meta: PaginationMeta; total: number } {
  let start = 0;
  if (after !== undefined) {
    const index = ordered.findIndex((item) => item.id === after);
    if (index < 0) throw fieldError('after', 'invalid_value', `after must be the id of a record from a previous page (got ${after})`);
    start = index + 1;
  }
  const rest = ordered.slice(start).filter(matches);
  const page = rest.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    page,
    meta: { ...(rest.length > page.length && last ? { after: last.id } : {}), page_size: pageSize },
    total: ordered.filter(matches).length,
  };
}
