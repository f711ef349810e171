// What every real-editor bundle shares: where the desk page says to mount, and how the e2e reads the
// editor's own model (window.__realEditor, in the page's main world where Playwright evaluates).

/** The <script> tag's data-editor (the saved composer to replace) and data-send (the desk's Send). */
export function deskConfig() {
  // Module scripts have no document.currentScript; the page loads exactly one real editor.
  const script = document.querySelector('script[data-editor]');
  const editor = document.querySelector(script.dataset.editor);
  if (!editor) throw new Error(`no composer at ${script.dataset.editor}`);
  const send = script.dataset.send ? document.querySelector(script.dataset.send) : null;
  return { editor, send };
}

/** The saved composer's own attributes (test ids, ARIA, classes), for the engine's editable root. */
export function deskAttributes(el) {
  const skip = new Set(['contenteditable', 'spellcheck', 'translate', 'style']);
  return Object.fromEntries([...el.attributes].filter((a) => !skip.has(a.name)).map((a) => [a.name, a.value]));
}

/** A fresh element in the composer's place, for engines that create their own editable root. */
export function slotFor(el, tag = 'div') {
  const slot = document.createElement(tag);
  el.replaceWith(slot);
  return slot;
}

/**
 * `modelText()` is the editor's model as plain text, paragraphs joined by "\n" (never the DOM).
 * `ready` is set once the engine has mounted, so tests wait for it instead of sleeping.
 */
export function expose(engine, api) {
  window.__realEditor = { engine, ready: true, ...api };
  document.documentElement.dataset.realEditor = engine;
}
