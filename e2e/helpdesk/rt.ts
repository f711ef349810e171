import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { processesListeningOn, terminate } from './processes';

// A real Request Tracker 5 (Debian packages, SQLite, Starlet) on 127.0.0.1 for e2e tests.
// Install once with `.ci/install-rt.sh`; every start gets a fresh database, so tests start from a known state.

const RT_PACKAGES = ['request-tracker5', 'rt5-standalone', 'rt5-db-sqlite'];
const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const RT_SETUP_DATABASE = '/usr/sbin/rt-setup-database-5';
const RUN_DIR_PREFIX = 'rt-e2e-run-';
const LOG_DIR = path.resolve(import.meta.dirname, '../../test-results/helpdesk');

export const RT_NOT_INSTALLED_MESSAGE =
  'Request Tracker 5 is not installed: run `.ci/install-rt.sh` as root (Debian 12) before the help-desk e2e tests.';

export interface RequestTracker {
  /** `http://127.0.0.1:<port>` (RT's WebPath is the web root, not Debian's `/rt`). */
  baseUrl: string;
  /** Password of RT's `root` user (web login and REST basic auth). */
  password: string;
  logFile: string;
  /** Creates a ticket in the General queue; resolves to its id. */
  createTicket(ticket: { subject: string; content: string; requestor?: string }): Promise<number>;
  /** Adds a public reply (correspondence) to a ticket. */
  correspond(id: number, content: string): Promise<void>;
  /** Logs `page`'s browser context in as root (the ticket pages need the session cookie). */
  login(page: Page): Promise<void>;
  /** Stops the server (master and workers) and deletes the database. */
  stop(): Promise<void>;
}

export function isRequestTrackerInstalled(): boolean {
  try {
    const status = execFileSync('dpkg-query', ['-W', '-f=${Status}\n', ...RT_PACKAGES], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return status.split('\n').filter((line) => line === 'install ok installed').length === RT_PACKAGES.length;
  } catch {
    return false; // dpkg-query exits non-zero when a package is unknown
  }
}

function siteConfig(port: number, dir: string, databaseFile: string): string {
  // Loaded instead of Debian's RT_SiteConfig.d (see RT_SITE_CONFIG_DIR below), so it sets everything
  // the debconf files would: runs do not depend on how the packages were configured, nor on each other.
  return `Set($rtname, 'rt.localtest');
Set($Organization, 'localtest');
Set($Timezone, 'UTC');
Set($CorrespondAddress, 'rt@localhost');
Set($CommentAddress, 'rt-comment@localhost');
Set($WebPath, '');
Set($WebDomain, '127.0.0.1');
Set($WebPort, ${port});
Set($WebBaseURL, 'http://127.0.0.1:${port}');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, '${databaseFile}');
# Outgoing mail goes to <dir>/<time>.mbox (RT writes them to $VarPath), never to an MTA.
Set($MailCommand, 'mbox');
$RT::VarPath = '${dir}';
Set($LogToSTDERR, 'warning');
Set($LogToSyslog, undef);
Set($LogToFile, undef);
# Web sessions are files (SQLite has no session backend); keeping them with the run's database means a
# fresh start logs everyone out and concurrent runs never share a login.
$RT::MasonSessionDir = '${path.join(dir, 'sessions')}';
1;
`;
}

/** A server left behind by an earlier run (crashed runner, killed worker) would answer with its old state. */
async function stopStaleServer(port: number): Promise<void> {
  const holders = processesListeningOn(port);
  if (holders.length === 0) return;
  const foreign = holders.filter((p) => !p.cmdline.includes(RT_SERVER));
  if (foreign.length > 0) {
    const who = foreign.map((p) => `${p.pid} (${p.cmdline})`).join(', ');
    throw new Error(`Port ${port} is in use by ${who}; pass another port to startRequestTracker.`);
  }
  // Its run never got to delete its temporary directory (database, sessions): the server's env names it.
  const dirs = holders.map((p) => runDirOf(p.pid)).filter((dir): dir is string => dir !== undefined);
  await terminate(holders.map((p) => p.pid));
  for (const dir of new Set(dirs)) rmSync(dir, { recursive: true, force: true });
}

function runDirOf(pid: number): string | undefined {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    const dir = env.find((v) => v.startsWith('RT_SITE_CONFIG_DIR='))?.slice('RT_SITE_CONFIG_DIR='.length);
    return dir && path.basename(dir).startsWith(RUN_DIR_PREFIX) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A freshly initialised database, made once per RT version and password and then copied: initialising
 * takes 1–5 s of Perl, a copy of the 434 KB file takes milliseconds, so every start can have a clean state.
 * (The web settings of the site config used here do not reach the database, so any port will do.)
 */
async function databaseTemplate(password: string, port: number, logFile: string): Promise<string> {
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'request-tracker5'], { encoding: 'utf8' });
  const key = createHash('sha256').update(`${version}\0${password}`).digest('hex').slice(0, 16);
  const template = path.join(tmpdir(), `rt-e2e-template-${key}.sqlite`);
  if (existsSync(template)) return template;

  const dir = mkdtempSync(path.join(tmpdir(), 'rt-e2e-init-'));
  try {
    const databaseFile = path.join(dir, 'rt.sqlite');
    writeFileSync(path.join(dir, '99-local-test.pm'), siteConfig(port, dir, databaseFile));
    const passwordFile = path.join(dir, 'root-password');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    const args = ['--action', 'init', '--skip-create', '--root-password-file', passwordFile];
    const env = { ...process.env, RT_SITE_CONFIG_DIR: dir };
    try {
      const { stdout, stderr } = await promisify(execFile)(RT_SETUP_DATABASE, args, { env });
      appendFileSync(logFile, `# rt-setup-database\n${stdout}${stderr}\n`);
    } catch (err) {
      throw new Error(`Request Tracker database setup failed: ${(err as Error).message}`);
    }
    // rename is atomic: parallel first runs never copy a half-written template.
    renameSync(databaseFile, template);
    return template;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ticketCreatedSchema = z.object({ id: z.coerce.number().int().positive() });

async function waitUntilServing(url: string, exited: () => string | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = exited();
    if (reason) throw new Error(reason);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Request Tracker did not answer ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function startRequestTracker({
  port = 8080,
  password = 'rt-test-pass',
  // Starlet's default of 10 prefork workers is heavy on a 2-core runner; a page plus its AJAX needs few.
  workers = 3,
  readyTimeoutMs = 60_000,
}: { port?: number; password?: string; workers?: number; readyTimeoutMs?: number } = {}): Promise<RequestTracker> {
  if (!isRequestTrackerInstalled()) throw new Error(RT_NOT_INSTALLED_MESSAGE);
  await stopStaleServer(port);

  const dir = mkdtempSync(path.join(tmpdir(), RUN_DIR_PREFIX));
  const databaseFile = path.join(dir, 'rt.sqlite');
  writeFileSync(path.join(dir, '99-local-test.pm'), siteConfig(port, dir, databaseFile));
  mkdirSync(path.join(dir, 'sessions'));
  const env = { ...process.env, RT_SITE_CONFIG_DIR: dir };
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `rt-${port}.log`);
  writeFileSync(logFile, '');

  try {
    copyFileSync(await databaseTemplate(password, port, logFile), databaseFile);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const logFd = openSync(logFile, 'a');
  // Own process group: the prefork workers stay together with the master, away from the test runner's signals.
  const server = spawn(RT_SERVER, ['--host', '127.0.0.1', '--port', String(port), '--max-workers', String(workers)], {
    env,
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  let exitReason: string | null = null;
  server.on('exit', (code, signal) => {
    exitReason = `rt-server exited (${signal ?? `code ${code}`}); log ${logFile}:\n${tail(logFile)}`;
  });
  // If the runner dies without calling stop(), the next start finds the server on the port and ends it.
  const killOnExit = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', killOnExit);

  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (exitReason === null && server.pid) {
      const holders = processesListeningOn(port).map((p) => p.pid);
      await terminate([server.pid, ...holders.filter((pid) => pid !== server.pid)]);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilServing(`${baseUrl}/`, () => exitReason, readyTimeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }

  const authorization = `Basic ${Buffer.from(`root:${password}`).toString('base64')}`;
  const rest = async (method: string, pathName: string, body: unknown): Promise<unknown> => {
    const res = await fetch(`${baseUrl}/REST/2.0${pathName}`, {
      method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`RT REST ${method} ${pathName} → ${res.status}: ${text}`);
    return JSON.parse(text);
  };

  return {
    baseUrl,
    password,
    logFile,
    stop,
    async createTicket({ subject, content, requestor = 'alice@example.com' }) {
      const created = await rest('POST', '/ticket', {
        Queue: 'General',
        Subject: subject,
        Requestor: requestor,
        Content: content,
        ContentType: 'text/plain',
      });
      return ticketCreatedSchema.parse(created).id;
    },
    async correspond(id, content) {
      await rest('POST', `/ticket/${id}/correspond`, { Content: content, ContentType: 'text/plain' });
    },
    async login(page) {
      await page.goto(`${baseUrl}/`);
      const signedIn = page.locator('a#preferences-logout');
      if ((await signedIn.count()) > 0) return;
      await page.locator('form#login input[name=user]').fill('root');
      await page.locator('form#login input[name=pass]').fill(password);
      await page.locator('form#login [type=submit]').click();
      // A wrong password also answers 200 (the form again, with an error), so wait for the signed-in menu.
      await signedIn.waitFor({ state: 'attached' });
    },
  };
}
