import type { AdapterSpec, HelpdeskAdapter } from './types';

/** An adapter from its spec: `messageRoots` is always `messageList` copied, never a second query. */
export function defineAdapter(spec: AdapterSpec): HelpdeskAdapter {
  return { ...spec, messageRoots: (doc) => Array.from(spec.messageList(doc)) };
}
