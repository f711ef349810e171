import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { deskScript } from './content/files';
import { SAAS_ADAPTERS } from './helpdesk/registry';

// Issue 14 §5 and §10: what the manifest promises about the browser and the sites it may reach.
interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[] }[];
  minimum_chrome_version?: string;
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}
// The manifest is a function of the target browser (wxt.config.ts).
const manifestOf = config.manifest as unknown as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Manifest;
const manifest = manifestOf({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
const firefox = manifestOf({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' });

/** The newest browser API the code relies on decides the minimum version. */
const NEEDS = { 'chrome.sidePanel.open': 116, 'storage.local.setAccessLevel': 102, 'CSS.highlights': 105 };

describe('manifest', () => {
  it('asks optional host access for https sites, and plain http only on this computer', () => {
    const patterns = manifest.optional_host_permissions ?? [];
    expect(patterns).toContain('https://*/*');
    for (const pattern of patterns) expect(pattern).toMatch(/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)\//);
  });

  it('opens the panel from the keyboard (Alt+Shift+O) in each browser, besides quick-declare', () => {
    expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+O');
    expect(firefox.commands?._execute_sidebar_action?.suggested_key?.default).toBe('Alt+Shift+O');
    expect(manifest.commands?.['quick-declare']?.suggested_key?.default).toBe('Alt+Shift+D');
  });

  it('gives each SaaS desk its own content script on its hosts, built from its own entrypoint', () => {
    expect(manifest.content_scripts?.map((script) => ({ matches: script.matches, js: script.js })))
      .toEqual(SAAS_ADAPTERS.map((adapter) => ({ matches: adapter.matches, js: [deskScript(adapter.id)] })));
    for (const adapter of SAAS_ADAPTERS) expect(existsSync(resolve(__dirname, `../entrypoints/helpdesk-${adapter.id}.ts`)), adapter.id).toBe(true);
  });

  it('declares the minimum Chrome version the code assumes', () => {
    expect(Number(manifest.minimum_chrome_version)).toBe(Math.max(...Object.values(NEEDS)));
  });
});

/** The first column's `code` spans of a "## <heading>" table in docs/PERMISSIONS.md, with the rest of the cell. */
function documentedRows(heading: string): { names: string[]; cell: string }[] {
  const doc = readFileSync(resolve(__dirname, '../docs/PERMISSIONS.md'), 'utf8');
  const section = doc.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  if (!section) throw new Error(`docs/PERMISSIONS.md has no "## ${heading}"`);
  return section.split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Permission |') && !line.startsWith('| Pattern |'))
    .map((line) => line.split('|')[1]!)
    .map((cell) => ({ cell, names: [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!) }));
}

describe('docs/PERMISSIONS.md matches the manifest', () => {
  const api = documentedRows('API permissions');
  const hosts = documentedRows('Host permissions');
  const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();

  it('lists exactly the API permissions of each build (Chrome-only ones marked)', () => {
    expect(sorted(api.flatMap((row) => row.names))).toEqual(sorted(manifest.permissions));
    const chromeOnly = api.filter((row) => row.cell.includes('(Chrome)')).flatMap((row) => row.names);
    expect(sorted(api.flatMap((row) => row.names).filter((name) => !chromeOnly.includes(name)))).toEqual(sorted(firefox.permissions));
  });

  it('lists exactly the required and the optional host patterns', () => {
    const optional = hosts.filter((row) => row.cell.includes('(optional')).flatMap((row) => row.names);
    const required = hosts.filter((row) => row.cell.includes('(required')).flatMap((row) => row.names);
    expect(sorted(required)).toEqual(sorted(manifest.host_permissions));
    expect(sorted(optional)).toEqual(sorted(manifest.optional_host_permissions));
    expect(sorted(optional)).toEqual(sorted(firefox.optional_permissions));
    expect(hosts.flatMap((row) => row.names)).toHaveLength(required.length + optional.length);
    // The content script runs only where the host access is already required.
    for (const pattern of manifest.content_scripts?.flatMap((script) => script.matches) ?? []) expect(required).toContain(pattern);
  });

  it('requests nothing it says it does not', () => {
    const doc = readFileSync(resolve(__dirname, '../docs/PERMISSIONS.md'), 'utf8');
    const sentence = /## What is not requested\s+(No [^.]+)\./.exec(doc)?.[1] ?? '';
    const notRequested = [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect(notRequested).toEqual(expect.arrayContaining(['tabs', '<all_urls>']));
    const everything = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
    for (const name of notRequested) expect(everything).not.toContain(name);
  });
});
