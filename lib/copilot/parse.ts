import { parseIncidentRef, type IncidentRef } from '@/lib/incident-io/reference';
import {
  invalidStatusMessage,
  parseStatusTarget,
  parseStatusWord,
  type StatusTarget,
  type StatusWord,
} from '@/lib/incident-io/status-words';

/**
 * The side panel's "Ask Copilot" box: plain language → one command, offline and deterministic.
 * Writes are only recognised from an exact verb in an unambiguous shape; anything doubtful becomes a
 * read (`show`, `list_open`) or `help`, because a misread write changes a real incident.
 */

export type SeverityLevel = 'critical' | 'major' | 'minor';

export type CopilotCommand =
  | { kind: 'list_open'; keywords: string[] }
  | { kind: 'show'; ref: IncidentRef }
  | { kind: 'declare'; name: string; severity?: SeverityLevel; severityToken?: string }
  | { kind: 'set_status'; ref: IncidentRef; target: StatusTarget }
  | { kind: 'help'; reason: string; examples: string[] };

export interface ParseContext {
  /** The org's status names, so "move INC-5 to Fixing" can name one directly. */
  statusNames?: readonly string[];
}

/** The seed's sample sentences, offered whenever Copilot can't act. */
export const EXAMPLE_COMMANDS: readonly string[] = [
  'Is there a known incident?',
  'What is the current status of incident INC-123?',
  'Create an incident.io incident for the database issue',
  'Mark incident INC-123 as resolved',
];

const REASONS = {
  empty: 'Ask about incidents, or tell me what to change.',
  unknown: "I didn't understand that. Try one of these:",
  howTo: 'Just type the command itself, for example:',
  needRef: 'Which incident? Include its reference, like INC-123.',
  oneAtATime: 'I change one incident at a time: name just one, like INC-123.',
  resolvedList: 'I can list open incidents only; find resolved ones in incident.io.',
  tooLong: 'That is too long for a command: ask in one short sentence, for example:',
} as const;
// Commands are one sentence; the cap keeps every pattern below well under a millisecond on pasted text.
const MAX_COMMAND_LENGTH = 300;

const DECLARE_VERBS = new Set(['create', 'declare', 'open', 'raise', 'start', 'file', 'report', 'log', 'new']);
const SET_VERBS = new Set(['mark', 'set', 'move', 'change', 'update', 'put', 'switch', 'flip', 'transition']);
/** Verbs that are themselves the target: "resolve INC-9". */
const TARGET_VERBS = new Map<string, StatusWord>([
  ['resolve', 'resolved'],
  ['close', 'resolved'],
  ['reopen', 'active'],
  ['re-open', 'active'],
  ['monitor', 'monitoring'],
]);
const WRITE_VERBS = [...DECLARE_VERBS, ...SET_VERBS, ...TARGET_VERBS.keys()];

const QUESTION_STARTS = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', 'do', 'who', 'what', 'when', 'where', 'why',
  'which', 'how', 'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'any', 'anything', "don't", 'dont',
  "doesn't", "didn't", "isn't", "aren't", "wasn't",
]);
const NEGATION = /\b(?:don'?t|do not|never|not|no need)\b/;

/** Words that may sit between a declare verb and "incident": "create a new incident.io incident". */
const DECLARE_FILLERS = new Set([
  'a', 'an', 'the', 'new', 'another', 'incident.io', 'public', 'private', 'quick', 'priority', 'severity',
]);
const NAME_CONNECTORS = new Set(['', 'for', 'about', 'regarding', 're', 'concerning', 'on', 'called', 'named', 'titled']);
const SEVERITIES = new Map<string, SeverityLevel>([
  ...(['sev0', 'sev1', 'p0', 'p1', 'critical'] as const).map((t) => [t, 'critical'] as const),
  ...(['sev2', 'p2', 'major', 'high'] as const).map((t) => [t, 'major'] as const),
  ...(['sev3', 'p3', 'minor', 'low'] as const).map((t) => [t, 'minor'] as const),
]);
/** "…, sev1", "(p2)", "with severity: minor" at the end of a name. */
const TRAILING_SEVERITY = [
  /[\s,;(]+(sev\s?-?[0-3]|p[0-3])\)?$/i,
  /[\s,;(]+(?:with\s+)?((?:severity|sev)\s*:?\s*(?:critical|major|minor|high|low|[0-3]))\)?$/i,
  /(?:,\s*|\s*\()(critical|major|minor|high|low)\)?$/i,
];

const STATUS_CONNECTORS = new Set(['to', 'as', 'into']);
/** Words a status command can carry without changing its meaning. */
const STATUS_FILLERS = new Set([
  '', 'status', 'state', 'the', 'its', 'of', 'incident', 'inc', 'back', 'for', 'on', 'now', 'please', 'again', 'me',
]);
/** Words that may link a leading reference to a status: "INC-9 is now fixed", "INC-4 → monitoring". */
const STATEMENT_LINKS = new Set(['to', 'is', 'now', 'has', 'been', '' /* ":" or "-" */]);
const WE_FORMS = new Set(['we', "we're", "we've"]);
const WE_FILLERS = new Set(['are', 'have', 'now', 'just', 'already']);
/** A bare number is only an incident when a word like these comes right before it. */
const NUMBER_CONTEXT = new Set(['incident', 'inc', 'number', 'no', 'ref', 'reference']);

const LIST_TRIGGERS = new Set([
  'incident', 'incidents', 'outage', 'outages', 'down', 'broken', 'fire', 'issue', 'issues', 'problem', 'problems',
  'happening', 'going', 'status', 'degraded', 'disruption', 'disruptions', 'working', 'slow', 'error', 'errors',
  'failing', 'failure', 'failures', 'wrong', 'affected', 'impacted', 'ongoing', 'known', 'fixed',
  ...[...SEVERITIES.keys()].filter((token) => /^(?:sev|p)\d$/.test(token)),
]);
const PAST_WORDS = new Set(['resolved', 'closed', 'fixed', 'past', 'previous', 'old', 'earlier', 'finished', 'solved']);
/** Question scaffolding and generic incident vocabulary: what's left is what the person asked about. */
const STOP_WORDS = new Set([
  ...LIST_TRIGGERS, ...PAST_WORDS, ...SEVERITIES.keys(),
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'there', 'any', 'anything', 'anyone',
  'something', 'everything', 'all', 'some', 'right', 'now', 'currently', 'current', 'today', 'tonight', 'at',
  'moment', 'on', 'fires', 'go', 'happen', 'happened', 'with', 'what', 'show', 'list', 'get', 'give',
  'me', 'us', 'open', 'active', 'live', 'of', 'for', 'our', 'my', 'your', 'we', 'i', 'you', 'do', 'does', 'did',
  'have', 'has', 'had', 'it', 'its', 'in', 'to', 'from', 'affecting', 'impacting', 'by', 'know', 'tell', 'about',
  'work', 'works', 'not', "isn't", "aren't", 'still', 'yet', 'or', 'and', 'this', 'that', 'these', 'those', 'can',
  'could', 'should', 'would', 'will', 'see', 'check', 'look', 'looking', 'like', 'seem', 'seems', 'experiencing',
  'having', 'facing', 'customer', 'customers', 'user', 'users', 'people', 'everyone', 'someone', 'big', 'new',
  'recent', 'reported', 'investigating', 'monitoring', 'please', 'hey', 'whats', 'happens', 'anybody', 'other', 'else', 'more', 'which', 'where', 'when', 'why', 'who', 'how', 'update', 'updates',
  'report', 'reports', 'week',
]);

interface Sentence {
  tokens: string[];
  /** Lower-cased tokens without surrounding punctuation or a possessive "'s". */
  words: string[];
  refs: { ref: IncidentRef; start: number; end: number }[];
  endsWithQuestionMark: boolean;
}

export function parseCommand(text: string, ctx: ParseContext = {}): CopilotCommand {
  const statusNames = ctx.statusNames ?? [];
  if (text.length > MAX_COMMAND_LENGTH) return help(REASONS.tooLong);
  const normalised = normalise(text);
  const sentence = toSentence(stripCourtesy(normalised), /\?\s*$/.test(normalised));
  const { words, refs } = sentence;
  const first = words[0];
  if (first === undefined) return help(REASONS.empty);
  if (first === 'how' && /^(?:do|does|can|should|would|to)$/.test(words[1] ?? '')) return help(REASONS.howTo);

  if (!QUESTION_STARTS.has(first)) {
    const write =
      (DECLARE_VERBS.has(first) ? parseDeclare(sentence) : null) ??
      (SET_VERBS.has(first) || TARGET_VERBS.has(first) ? parseSetStatus(sentence, statusNames) : null) ??
      parseStatusStatement(sentence, statusNames) ??
      typoHelp(sentence, statusNames);
    if (write) return write;
  }
  const ref = refs[0];
  if (ref) return { kind: 'show', ref: ref.ref };
  if (words.includes('incidents') && words.some((w) => PAST_WORDS.has(w))) return help(REASONS.resolvedList);
  if (words.some((w) => LIST_TRIGGERS.has(w))) return { kind: 'list_open', keywords: keywordsOf(words) };
  return help(REASONS.unknown);
}

function help(reason: string): CopilotCommand {
  return { kind: 'help', reason, examples: [...EXAMPLE_COMMANDS] };
}

/** Typography people paste from chat and docs → plain ASCII the rules below expect. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/\s*(?:[\u2192\u21D2\u2794\u279C\u27F6]|->|=>)\s*/g, ' to ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const LEADING_COURTESY = [
  /^(?:hey|hi|hello|ok|okay|yo)\b[\s,:!.-]*/i,
  /^@?copilot\b[\s,:!.-]*/i,
  /^(?:please|pls|plz|kindly|just|quickly)\b[\s,]*/i,
  /^(?:can|could|would|will) you\s+/i,
  /^(?:i'd like to|i would like to|i want to|i need to|we need to|let's|lets|go ahead and)\s+/i,
];
const TRAILING_COURTESY = [/[\s.!?,;]+$/, /[\s,]+(?:please|pls|plz|thanks|thank you|thx|ty|cheers)$/i];

function stripCourtesy(text: string): string {
  let current = text;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    for (const pattern of LEADING_COURTESY) current = current.replace(pattern, '');
    for (const pattern of TRAILING_COURTESY) current = cutAtEnd(current, pattern);
  }
  return current;
}

// End-anchored patterns only look at the last few characters: on a long run of separators a
// `[…]+$` pattern is otherwise quadratic.
const TAIL_LENGTH = 48;

function matchAtEnd(text: string, pattern: RegExp): { index: number; match: RegExpExecArray } | null {
  const offset = Math.max(0, text.length - TAIL_LENGTH);
  const match = pattern.exec(text.slice(offset));
  return match ? { index: offset + match.index, match } : null;
}

function cutAtEnd(text: string, pattern: RegExp): string {
  return text.slice(0, matchAtEnd(text, pattern)?.index ?? text.length);
}

function toSentence(text: string, endsWithQuestionMark: boolean): Sentence {
  const tokens = text ? text.split(' ') : [];
  const words = tokens.map((t) => withoutPossessive(t.toLowerCase()).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  return { tokens, words, refs: findRefs(tokens, words), endsWithQuestionMark };
}

function withoutPossessive(token: string): string {
  return token.replace(/'s(?=[^\p{L}\p{N}]*$)/iu, '');
}

/** Every distinct reference, in order; "inc 7" spans two tokens, a bare "7" needs context. */
function findRefs(tokens: string[], words: string[]): Sentence['refs'] {
  const refs: Sentence['refs'] = [];
  const seen = new Set<string>();
  const add = (ref: IncidentRef | null, start: number, end: number) => {
    const key = ref && (ref.kind === 'number' ? ref.reference : ref.id);
    if (!ref || !key || seen.has(key)) return;
    seen.add(key);
    refs.push({ ref, start, end });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = withoutPossessive(tokens[i] ?? '');
    const next = tokens[i + 1];
    if (words[i] === 'inc' && next !== undefined && /^\d+$/.test(words[i + 1] ?? '')) {
      add(parseIncidentRef(`${token} ${next}`), i, i + 2);
      i++;
      continue;
    }
    const bareNumber = /^\d+$/.test(words[i] ?? '') && !token.includes('#');
    if (bareNumber && tokens.length > 1 && !NUMBER_CONTEXT.has(words[i - 1] ?? '')) continue;
    add(parseIncidentRef(token), i, i + 1);
  }
  return refs;
}

function parseDeclare({ tokens, words, refs, endsWithQuestionMark }: Sentence): CopilotCommand | null {
  // "new incidents?" asks; "new incident: checkout down" tells.
  if (words[0] === 'new' && endsWithQuestionMark) return null;
  let i = 1;
  let severityToken: string | undefined;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    if (refs.some((r) => r.start === i)) return null; // "open INC-5" shows it
    if (word === 'sev' && /^[0-3]$/.test(words[i + 1] ?? '')) {
      severityToken = `${tokens[i]} ${tokens[i + 1]}`;
      i++;
    } else if (SEVERITIES.has(word.replace('-', ''))) {
      severityToken = tokens[i];
    } else if (!DECLARE_FILLERS.has(word)) {
      break;
    }
  }
  if (words[i] === 'incident') i++;
  // Without "incident" only "sev1"/"p1" is a noun ("raise a p1 for …"); "start a major migration" isn't.
  else if (!/^(?:sev|p)/i.test(severityToken ?? '')) return null;
  if (NAME_CONNECTORS.has(words[i] ?? 'end')) i++;
  if (refs.some((r) => r.start === i && r.end === words.length)) return null; // "open incident INC-5"

  let name = cutAtEnd(tokens.slice(i).join(' ').replace(/^["']+/, ''), /["']+$/).replace(/^(?:the|an|a)\s+/i, '');
  for (const pattern of TRAILING_SEVERITY) {
    const found = matchAtEnd(name, pattern);
    if (!found) continue;
    name = name.slice(0, found.index);
    severityToken ??= found.match[1];
    break;
  }
  name = cutAtEnd(name, /[\s.,;:!-]+$/);
  const severity = severityToken === undefined ? undefined : severityOf(severityToken);
  return {
    kind: 'declare',
    name: name.charAt(0).toUpperCase() + name.slice(1),
    ...(severity && severityToken ? { severity, severityToken } : {}),
  };
}

/** "SEV-1", "sev 1", "severity: 1", "P1", "critical" → the level. */
function severityOf(token: string): SeverityLevel | undefined {
  const level = token.toLowerCase().replace(/[\s:-]/g, '').replace(/^(?:severity|sev)/, '');
  return SEVERITIES.get(/^[0-3]$/.test(level) ? `sev${level}` : level);
}

function parseSetStatus(sentence: Sentence, statusNames: readonly string[]): CopilotCommand | null {
  const { tokens, words, refs } = sentence;
  const verb = words[0] ?? '';
  const verbTarget = TARGET_VERBS.get(verb);
  const [ref, ...others] = refs;
  if (!ref) {
    const namesStatus = parseStatusTarget(words.at(-1) ?? '', statusNames) !== null;
    return verbTarget || namesStatus ? help(REASONS.needRef) : null;
  }
  if (others.length) return help(REASONS.oneAtATime);
  if (NEGATION.test(words.join(' '))) return null;

  // Everything but the verb and the reference, e.g. "the status of … to monitoring".
  const rest = words.map((_, i) => i).filter((i) => i > 0 && (i < ref.start || i >= ref.end));
  const connectorAt = rest.findLastIndex((i) => STATUS_CONNECTORS.has(words[i] ?? ''));
  const before = connectorAt === -1 ? [] : rest.slice(0, connectorAt);
  const after = trimFillers(connectorAt === -1 ? rest : rest.slice(connectorAt + 1), words);
  if (before.some((i) => !STATUS_FILLERS.has(words[i] ?? ''))) return null; // "change the severity of INC-5 to …"

  if (verbTarget && !after.length) return { kind: 'set_status', ref: ref.ref, target: { word: verbTarget } };
  if (!after.length) return null; // "update INC-5" reads as "give me an update"
  const target = parseStatusTarget(after.map((i) => tokens[i]).join(' '), statusNames);
  // "resolve INC-9 as Closed" may name the status; "resolve INC-9 as active" contradicts itself.
  const consistent = !verbTarget || (target && ('statusName' in target || target.word === verbTarget));
  return target && consistent
    ? { kind: 'set_status', ref: ref.ref, target }
    : help(invalidStatusMessage(statusNames));
}

/** Indices with filler words dropped from both ends. */
function trimFillers(indices: number[], words: string[]): number[] {
  const isFiller = (i: number | undefined) => i !== undefined && STATUS_FILLERS.has(words[i] ?? '');
  let start = 0;
  let end = indices.length;
  while (start < end && isFiller(indices[start])) start++;
  while (end > start && isFiller(indices[end - 1])) end--;
  return indices.slice(start, end);
}

/** Reports of a new state: "INC-123 is fixed", "INC-4 → monitoring", "we're monitoring INC-9". */
function parseStatusStatement(sentence: Sentence, statusNames: readonly string[]): CopilotCommand | null {
  const { tokens, words, refs, endsWithQuestionMark } = sentence;
  const [ref, ...others] = refs;
  if (!ref || others.length || endsWithQuestionMark || NEGATION.test(words.join(' '))) return null;

  // "incident 9" and "incident INC-9" start at "incident".
  const start = NUMBER_CONTEXT.has(words[ref.start - 1] ?? '') ? ref.start - 1 : ref.start;
  if (start === 0) {
    let i = ref.end;
    const linked = /[:-]$/.test(tokens[ref.end - 1] ?? '') || STATEMENT_LINKS.has(words[i] ?? 'end');
    while (i < words.length && STATEMENT_LINKS.has(words[i] ?? '')) i++;
    const target = linked && i < tokens.length ? parseStatusTarget(tokens.slice(i).join(' '), statusNames) : null;
    // "INC-5 is open" describes an open incident; "INC-5 → active" and "INC-5 is now live" ask for a change.
    const describesState =
      target && 'word' in target && target.word === 'active' && !words.slice(ref.end, i).some((w) => w === 'to' || w === 'now');
    return target && !describesState ? { kind: 'set_status', ref: ref.ref, target } : null;
  }

  if (!WE_FORMS.has(words[0] ?? '') || trimFillers(range(ref.end, words.length), words).length) return null;
  let i = 1;
  while (i < start - 1 && WE_FILLERS.has(words[i] ?? '')) i++;
  const word = i === start - 1 ? parseStatusWord(words[i] ?? '') : null;
  return word ? { kind: 'set_status', ref: ref.ref, target: { word } } : null;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

/** "mrak INC-1 as resolved", "creat an incident": say so rather than guess a write. */
function typoHelp({ words, refs }: Sentence, statusNames: readonly string[]): CopilotCommand | null {
  const first = words[0] ?? '';
  if (first.length < 4 || parseStatusWord(first)) return null;
  const meant = WRITE_VERBS.find((verb) => editDistanceIsOne(first, verb));
  if (!meant) return null;
  const looksLikeWrite = DECLARE_VERBS.has(meant)
    ? words.slice(1, 6).includes('incident')
    : TARGET_VERBS.has(meant)
      ? refs.length > 0
      : refs.length > 0 && parseStatusTarget(words.at(-1) ?? '', statusNames) !== null;
  return looksLikeWrite ? help(`"${first}" isn't a command I know. Did you mean "${meant}"?`) : null;
}

/** One insertion, deletion, substitution or swap of neighbours (optimal string alignment). */
function editDistanceIsOne(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return (
    swapped ||
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i) ||
    a.slice(i) === b.slice(i + 1)
  );
}

function keywordsOf(words: string[]): string[] {
  const keywords = words.filter((w, i) => w && !STOP_WORDS.has(w) && !(w === 'page' && words[i - 1] === 'status'));
  return [...new Set(keywords)];
}
