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

export interface DepartmentsTable {
  id: string;
  position: number;
  name_ja: string;
  name_en: string;
  counter_id: string | null;
  description_ja: string;
  description_en: string;
}

/** `data` holds the validated record as JSON (shared/catalog/catalogSchema.ts). */
export interface CatalogJsonTable {
  id: string;
  position: number;
  data: string;
}

export interface ProceduresTable extends CatalogJsonTable {
  department_id: string;
}

export interface LifeEventRulesTable {
  life_event_id: string;
  procedure_id: string;
  position: number;
  data: string;
}

export interface ProcedureLinkOpensTable {
  procedure_id: string;
  day: string;
  opens: number;
}

export interface Database {
  hall_visits: HallVisitsTable;
  server_starts: ServerStartsTable;
  departments: DepartmentsTable;
  procedures: ProceduresTable;
  life_events: CatalogJsonTable;
  life_event_rules: LifeEventRulesTable;
  procedure_link_opens: ProcedureLinkOpensTable;
}
