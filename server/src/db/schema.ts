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

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface DepartmentsTable {
  id: string;
  position: number;
  name_ja: string;
  name_en: string;
  counter_id: string | null;
  description_ja: string;
  description_en: string;
  /** The department in every language (Department as JSON); null only in rows written before 012. */
  data: string | null;
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

export interface AnnouncementsTable {
  id: Generated<number>;
  severity: string;
  texts: string;
  starts_at: string;
  ends_at: string | null;
  created_by: string;
  created_at: string;
  ended_at: string | null;
  ended_by: string | null;
}

export interface DisasterSwitchesTable {
  id: Generated<number>;
  switched_on: number;
  reason: string;
  counters: string;
  by_name: string;
  at: string;
}

export interface ShelterStatusTable {
  id: string;
  open: number;
  note: string;
  updated_at: string;
  updated_by: string;
}

export interface CallUpsTable {
  id: Generated<number>;
  message: string;
  department: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface CallUpAnswersTable {
  callup_id: number;
  staff_id: number;
  status: string;
  minutes: number | null;
  answered_at: string;
}

/** Who changed what and when (the admin console's audit log). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}

/** A number raised with each change of content the processes cache (`catalog`), so all of them reload it. */
export interface ContentRevisionsTable {
  name: string;
  revision: number;
  changed_at: string;
}

/**
 * Anonymous usage counts per city day and hour (server/src/services/usageCounts.ts lists the kinds):
 * how often something happened and the most at once. No person is named.
 */
export interface UsageCountsTable {
  day: string;
  hour: number;
  kind: string;
  subject: string;
  count: number;
  peak: number;
}

export interface GuideUnansweredTable {
  text: string;
  day: string;
  asks: number;
}

export interface ProcedureLinkOpensTable {
  procedure_id: string;
  day: string;
  opens: number;
}

export interface StaffAccountsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled: Generated<number>;
  /** The department (catalogue id) a call-up by department reaches; null for none. */
  department: string | null;
}

/** `kind` is `session` (the sign-in cookie) or `hallPass` (a one-use, short-lived hall join right). */
export interface StaffSessionsTable {
  token_hash: string;
  staff_id: number;
  kind: string;
  expires_at: string;
}

export interface QueueTicketsTable {
  id: Generated<number>;
  day: string;
  number: number;
  counter_id: string;
  procedure_id: string | null;
  resident_key: string;
  status: string;
  taken_at: string;
  /** Orders the queue; a transferred ticket keeps it, so the resident keeps their place. */
  queued_at: string;
  called_at: string | null;
  served_at: string | null;
  finished_at: string | null;
  staff_id: number | null;
  transfer_from: string | null;
  transfer_note: string | null;
  last_seen_at: string;
  /** 0 for residents who booked and checked in (served first), 1 for walk-ins. */
  priority: Generated<number>;
  booking_code: string | null;
  /** The resident's hall language when they took the number (null for numbers taken before it was kept). */
  lang: string | null;
  /** At the information desk: the conversation with the guide (JSON lines); null elsewhere. */
  handover: string | null;
}

export interface ConsultationRecordsTable {
  ticket_id: number;
  ticket_number: number;
  counter_id: string;
  procedure_id: string | null;
  staff_id: number;
  started_at: string;
  notes: Generated<string>;
  outcome: string | null;
  referred_to: string | null;
  updated_at: string;
  rating: number | null;
  rating_comment: string | null;
}

export interface SlotsTable {
  id: Generated<number>;
  counter_id: string;
  procedure_id: string | null;
  starts_at: string;
  minutes: number;
  capacity: number;
  created_by: number;
  created_at: string;
}

export interface BookingsTable {
  id: Generated<number>;
  slot_id: number;
  code: string;
  nickname: string;
  procedure_id: string | null;
  contact: string | null;
  /** Hash of the booking browser's hall identity: one booking per person and slot. */
  holder: string;
  status: string;
  created_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  title_ja: string;
  title_en: string;
  description_ja: string;
  description_en: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  /** JSON array of staff usernames. */
  presenters: string;
  /** Staff usernames (JSON) who caption the briefing and who interpret it into sign language. */
  captioners: Generated<string>;
  interpreters: Generated<string>;
  status: string;
  created_by: number;
  created_at: string;
  stage_pin: string | null;
  stage_secret: string | null;
  /** The stage's Janus room id and the Janus (its JANUS_URL) it opened on, while live. */
  stage_room: number | null;
  stage_origin: string | null;
}

export interface EventSlidesTable {
  event_id: number;
  page: number;
  mime: string;
  image: Buffer;
  text: string;
  /** Hash of the image (null only for pages stored before it was kept). */
  etag: string | null;
}

/** Furigana of one catalogue text: RubySegment[] as JSON (shared/i18n/ruby.ts). */
export interface CatalogReadingsTable {
  text: string;
  segments: string;
}

/** An uploaded hall layout (HallLayout as JSON); the live one is the latest with `live_at` set. */
export interface HallLayoutsTable {
  id: Generated<number>;
  version: string;
  layout: string;
  file_name: string;
  uploaded_by: string;
  uploaded_at: string;
  live_at: string | null;
  live_by: string | null;
  live_order: number | null;
}

export interface Database {
  hall_visits: HallVisitsTable;
  server_starts: ServerStartsTable;
  server_secrets: ServerSecretsTable;
  departments: DepartmentsTable;
  procedures: ProceduresTable;
  life_events: CatalogJsonTable;
  life_event_rules: LifeEventRulesTable;
  procedure_link_opens: ProcedureLinkOpensTable;
  catalog_readings: CatalogReadingsTable;
  faq_entries: CatalogJsonTable;
  guide_unanswered: GuideUnansweredTable;
  usage_counts: UsageCountsTable;
  announcements: AnnouncementsTable;
  disaster_switches: DisasterSwitchesTable;
  shelters: CatalogJsonTable;
  hotlines: CatalogJsonTable;
  shelter_status: ShelterStatusTable;
  callups: CallUpsTable;
  callup_answers: CallUpAnswersTable;
  audit_log: AuditLogTable;
  content_revisions: ContentRevisionsTable;
  staff_accounts: StaffAccountsTable;
  staff_sessions: StaffSessionsTable;
  queue_tickets: QueueTicketsTable;
  consultation_records: ConsultationRecordsTable;
  slots: SlotsTable;
  bookings: BookingsTable;
  events: EventsTable;
  event_slides: EventSlidesTable;
  hall_layouts: HallLayoutsTable;
}
