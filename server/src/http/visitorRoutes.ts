import type { Application, Request, Response } from 'express';
import type { VisitorTokens } from '../auth/visitorTokens.ts';
import { requestAddress } from './clientAddress.ts';
import { sendRefusal } from './refusals.ts';

/**
 * A visitor identity for a page that books or joins a briefing without entering the hall first (the
 * hall hands one out on entry). New identities are counted per address, so a loop asking for fresh ones
 * to escape per-person limits runs out quickly.
 */
export function mountVisitorRoutes(app: Application, deps: { visitors: VisitorTokens }): void {
  app.post('/api/visitor', async (req: Request, res: Response) => {
    await deps.visitors.issue(requestAddress(req)).then(
      ({ token }) => res.status(201).set('cache-control', 'no-store').json({ visitorToken: token }),
      (err: unknown) => sendRefusal(res, err),
    );
  });
}
