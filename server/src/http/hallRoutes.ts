import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuthService } from '../auth/authService.ts';
import type { Logger } from '../logger.ts';
import { getHall, hallVersion } from '../../../shared/layout/hallLayout.ts';
import { formatLayoutJson } from '../../../shared/layout/layoutJson.ts';
import { LayoutUpload, type HallLayoutResponse } from '../../../shared/protocol/hallLayout.ts';
import type { HallLayoutService } from '../hall/hallLayoutService.ts';
import type { HallLayoutBoard } from '../hall/hallLayoutBoard.ts';
import { furiganaFor } from '../i18n/furigana.ts';
import type { Readings } from '../../../shared/i18n/ruby.ts';
import { japaneseTexts } from '../../../shared/i18n/localized.ts';
import { recordChange, type AuditLog } from '../services/auditLog.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { staffGuard, type Authed } from './staffGuard.ts';

const DraftParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

/**
 * The hall plan as data: everyone reads the layout in use (the client draws it; no rebuild to change
 * it); admins upload a layout, see its problems or a preview with what changes, and put it live.
 */
export function mountHallRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    layouts: HallLayoutService;
    board: HallLayoutBoard;
    audit: AuditLog;
    log: Logger;
  },
): void {
  const { layouts, board } = deps;
  const admin = staffGuard(deps.auth)('manageHall');
  // A hall file is tens of KB; the upload carries it as text inside JSON.
  const json = express.json({ limit: '1200kb' });
  const refused = (res: Response) => (err: unknown) => sendRefusal(res, err);

  app.get('/api/hall', (req: Request, res: Response) => {
    const version = hallVersion();
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', `"${version}"`);
    if (req.headers['if-none-match'] === `"${version}"`) return void res.status(304).end();
    const body: HallLayoutResponse = { version, layout: getHall().layout };
    res.json(body);
  });

  // Furigana for the plan's names (counters, areas), made once per layout and only when someone asks.
  let readings: { version: string; made: Promise<Readings> } | null = null;
  app.get('/api/hall/readings', async (_req: Request, res: Response) => {
    const version = hallVersion();
    if (readings?.version !== version) {
      const made = furiganaFor(japaneseTexts(getHall().layout));
      readings = { version, made };
      made.catch(() => {
        if (readings?.made === made) readings = null;
      });
    }
    await readings.made.then(
      (value) => {
        res.setHeader('Cache-Control', 'no-cache');
        res.json(value);
      },
      (err: unknown) => {
        deps.log.warn('furigana for the hall plan failed', err);
        res.status(503).json({ error: 'unavailable', message: 'readings are not available now' });
      },
    );
  });

  app.get('/api/admin/hall/layout.json', admin, (_req: Request, res: Response) => {
    const { layout } = getHall();
    res.setHeader('Content-Disposition', `attachment; filename="${layout.id}.json"`);
    res.type('application/json').send(formatLayoutJson(layout));
  });

  app.post('/api/admin/hall/drafts', admin, json, async (req: Authed, res: Response) => {
    const parsed = LayoutUpload.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    const draft = await layouts.upload(parsed.data, req.staff!.username);
    if (draft.problems.length > 0) return void res.status(422).json(draft);
    await recordChange(deps.audit, deps.log, {
      actor: req.staff!.username,
      action: 'layout.upload',
      subject: parsed.data.fileName,
      detail: `draft ${draft.id}, ${draft.changes.length} changes`,
    });
    res.status(201).json(draft);
  });

  app.post('/api/admin/hall/drafts/:id/live', admin, async (req: Authed, res: Response) => {
    const p = DraftParam.safeParse(req.params);
    if (!p.success) return sendBadRequest(res, p.error);
    await layouts.putLive(p.data.id, req.staff!.username).then(async (live) => {
      await recordChange(deps.audit, deps.log, {
        actor: req.staff!.username,
        action: 'layout.publish',
        subject: `draft ${p.data.id}`,
        detail: `layout ${live.layout.id}, version ${live.version}`,
      });
      deps.log.warn(`hall layout ${live.version} put live by staff ${req.staff!.id}`);
      // This process at once; the others within the board's reload interval.
      await board.reload();
      res.json({ version: hallVersion() });
    }, refused(res));
  });
}
