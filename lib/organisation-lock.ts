/** Next to every control a policy locks (lib/managed.ts); components import it without the browser APIs. */
export const ORGANISATION_LOCK = 'Set by your organisation';
