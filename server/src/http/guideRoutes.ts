import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import type { CatalogService } from '../services/catalogService.ts';
import type { GuideService } from '../services/guideService.ts';
import type { AuthService } from '../auth/authService.ts';
import type { SharedLimiter } from '../limits/sharedLimiter.ts';
import { GuideQuestion } from '../../../shared/protocol/guide.ts';
import type { procedureLinks } from './catalogRoutes.ts';
import { requestAddress } from './clientAddress.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { staffGuard } from './staffGuard.ts';
import type { UsageRecorder } from '../services/usageCounts.ts';

const UnansweredQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * The information desk's guide: residents ask (no sign-in, counted per address), the answer comes with
 * the procedures, life events and counters it leads to; admins read what it could not answer.
 */
export function mountGuideRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    catalog: CatalogService;
    guide: GuideService;
    questionsAsked: SharedLimiter;
    withLinks: ReturnType<typeof procedureLinks>;
    /** Counts questions answered and not, per day (the city's figures). */
    usage?: UsageRecorder;
  },
): void {
  const { catalog, guide, withLinks } = deps;
  const signedIn = staffGuard(deps.auth);
  const procedures = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const p = catalog.get().procedures.find((x) => x.id === id);
      return p ? [withLinks(p)] : [];
    });

  // The questions residents can pick instead of typing: the first way each answer is asked.
  app.get('/api/guide/questions', (_req: Request, res: Response) => {
    res.json(catalog.get().faq.map((f) => ({ id: f.id, questions: f.questions })));
  });

  app.post('/api/guide/questions', express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const parsed = GuideQuestion.safeParse(req.body);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    try {
      const reply = await deps.questionsAsked.counted(requestAddress(req), 'questions', async () => {
        const found = guide.ask(parsed.data.question);
        const answered =
          found.answer !== null || found.procedureIds.length > 0 || found.lifeEventIds.length > 0;
        deps.usage?.record(answered ? 'guideAnswered' : 'guideUnanswered');
        if (!answered) await guide.countUnanswered(parsed.data.question);
        const a = found.answer?.entry;
        return {
          answered,
          answer: a
            ? {
                id: a.id,
                text: a.answer,
                procedures: procedures(a.procedureIds),
                lifeEventIds: a.lifeEventIds,
                counterIds: a.counterIds,
              }
            : null,
          related: found.related.map((m) => ({ id: m.entry.id, questions: m.entry.questions })),
          procedures: procedures(found.procedureIds),
          lifeEventIds: found.lifeEventIds,
        };
      });
      res.json(reply);
    } catch (err) {
      sendRefusal(res, err);
    }
  });

  app.get('/api/guide/unanswered', signedIn('manageStaff'), async (req: Request, res: Response) => {
    const parsed = UnansweredQuery.safeParse(req.query);
    if (!parsed.success) return sendBadRequest(res, parsed.error);
    res.json(await guide.topUnanswered(parsed.data.days, parsed.data.limit));
  });
}
