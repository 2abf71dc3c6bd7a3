import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import httpProxy from 'http-proxy';

/** One server process behind the front address: `prefix` is the path its PUBLIC_ADDRESS ends with. */
export interface Backend {
  prefix: string;
  target: string;
}

const HEALTH_EVERY_MS = 1000;

/**
 * One address for several server processes, as a city would put a load balancer in front:
 * - `/p1/…` goes to process 1 with the prefix taken off. Colyseus tells each client the PUBLIC_ADDRESS
 *   of the process running its room (`host:port/p1`), so a room's WebSocket reaches that process.
 * - Everything else (the page, the API, matchmaking) goes to the live processes in turn; a process that
 *   stops answering /api/health is skipped until it answers again, so a dead one costs nobody a request.
 * X-Forwarded-For is set: the processes run with TRUST_PROXY=on and see each client's own address.
 */
export async function startFrontProxy(opts: {
  host: string;
  port: number;
  backends: Backend[];
}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const proxy = httpProxy.createProxyServer({ xfwd: true, ws: true });
  const live = new Set(opts.backends);
  let turn = 0;

  const route = (url: string | undefined): { backend: Backend; path: string } | null => {
    const path = url ?? '/';
    const pinned = opts.backends.find((b) => path === b.prefix || path.startsWith(`${b.prefix}/`));
    if (pinned) return { backend: pinned, path: path.slice(pinned.prefix.length) || '/' };
    const alive = opts.backends.filter((b) => live.has(b));
    if (alive.length === 0) return null;
    return { backend: alive[turn++ % alive.length]!, path };
  };

  proxy.on('error', (_err, _req, res) => {
    // A process died between two health checks: the client's own retry finds another one.
    if ('writeHead' in res && !res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: 'backendUnavailable', message: 'that server process is not answering' }),
      );
    } else res.destroy();
  });

  const server = createServer((req, res) => {
    const r = route(req.url);
    if (!r) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'noBackend', message: 'no server process is answering' }));
      return;
    }
    req.url = r.path;
    proxy.web(req, res, { target: r.backend.target });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const r = route(req.url);
    if (!r) return void socket.destroy();
    req.url = r.path;
    proxy.ws(req, socket, head, { target: r.backend.target });
  });

  const check = async () => {
    await Promise.all(
      opts.backends.map(async (b) => {
        const ok = await fetch(`${b.target}/api/health`, { signal: AbortSignal.timeout(900) }).then(
          (res) => res.ok,
          () => false,
        );
        if (ok) live.add(b);
        else live.delete(b);
      }),
    );
  };
  const timer = setInterval(() => void check(), HEALTH_EVERY_MS);
  timer.unref();

  await new Promise<void>((resolve) => server.listen(opts.port, opts.host, resolve));
  const { port } = server.address() as { port: number };
  return {
    server,
    url: `http://${opts.host}:${port}`,
    close: async () => {
      clearInterval(timer);
      proxy.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
