import type { Generated } from 'kysely';

/** Anonymous daily entry counts: how many times the hall was entered, never by whom. */
export interface HallVisitsTable {
  day: string;
  entries: number;
  peak_population: number;
}

export interface ServerStartsTable {
  id: Generated<number>;
  started_at: string;
  version: string;
}

export interface Database {
  hall_visits: HallVisitsTable;
  server_starts: ServerStartsTable;
}
