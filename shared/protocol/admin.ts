import { z } from 'zod';
import { StaffRole } from '../auth/roles.ts';
import type { LocalizedText } from '../i18n/localized.ts';

/**
 * The admin console's API shapes (accounts, catalogue sheets, audit log), shared by the server's checks
 * and the browser page.
 */

/** The catalogue's sheets by file name, in the order the console lists them (see shared/catalog/catalogCsv.ts). */
export const SHEET_FILES = [
  'departments.csv',
  'procedures.csv',
  'life_events.csv',
  'life_event_questions.csv',
  'life_event_rules.csv',
  'faq.csv',
  'shelters.csv',
  'hotlines.csv',
] as const;
export const SheetFile = z.enum(SHEET_FILES);
export type SheetFile = z.infer<typeof SheetFile>;

/** A spreadsheet saved as CSV is far smaller; anything bigger is a wrong file, not a catalogue. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

export const SheetUpload = z
  .strictObject({
    sheets: z
      .array(z.strictObject({ file: SheetFile, text: z.string() }))
      .min(1, 'choose at least one sheet')
      .max(SHEET_FILES.length),
    /** Check only: every problem is reported, nothing is stored. */
    checkOnly: z.boolean().default(false),
  })
  .refine((u) => new Set(u.sheets.map((s) => s.file)).size === u.sheets.length, {
    message: 'each sheet may come once',
    path: ['sheets'],
  });
export type SheetUploadInput = z.input<typeof SheetUpload>;

/** One thing wrong with an upload: the file, the line (null: the file as a whole) and why. */
export interface SheetProblem {
  file: string;
  line: number | null;
  reason: string;
}

/** 422 for an upload with problems: nothing was stored. `more` counts problems beyond those listed. */
export interface SheetRefusal {
  error: 'invalidSheets' | 'tooLarge';
  message: string;
  problems: SheetProblem[];
  more: number;
}

export interface SheetSummary {
  file: SheetFile;
  rows: number;
}

/** The catalogue as the console shows it: its revision, rows per sheet, departments for accounts. */
export interface CatalogOverview {
  revision: number;
  sheets: SheetSummary[];
  departments: { id: string; name: LocalizedText }[];
}

/** 200 for an upload: every sheet of the catalogue with its rows, and which ones came in this upload. */
export interface SheetUploadResult {
  stored: boolean;
  uploaded: SheetFile[];
  sheets: SheetSummary[];
}

/** An account as admins see it (never its password hash). */
export interface StaffAccountView {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  department: string | null;
  disabled: boolean;
  createdAt: string;
}

export const RoleChange = z.strictObject({ role: StaffRole });

/** A password made by the server, shown once to the admin who reset it. */
export interface PasswordReset {
  id: number;
  username: string;
  password: string;
  sessionsEnded: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  /** The staff username who did it (from the session, never from a request body). */
  actor: string;
  /** What was done, as `area.verb`: `staff.create`, `catalog.upload`, `disaster.on`, … */
  action: string;
  /** What it was done to: a username, sheet names, an id. */
  subject: string;
  /** A short description (JSON or text), never a password. */
  detail: string;
}

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Entries older than this id (the `next` of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  actor: z.string().trim().min(1).max(64).optional(),
  /** An action (`staff.role`), or an area with its dot (`staff.`). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z]*)?$/, 'not an action')
    .max(64)
    .optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  next: number | null;
}
