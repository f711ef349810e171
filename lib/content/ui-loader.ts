import { sendRead } from './ext';
import { UI_KEY, type UiModule, type UiWorld } from './ui-hook';

/** The background injects in well under this; past it the next ask tries again. */
const LOAD_TIMEOUT_MS = 10_000;

/**
 * The UI, loaded once, the first time there is something to show (a strip, a card) or a text to
 * type: until then a help-desk page costs only the core and the reads. The background injects
 * helpdesk-ui.js into this frame (`scripting.executeScript`), which hands its module over through
 * the isolated world's global.
 */
export function createUiLoader(ask: () => Promise<unknown> = () => sendRead('helpdesk/ui', {}), world: UiWorld = globalThis): () => Promise<UiModule> {
  let loading: Promise<UiModule> | null = null;
  return () => {
    loading ??= new Promise<UiModule>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Incident Copilot could not show its controls on this page.')), LOAD_TIMEOUT_MS);
      world[UI_KEY] = (ui) => {
        clearTimeout(timer);
        delete world[UI_KEY];
        resolve(ui);
      };
      ask().catch((error: unknown) => {
        clearTimeout(timer);
        reject(error);
      });
    }).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

let shared: (() => Promise<UiModule>) | null = null;
/** This script's one loader (a re-injected copy of the script has its own). */
export const loadUi = (): Promise<UiModule> => (shared ??= createUiLoader())();
