import type { Browser } from 'wxt/browser';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { MessageType, Protocol, RequestOf, ResponseOf } from '@/lib/messaging/protocol';

/**
 * The content script talks to Chrome directly: no polyfill and no zod here (size budget). Requests
 * are checked by the background's router, which also validates its own replies before sending.
 */
export const ext = (globalThis as unknown as { chrome: typeof Browser }).chrome;

/** The protocol types a help-desk page may send: reads only. */
export type ReadType = { [T in MessageType]: Protocol[T]['access'] extends 'read' ? T : never }[MessageType];

/** A failed read, carrying the background's actionable message. */
export class ReadError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

type Envelope = { ok: true; data: unknown } | { ok: false; error: ErrorInfo };

export async function sendRead<T extends ReadType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  let reply: Envelope | undefined;
  try {
    reply = (await ext.runtime.sendMessage({ type, payload })) as Envelope | undefined;
  } catch {
    throw new ReadError({ kind: 'network', message: 'Incident Copilot is restarting. Try again in a moment.' });
  }
  if (reply?.ok === true) return reply.data as ResponseOf<T>;
  throw new ReadError(reply?.ok === false ? reply.error : { kind: 'malformed', message: 'Incident Copilot sent an unexpected reply.' });
}
