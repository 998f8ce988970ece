import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

/** A fresh secret per run; only the page `parkview` opens knows it. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A bind address that listens on every interface. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** This machine's addresses, IPv4 first: the names other machines reach a wildcard bind by. */
export function interfaceAddresses(): string[] {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return [...all.filter((a) => a.family === 'IPv4'), ...all.filter((a) => a.family !== 'IPv4')].map((a) => a.address);
}

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

/**
 * Who may talk to the server. The Host header must name this server (so a DNS-rebinding page on
 * another name is refused), any Origin must be this server's own, and /api/ calls must carry the
 * run's token. The server sends no CORS headers, so other sites can never read its answers.
 */
export class Guard {
  private hosts: Set<string>;

  constructor(
    private token: string,
    bindHost: string,
    port: number,
  ) {
    const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
    for (const host of isWildcard(bindHost) ? [bindHost, ...interfaceAddresses()] : [bindHost]) names.add(host.includes(':') ? `[${host}]` : host);
    this.hosts = new Set([...names].map((h) => `${h}:${port}`));
  }

  /** Why the request is refused, or null when it may proceed. */
  refuse(req: IncomingMessage, url: URL): string | null {
    const host = req.headers.host ?? '';
    if (!this.hosts.has(host.toLowerCase())) return `unexpected Host "${host}"`;
    const origin = req.headers.origin;
    if (origin !== undefined && !this.hosts.has(origin.replace(/^https?:\/\//i, '').toLowerCase())) return `requests from ${origin} are not allowed`;
    if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-site requests are not allowed';
    if (url.pathname.startsWith('/api/') && !this.tokenMatches(url.searchParams.get('token') ?? String(req.headers['x-parkview-token'] ?? ''))) {
      return 'missing or wrong token: open the address parkview printed';
    }
    return null;
  }

  private tokenMatches(given: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
