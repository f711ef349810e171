import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where Debian's Chromium reads mandatory policies at start-up. It applies to every Chromium on the machine. */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Why a spec that needs a real machine policy cannot run here, or null when it can. */
export function policyUnavailableReason(): string | null {
  if (process.getuid?.() !== 0) return `writing ${CHROMIUM_POLICY_DIR} needs root`;
  return null;
}

export interface PolicyFile {
  path: string;
  remove(): void;
}

/**
 * Writes one policy file for the duration of a test. Name it per spec: files are merged by policy
 * name, and the extension ids in them are the keyed copies' own, so no other Chromium changes.
 */
export function writePolicy(name: string, policy: Record<string, unknown>): PolicyFile {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = path.join(CHROMIUM_POLICY_DIR, `incident-copilot-e2e-${name}.json`);
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return { path: file, remove: () => rmSync(file, { force: true }) };
}
