import type { Application, NextFunction, Request, Response } from 'express';

/** Unknown API paths and thrown errors answer JSON with a clear message, never an HTML error page. */
export function mountApiFallbacks(app: Application): void {
  app.use('/api', (req: Request, res: Response) => {
    res.status(404).json({ error: 'notFound', message: `No API route ${req.method} ${req.originalUrl}` });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
    res.status(status >= 400 && status < 600 ? status : 500).json({
      error: status < 500 ? 'badRequest' : 'internal',
      message: status < 500 && err instanceof Error ? err.message : 'Internal server error',
    });
  });
}
