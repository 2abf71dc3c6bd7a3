import type { Application, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { matchMaker } from '@colyseus/core';

/** Methods that change something: a page of another site must not make a signed-in browser send them. */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The page and its API share one origin. Other origins get no CORS headers at all (Colyseus sends
 * `Access-Control-Allow-Origin: <any origin>` with credentials by default), unless ALLOWED_ORIGINS lists
 * them. Writes from another site are refused from the browser's own headers (Sec-Fetch-Site, Origin),
 * on top of the SameSite=Strict cookie; clients that are not browsers send neither and are not a
 * cross-site risk. Security headers come from helmet.
 */
export function mountOriginPolicy(
  app: Application,
  opts: { allowedOrigins: string[]; janusPublicUrls: string[]; trustProxy: boolean },
): void {
  const allowed = new Set(opts.allowedOrigins);
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = {};
  matchMaker.controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get('origin');
    if (!origin || !allowed.has(origin)) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization',
      'Access-Control-Allow-Methods': 'GET,HEAD,PUT,POST,DELETE',
      Vary: 'Origin',
    };
  };

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!WRITES.has(req.method)) return next();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    // Behind a TLS proxy the scheme differs from ours; the host is what tells sites apart here.
    const forwarded = opts.trustProxy ? req.headers['x-forwarded-host'] : undefined;
    const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? req.headers.host;
    const hostOf = (o: string) => URL.parse(o)?.host;
    const sameOrigin =
      origin === undefined
        ? site === undefined || site === 'same-origin' || site === 'none'
        : hostOf(origin) === host || allowed.has(origin);
    if (sameOrigin) return next();
    res.status(403).json({
      error: 'crossOrigin',
      message: 'Requests that change something must come from this site’s own pages',
    });
  });

  const janus = [...new Set(opts.janusPublicUrls.map((u) => new URL(u).origin))];
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          // No inline or evaluated scripts. Styles: React and the 3D view set style attributes.
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // The room sockets are same-origin; the briefing stage talks to Janus where it is published.
          connectSrc: ["'self'", ...janus.flatMap((o) => [o, o.replace(/^http/, 'ws')])],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Served over plain HTTP on a LAN or localhost too; TLS is the proxy's business.
          upgradeInsecureRequests: null,
        },
      },
      // Slide images and the PDF worker are same-origin; nothing is embedded from elsewhere.
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: false,
    }),
  );
}
