import express, { type Application, type Response } from 'express';
import { sendCsv } from './sendCsv.ts';
import { z } from 'zod';
import { RecordUpdate, type ConsultationRecordView } from '../../../shared/protocol/index.ts';
import type { RecordService } from '../services/recordService.ts';
import { sendRefusal } from './refusals.ts';
import type { AuthService } from '../auth/authService.ts';
import { formatIssues } from '../rooms/common/formatIssues.ts';
import { staffGuard, type Authed } from './staffGuard.ts';

const TicketParam = z.object({ ticketId: z.coerce.number().int().positive() });

const fail = sendRefusal;

const COLUMNS: (keyof ConsultationRecordView)[] = [
  'ticketId',
  'ticketNumber',
  'counterId',
  'procedureId',
  'staffId',
  'startedAt',
  'updatedAt',
  'outcome',
  'referredTo',
  'notes',
  'rating',
  'ratingComment',
];

/** Consultation records: staff read and write their own; admins read and export all. Never residents. */
export function mountRecordRoutes(
  app: Application,
  deps: { auth: AuthService; records: RecordService },
): void {
  const signedIn = staffGuard(deps.auth);
  const json = express.json({ limit: '16kb' });

  app.get('/api/records', signedIn(), async (req: Authed, res: Response) => {
    res.json(await deps.records.list(req.staff!));
  });

  app.get('/api/records/export.csv', signedIn('manageStaff'), async (_req: Authed, res: Response) => {
    const rows = await deps.records.all();
    sendCsv(res, 'consultation-records.csv', [COLUMNS, ...rows.map((r) => COLUMNS.map((c) => r[c]))]);
  });

  app.get('/api/records/:ticketId', signedIn(), async (req: Authed, res: Response) => {
    const p = TicketParam.safeParse(req.params);
    if (!p.success) return void res.status(400).json({ error: 'badRequest', message: formatIssues(p.error) });
    await deps.records.read(req.staff!, p.data.ticketId).then(
      (r) => res.json(r),
      (e: unknown) => fail(res, e),
    );
  });

  app.put('/api/records/:ticketId', json, signedIn(), async (req: Authed, res: Response) => {
    const p = TicketParam.safeParse(req.params);
    const body = RecordUpdate.safeParse(req.body);
    if (!p.success || !body.success) {
      const error = !p.success ? p.error : body.error!;
      return void res.status(400).json({ error: 'badRequest', message: formatIssues(error) });
    }
    await deps.records.update(req.staff!, p.data.ticketId, body.data).then(
      (r) => res.json(r),
      (e: unknown) => fail(res, e),
    );
  });
}
