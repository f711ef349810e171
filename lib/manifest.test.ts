import { describe, expect, it } from 'vitest';
import config from '../wxt.config';

// Issue 14 §5 and §10: what the manifest promises about the browser and the sites it may reach.
type Manifest = { optional_host_permissions?: string[]; minimum_chrome_version?: string };
// The manifest is a function of the target browser (wxt.config.ts); this is the Chrome one.
const manifestOf = config.manifest as unknown as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Manifest;
const manifest = manifestOf({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });

/** The newest browser API the code relies on decides the minimum version. */
const NEEDS = { 'chrome.sidePanel.open': 116, 'storage.local.setAccessLevel': 102, 'CSS.highlights': 105 };

describe('manifest', () => {
  it('asks optional host access for https sites, and plain http only on this computer', () => {
    const patterns = manifest.optional_host_permissions ?? [];
    expect(patterns).toContain('https://*/*');
    for (const pattern of patterns) expect(pattern).toMatch(/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)\//);
  });

  it('declares the minimum Chrome version the code assumes', () => {
    expect(Number(manifest.minimum_chrome_version)).toBe(Math.max(...Object.values(NEEDS)));
  });
});
