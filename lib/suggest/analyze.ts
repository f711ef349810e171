import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words';
import { SYNONYM_GROUPS } from './synonyms';

/** One index or query term and the word of the text it came from (what "Matches: …" shows). */
export interface Term {
  term: string;
  surface: string;
}

/** Case and diacritics folding: "Zahlungsausfall", "ZAHLUNG" and "zählung" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

const stems = new Map<string, string>();
/** A long ticket repeats its words: each distinct word is stemmed once (bounded, then started afresh). */
const MAX_CACHED_STEMS = 20_000;

/** Porter stems for English words; numbers (502) and short tokens stay as they are. */
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = word.length > 3 && /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Group tokens start with `~`, which no word can contain, so a concept never collides with a word. */
const groupToken = (group: readonly string[]) => `~${stem(words(group[0]!)[0]!)}`;

/** First stem of a phrase → the phrases (as stem sequences) starting with it, longest first. */
const PHRASES = (() => {
  const byFirst = new Map<string, { stems: string[]; token: string }[]>();
  for (const group of SYNONYM_GROUPS) {
    const token = groupToken(group);
    for (const phrase of group) {
      const stems = words(phrase).map(stem);
      if (!stems.length) continue;
      const list = byFirst.get(stems[0]!) ?? [];
      list.push({ stems, token });
      byFirst.set(stems[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
})();

/**
 * Text → terms: folded words, stop words dropped, Porter-stemmed, plus one `~group` term for every
 * synonym phrase found (matched before stop words go, so "log in" and "not loading" count). An
 * exact word therefore scores twice (its stem and its group), a synonym once.
 */
export function analyze(text: string): Term[] {
  const raw = words(text);
  const stemmed = raw.map(stem);
  const terms: Term[] = [];
  for (let i = 0; i < raw.length; i++) {
    const phrase = PHRASES.get(stemmed[i]!)?.find(({ stems: seq }) => seq.every((s, k) => stemmed[i + k] === s));
    if (phrase) {
      const surface = raw.slice(i, i + phrase.stems.length).join(' ');
      terms.push({ term: phrase.token, surface });
      for (let k = 0; k < phrase.stems.length; k++) {
        if (!STOP_WORDS.has(raw[i + k]!)) terms.push({ term: stemmed[i + k]!, surface: raw[i + k]! });
      }
      i += phrase.stems.length - 1;
      continue;
    }
    if (STOP_WORDS.has(raw[i]!) || raw[i]!.length < 2) continue;
    terms.push({ term: stemmed[i]!, surface: raw[i]! });
  }
  return terms;
}

const QUOTE_HEADER = [
  /^on .{4,200}\bwrote:?$/i, // Gmail, Apple Mail
  /^le .{4,200}a [ée]crit ?:?$/i,
  /^am .{4,200}schrieb .{0,100}:?$/i,
  /^el .{4,200}escribi[óo]:?$/i,
  /^-{2,}\s*(original message|forwarded message|urspr[üu]ngliche nachricht|message d'origine)/i,
  /^(from|von|de):\s.+/i, // Outlook's header block: the rest of the message is history
];
const SIGNATURE_START = [
  /^--\s*$/, // RFC 3676 delimiter
  /^_{5,}$/,
  /^(best|kind|warm|warmest|many|with)?\s*(regards|wishes|thanks|thank you|thx|cheers|sincerely|br|mfg|cordialement|saludos|atentamente|gr[üu](ß|ss)e|groet(en)?)[\s\p{P}]*$/iu,
  /^(sent from my|get outlook for|envoy[ée] de mon)/i,
  /^(this (e-?mail|message)|the information (contained )?in this|confidentiality notice|disclaimer)/i,
];

/**
 * A sign-off as a message's first line ("Thanks!") starts a signature only when a name-like short
 * line follows; "Thanks!\nThe checkout still fails…" is a message.
 */
function startsSignature(rest: string[]): boolean {
  const next = rest.map((l) => l.trim()).find(Boolean);
  return next !== undefined && next.length <= 40 && !/[.?!]/.test(next);
}

/**
 * The customer's own words of one message: quoted history (lines starting with `>`, and everything
 * from an "On … wrote:" or Outlook "From:" header on) and the signature (from a sign-off line such
 * as "Best regards," or `-- `, a "Sent from my iPhone", a confidentiality notice) are cut, so a long
 * legal footer or a thread quoted five times doesn't decide which incident a ticket is about.
 */
export function ownWords(message: string): string {
  const kept: string[] = [];
  const lines = message.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed.startsWith('>')) continue;
    if (QUOTE_HEADER.some((re) => re.test(trimmed))) break;
    if (SIGNATURE_START.some((re) => re.test(trimmed)) && (kept.some((k) => k.trim()) || startsSignature(lines.slice(i + 1)))) break;
    kept.push(line);
  }
  return kept.join('\n');
}

/** Messages in a ticket's `text` are separated by form feeds (see the `suggestions/ticket` request). */
export const MESSAGE_SEPARATOR = '\f';

/** Every message's own words. */
export function customerWords(text: string): string {
  return text.split(MESSAGE_SEPARATOR).map(ownWords).join('\n');
}
