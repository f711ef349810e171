import { browser } from '#imports';

/**
 * Closes `storage.local` (where the key lives) to content scripts; `storage.session` is closed by
 * default. Asked at start-up and again, awaited, before a key is stored: if the browser refuses, the
 * key is not stored (fail closed). Idempotent and cheap, so it is simply asked each time.
 */
export async function closeKeyStorage(): Promise<void> {
  await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}
