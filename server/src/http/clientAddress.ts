import type { IncomingMessage, Server } from 'node:http';

const FORWARDED = ['x-real-ip', 'x-forwarded-for', 'x-client-ip'] as const;

/**
 * Colyseus takes a client's address from forwarding headers first, which any client can write. Unless
 * the server sits behind a proxy that sets them (`TRUST_PROXY=on`), this replaces them with the socket's
 * own address on every request and WebSocket upgrade, before anything else reads them. Must run after
 * the Colyseus router and transport attached their listeners (it puts itself in front of them).
 */
/** The client's address as pinned above (the first of a trusted proxy's list). */
export function requestAddress(req: IncomingMessage): string {
  const raw = req.headers['x-real-ip'] ?? req.headers['x-forwarded-for'] ?? req.socket.remoteAddress;
  return (Array.isArray(raw) ? raw[0] : raw)?.split(',')[0]?.trim() || 'unknown';
}

export function pinClientAddress(server: Server, trustProxy: boolean): void {
  const pin = (req: IncomingMessage) => {
    if (trustProxy && FORWARDED.some((h) => req.headers[h])) return;
    for (const h of FORWARDED) delete req.headers[h];
    req.headers['x-real-ip'] = req.socket.remoteAddress ?? 'unknown';
  };
  server.prependListener('request', pin);
  server.prependListener('upgrade', pin);
}
