import { browser, storage } from '#imports';
import { z } from 'zod/mini';
import { type TypedItem, typedItem, workspacesSchema } from '@/lib/storage';

/**
 * Where the API keys live (docs/SECURITY.md, "The key"). Background only.
 *
 * Chrome: `storage.local`, closed to content scripts with `setAccessLevel('TRUSTED_CONTEXTS')`.
 *
 * Firefox has no access levels for `storage.local` (bug 1724754): its content scripts can read and
 * write it. There the key is kept in `storage.session` (which Firefox does not expose to content
 * scripts) and persisted in `storage.local` only sealed: AES-GCM with a non-extractable key kept in
 * the extension origin's IndexedDB, which content scripts (they run with the page's origin) cannot
 * open. Without IndexedDB or WebCrypto the key is kept for the session only, never in the clear.
 */

/**
 * Closes `storage.local` (where the key lives) to content scripts; `storage.session` is closed by
 * default. Asked at start-up and again, awaited, before a key is stored: if the browser refuses, the
 * key is not stored (fail closed). Idempotent and cheap, so it is simply asked each time.
 */
export async function closeKeyStorage(): Promise<void> {
  // Firefox has no access levels: keys are sealed there instead (`secretItem`), which is not a
  // failure to close.
  if (!localIsClosable()) return;
  await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** Chrome (102+) can close `storage.local` to content scripts; Firefox cannot. */
export const localIsClosable = () => typeof browser.storage.local.setAccessLevel === 'function';

/** Where the sealing key is kept: one non-extractable CryptoKey. */
export interface KeyVault {
  load(): Promise<CryptoKey | undefined>;
  save(key: CryptoKey): Promise<void>;
}

const VAULT_DB = 'incident-copilot-vault';
const VAULT_STORE = 'keys';
const VAULT_ID = 'seal';

function inVault<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const open = indexedDB.open(VAULT_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(VAULT_STORE);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB unavailable'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(VAULT_STORE, mode);
      const request = run(tx.objectStore(VAULT_STORE));
      tx.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        reject(tx.error ?? new Error('IndexedDB transaction failed'));
      };
    };
  });
}

/** The extension origin's IndexedDB (structured clone keeps a CryptoKey non-extractable). */
export const indexedDbVault: KeyVault = {
  load: async () => (await inVault('readonly', (store) => store.get(VAULT_ID))) as CryptoKey | undefined,
  save: async (key) => {
    await inVault('readwrite', (store) => store.put(key, VAULT_ID));
  },
};

let vault: KeyVault | null = typeof indexedDB === 'undefined' ? null : indexedDbVault;
let sealingKey: Promise<CryptoKey | null> | null = null;

/** Tests: another vault (or none: IndexedDB unavailable). */
export function useKeyVault(next: KeyVault | null): void {
  vault = next;
  sealingKey = null;
}

/** The sealing key, made on first use; null when it can't be kept (the key then stays in the session). */
function getSealingKey(): Promise<CryptoKey | null> {
  sealingKey ??= (async () => {
    if (!vault || !globalThis.crypto?.subtle) return null;
    const stored = await vault.load();
    if (stored) return stored;
    const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await vault.save(made);
    return made;
  })().catch(() => {
    sealingKey = null; // try again next time
    return null;
  });
  return sealingKey;
}

const sealedSchema = z.object({ sealed: z.literal(1), iv: z.string(), data: z.string() });
type Sealed = z.infer<typeof sealedSchema>;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function seal(name: string, plain: string): Promise<Sealed | null> {
  const key = await getSealingKey();
  if (!key) return null;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The item's name is authenticated too: a sealed value can't be moved to another item.
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(name) }, key, new TextEncoder().encode(plain));
  return { sealed: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

async function unseal(name: string, sealed: Sealed): Promise<string | null> {
  const key = await getSealingKey();
  if (!key) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(name) }, key, fromBase64(sealed.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null; // tampered with, or sealed with a key that is gone: no key (the agent connects again)
  }
}

/**
 * A persisted secret. Where `storage.local` can be closed (Chrome) it is a plain item there. Where it
 * can't (Firefox) the value lives in `storage.session` and `storage.local` holds only its sealed
 * copy, read back (into the session) after a browser restart. Anything else found in `storage.local`
 * under the name (a plain value: written by an older build, or planted by a content script) is
 * deleted, never used: fail closed.
 */
export function secretItem<S extends z.core.$ZodType>(name: string, schema: S, fallback: z.infer<S>): TypedItem<z.infer<S>> {
  const plain = typedItem(`local:${name}`, schema, fallback);
  const session = typedItem(`session:${name}`, schema, fallback);
  const localKey = `local:${name}` as const;
  const sessionKey = `session:${name}` as const;
  return {
    get: async () => {
      if (localIsClosable()) return plain.get();
      if ((await storage.getItem(sessionKey)) !== null) return session.get();
      const raw = await storage.getItem(localKey);
      if (raw === null) return fallback;
      const envelope = sealedSchema.safeParse(raw);
      const opened = envelope.success ? await unseal(name, envelope.data) : null;
      if (!envelope.success) await storage.removeItem(localKey);
      if (opened === null) return fallback;
      const value = z.safeParse(schema, JSON.parse(opened));
      if (!value.success) return fallback;
      await session.set(value.data);
      return value.data;
    },
    set: async (value) => {
      if (localIsClosable()) return plain.set(value);
      await session.set(value);
      const sealed = await seal(name, JSON.stringify(z.parse(schema, value)));
      if (sealed) await storage.setItem(localKey, sealed);
      else await storage.removeItem(localKey);
    },
    remove: async () => {
      await Promise.all([storage.removeItem(localKey), storage.removeItem(sessionKey)]);
    },
    watch: (callback) => (localIsClosable() ? plain.watch(callback) : session.watch(callback)),
  };
}

/** The active workspace's key. */
export const apiKeyItem = secretItem('apiKey', z.nullable(z.string()), null);

/** Every connected workspace with its key (`lib/storage.ts` `workspacesSchema`). */
export const workspacesItem = secretItem('workspaces', z.nullable(workspacesSchema), null);
