import { AppError } from '@/lib/app-error';
import { toErrorInfo } from '@/lib/incident-io/errors';
import { type CallerLevel, callerLevel, type ExtensionIdentity, type StampedSender } from './access';
import { type Envelope, helpdeskReplies, type MessageType, messageSchema, protocol, type ReadType, type ReplyOf, type RequestOf } from './protocol';

export interface CallContext {
  level: CallerLevel;
  /** The tab of a help-desk caller (for per-tab state), when the browser stamped one. */
  tabId?: number;
  /** The browser-stamped URL of that tab: a page's claims about its own ticket are checked against it. */
  tabUrl?: string;
  /** The frame of a help-desk caller, when the browser stamped one. */
  frameId?: number;
}

export type Handlers = {
  [T in MessageType]: (request: RequestOf<T>, ctx: CallContext) => Promise<ReplyOf<T>>;
};

const denied = (message: string): Envelope => ({ ok: false, error: { kind: 'not_allowed', message } });

/**
 * The background's single entry point for messages. It parses the message and the payload with the
 * protocol's schemas, refuses writes from help-desk pages, and turns every failure into an
 * `ErrorInfo` envelope. Returns null for messages it must not answer at all (other extensions).
 */
export function createRouter(handlers: Handlers, self: ExtensionIdentity) {
  return async function route(message: unknown, sender: StampedSender): Promise<Envelope | null> {
    const level = callerLevel(sender, self);
    if (!level) return null;
    const parsed = messageSchema.safeParse(message);
    if (!parsed.success || !Object.hasOwn(protocol, parsed.data.type)) return denied('Unknown request.');
    const type = parsed.data.type as MessageType;
    const spec = protocol[type];
    if (spec.access === 'agent' && level !== 'agent') {
      return denied('This action is only available in the Incident Copilot side panel.');
    }
    const request = spec.request.safeParse(parsed.data.payload ?? {});
    if (!request.success) {
      return { ok: false, error: { kind: 'bad_input', message: `Invalid request for ${type}.` } };
    }
    try {
      const handler = handlers[type] as (req: unknown, ctx: CallContext) => Promise<unknown>;
      const data = await handler(request.data, { level, tabId: sender.tab?.id, tabUrl: sender.tab?.url, frameId: sender.frameId });
      // The reply is checked too, so a handler bug can't leak fields the protocol doesn't declare;
      // a help-desk page's against its own, smaller shape.
      const reply = level === 'helpdesk' ? helpdeskReplies[type as ReadType] : spec.response;
      return { ok: true, data: reply.parse(data) };
    } catch (error) {
      return { ok: false, error: error instanceof AppError ? error.info : toErrorInfo(error, level) };
    }
  };
}
