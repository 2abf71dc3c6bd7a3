import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuthService } from '../auth/authService.ts';
import type { AnnouncementService } from '../services/announcementService.ts';
import type { AnnouncementBoard } from '../services/announcementBoard.ts';
import type { Logger } from '../logger.ts';
import { recordChange, type AuditLog } from '../services/auditLog.ts';
import { NewAnnouncement } from '../../../shared/protocol/announcements.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { staffGuard, type Authed } from './staffGuard.ts';

const IdParam = z.object({ id: z.coerce.number().int().positive('not an announcement id') });

/**
 * Announcements: hosts and admins send, schedule and end them; everyone reads what shows now and what
 * was announced today (the hall itself pushes changes to everyone in it, in every room and process).
 */
export function mountAnnouncementRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    announcements: AnnouncementService;
    board: AnnouncementBoard;
    log: Logger;
    audit: AuditLog;
  },
): void {
  const { announcements, board } = deps;
  const signedIn = staffGuard(deps.auth);
  const json = express.json({ limit: '16kb' });

  app.get('/api/announcements', async (_req: Request, res: Response) => {
    const recent = await announcements.since(24);
    res.setHeader('Cache-Control', 'no-cache');
    res.json({
      current: board.current(),
      recent: recent.map(({ id, severity, texts, startsAt, endsAt }) => ({
        id,
        severity,
        texts,
        startsAt,
        endsAt,
      })),
    });
  });

  app.get('/api/announcements/all', signedIn('announce'), async (_req: Request, res: Response) => {
    res.json({ notOver: await announcements.notOver(), past: await announcements.since(24 * 30) });
  });

  app.post('/api/announcements', json, signedIn('announce'), async (req: Authed, res: Response) => {
    const parsed = NewAnnouncement.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    try {
      const made = await announcements.create(parsed.data, req.staff!);
      deps.log.info(`announcement ${made.id} (${made.severity}) from staff ${req.staff!.id}`);
      await recordChange(deps.audit, deps.log, {
        actor: req.staff!.username,
        action: 'announcement.create',
        subject: `announcement ${made.id}`,
        detail: { severity: made.severity, startsAt: made.startsAt, endsAt: made.endsAt, ja: made.texts.ja },
      });
      await board.reload();
      res.status(201).json(made);
    } catch (err) {
      sendRefusal(res, err);
    }
  });

  app.post('/api/announcements/:id/end', signedIn('announce'), async (req: Authed, res: Response) => {
    const parsed = IdParam.safeParse(req.params);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    try {
      const ended = await announcements.end(parsed.data.id, req.staff!);
      deps.log.info(`announcement ${ended.id} ended by staff ${req.staff!.id}`);
      await recordChange(deps.audit, deps.log, {
        actor: req.staff!.username,
        action: 'announcement.end',
        subject: `announcement ${ended.id}`,
      });
      await board.reload();
      res.json(ended);
    } catch (err) {
      sendRefusal(res, err);
    }
  });
}
