import { browser } from '#imports';
import { AppError } from '@/lib/app-error';
import type { MessageType, RequestOf, ResponseOf } from './protocol';
import { envelopeSchema } from './shapes';

/** Sends one protocol message to the background and returns its parsed reply, or throws AppError. */
export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, payload });
  } catch {
    // The worker was restarting or the extension was reloaded: the caller can retry.
    throw new AppError({
      kind: 'network',
      message: 'Incident Copilot’s background service is restarting. Try again in a moment.',
    });
  }
  return replyOf<T>(raw);
}

/** A raw reply from the background (as `runtime.sendMessage` resolves) as `send` returns it, or throws AppError. */
export function replyOf<T extends MessageType>(raw: unknown): ResponseOf<T> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new AppError({ kind: 'malformed', message: 'Incident Copilot’s background sent an unexpected reply.' });
  }
  if (!envelope.data.ok) throw new AppError(envelope.data.error);
  // Not parsed again: the background's router parsed this reply against the same protocol schema
  // before sending it, and only the extension's own background can answer (a 1,000-incident list
  // would otherwise be parsed twice on its way to the screen).
  return envelope.data.data as ResponseOf<T>;
}
