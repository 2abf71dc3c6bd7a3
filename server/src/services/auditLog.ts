import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { AuditEntry, AuditPage, AuditQuery } from '../../../shared/protocol/admin.ts';

/** A detail is a line or two for people reading the log, not a document. */
const MAX_DETAIL = 2000;
const SECRET_KEY = /pass(word)?|secret|token|hash/i;

/**
 * A detail as stored: text as it is, anything else as JSON with every secret-looking field dropped,
 * so a caller that passes a whole request body by mistake still leaves no password in the log.
 */
export function auditDetail(detail: unknown): string {
  const text =
    typeof detail === 'string'
      ? detail
      : (JSON.stringify(detail ?? null, (key, value: unknown) =>
          key && SECRET_KEY.test(key) ? undefined : value,
        ) ?? '');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

export interface AuditRecord {
  /** The staff username who did it: always from the session. */
  actor: string;
  /** `area.verb`, e.g. `staff.role`, `catalog.upload`, `layout.publish`. */
  action: string;
  /** What it was done to: a username, sheet names, an id. */
  subject: string;
  /** A short description: text, or a value written as JSON (fields named like secrets are dropped). */
  detail?: unknown;
}

/**
 * The audit log: who changed what and when, kept in the database (shared by every process) for admins
 * to read in the admin console. Entries are only ever added.
 */
export function createAuditLog(db: Db, now: () => Date = () => new Date()) {
  return {
    async record({ actor, action, subject, detail }: AuditRecord): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({ at: now().toISOString(), actor, action, subject, detail: auditDetail(detail ?? '') })
        .execute();
    },

    /** Newest first, a page at a time: `next` is the `before` of the following page. */
    async list(filters: Partial<AuditQuery> = {}): Promise<AuditPage> {
      const limit = filters.limit ?? 50;
      let q = db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (filters.before !== undefined) q = q.where('id', '<', filters.before);
      if (filters.actor) q = q.where('actor', '=', filters.actor);
      const action = filters.action;
      if (action?.endsWith('.')) q = q.where('action', 'like', `${action}%`);
      else if (action) q = q.where('action', '=', action);
      const rows: AuditEntry[] = await q.execute();
      const entries = rows.slice(0, limit);
      return { entries, next: rows.length > limit ? entries.at(-1)!.id : null };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

/**
 * Records an entry for a change that is already made: a failure to write it must not turn the change
 * into an error for the person who made it, so it is logged (as an error) instead of thrown.
 */
export async function recordChange(audit: AuditLog, log: Logger, entry: AuditRecord): Promise<void> {
  await audit
    .record(entry)
    .catch((err: unknown) =>
      log.error(`audit entry ${entry.action} on ${entry.subject} was not written`, err),
    );
}
