import type { Db } from '../db/database.ts';
import { lockUntilCommit } from '../db/dialect.ts';
import type { StaffProfile } from '../../../shared/auth/roles.ts';
import {
  DISASTER_OFF,
  type DisasterOn,
  type DisasterSwitch,
  type DisasterView,
  type ShelterStatus,
  type ShelterUpdate,
} from '../../../shared/protocol/disaster.ts';
import { DomainError } from '../domainError.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Disaster mode (災害モード) and the shelters' state: the database holds every switch (the latest is the
 * state, so every process agrees) and what staff last said about each shelter.
 */
/**
 * Two admins switching at once (on two processes) must not both see "off" and both switch on: on
 * PostgreSQL the switch takes a transaction-wide lock; SQLite runs one writer at a time anyway.
 */
async function lockSwitch(trx: Db): Promise<void> {
  await lockUntilCommit(trx, 'disaster-switch');
}

/** The latest switch is the state. */
const latestIn = (db: Db) =>
  db.selectFrom('disaster_switches').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();

/** `counterIds` is asked on each switch: the hall plan in use may have changed since start-up. */
export function createDisasterService(db: Db, counterIds: () => ReadonlySet<string>) {
  return {
    async state(): Promise<DisasterView> {
      const row = await latestIn(db);
      if (!row || !row.switched_on) return DISASTER_OFF;
      return { on: true, reason: row.reason, since: row.at, counters: JSON.parse(row.counters) as string[] };
    },

    async switchOn(input: DisasterOn, by: StaffProfile, now = Date.now()): Promise<void> {
      const known = counterIds();
      const unknown = input.counters.filter((c) => !known.has(c));
      if (unknown.length > 0) throw new DomainError('noSuchCounter', `no counter "${unknown.join('", "')}"`);
      await db.transaction().execute(async (trx) => {
        await lockSwitch(trx);
        const row = await latestIn(trx);
        if (row?.switched_on) throw new DomainError('alreadyOn', 'disaster mode is already on');
        await trx
          .insertInto('disaster_switches')
          .values({
            switched_on: 1,
            reason: input.reason,
            counters: JSON.stringify([...new Set(input.counters)]),
            by_name: by.displayName,
            at: iso(now),
          })
          .execute();
      });
    },

    async switchOff(by: StaffProfile, now = Date.now()): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await lockSwitch(trx);
        const row = await latestIn(trx);
        if (!row?.switched_on) throw new DomainError('alreadyOff', 'disaster mode is not on');
        await trx
          .insertInto('disaster_switches')
          .values({ switched_on: 0, reason: '', counters: '[]', by_name: by.displayName, at: iso(now) })
          .execute();
      });
    },

    /** Every switch, newest first. */
    async log(limit = 100): Promise<DisasterSwitch[]> {
      const rows = await db
        .selectFrom('disaster_switches')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ on: !!r.switched_on, reason: r.reason, by: r.by_name, at: r.at }));
    },

    async shelterStatus(): Promise<ShelterStatus[]> {
      const rows = await db.selectFrom('shelter_status').selectAll().execute();
      return rows.map((r) => ({ id: r.id, open: !!r.open, note: r.note, updatedAt: r.updated_at }));
    },

    async setShelter(
      id: string,
      update: ShelterUpdate,
      by: StaffProfile,
      now = Date.now(),
    ): Promise<ShelterStatus> {
      const values = {
        open: update.open ? 1 : 0,
        note: update.note,
        updated_at: iso(now),
        updated_by: by.displayName,
      };
      await db
        .insertInto('shelter_status')
        .values({ id, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
      return { id, open: update.open, note: update.note, updatedAt: values.updated_at };
    },
  };
}
export type DisasterService = ReturnType<typeof createDisasterService>;
