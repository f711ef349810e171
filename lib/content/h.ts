type Child = Node | string | null | false | undefined;

/**
 * A tiny element builder for the content script's UI. Text always goes in as text nodes, never as
 * HTML, so incident names and messages can't inject markup into the page.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/**
 * A button that acts only on real user input: a page script that reaches it anyway (a leaked
 * reference, the e2e build's open root) and calls `.click()` produces an untrusted event, ignored.
 */
export function button(doc: Document, label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const el = h(doc, 'button', { type: 'button', ...attrs }, label);
  el.addEventListener('click', (event) => {
    if (event.isTrusted) onClick();
  });
  return el;
}
