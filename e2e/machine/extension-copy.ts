import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR } from '../fixtures';

/**
 * Public keys (SubjectPublicKeyInfo DER, base64) that give a copy of the e2e build a fixed extension
 * id, which a machine-wide Chromium policy can name. One per spec, so a policy one spec writes never
 * applies to the extension another spec (or a parallel worker running the plain e2e build) loads.
 * The private halves were thrown away: nothing is ever signed with them.
 */
export const EXTENSION_KEYS = {
  toolbar: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvbjyFc6mBAgRSOSyhfPuNn24lr+qLJKLTJY1OfQUrlmYW2lOdNF2GcNIbdYlPUwYVzLF1CpIucGmx3oz11qCsxVBPxG3dB+rFbKQqLWpDdHqval/aqNvRy4VuzTkV5nrDSzUnLzrHwjcu/PadTHD5eI5H88jfr9wE+++b/kDpEMdDuDZzVdHYkC5lxXPTLetGKVjM/snijbt1LeeYqMCcJmOU3SclkS6OvB2YlnmN2eXQRMRXAblaLMGAib7Ldis9AyaMLWoPtfMIy5TFSiYJXzFYWBl3iow7Lg7gPPr865Qx+gffdGMfalJFvQ4Xq8DCktXzwe8pJIzXf1Q31H0rwIDAQAB',
  managed: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA5YhKylaE1cQNhZvZHvckyxASFgCXgjrcQKxQYCV4a0dDhfKdO1ay5coQF3D/gSaP8cBIWsK0V9i0nFSXpIIVsbTthM1jYIqBR9+fqxLiIJyzchow+yQmkkc0naLUXPdzQoiT3wYUWD7cWvIfkjZn/wnIVc8SqSB4XFhh8ZHGxRTEC/vz0jSmm1h88tFMALZ9/Fn4nVGtittia1443R2yk6wsqQ8LOuVlLFsbFZWkAxMtAaad3HzAvjEpWB4KH4unAoI1GtixcVdH8h5AEs7vOWB4z/i5LGTpO+SlEFqkd+ObMguXYGo1Wf0FGme+bTVRkOtiVySvet/XwnYw9BjuWwIDAQAB',
} as const;

/** Chromium's id for a manifest key: the SHA-256 of the DER key, first 32 hex digits mapped 0-f → a-p. */
export function extensionIdForKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface ExtensionCopy {
  dir: string;
  id: string;
  remove(): void;
}

/** The e2e build copied to a temporary directory with `key` in its manifest. */
export function keyedExtensionCopy(key: keyof typeof EXTENSION_KEYS): ExtensionCopy {
  const dir = mkdtempSync(path.join(tmpdir(), `incident-copilot-${key}-`));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: EXTENSION_KEYS[key] }, null, 2));
  return { dir, id: extensionIdForKey(EXTENSION_KEYS[key]), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
