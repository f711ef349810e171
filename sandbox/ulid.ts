import { createHash } from 'node:crypto';

/** Crockford base32, the ULID alphabet. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * A ULID-shaped id: 10 chars of millisecond time, then 16 chars derived from `seed`.
 * Deterministic (same time + seed → same id) so seeded state is identical on every run,
 * and time-ordered like incident.io's ids.
 */
export function ulid(timeMs: number, seed: string): string {
  let time = '';
  let t = Math.max(0, Math.floor(timeMs));
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const digest = createHash('sha256').update(seed).digest();
  let rest = '';
  for (let i = 0; i < 16; i++) rest += ALPHABET[(digest[i] ?? 0) % 32];
  return time + rest;
}
