import { browser } from '#imports';
import { AppError } from '@/lib/app-error';
import { envelopeSchema, type MessageType, protocol, type RequestOf, type ResponseOf } from './protocol';

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
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new AppError({ kind: 'malformed', message: 'Incident Copilot’s background sent an unexpected reply.' });
  }
  if (!envelope.data.ok) throw new AppError(envelope.data.error);
  return protocol[type].response.parse(envelope.data.data) as ResponseOf<T>;
}
