import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuthService } from '../auth/authService.ts';
import type { CatalogService } from '../services/catalogService.ts';
import type { DisasterService } from '../services/disasterService.ts';
import type { DisasterBoard } from '../services/disasterBoard.ts';
import type { Logger } from '../logger.ts';
import { recordChange, type AuditLog } from '../services/auditLog.ts';
import { DisasterOn, ShelterUpdate } from '../../../shared/protocol/disaster.ts';
import type { procedureLinks } from './catalogRoutes.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { staffGuard, type Authed } from './staffGuard.ts';

const ShelterParam = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a shelter id') });

/**
 * Disaster mode: admins switch it on (with a reason, and counters to relabel) and off, every switch
 * logged; anyone reads the disaster information (shelters with their state, hotlines, disaster
 * procedures); any signed-in staff member updates a shelter during the event.
 */
export function mountDisasterRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    catalog: CatalogService;
    disaster: DisasterService;
    board: DisasterBoard;
    withLinks: ReturnType<typeof procedureLinks>;
    log: Logger;
    audit: AuditLog;
  },
): void {
  const { catalog, disaster, board } = deps;
  const signedIn = staffGuard(deps.auth);
  const json = express.json({ limit: '8kb' });
  const refused = (res: Response) => (err: unknown) => sendRefusal(res, err);

  app.get('/api/disaster', async (_req: Request, res: Response) => {
    const status = new Map((await disaster.shelterStatus()).map((s) => [s.id, s]));
    const { shelters, hotlines, procedures } = catalog.get();
    res.setHeader('Cache-Control', 'no-cache');
    res.json({
      ...board.current(),
      shelters: shelters.map((s) => ({
        ...s,
        open: status.get(s.id)?.open ?? false,
        note: status.get(s.id)?.note ?? '',
        updatedAt: status.get(s.id)?.updatedAt ?? null,
      })),
      hotlines,
      procedures: procedures.filter((p) => p.disaster).map(deps.withLinks),
    });
  });

  app.post('/api/disaster/on', json, signedIn('disasterMode'), async (req: Authed, res: Response) => {
    const parsed = DisasterOn.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    await disaster.switchOn(parsed.data, req.staff!).then(async () => {
      deps.log.warn(`disaster mode switched on by staff ${req.staff!.id}`);
      await recordChange(deps.audit, deps.log, {
        actor: req.staff!.username,
        action: 'disaster.on',
        subject: 'disaster mode',
        detail: { reason: parsed.data.reason, counters: parsed.data.counters },
      });
      await board.reload();
      res.json(board.current());
    }, refused(res));
  });

  app.post('/api/disaster/off', signedIn('disasterMode'), async (req: Authed, res: Response) => {
    await disaster.switchOff(req.staff!).then(async () => {
      deps.log.warn(`disaster mode switched off by staff ${req.staff!.id}`);
      await recordChange(deps.audit, deps.log, {
        actor: req.staff!.username,
        action: 'disaster.off',
        subject: 'disaster mode',
      });
      await board.reload();
      res.json(board.current());
    }, refused(res));
  });

  app.get('/api/disaster/log', signedIn('disasterMode'), async (_req: Request, res: Response) => {
    res.json(await disaster.log());
  });

  app.put('/api/disaster/shelters/:id', json, signedIn(), async (req: Authed, res: Response) => {
    const id = ShelterParam.safeParse(req.params);
    if (!id.success) return sendBadRequest(res, id.error);
    const parsed = ShelterUpdate.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    if (!catalog.get().shelters.some((s) => s.id === id.data.id)) {
      return void res.status(404).json({ error: 'noSuchShelter', message: `no shelter "${id.data.id}"` });
    }
    res.json(await disaster.setShelter(id.data.id, parsed.data, req.staff!));
  });
}
