import { sendBadRequest } from './refusals.ts';
import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import type { CatalogService } from '../services/catalogService.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { Procedure } from '../../../shared/catalog/catalogSchema.ts';
import { LANGUAGES } from '../../../shared/constants.ts';
import { localDay } from '../../../shared/hours/openingHours.ts';
import { requestAddress } from './clientAddress.ts';

const SearchQuery = z.strictObject({
  q: z.string().trim().max(100, 'q is at most 100 characters').optional(),
  lang: z.enum(LANGUAGES).default('ja'),
  department: z.string().max(64).optional(),
});
const IdParam = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a procedure id') });
const ChecklistBody = z.strictObject({
  lifeEventId: z.string().max(64),
  answers: z.record(z.string().max(64), z.boolean()).default({}),
});

/** A procedure as the API gives it: with its full online link and the counter that serves it. */
export function procedureLinks(catalog: CatalogService, onlineBaseUrl: string) {
  const base = onlineBaseUrl.replace(/\/$/, '');
  return (p: Procedure) => {
    const department = catalog.get().departments.find((d) => d.id === p.departmentId);
    return {
      ...p,
      onlineUrl: p.onlinePath ? base + p.onlinePath : null,
      counterId: department?.counterId ?? null,
    };
  };
}

/**
 * Catalogue API: counters with what they handle, procedure search and detail, life events and the
 * one-stop checklist. Every parameter is validated; a bad one gets 400 with the reason.
 */
export function mountCatalogRoutes(
  app: Application,
  deps: {
    catalog: CatalogService;
    hall: Hall;
    onlineBaseUrl: string;
    /** In disaster mode procedures for disaster victims come first in search. */
    disasterOn?: () => boolean;
    /** Counts a checklist made, anonymously (the city's figures); the address only limits the counting. */
    countChecklist?: (address: string, lifeEventId: string) => void;
  },
): void {
  const { catalog, hall } = deps;
  const withLinks = procedureLinks(catalog, deps.onlineBaseUrl);

  app.get('/api/counters', (_req: Request, res: Response) => {
    const { departments, procedures } = catalog.get();
    res.json(
      hall.layout.counters.map((c) => {
        const served = departments.filter((d) => d.counterId === c.id);
        return {
          id: c.id,
          number: c.number,
          name: c.name,
          handles: c.handles,
          areaId: c.areaId,
          serviceSpot: c.serviceSpot,
          departments: served.map((d) => ({ id: d.id, name: d.name, description: d.description })),
          procedures: procedures
            .filter((p) => served.some((d) => d.id === p.departmentId))
            .map((p) => ({ id: p.id, name: p.name, summary: p.summary, channel: p.channel })),
        };
      }),
    );
  });

  app.get('/api/procedures', (req: Request, res: Response) => {
    const parsed = SearchQuery.safeParse(req.query);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    const { q, department } = parsed.data;
    if (q) {
      const first = deps.disasterOn?.() ?? false;
      const hits = catalog
        .search(q)
        .filter((h) => !department || h.procedure.departmentId === department)
        // A stable sort: among disaster procedures and among the rest, the search's own order stays.
        .sort((a, b) => (first ? Number(b.procedure.disaster) - Number(a.procedure.disaster) : 0))
        .map((h) => ({ ...withLinks(h.procedure), score: h.score }));
      return void res.json({ query: q, results: hits });
    }
    const all = catalog.get().procedures.filter((p) => !department || p.departmentId === department);
    res.json({ query: null, results: all.map(withLinks) });
  });

  app.get('/api/procedures/:id', (req: Request, res: Response) => {
    const parsed = IdParam.safeParse(req.params);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    const p = catalog.get().procedures.find((x) => x.id === parsed.data.id);
    if (!p)
      return void res.status(404).json({ error: 'notFound', message: `No procedure "${parsed.data.id}"` });
    res.json(withLinks(p));
  });

  // Counted without personal data: which procedure, which day, how many times.
  app.post('/api/procedures/:id/link-opened', async (req: Request, res: Response) => {
    const parsed = IdParam.safeParse(req.params);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    const p = catalog.get().procedures.find((x) => x.id === parsed.data.id);
    if (!p)
      return void res.status(404).json({ error: 'notFound', message: `No procedure "${parsed.data.id}"` });
    if (!p.onlinePath) return sendBadRequest(res, `procedure "${p.id}" has no online application`);
    await catalog.countLinkOpen(p.id, localDay(new Date(), hall.layout.timeZone));
    res.status(204).end();
  });

  // Furigana for the catalogue's Japanese texts, fetched by a browser once a resident turns it on.
  app.get('/api/catalog/readings', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(catalog.readings());
  });

  app.get('/api/life-events', (_req: Request, res: Response) => {
    res.json(catalog.get().lifeEvents);
  });

  app.post('/api/checklists', express.json({ limit: '8kb' }), (req: Request, res: Response) => {
    const parsed = ChecklistBody.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    const result = catalog.checklist(parsed.data.lifeEventId, parsed.data.answers);
    if (!result.ok) {
      const p = result.problem;
      const message =
        p.kind === 'unknownLifeEvent'
          ? `unknown life event "${p.lifeEventId}"`
          : p.kind === 'missingAnswer'
            ? `answer the question "${p.questionId}" (true or false)`
            : `"${p.questionId}" is not a question of this life event`;
      return void res.status(p.kind === 'unknownLifeEvent' ? 404 : 400).json({ error: p.kind, message });
    }
    deps.countChecklist?.(requestAddress(req), parsed.data.lifeEventId);
    const { checklist } = result;
    res.json({
      ...checklist,
      groups: checklist.groups.map((g) => ({
        department: g.department,
        items: g.items.map((i) => ({ ...withLinks(i.procedure), note: i.note })),
      })),
    });
  });
}
