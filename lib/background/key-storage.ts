import { browser } from '#imports';

/**
 * Closes `storage.local` (where the key lives) to content scripts; `storage.session` is closed by
 * default. Asked at start-up and again, awaited, before a key is stored: if the browser refuses, the
 * key is not stored (fail closed). Idempotent and cheap, so it is simply asked each time.
 */
export async function closeKeyStorage(): Promise<void> {
  // Firefox has no access levels (its content scripts share storage.local: see docs/SECURITY.md);
  // there is nothing to close, which is not a failure to close.
  if (typeof browser.storage.local.setAccessLevel !== 'function') return;
  await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}
