/**
 * Selector helpers shared by the adapters. Every desk's selectors are fallback chains
 * (test-ids → ARIA → class prefixes → generic): the first selector that matches wins, so a
 * redesign that drops one generation of markup degrades to the next instead of breaking.
 */

type Scope = Document | Element;

/** The first element matched by the earliest selector in the chain that matches anything. */
export function firstMatch(scope: Scope, chain: readonly string[]): Element | null {
  for (const selector of chain) {
    const found = scope.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * `read(doc)` computed once per task: the answer is kept until the current task's microtasks run,
 * so the several adapter calls one event handler makes share one DOM query.
 */
export function perTask<T>(read: (doc: Document) => T): (doc: Document) => T {
  let memo: { doc: Document; value: T } | null = null;
  return (doc) => {
    if (memo?.doc === doc) return memo.value;
    memo = { doc, value: read(doc) };
    queueMicrotask(() => {
      memo = null;
    });
    return memo.value;
  };
}

/**
 * Every element matched by the earliest selector in the chain that matches anything, as the query
 * returned them: copying a 2,000-message list would create a wrapper object per message.
 */
export function matchList(scope: Scope, chain: readonly string[]): ArrayLike<Element> {
  for (const selector of chain) {
    const found = scope.querySelectorAll(selector);
    if (found.length > 0) return found;
  }
  return [];
}

/** Visible text of an element; form fields (Zendesk's subject is an input) give their value. */
export function textOf(el: Element | null): string {
  if (!el) return '';
  const raw = isTextField(el) ? el.value : el.textContent ?? '';
  return raw.replace(/\s+/g, ' ').trim();
}

/** The first non-empty text along a chain of selectors (empty headers are skipped, not trusted). */
export function firstText(scope: Scope, chain: readonly string[]): string {
  for (const selector of chain) {
    for (const el of scope.querySelectorAll(selector)) {
      const text = textOf(el);
      if (text) return text;
    }
  }
  return '';
}

/** Page title without the " | Desk name" / " - Desk" suffix desks append. */
export function documentTitle(doc: Document, ...suffixes: RegExp[]): string {
  let title = doc.title.replace(/\s+/g, ' ').trim();
  for (const suffix of suffixes) title = title.replace(suffix, '').trim();
  return title;
}

/** The first capture group of the first pattern that matches. */
export function capture(input: string, ...patterns: RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = pattern.exec(input)?.[1];
    if (found) return found;
  }
  return null;
}

/** Tag checks instead of `instanceof`: elements from an iframe or a parsed document have another realm. */
export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}
