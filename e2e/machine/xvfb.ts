import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True when the X tools the real-click tests need are installed (`.ci/run` installs them). */
export async function hasCommand(command: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${command}`]).then(() => true, () => false);
}

export interface VirtualDisplay {
  /** e.g. ":101", for DISPLAY. */
  display: string;
  /** Left-clicks a screen point with a real X pointer event (what a person's click produces). */
  click(x: number, y: number): Promise<void>;
  /** Presses keys (xdotool names, e.g. "Return") in the focused window. */
  key(...keys: string[]): Promise<void>;
  /** The screen as PNG, for a failure's attachment (ImageMagick's convert, when installed). */
  screenshot(file: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts an Xvfb on a display number it picks itself (-displayfd), so parallel runs never collide. */
export async function startXvfb(width = 1280, height = 800): Promise<VirtualDisplay> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim()}`)));
    setTimeout(() => reject(new Error('Xvfb did not report a display within 10 s')), 10_000);
  });
  const env = { ...process.env, DISPLAY: display };
  return {
    display,
    click: async (x, y) => void (await run('xdotool', ['mousemove', String(x), String(y), 'click', '1'], { env })),
    key: async (...keys) => void (await run('xdotool', ['key', ...keys], { env })),
    screenshot: (file) => run('/usr/bin/convert', ['x:root', file], { env }).then(() => true, () => false),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
