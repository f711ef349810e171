import type { Requester } from '@/lib/panel-intent';
import { firstMatch, textOf } from './dom';
import { REQUESTER_ANCHORS } from './requester-anchors';
import type { HelpdeskAdapter } from './types';
import { EDITORS } from '@/lib/helpdesk/editors/find';

type Scope = Document | Element;

/** Where a desk shows who wrote the ticket: selector chains, earliest first (as in `dom.ts`). */
export interface RequesterAnchors {
  /** Elements holding the requester's email (a mailto link, an input, a title, or text). */
  email?: readonly string[];
  /** Elements holding the requester's organisation as the desk names it. */
  organisation?: readonly string[];
}

const EMAIL_PATTERN = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** The first address in `text` that fits an address's length (254, RFC 5321). */
function findEmail(text: string): string | undefined {
  const found = EMAIL_PATTERN.exec(text)?.[0];
  return found && found.length <= 254 ? found : undefined;
}
/** Text nodes read per element at most: a requester box is small, a conversation is not. */
const MAX_TEXT_NODES = 200;

/** The first email address an element carries: its link, attributes, field value, then its text. */
export function emailIn(el: Element): string | undefined {
  const href = el.closest('a[href^="mailto:" i]')?.getAttribute('href') ?? el.querySelector('a[href^="mailto:" i]')?.getAttribute('href');
  if (href) {
    let address = href.slice('mailto:'.length).split('?')[0] ?? '';
    try {
      address = decodeURIComponent(address);
    } catch {
      // a malformed escape: read the raw address
    }
    const found = findEmail(address);
    if (found) return found;
  }
  for (const attr of ['data-email', 'title', 'aria-label', 'value']) {
    const found = findEmail((attr === 'value' && 'value' in el ? String((el as HTMLInputElement).value) : el.getAttribute(attr)) ?? '');
    if (found) return found;
  }
  // Text node by text node: a long box is never joined into one string.
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let i = 0, node = walker.nextNode(); node && i < MAX_TEXT_NODES; i++, node = walker.nextNode()) {
    const found = findEmail(node.nodeValue ?? '');
    if (found) return found;
  }
  return undefined;
}

/** Field labels desks and self-hosted pages put before the requester and their organisation. */
const PERSON_LABEL = /^(request[eo]rs?|customer|contact|from|reporter|submitter|created by|email|e-mail|user|client email)\s*:?$/i;
const ORG_LABEL = /^(organi[sz]ation|company|account|client|customer company)\s*:?$/i;
const LABELS = 'dt, th, label, [role="rowheader"], [class*="label" i], [class*="Label"]';
/** Containers named for the requester (generic pages, unknown desk markup). */
const GENERIC = [
  '[data-test-id*="requester" i]', '[data-testid*="requester" i]', '[class*="requester" i]', '[id*="requester" i]',
  '[aria-label*="requester" i]', '[data-testid*="customer" i]', '[class*="customer-info" i]', '[aria-label*="customer" i]',
];

/** The value beside a label: the dd after a dt, the td after a th, the labelled field, or the next sibling. */
function valueOf(label: Element): Element | null {
  if (label.localName === 'label') {
    const id = label.getAttribute('for');
    const field = id ? label.ownerDocument.getElementById(id) : label.querySelector('input, select, textarea');
    if (field) return field;
  }
  let next = label.nextElementSibling;
  while (next && textOf(next) === '' && !('value' in next)) next = next.nextElementSibling;
  return next;
}

function labelled(scope: Scope, label: RegExp, read: (el: Element) => string | undefined, exclude: Element | null): string | undefined {
  let looked = 0;
  for (const el of scope.querySelectorAll(LABELS)) {
    if (++looked > 400) break;
    if (exclude?.contains(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 40 || !label.test(text)) continue;
    const value = valueOf(el);
    const found = value ? read(value) : undefined;
    if (found) return found;
  }
  return undefined;
}

const orgText = (el: Element) => {
  const text = textOf(el);
  return text && text.length <= 200 && !EMAIL_PATTERN.test(text) ? text : undefined;
};

export interface ReadRequesterInput {
  /** Where to look, narrowest first (the active pane, then the document). */
  scopes: readonly Scope[];
  anchors?: RequesterAnchors;
  /** The ticket's messages: the first one's own header names its author when nothing else does. */
  messages?: ArrayLike<Element>;
  /** Never read inside this (the agent's composer: the agent's own address is not the requester). */
  exclude?: Element | null;
}

/**
 * Who wrote the ticket, as the desk shows it. Order: the desk's own anchors, fields labelled
 * "Requester"/"Customer"/"Organization", containers named for the requester, then the first
 * message's own header. Local only: the result goes to the background to match catalog entries.
 */
export function readRequester({ scopes, anchors, messages, exclude = null }: ReadRequesterInput): Requester | undefined {
  let email: string | undefined;
  let organisation: string | undefined;
  const outside = (el: Element | null) => (el && !exclude?.contains(el) ? el : null);
  // The desk's own anchors in every scope before any heuristic: the heuristics query the whole
  // scope (a 2,000-message pane) with substring selectors, the anchors are one query each.
  for (const scope of scopes) {
    if (!email && anchors?.email) {
      const el = outside(firstMatch(scope, anchors.email));
      if (el) email = emailIn(el);
    }
    if (!organisation && anchors?.organisation) {
      const el = outside(firstMatch(scope, anchors.organisation));
      if (el) organisation = orgText(el);
    }
  }
  for (const scope of scopes) {
    if (email && organisation) break;
    email ??= labelled(scope, PERSON_LABEL, emailIn, exclude);
    organisation ??= labelled(scope, ORG_LABEL, orgText, exclude);
    if (!email) {
      for (const selector of GENERIC) {
        const el = outside(scope.querySelector(selector));
        email = el ? emailIn(el) : undefined;
        if (email) break;
      }
    }
  }
  if (!email && messages && messages.length > 0) email = firstMessageAuthor(messages, exclude);
  if (!email && !organisation) return undefined;
  return { ...(email ? { email } : {}), ...(organisation ? { organisation } : {}) };
}

/** The first message's own block (up to 3 ancestors, never one holding the second message). */
function firstMessageAuthor(messages: ArrayLike<Element>, exclude: Element | null): string | undefined {
  const first = messages[0];
  if (!first || exclude?.contains(first)) return undefined;
  const second = messages[1];
  let block: Element | null = first.parentElement;
  for (let i = 0; block && i < 3; i++, block = block.parentElement) {
    if (second && block.contains(second)) break;
    // The header beside the body, not the body: a customer may quote someone else's address.
    for (const child of block.children) {
      if (child === first || child.contains(first)) continue;
      const found = emailIn(child);
      if (found) return found;
    }
  }
  return undefined;
}

/** The requester of the ticket the adapter reads on `doc`. */
export function requesterOf(adapter: HelpdeskAdapter, doc: Document): Requester | undefined {
  const pane = adapter.requesterScope?.(doc);
  return readRequester({
    scopes: pane && pane !== doc ? [pane, doc] : [doc],
    anchors: REQUESTER_ANCHORS[adapter.id],
    messages: adapter.messageList(doc),
    exclude: adapter.composerArea(doc, EDITORS),
  });
}

/** A stable key for "the same requester" (suggestions re-ask when it changes). */
export const requesterKey = (requester: Requester | undefined) =>
  requester ? `${requester.email?.toLowerCase() ?? ''}|${requester.organisation ?? ''}` : '';
