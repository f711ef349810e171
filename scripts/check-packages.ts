import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * The store packages `npm run zip` makes (Chrome Web Store, AMO, AMO's sources zip) hold what a store
 * asks for: a manifest with name, description, the 16/32/48/128 icons (present in the zip), every
 * file the manifest names, and exactly the permissions wxt.config.ts asks for (docs/PERMISSIONS.md,
 * kept equal to it by lib/manifest.test.ts). Run by `npm test` (`npm run check:packages`, ~4 s).
 */

/** A zip's files by name (stored or deflated entries, read from the central directory). */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    if (!name.endsWith('/')) files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

export interface Expected {
  permissions: string[];
  hostPermissions: string[];
  optionalHosts: string[];
}

type Manifest = Record<string, unknown> & {
  name?: string; description?: string; icons?: Record<string, string>; permissions?: string[];
  host_permissions?: string[]; optional_host_permissions?: string[]; optional_permissions?: string[];
  manifest_version?: number;
};

const sameSet = (a: string[] | undefined, b: string[]) => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...b].sort());

/** Files the manifest names (background, pages, content scripts, managed schema). */
function namedFiles(manifest: Manifest): string[] {
  const m = manifest as Record<string, any>;
  return [
    m.background?.service_worker, ...(m.background?.scripts ?? []), m.side_panel?.default_path, m.sidebar_action?.default_panel,
    m.storage?.managed_schema, ...(m.content_scripts ?? []).flatMap((script: { js?: string[]; css?: string[] }) => [...(script.js ?? []), ...(script.css ?? [])]),
  ].filter((file): file is string => typeof file === 'string');
}

/** What is wrong with one package (empty: ready to upload). */
export function packageProblems(files: Map<string, Buffer>, expected: Expected): string[] {
  const raw = files.get('manifest.json');
  if (!raw) return ['no manifest.json at the zip root'];
  const manifest = JSON.parse(raw.toString('utf8')) as Manifest;
  const problems: string[] = [];
  if (!manifest.name?.trim()) problems.push('manifest has no name');
  if (!manifest.description?.trim()) problems.push('manifest has no description');
  else if (manifest.description.length > 132) problems.push('description is over the Chrome Web Store\'s 132 characters');
  for (const size of ['16', '32', '48', '128']) {
    const icon = manifest.icons?.[size];
    if (!icon) problems.push(`manifest has no ${size}px icon`);
    else if (!files.has(icon.replace(/^\//, ''))) problems.push(`icon ${icon} (${size}px) is not in the zip`);
  }
  for (const file of namedFiles(manifest)) if (!files.has(file.replace(/^\//, ''))) problems.push(`${file} (named by the manifest) is not in the zip`);
  // MV2 (Firefox) keeps host patterns in `permissions` and optional ones in `optional_permissions`.
  const mv2 = manifest.manifest_version === 2;
  const permissions = mv2 ? [...expected.permissions, ...expected.hostPermissions] : expected.permissions;
  if (!sameSet(manifest.permissions, permissions)) problems.push(`permissions ${JSON.stringify(manifest.permissions)}, expected ${JSON.stringify(permissions)}`);
  if (!mv2 && !sameSet(manifest.host_permissions, expected.hostPermissions)) problems.push(`host_permissions ${JSON.stringify(manifest.host_permissions)}, expected ${JSON.stringify(expected.hostPermissions)}`);
  const optional = mv2 ? manifest.optional_permissions : manifest.optional_host_permissions;
  if (!sameSet(optional, expected.optionalHosts)) problems.push(`optional host permissions ${JSON.stringify(optional)}, expected ${JSON.stringify(expected.optionalHosts)}`);
  return problems;
}

async function main() {
  const { default: config } = await import('../wxt.config');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const manifestOf = config.manifest as unknown as (env: { browser: string }) => Manifest;
  let failed = false;
  for (const browser of ['chrome', 'firefox']) {
    const zip = resolve(`.output/incident-copilot-${version}-${browser}.zip`);
    const wanted = manifestOf({ browser });
    const expected = {
      permissions: wanted.permissions ?? [],
      hostPermissions: wanted.host_permissions ?? [],
      optionalHosts: (browser === 'firefox' ? wanted.optional_permissions : wanted.optional_host_permissions) ?? [],
    };
    const problems = packageProblems(readZip(readFileSync(zip)), expected);
    for (const problem of problems) console.error(`${zip}: ${problem}`);
    if (problems.length === 0) console.log(`${zip}: ready (manifest, icons, permissions)`);
    failed ||= problems.length > 0;
  }
  const sources = resolve(`.output/incident-copilot-${version}-sources.zip`);
  if (!readZip(readFileSync(sources)).has('package.json')) {
    console.error(`${sources}: no package.json (AMO builds the sources with it)`);
    failed = true;
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
