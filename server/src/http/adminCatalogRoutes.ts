import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { sendCsv } from './sendCsv.ts';
import { z } from 'zod';
import type { AuthService } from '../auth/authService.ts';
import type { CatalogService } from '../services/catalogService.ts';
import { recordChange, type AuditLog } from '../services/auditLog.ts';
import type { Logger } from '../logger.ts';
import { writeCatalog } from '../../../shared/catalog/catalogCsvWrite.ts';
import {
  MAX_SHEET_BYTES,
  SHEET_FILES,
  SheetFile,
  SheetUpload,
  type CatalogOverview,
  type SheetProblem,
  type SheetRefusal,
  type SheetUploadResult,
} from '../../../shared/protocol/admin.ts';
import { checkUpload, kindOfSheet, sheetSummaries } from '../catalog/catalogUpload.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { staffGuard, type Authed } from './staffGuard.ts';

/** Every sheet at its largest, with room for JSON's escapes of quotes and line breaks. */
const MAX_BODY_BYTES = Math.ceil(SHEET_FILES.length * MAX_SHEET_BYTES * 1.25);
/** A file with thousands of bad rows is one mistake; the first ones say what it is. */
const MAX_LISTED = 200;

const FileParam = z.strictObject({ file: SheetFile });

function refuse(
  res: Response,
  status: number,
  body: Omit<SheetRefusal, 'more' | 'problems'>,
  problems: SheetProblem[],
) {
  const answer: SheetRefusal = {
    ...body,
    problems: problems.slice(0, MAX_LISTED),
    more: Math.max(0, problems.length - MAX_LISTED),
  };
  res.status(status).json(answer);
}

/**
 * The catalogue's sheets in the admin console: download each as stored, upload one or several. An
 * upload is checked whole against the stored rest first; with any problem nothing is stored and every
 * problem comes back with its file, line and reason. A stored upload raises the catalogue's revision,
 * which every other process notices (see catalogWatch.ts).
 */
export function mountAdminCatalogRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    catalog: CatalogService;
    /** The counters of the hall now: departments may only name these. */
    counterIds: () => ReadonlySet<string>;
    audit: AuditLog;
    log: Logger;
  },
): void {
  const { catalog } = deps;
  const admin = staffGuard(deps.auth)('manageCatalog');
  const json = express.json({ limit: MAX_BODY_BYTES });
  // The session is checked before the body is read: nobody else makes the server parse megabytes.
  const sheetsBody = (req: Request, res: Response, next: NextFunction) =>
    json(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') {
        return refuse(
          res,
          413,
          { error: 'tooLarge', message: `an upload is at most ${MAX_BODY_BYTES} bytes` },
          [],
        );
      }
      sendBadRequest(res, type === 'entity.parse.failed' ? 'the body is not valid JSON' : 'unreadable body');
    });

  app.get('/api/admin/catalog', admin, async (_req: Request, res: Response) => {
    await catalog.refresh();
    const { departments } = catalog.get();
    const overview: CatalogOverview = {
      revision: catalog.revision(),
      sheets: sheetSummaries(catalog.get()),
      departments: departments.map((d) => ({ id: d.id, name: d.name })),
    };
    res.json(overview);
  });

  app.get('/api/admin/catalog/:file', admin, async (req: Request, res: Response) => {
    const p = FileParam.safeParse(req.params);
    if (!p.success) return sendBadRequest(res, p.error);
    await catalog.refresh();
    const text = writeCatalog(catalog.get())[kindOfSheet(p.data.file)];
    sendCsv(res, p.data.file, text);
  });

  app.post('/api/admin/catalog', admin, sheetsBody, async (req: Authed, res: Response) => {
    const parsed = SheetUpload.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    const { sheets, checkOnly } = parsed.data;
    await catalog.refresh();
    const base = catalog.revision();
    const check = checkUpload(sheets, catalog.get(), deps.counterIds());
    if (!check.ok) {
      const tooLarge = check.problems.some((p) => p.line === null && p.reason.startsWith('larger'));
      return refuse(
        res,
        tooLarge ? 413 : 422,
        {
          error: tooLarge ? 'tooLarge' : 'invalidSheets',
          message: `${check.problems.length} problem(s): nothing was changed`,
        },
        check.problems,
      );
    }
    const uploaded = sheets.map((s) => s.file);
    const summaries = sheetSummaries(check.catalog);
    const result: SheetUploadResult = { stored: !checkOnly, uploaded, sheets: summaries };
    if (checkOnly) return void res.json(result);
    try {
      await catalog.replace(check.catalog, base);
    } catch (err) {
      return sendRefusal(res, err);
    }
    void catalog
      .ensureReadings()
      .catch((err: unknown) => deps.log.warn('furigana for the uploaded catalogue failed', err));
    await recordChange(deps.audit, deps.log, {
      actor: req.staff!.username,
      action: 'catalog.upload',
      subject: uploaded.join(' '),
      detail: { sheets: summaries.filter((s) => uploaded.includes(s.file)) },
    });
    res.json(result);
  });
}
