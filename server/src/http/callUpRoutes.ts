import express, { type Application, type Request, type Response } from 'express';
import { sendCsv } from './sendCsv.ts';
import { z } from 'zod';
import type { AuthService } from '../auth/authService.ts';
import type { CallUpService } from '../services/callUpService.ts';
import type { Logger } from '../logger.ts';
import { recordChange, type AuditLog } from '../services/auditLog.ts';
import { CallUpAnswer, NewCallUp } from '../../../shared/protocol/callups.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { staffGuard, type Authed } from './staffGuard.ts';

const IdParam = z.object({ id: z.coerce.number().int().positive('not a call-up id') });

/**
 * Staff call-up (非常時職員参集): admins send and close call-ups and read the tally (live, by polling)
 * and its CSV; every signed-in staff member reads the call-ups that reach them and answers.
 */
export function mountCallUpRoutes(
  app: Application,
  deps: { auth: AuthService; callUps: CallUpService; log: Logger; audit: AuditLog },
): void {
  const { callUps } = deps;
  const signedIn = staffGuard(deps.auth);
  const json = express.json({ limit: '8kb' });
  const withId =
    (run: (id: number, req: Authed, res: Response) => Promise<void>) =>
    async (req: Authed, res: Response) => {
      const p = IdParam.safeParse(req.params);
      if (!p.success) return sendBadRequest(res, p.error);
      await run(p.data.id, req, res).catch((err: unknown) => sendRefusal(res, err));
    };

  app.post('/api/callups', json, signedIn('callUpStaff'), async (req: Authed, res: Response) => {
    const parsed = NewCallUp.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    await callUps.send(parsed.data, req.staff!).then(
      async (made) => {
        deps.log.warn(`staff call-up ${made.id} sent by staff ${req.staff!.id}`);
        await recordChange(deps.audit, deps.log, {
          actor: req.staff!.username,
          action: 'callup.send',
          subject: `call-up ${made.id}`,
          detail: { department: made.department, message: made.message },
        });
        res.status(201).json(made);
      },
      (err: unknown) => sendRefusal(res, err),
    );
  });

  app.get('/api/callups', signedIn('callUpStaff'), async (_req: Request, res: Response) => {
    res.json(await callUps.list());
  });

  app.post(
    '/api/callups/:id/close',
    signedIn('callUpStaff'),
    withId(async (id, req, res) => {
      const closed = await callUps.close(id);
      await recordChange(deps.audit, deps.log, {
        actor: req.staff!.username,
        action: 'callup.close',
        subject: `call-up ${id}`,
      });
      res.json(closed);
    }),
  );

  app.get(
    '/api/callups/:id/tally',
    signedIn('callUpStaff'),
    withId(async (id, _req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await callUps.tally(id));
    }),
  );

  app.get(
    '/api/callups/:id/export.csv',
    signedIn('callUpStaff'),
    withId(async (id, _req, res) => {
      const tally = await callUps.tally(id);
      const rows = tally.answers.map((a) => [
        a.displayName,
        a.department,
        a.status ?? 'noAnswer',
        a.minutes,
        a.answeredAt,
      ]);
      sendCsv(res, `callup-${id}.csv`, [['name', 'department', 'answer', 'minutes', 'answered_at'], ...rows]);
    }),
  );

  app.get('/api/callups/mine', signedIn(), async (req: Authed, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await callUps.openFor(req.staff!.id));
  });

  app.post(
    '/api/callups/:id/answer',
    json,
    signedIn(),
    withId(async (id, req, res) => {
      const parsed = CallUpAnswer.safeParse(req.body);
      if (!parsed.success) return sendBadRequest(res, parsed.error);
      await callUps.answer(id, req.staff!.id, parsed.data);
      res.status(204).end();
    }),
  );
}
