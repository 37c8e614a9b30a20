import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './rpc-routes';

/**
 * The names the server answers to. An entry is `host` or `host:port` (IPv6 in brackets). Without
 * configured names, the loopback names on the port the server listens on.
 */
export function defaultAllowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/** True when `host` (a Host header, or an Origin's host) is one of `allowed`; a name without a port also matches on `port`. */
export function isAllowedHost(host: string | undefined, allowed: readonly string[], port: number): boolean {
  if (!host) return false;
  const wanted = host.toLowerCase();
  return allowed.some((entry) => {
    const name = entry.toLowerCase();
    return wanted === name || (!/:\d+$/.test(name) && wanted === `${name}:${port}`);
  });
}

/** An Origin is allowed when it is `http://` or `https://` (behind a TLS proxy) one of the allowed hosts, with nothing after it. */
export function isAllowedOrigin(origin: string, allowed: readonly string[], port: number): boolean {
  const match = /^(https?):\/\/([^/?#@\s]+)$/i.exec(origin);
  if (!match) return false;
  return isAllowedHost(match[2], allowed, port);
}

/**
 * Refuses, before any route runs (static files, the API, the WebSocket upgrade), a request whose
 * Host is not one of the server's names — a page on another site that rebinds its DNS name to
 * this machine arrives with its own name — and a request whose Origin is not one of ours (another
 * site open in the same browser). Answers are typed 403s that name no internals.
 */
export function registerHostGuard(app: FastifyInstance, configured: readonly string[] | undefined): void {
  const port = () => (app.server.address() as AddressInfo | null)?.port ?? 0;
  const allowed = () => (configured && configured.length > 0 ? configured : defaultAllowedHosts(port()));
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const names = allowed();
    if (!isAllowedHost(request.headers.host, names, port()))
      return sendError(reply, { code: 'forbidden', message: 'This server does not answer to that host name.' });
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, names, port()))
      return sendError(reply, { code: 'forbidden', message: 'Cross-origin calls are not allowed.' });
  });
}

/** A peer on this machine: 127.0.0.0/8 or ::1, also as an IPv4-mapped IPv6 address. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** A host to bind to that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || isLoopbackAddress(bare);
}
