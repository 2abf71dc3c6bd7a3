import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Application, type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * Serves the built client. Hashed assets are cached for a year; index.html never, so a deploy is
 * picked up on the next visit. Unknown page paths fall back to index.html (client-side routes). Text
 * assets go out as the brotli or gzip copies the build made (Content-Encoding, Vary: Accept-Encoding),
 * plain only to a browser that accepts neither.
 */
export function mountStaticClient(app: Application, dir: string): boolean {
  const root = resolve(dir);
  const index = resolve(root, 'index.html');
  if (!existsSync(index)) return false;
  const precompressed = { enableBrotli: true, orderPreference: ['br', 'gz'], index: false as const };
  app.use(
    '/assets',
    expressStaticGzip(resolve(root, 'assets'), {
      ...precompressed,
      serveStatic: { immutable: true, maxAge: '365d', fallthrough: false },
    }),
  );
  app.use(expressStaticGzip(root, { ...precompressed, serveStatic: { index: false, maxAge: 0 } }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = req.method === 'GET' && req.accepts('html') === 'html';
    if (!isPage || req.path.startsWith('/api/') || req.path.startsWith('/matchmake')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
