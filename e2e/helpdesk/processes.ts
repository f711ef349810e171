import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

// Who listens on a local TCP port, read from /proc (Linux only, like the rest of the e2e setup):
// lets a harness find the server a crashed previous run left behind without extra tools.

function listeningSocketInodes(port: number): Set<string> {
  const portHex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [local, state, inode] = [cols[1], cols[3], cols[9]];
      if (local?.endsWith(portHex) && state === '0A' && inode && inode !== '0') inodes.add(inode);
    }
  }
  return inodes;
}

export interface PortHolder {
  pid: number;
  ppid: number;
  cmdline: string;
}

/** Every process holding a listening socket on `port` (a prefork server's master and its workers). */
export function processesListeningOn(port: number): PortHolder[] {
  const inodes = listeningSocketInodes(port);
  if (inodes.size === 0) return [];
  const wanted = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  const holders: PortHolder[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    const holds = fds.some((fd) => {
      try {
        return wanted.has(readlinkSync(`/proc/${entry}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in stat may contain spaces and parentheses: ppid is the 2nd field after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      holders.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      continue;
    }
  }
  return holders;
}

/** A zombie counts as gone: in a container, an orphaned worker may never be reaped by PID 1. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, then SIGKILL after `graceMs`; resolves once every pid is gone. */
export async function terminate(pids: number[], graceMs = 5000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, sig);
      } catch {
        // already exited
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await sleep(50);
  if (pids.some(isAlive)) {
    signal('SIGKILL');
    while (pids.some(isAlive)) await sleep(20);
  }
}
