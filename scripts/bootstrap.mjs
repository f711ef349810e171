#!/usr/bin/env node
/**
 * First step of `npm start` and `npm test`: installs the dependencies when they are missing or don't
 * match package-lock.json, so both work as the first command on a fresh clone. Plain Node, no
 * dependencies: nothing else is installed yet when it runs.
 *
 * "Up to date" is judged by content, not modification times (a git checkout gives the lock file a
 * new mtime without changing it): every package the lock file lists must be installed at its locked
 * version, as npm's own record of the install (node_modules/.package-lock.json) says. Optional
 * packages npm skipped on this platform don't count.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** Why an install is needed, or null when node_modules matches the lock file. */
export function staleReason() {
  if (!existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(path.join(root, 'node_modules/.package-lock.json'))) return 'node_modules was not installed by npm';
  const locked = readJson('package-lock.json').packages ?? {};
  const installed = readJson('node_modules/.package-lock.json').packages ?? {};
  for (const [name, entry] of Object.entries(locked)) {
    if (name === '' || entry.link) continue;
    const have = installed[name];
    if (!have) {
      if (entry.optional) continue;
      return `${name.replace(/^node_modules\//, '')} is not installed`;
    }
    if (have.version !== entry.version) return `${name.replace(/^node_modules\//, '')} is ${have.version}, package-lock.json wants ${entry.version}`;
  }
  return null;
}

const reason = staleReason();
if (reason) {
  console.log(`Installing dependencies (${reason}): npm ci`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
} else if (!existsSync(path.join(root, '.wxt/tsconfig.json'))) {
  // Installed without scripts (or .wxt/ deleted): the generated types tsc and the build need.
  console.log('Generating .wxt/ (wxt prepare)');
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'prepare'], { cwd: root, stdio: 'inherit' });
}
