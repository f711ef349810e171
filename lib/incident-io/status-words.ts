// Types shared across the extension; the implementation lands next to them.
export const STATUS_WORDS = ['triage', 'active', 'monitoring', 'resolved'] as const;
export type StatusWord = (typeof STATUS_WORDS)[number];
/** The org's status id chosen for each product word (null: the org has none that fits). */
export type StatusMapping = Record<StatusWord, string | null>;
