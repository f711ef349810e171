
/** The element that hosts the extension's UI on a help-desk page (Playwright and tests find it by name). */
export const HOST_TAG = 'incident-copilot-ui';

const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.dock, .card { position: fixed; z-index: 2147483647; }
.dock, .card, .panel, .pill {
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d2129;
}
.card, .panel {
  background: #fff; border: 1px solid #d5d8de; border-radius: 6px; box-shadow: 0 4px 16px rgb(0 0 0 / .18);
}
/* One column at the right edge; dock.ts sets top or bottom and the height clear of the desk's composer. */
.dock { right: 12px; width: max-content; max-width: min(420px, calc(100vw - 24px)); display: flex; flex-direction: column; align-items: flex-end; gap: 4px; }
.dock:not(:has(.slot > * > *)) { display: none; }
.dock-body { display: grid; gap: 4px; min-height: 0; overflow: auto; overscroll-behavior: contain; }
.slot:empty { display: none; }
.pill { flex: none; border-radius: 999px; padding: 2px 10px; background: #2b59c3; border-color: #2b59c3; color: #fff; box-shadow: 0 2px 8px rgb(0 0 0 / .18); }
.panel { padding: 6px 8px; display: grid; gap: 4px; }
.list { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.card { max-width: 320px; padding: 8px 10px; display: grid; gap: 3px; }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.label { color: #5b6170; }
.summary { font-weight: 600; }
.muted { color: #5b6170; font-size: 12px; }
p { margin: 0; }
.note:empty { display: none; }
.note { color: #165c33; font-size: 12px; }
button { font: inherit; color: inherit; background: #f4f5f7; border: 1px solid #d5d8de; border-radius: 4px; padding: 1px 6px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.primary { background: #2b59c3; border-color: #2b59c3; color: #fff; }
.close { margin-left: auto; border: none; background: none; }
.name { font-weight: 600; text-align: left; border: none; background: none; padding: 0; color: #2b59c3; }
@media (prefers-color-scheme: dark) {
  .card, .panel { color: #e6e8ec; background: #17191d; border-color: #3a3f48; }
  button { background: #22252b; border-color: #3a3f48; }
  .label, .muted { color: #a3a9b5; }
  .name { color: #7ea2ff; }
  .note { color: #9fdcb4; }
}
`;


export interface Overlay {
  host: HTMLElement;
  shadow: ShadowRoot;
  remove(): void;
}

function sheet(css: string): CSSStyleSheet {
  const style = new CSSStyleSheet();
  style.replaceSync(css);
  return style;
}

/**
 * Closed, so the desk's scripts (third-party widgets, other extensions, XSS on a self-hosted desk)
 * can't read the cards or drive the buttons: `host.shadowRoot` is null for them. Open only in the
 * e2e build, whose Playwright locators can't pierce a closed root; the unit test holds the rest.
 */
export const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'e2e' ? 'open' : 'closed';

/**
 * A shadow root outside the page's `<body>` for the strip and the hover card: the page's CSS stays
 * out, ours stays in.
 */
export function mountOverlay(doc: Document, mode: ShadowRootMode = SHADOW_MODE): Overlay {
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode });
  shadow.adoptedStyleSheets = [sheet(UI_CSS)];
  doc.documentElement.append(host);
  return { host, shadow, remove: () => host.remove() };
}
