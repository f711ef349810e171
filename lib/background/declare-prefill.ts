import type { DeclarePrefill } from '@/lib/panel-intent';

/** incident.io shows names in Slack channel titles and lists: keep them to a glanceable line. */
export const MAX_NAME_CHARS = 80;
/** The prefill schema bounds the summary at 20,000 characters; leave room for the source lines. */
const MAX_SELECTION_CHARS = 18_000;

/** Where the text came from: the tab's title and URL (the ticket's canonical URL on a ticket page). */
export interface PrefillSource {
  title: string;
  url: string;
}

export interface PrefillInput {
  /** The agent's selection on the page, if any. */
  selection?: string;
  source: PrefillSource;
  /** The ticket's subject when the tab is a detected help-desk ticket. */
  subject?: string;
}

const TRAILING_PUNCTUATION = /[\s.,;:!?…\-–—(["'“‘]+$/u;

/**
 * A name from free text: its first line's first sentence, cut at a word boundary to fit
 * `MAX_NAME_CHARS`, without trailing punctuation. A sentence ends at `.`, `!` or `?` followed by
 * whitespace and a capital or digit, so "e.g. the EU" and "v1.2" stay whole.
 */
export function nameFromText(text: string): string {
  const firstLine = text.split(/\r?\n/).map((line) => line.trim()).find(Boolean) ?? '';
  const line = firstLine.replace(/\s+/g, ' ');
  const end = /[.!?](?=\s+["'“‘(]?[\p{Lu}\p{N}])/u.exec(line);
  let name = end ? line.slice(0, end.index) : line;
  if (name.length > MAX_NAME_CHARS) {
    const cut = name.slice(0, MAX_NAME_CHARS + 1);
    const lastSpace = cut.lastIndexOf(' ');
    // One enormous "word" (a URL, a stack trace) is cut hard rather than dropped.
    name = lastSpace > MAX_NAME_CHARS / 2 ? cut.slice(0, lastSpace) : name.slice(0, MAX_NAME_CHARS);
  }
  return name.replace(TRAILING_PUNCTUATION, '');
}

function sourceLines({ title, url }: PrefillSource): string {
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return cleanTitle && cleanTitle !== url ? `Source: ${cleanTitle}\n${url}` : `Source: ${url}`;
}

/**
 * The declare form's prefill for the context menu and the quick-declare shortcut: named after the
 * selection (or the ticket's subject), summarised as the whole selection plus where it came from.
 * It is only a draft: the agent still reviews and submits the form.
 */
export function declarePrefill({ selection, source, subject }: PrefillInput): DeclarePrefill {
  const selected = (selection ?? '').trim().slice(0, MAX_SELECTION_CHARS);
  const name = nameFromText(selected) || nameFromText(subject ?? '');
  const summary = [selected, sourceLines(source)].filter(Boolean).join('\n\n');
  return { name, summary };
}
