import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Where the extension's pinned toolbar icon is on the screen: the centre of its orange pixels in the
 * toolbar band, read from an `xwd` dump of the root window (Chromium draws its own toolbar, so
 * nothing but pixels says where the icon landed). Null when not found.
 */
export async function findToolbarIcon(display: string): Promise<{ x: number; y: number } | null> {
  const { stdout } = await run('xwd', ['-root', '-silent', '-display', display], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  const dump = stdout as unknown as Buffer;
  const headerSize = dump.readUInt32BE(0);
  const width = dump.readUInt32BE(16);
  const height = dump.readUInt32BE(20);
  const byteOrder = dump.readUInt32BE(28); // 0: LSB first (B, G, R, x)
  const bitsPerPixel = dump.readUInt32BE(44);
  const bytesPerLine = dump.readUInt32BE(48);
  const colorCount = dump.readUInt32BE(76);
  if (bitsPerPixel !== 32) throw new Error(`xwd: ${bitsPerPixel} bits per pixel not handled`);
  const pixels = headerSize + colorCount * 12;
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  // The toolbar band (below the tab strip), right of the address bar's middle.
  for (let y = 40; y < Math.min(100, height); y++) {
    for (let x = Math.floor(width / 2); x < width; x++) {
      const at = pixels + y * bytesPerLine + x * 4;
      const [r, g, b] = byteOrder === 0 ? [dump[at + 2]!, dump[at + 1]!, dump[at]!] : [dump[at + 1]!, dump[at + 2]!, dump[at + 3]!];
      if (r > 180 && g < 120 && b < 90) {
        sumX += x;
        sumY += y;
        count++;
      }
    }
  }
  return count < 20 ? null : { x: Math.round(sumX / count), y: Math.round(sumY / count) };
}
