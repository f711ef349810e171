/**
 * Incident references as people type them ("INC-123", "#123", an app.incident.io link) turned into
 * something the API accepts: `GET /v2/incidents/{id}` takes the ULID or the reference's number.
 */

export type IncidentRef =
  | { kind: 'number'; number: number; reference: string }
  | { kind: 'id'; id: string };

// incident.io references are small positive counters; anything past int32 is a typo or not a reference.
const MAX_NUMBER = 2 ** 31 - 1;
/** The patterns' `\d{1,10}`: more digits are not a reference, even with leading zeros. */
const MAX_DIGITS = 10;
const INCIDENT_HOST = 'app.incident.io';
/** "INC-123", "inc 123", "INC123", "#123", "123" (any Unicode hyphen between "INC" and the number). */
const NUMBER_FORM = /^(?:inc\s*(?:[-\u2010-\u2015\u2212]\s*)?|#\s*)?(\d{1,10})$/i;
/** Crockford base32 ULID; the first character is ≤ 7 because the timestamp is 48 bits. */
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;
/** Wrapping people put around a reference in prose: quotes, brackets, sentence punctuation. */
const OPENERS = new Set(' \t\n"\'`“”‘’([{<');
const CLOSERS = new Set(' \t\n"\'`“”‘’)]}>.,;:!?');
// Longer than any real URL we accept; keeps the anchored patterns below cheap on pasted junk.
const MAX_INPUT = 2048;
/** In free text only the canonical hyphenated form counts: a bare "123" is too often something else. */
const REFERENCE_IN_TEXT = /(?<![\p{L}\p{N}_-])INC-(\d{1,10})(?![\p{L}\p{N}_])/giu;

/** A reference typed or pasted by a person, or null when it isn't one. */
export function parseIncidentRef(input: string): IncidentRef | null {
  if (input.length > MAX_INPUT) return null;
  const text = unwrap(input);
  if (/^https?:\/\//i.test(text)) return fromUrl(text);
  return fromPathSegment(text.trim());
}

/** Every distinct `INC-n` in free text, in order of first appearance, normalised to upper case. */
export function findIncidentRefs(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(REFERENCE_IN_TEXT)) {
    const ref = fromNumber(match[1] ?? '');
    if (ref) found.add(ref.reference);
  }
  return [...found];
}

/** The `{id}` for `/v2/incidents/{id}`: the reference's number or the ULID. */
export function pathIdFor(ref: IncidentRef): string {
  return ref.kind === 'number' ? String(ref.number) : ref.id;
}

function unwrap(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && OPENERS.has(text.charAt(start))) start++;
  while (end > start && CLOSERS.has(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

function fromUrl(text: string): IncidentRef | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.hostname.toLowerCase() !== INCIDENT_HOST) return null;
  // `/incidents/<ref>` or `/<org-slug>/incidents/<ref>`, optionally followed by a tab such as `/timeline`.
  const segments = url.pathname.split('/').filter(Boolean);
  const at = segments.indexOf('incidents');
  if (at !== 0 && at !== 1) return null;
  const segment = segments[at + 1];
  return segment ? fromPathSegment(decodeURIComponent(segment)) : null;
}

function fromPathSegment(text: string): IncidentRef | null {
  if (ULID.test(text)) return { kind: 'id', id: text.toUpperCase() };
  const digits = NUMBER_FORM.exec(text)?.[1];
  return digits === undefined ? null : fromNumber(digits);
}

/** `INC-<digits>` as a reference (digits only, as a scanner already matched them), or null past the counter's range. */
export function fromNumber(digits: string): Extract<IncidentRef, { kind: 'number' }> | null {
  if (digits.length > MAX_DIGITS) return null;
  const number = Number(digits);
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_NUMBER) return null;
  return { kind: 'number', number, reference: `INC-${number}` };
}
