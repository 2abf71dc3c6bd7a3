import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import { BookingCode, NewBooking, NewSlot } from '../../../shared/protocol/index.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { BookingService } from '../services/bookingService.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import type { CatalogService } from '../services/catalogService.ts';
import type { AuthService } from '../auth/authService.ts';
import type { VisitorTokens } from '../auth/visitorTokens.ts';
import type { CodeGuessGuard } from '../limits/codeGuesses.ts';
import type { SharedLimiter } from '../limits/sharedLimiter.ts';
import { requestAddress } from './clientAddress.ts';
import { staffGuard, type Authed } from './staffGuard.ts';
import { buildIcs } from '../services/ics.ts';
import { languageOf } from './requestLanguage.ts';
import { calendarText } from '../../../shared/i18n/calendarTexts.ts';
import { localized } from '../../../shared/i18n/localized.ts';

const CounterQuery = z.strictObject({
  counter: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a counter id'),
});
const CodeParam = z.object({ code: BookingCode });
const SlotParam = z.object({ id: z.coerce.number().int().positive() });

const refused = sendRefusal;

/**
 * Reservations: staff publish slots; residents book with a nickname (contact optional), get a code and
 * an .ics file, and cancel with the code. The code is the only key to a booking.
 */
export function mountBookingRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    visitors: VisitorTokens;
    codeGuesses: CodeGuessGuard;
    /** Bookings made per address (one point each; a refused booking gives it back). */
    bookingsMade: SharedLimiter;
    bookings: BookingService;
    catalog: CatalogService;
    hall: Hall;
    publicUrl?: string;
    /** Whether a staff member works the counter now: only they (and admins) see who booked it. */
    worksAt(staffId: number, counterId: string): boolean;
  },
): void {
  const signedIn = staffGuard(deps.auth);
  const json = express.json({ limit: '4kb' });
  const counterOf = (id: string) => deps.hall.layout.counters.find((c) => c.id === id);
  const procedureAt = (procedureId: string | null, counterId: string) => {
    if (!procedureId) return true;
    const p = deps.catalog.get().procedures.find((x) => x.id === procedureId);
    const d = p && deps.catalog.get().departments.find((x) => x.id === p.departmentId);
    return d?.counterId === counterId;
  };

  app.post('/api/slots', json, signedIn('workCounter'), async (req: Authed, res: Response) => {
    const body = NewSlot.safeParse(req.body);
    if (!body.success) return sendBadRequest(res, body.error);
    if (!counterOf(body.data.counterId)) return sendBadRequest(res, `no counter "${body.data.counterId}"`);
    if (!procedureAt(body.data.procedureId, body.data.counterId)) {
      return sendBadRequest(res, `procedure "${body.data.procedureId}" is not handled at that counter`);
    }
    await deps.bookings.publish(body.data, req.staff!.id, Date.now()).then(
      (slot) => res.status(201).json(slot),
      (e: unknown) => refused(res, e),
    );
  });

  app.get('/api/slots', async (req: Request, res: Response) => {
    const q = CounterQuery.safeParse(req.query);
    if (!q.success) return sendBadRequest(res, q.error);
    res.json(await deps.bookings.slots(q.data.counter, Date.now()));
  });

  app.get('/api/slots/:id/bookings', signedIn('workCounter'), async (req: Authed, res: Response) => {
    const p = SlotParam.safeParse(req.params);
    if (!p.success) return sendBadRequest(res, p.error);
    const slot = await deps.bookings.slotById(p.data.id);
    if (!slot) return void res.status(404).json({ error: 'noSuchSlot', message: `no slot ${p.data.id}` });
    // Nicknames and contacts are for the staff of that counter, while they work it.
    const staff = req.staff!;
    if (staff.role !== 'admin' && !deps.worksAt(staff.id, slot.counterId)) {
      return void res.status(403).json({
        error: 'forbidden',
        message: 'only staff on duty at this counter (and admins) see its bookings',
      });
    }
    res.json(await deps.bookings.bookingsOf(p.data.id));
  });

  app.post('/api/bookings', json, async (req: Request, res: Response) => {
    const body = NewBooking.safeParse(req.body);
    if (!body.success) return sendBadRequest(res, body.error);
    // One booking per person and slot: the person is the visitor the server issued the token to.
    const visitor = deps.visitors.check(body.data.visitorToken);
    if (!visitor) {
      return void res.status(401).json({
        error: 'visitorTokenInvalid',
        message: 'this visitor token was not issued by this city hall or has expired: enter the hall again',
      });
    }
    const holder = visitor.key;
    const slot = (await deps.bookings.slotById(body.data.slotId)) ?? null;
    if (slot && !procedureAt(body.data.procedureId, slot.counterId)) {
      return sendBadRequest(res, `procedure "${body.data.procedureId}" is not handled at that counter`);
    }
    await deps.bookingsMade
      .counted(requestAddress(req), 'bookings', () =>
        deps.bookings.book({ ...body.data, holder }, Date.now()),
      )
      .then(
        (b) => res.status(201).json(b),
        (e: unknown) => refused(res, e),
      );
  });

  app.get('/api/bookings/:code', async (req: Request, res: Response) => {
    const p = CodeParam.safeParse(req.params);
    if (!p.success) return sendBadRequest(res, p.error);
    await deps.codeGuesses
      .attempt(requestAddress(req), () => deps.bookings.get(p.data.code))
      .then(
        (b) => res.json(b),
        (e: unknown) => refused(res, e),
      );
  });

  app.get('/api/bookings/:code/calendar.ics', async (req: Request, res: Response) => {
    const p = CodeParam.safeParse(req.params);
    if (!p.success) return sendBadRequest(res, p.error);
    await deps.codeGuesses
      .attempt(requestAddress(req), () => deps.bookings.get(p.data.code))
      .then(
        (b) => {
          const lang = languageOf(req);
          const counter = counterOf(b.slot.counterId);
          const start = new Date(b.slot.startsAt);
          const counterName = counter
            ? calendarText(lang, 'counter', { number: counter.number, name: localized(lang, counter.name) })
            : '';
          res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="city-hall-${b.code}.ics"`);
          res.send(
            buildIcs({
              uid: `booking-${b.code}@virtual-city-hall`,
              start,
              end: new Date(start.getTime() + b.slot.minutes * 60_000),
              stamp: new Date(),
              summary: calendarText(lang, 'consultation', { counter: counterName }).trim(),
              location: localized(lang, deps.hall.layout.name),
              description:
                `${calendarText(lang, 'bookingCode', { code: b.code })}\n` +
                calendarText(lang, 'checkInHint', {}),
              url: deps.publicUrl,
            }),
          );
        },
        (e: unknown) => refused(res, e),
      );
  });

  app.delete('/api/bookings/:code', async (req: Request, res: Response) => {
    const p = CodeParam.safeParse(req.params);
    if (!p.success) return sendBadRequest(res, p.error);
    await deps.codeGuesses
      .attempt(requestAddress(req), () => deps.bookings.cancel(p.data.code))
      .then(
        () => res.status(204).end(),
        (e: unknown) => refused(res, e),
      );
  });
}
