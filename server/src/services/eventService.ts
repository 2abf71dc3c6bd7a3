import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import type { EventStatus, EventView, NewEvent } from '../../../shared/protocol/index.ts';
import type { StageKeys } from '../media/stageTypes.ts';

type Row = {
  id: number;
  title_ja: string;
  title_en: string;
  description_ja: string;
  description_en: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  presenters: string;
  captioners: string;
  interpreters: string;
  status: string;
  created_by: number;
};

const view = (r: Row): EventView => ({
  id: r.id,
  title: { ja: r.title_ja, en: r.title_en },
  description: { ja: r.description_ja, en: r.description_en },
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  capacity: r.capacity,
  presenters: JSON.parse(r.presenters) as string[],
  captioners: JSON.parse(r.captioners) as string[],
  interpreters: JSON.parse(r.interpreters) as string[],
  status: r.status as EventStatus,
});

/** Briefings: created by hosts, listed for residents while upcoming or live, then live, then ended. */
export function createEventService(db: Db) {
  async function row(id: number): Promise<Row> {
    const r = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new DomainError('noSuchEvent', `no event ${id}`);
    return r;
  }
  return {
    async create(e: NewEvent, createdBy: number, now: number): Promise<EventView> {
      if (Date.parse(e.endsAt) <= now)
        throw new DomainError('startsInPast', 'the event would already be over');
      const r = await db
        .insertInto('events')
        .values({
          title_ja: e.title.ja,
          title_en: e.title.en,
          description_ja: e.description.ja,
          description_en: e.description.en,
          starts_at: new Date(e.startsAt).toISOString(),
          ends_at: new Date(e.endsAt).toISOString(),
          capacity: e.capacity,
          presenters: JSON.stringify(e.presenters),
          captioners: JSON.stringify(e.captioners),
          interpreters: JSON.stringify(e.interpreters),
          status: 'scheduled',
          created_by: createdBy,
          created_at: new Date(now).toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return view(r);
    },

    /** Upcoming and live events, soonest first. */
    async upcoming(now: number): Promise<EventView[]> {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('status', '!=', 'ended')
        .where('ends_at', '>', new Date(now).toISOString())
        .orderBy('starts_at')
        .execute();
      return rows.map(view);
    },

    get: async (id: number) => view(await row(id)),

    /**
     * Only the event's own hosts run it: the one who created it and the presenters named on it; admins
     * run every event. Refuses anyone else (a host must not start, end or replace the slides of
     * another host's briefing).
     */
    async mustManage(id: number, staff: { id: number; username: string; role: string }): Promise<void> {
      const r = await row(id);
      if (staff.role === 'admin' || r.created_by === staff.id) return;
      if ((JSON.parse(r.presenters) as string[]).includes(staff.username)) return;
      throw new DomainError('forbidden', `event ${id} is run by its own hosts and admins`);
    },

    /** The Janus keys of live stages (see StageKeyStore). */
    stageKeys: {
      async save(id: number, keys: StageKeys | null): Promise<void> {
        await db
          .updateTable('events')
          .set({
            stage_pin: keys?.pin ?? null,
            stage_secret: keys?.secret ?? null,
            stage_room: keys?.room ?? null,
            stage_origin: keys?.origin ?? null,
          })
          .where('id', '=', id)
          .execute();
      },
      async live() {
        const rows = await db
          .selectFrom('events')
          .select(['id', 'stage_pin', 'stage_secret', 'stage_room', 'stage_origin'])
          .where('status', '=', 'live')
          .where('stage_pin', 'is not', null)
          .where('stage_room', 'is not', null)
          .execute();
        return rows.map((r) => ({
          eventId: r.id,
          keys: {
            pin: r.stage_pin!,
            secret: r.stage_secret!,
            room: r.stage_room!,
            origin: r.stage_origin ?? '',
          },
        }));
      },
    },

    /**
     * `prepare` runs after the transition is known to be allowed and before it is saved: if it throws
     * (the video server cannot open the stage), the event keeps its status.
     */
    async setStatus(
      id: number,
      status: 'live' | 'ended',
      prepare?: (e: EventView) => Promise<(() => Promise<void>) | void>,
    ): Promise<EventView> {
      const r = await row(id);
      const allowed = status === 'live' ? r.status === 'scheduled' : r.status !== 'ended';
      if (!allowed) throw new DomainError('badTransition', `a ${r.status} event cannot become ${status}`);
      const undo = await prepare?.(view(r));
      // Only the request that moves it from the status it was read in wins a race of two.
      const done = await db
        .updateTable('events')
        .set({ status })
        .where('id', '=', id)
        .where('status', '=', r.status)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) {
        await undo?.();
        throw new DomainError('badTransition', `the event changed while it was becoming ${status}`);
      }
      return view({ ...r, status });
    },
  };
}
export type EventService = ReturnType<typeof createEventService>;
