import type { Browser } from 'wxt/browser';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { HelpdeskResponseOf, ReadType, RequestOf } from '@/lib/messaging/protocol';

/**
 * The content script talks to Chrome directly: no polyfill and no zod here (size budget). Requests
 * are checked by the background's router, which also validates its own replies before sending.
 */
export const ext = (globalThis as unknown as { chrome: typeof Browser }).chrome;


/** A failed read, carrying the background's actionable message. */
export class ReadError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

type Envelope = { ok: true; data: unknown } | { ok: false; error: ErrorInfo };

/** A read, answered in the help-desk reply shape (public projections only). */
export async function sendRead<T extends ReadType>(type: T, payload: RequestOf<T>): Promise<HelpdeskResponseOf<T>> {
  let reply: Envelope | undefined;
  try {
    reply = (await ext.runtime.sendMessage({ type, payload })) as Envelope | undefined;
  } catch {
    throw new ReadError({ kind: 'network', message: 'Incident Copilot is restarting. Try again in a moment.' });
  }
  if (reply?.ok === true) return reply.data as HelpdeskResponseOf<T>;
  throw new ReadError(reply?.ok === false ? reply.error : { kind: 'malformed', message: 'Incident Copilot sent an unexpected reply.' });
}

/** The reads a feature makes, injectable in its tests. */
export interface Reads {
  sendRead: typeof sendRead;
}
