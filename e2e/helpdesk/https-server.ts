import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Serves saved help-desk pages at the desks' real hostnames over HTTPS, so the extension's manifest
// match patterns (`https://*.zendesk.com/*`, …) apply unchanged. Chromium reaches this server through
// `--host-resolver-rules` (see chromiumArgsForHosts) and accepts its self-signed certificate.

/**
 * URL → file. A URL ending in `/` maps to a directory and serves the files below it (a fixture's
 * JS/CSS/images). Matching is by host and path; the query must match too when the route has one.
 * e.g. `{ 'https://acme.zendesk.com/agent/tickets/4821': 'lib/helpdesk/fixtures/zendesk/ticket.html',
 *         'https://acme.zendesk.com/assets/': 'lib/helpdesk/fixtures/zendesk/assets' }`
 */
export type HelpdeskRoutes = Record<string, string>;

export interface HelpdeskServer {
  port: number;
  /** The distinct hostnames of the routes. */
  hosts: string[];
  /** The flags that send those hosts to this server; pass them to the browser launch. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Chromium flags that make `https://<host>/…` connect to 127.0.0.1:`port` for each host
 * (wildcards like `*.zendesk.com` allowed) while the page keeps its real origin. Every other
 * hostname fails to resolve, so a fixture that still references a vendor CDN fails fast and visibly
 * instead of hanging; IP literals and `localhost` (the incident.io sandbox) are not affected.
 */
export function chromiumArgsForHosts(hosts: string[], port: number): string[] {
  const rules = [...hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'];
  return [
    `--host-resolver-rules=${rules.join(', ')}`,
    // The certificate is self-signed; the flag makes Chromium treat the page as a normal secure page
    // (no interstitial), so content scripts inject exactly as on the real site.
    '--ignore-certificate-errors',
  ];
}

function certificateFor(hosts: string[]): { key: Buffer; cert: Buffer } {
  const names = [...new Set(hosts)].sort();
  const dir = path.join(tmpdir(), 'incident-copilot-helpdesk-certs');
  const base = path.join(dir, createHash('sha256').update(names.join(',')).digest('hex').slice(0, 16));
  const [keyFile, certFile] = [`${base}.key`, `${base}.crt`];
  // Re-generate a day before the 30-day expiry.
  const fresh = existsSync(certFile) && Date.now() - statSync(certFile).mtimeMs < 29 * 86_400_000;
  if (!fresh || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true });
    const work = mkdtempSync(path.join(dir, 'gen-'));
    try {
      const san = names.map((name) => `DNS:${name}`).join(',');
      // prettier-ignore
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', path.join(work, 'key'), '-out', path.join(work, 'crt'), '-days', '30',
        '-subj', '/CN=incident-copilot help-desk fixtures', '-addext', `subjectAltName=${san}`,
      ], { stdio: ['ignore', 'ignore', 'pipe'] });
      // Key first: a reader that sees the new certificate also sees its key (renames are atomic).
      renameSync(path.join(work, 'key'), keyFile);
      renameSync(path.join(work, 'crt'), certFile);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

interface Route {
  host: string;
  pathname: string;
  search: string;
  file: string;
  isDirectory: boolean;
}

function parseRoutes(routes: HelpdeskRoutes): Route[] {
  return Object.entries(routes).map(([url, file]) => {
    const u = new URL(url);
    if (u.protocol !== 'https:') throw new Error(`Help-desk route must be https: ${url}`);
    return {
      host: u.hostname,
      pathname: u.pathname,
      search: u.search,
      file: path.resolve(file),
      isDirectory: u.pathname.endsWith('/') && u.pathname !== '/',
    };
  });
}

function resolveFile(routes: Route[], host: string, pathname: string, search: string): string | undefined {
  const exact =
    routes.find((r) => !r.isDirectory && r.host === host && r.pathname === pathname && r.search === search) ??
    routes.find((r) => !r.isDirectory && r.host === host && r.pathname === pathname && r.search === '');
  if (exact) return exact.file;
  const dir = routes
    .filter((r) => r.isDirectory && r.host === host && pathname.startsWith(r.pathname))
    .sort((a, b) => b.pathname.length - a.pathname.length)[0];
  if (!dir) return undefined;
  const file = path.join(dir.file, decodeURIComponent(pathname.slice(dir.pathname.length)));
  // No escaping the directory with `..`.
  return file.startsWith(dir.file + path.sep) ? file : undefined;
}

export async function startHelpdeskServer({
  port = 0,
  routes,
}: {
  /** 0 picks a free port; chromiumArgs carries whichever was chosen. */
  port?: number;
  routes: HelpdeskRoutes;
}): Promise<HelpdeskServer> {
  const parsed = parseRoutes(routes);
  const hosts = [...new Set(parsed.map((r) => r.host))];
  const server = createServer(certificateFor(hosts), (req, res) => {
    const url = new URL(req.url ?? '/', 'https://placeholder');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const file = resolveFile(parsed, host, url.pathname, url.search);
    let body: Buffer | undefined;
    try {
      body = file ? readFileSync(file) : undefined;
    } catch {
      body = undefined; // a listed directory without that file
    }
    if (!file || !body) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`No fixture for https://${host}${req.url}`);
      return;
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    port: actualPort,
    hosts,
    chromiumArgs: chromiumArgsForHosts(hosts, actualPort),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
