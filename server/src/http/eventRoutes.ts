import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import { NewEvent, type EventView } from '../../../shared/protocol/index.ts';
import type { EventService } from '../services/eventService.ts';
import { sendRefusal } from './refusals.ts';
import type { AuthService } from '../auth/authService.ts';
import { formatIssues } from '../rooms/common/formatIssues.ts';
import { staffGuard, type Authed } from './staffGuard.ts';
import { buildIcs } from '../services/ics.ts';
import { can } from '../../../shared/auth/roles.ts';
import { languageOf } from './requestLanguage.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import { localized } from '../../../shared/i18n/localized.ts';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

const refused = sendRefusal;

/** Briefings over HTTP: hosts (and admins) create, start and end them; everyone lists them and gets an .ics. */
export function mountEventRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    events: EventService;
    /** For the calendar file's location: the hall's and the auditorium's names. */
    hall: Hall;
    /** Opens the event's stage before it is saved as live; an error leaves the event scheduled. */
    beforeLive?(e: EventView): Promise<(() => Promise<void>) | void>;
    /** Closes the stage and the briefing room once the event is saved as ended. */
    afterEnd?(e: EventView): Promise<void>;
    /** Once a briefing is saved as created, live or ended (and its room closed): tells the hall. */
    onChange?(e: EventView): void;
  },
): void {
  const signedIn = staffGuard(deps.auth);
  const json = express.json({ limit: '16kb' });
  const id = (req: Request, res: Response) => {
    const p = IdParam.safeParse(req.params);
    if (!p.success) res.status(400).json({ error: 'badRequest', message: formatIssues(p.error) });
    return p.success ? p.data.id : null;
  };

  app.get('/api/events', async (_req: Request, res: Response) => {
    res.json(await deps.events.upcoming(Date.now()));
  });

  app.post('/api/events', json, signedIn('hostEvents'), async (req: Authed, res: Response) => {
    const body = NewEvent.safeParse(req.body);
    if (!body.success)
      return void res.status(400).json({ error: 'badRequest', message: formatIssues(body.error) });
    const accounts = await deps.auth.listAccounts();
    const notHosts = body.data.presenters.filter(
      (u) => !accounts.some((a) => a.username === u && can(a.role, 'hostEvents')),
    );
    if (notHosts.length > 0) {
      return void res
        .status(400)
        .json({ error: 'badRequest', message: `presenters must be hosts or admins: ${notHosts.join(', ')}` });
    }
    const unknown = [...body.data.captioners, ...body.data.interpreters].filter(
      (u) => !accounts.some((a) => a.username === u),
    );
    if (unknown.length > 0) {
      return void res
        .status(400)
        .json({ error: 'badRequest', message: `no staff account: ${unknown.join(', ')}` });
    }
    await deps.events.create(body.data, req.staff!.id, Date.now()).then(
      (e) => {
        res.status(201).json(e);
        deps.onChange?.(e);
      },
      (e: unknown) => refused(res, e),
    );
  });

  app.get('/api/events/:id', async (req: Request, res: Response) => {
    const eventId = id(req, res);
    if (eventId !== null)
      await deps.events.get(eventId).then(
        (e) => res.json(e),
        (e: unknown) => refused(res, e),
      );
  });

  app.get('/api/events/:id/calendar.ics', async (req: Request, res: Response) => {
    const eventId = id(req, res);
    if (eventId === null) return;
    const lang = languageOf(req);
    const auditorium = deps.hall.layout.areas.filter((a) => a.kind === 'auditorium').map((a) => a.name);
    await deps.events.get(eventId).then(
      (e) => {
        res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="city-hall-event-${e.id}.ics"`);
        res.send(
          buildIcs({
            uid: `event-${e.id}@virtual-city-hall`,
            start: new Date(e.startsAt),
            end: new Date(e.endsAt),
            stamp: new Date(),
            summary: localized(lang, e.title),
            location: [deps.hall.layout.name, ...auditorium].map((n) => localized(lang, n)).join(' '),
            description: localized(lang, e.description),
          }),
        );
      },
      (e: unknown) => refused(res, e),
    );
  });

  for (const [path, status] of [
    ['start', 'live'],
    ['end', 'ended'],
  ] as const) {
    app.post(`/api/events/:id/${path}`, signedIn('hostEvents'), async (req: Authed, res: Response) => {
      const eventId = id(req, res);
      if (eventId === null) return;
      const prepare = status === 'live' ? deps.beforeLive : undefined;
      await deps.events
        .mustManage(eventId, req.staff!)
        .then(() => deps.events.setStatus(eventId, status, prepare))
        .then(
          async (e) => {
            if (status === 'ended') await deps.afterEnd?.(e);
            res.json(e);
            deps.onChange?.(e);
          },
          (e: unknown) => refused(res, e),
        );
    });
  }
}
