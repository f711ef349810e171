import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packageProblems, readZip } from './check-packages';

/** A zip with these files (first stored, the rest deflated), enough for `readZip`. */
function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  Object.entries(entries).forEach(([name, text], i) => {
    const method = i === 0 ? 0 : 8;
    const data = method === 8 ? deflateRawSync(Buffer.from(text)) : Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(nameBytes.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(record, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const expected = { permissions: ['storage', 'sidePanel'], hostPermissions: ['https://api.incident.io/*'], optionalHosts: ['https://*/*', 'http://localhost/*'] };
const icons = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
const chrome = {
  manifest_version: 3, name: 'Incident Copilot', description: 'incident.io in your help desk.', icons,
  permissions: ['storage', 'sidePanel'], host_permissions: ['https://api.incident.io/*'], optional_host_permissions: ['https://*/*', 'http://localhost/*'],
  background: { service_worker: 'background.js' },
};
const iconFiles = Object.fromEntries(Object.values(icons).map((icon) => [icon, 'png']));
const packageOf = (manifest: object, files: Record<string, string> = { ...iconFiles, 'background.js': '' }) =>
  readZip(makeZip({ 'manifest.json': JSON.stringify(manifest), ...files }));

describe('store package check (npm run check:packages)', () => {
  it('passes a complete package', () => {
    expect(packageProblems(packageOf(chrome), expected)).toEqual([]);
  });

  it('names a missing icon, description or named file', () => {
    const { 'icon/128.png': _gone, ...without128 } = iconFiles;
    expect(packageProblems(packageOf(chrome, { ...without128, 'background.js': '' }), expected)).toEqual(['icon icon/128.png (128px) is not in the zip']);
    expect(packageProblems(packageOf({ ...chrome, icons: { ...icons, 48: undefined } }), expected)).toEqual(['manifest has no 48px icon']);
    expect(packageProblems(packageOf({ ...chrome, description: '' }), expected)).toEqual(['manifest has no description']);
    expect(packageProblems(packageOf(chrome, iconFiles), expected)).toEqual(['background.js (named by the manifest) is not in the zip']);
  });

  it('refuses any permission the config does not ask for, or one missing', () => {
    expect(packageProblems(packageOf({ ...chrome, permissions: ['storage', 'sidePanel', 'tabs'] }), expected)).toHaveLength(1);
    expect(packageProblems(packageOf({ ...chrome, optional_host_permissions: ['https://*/*', 'http://*/*'] }), expected)).toHaveLength(1);
  });

  it('reads Firefox MV2 host patterns from permissions, and the optional ones WXT would drop', () => {
    const firefox = { ...chrome, manifest_version: 2, permissions: ['storage', 'sidePanel', 'https://api.incident.io/*'], host_permissions: undefined, optional_host_permissions: undefined };
    expect(packageProblems(packageOf({ ...firefox, optional_permissions: expected.optionalHosts }), expected)).toEqual([]);
    expect(packageProblems(packageOf(firefox), expected)).toEqual([expect.stringMatching(/^optional host permissions undefined/)]);
  });
});
