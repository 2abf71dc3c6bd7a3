import type { Application, Response } from 'express';
import type { AuthService } from '../auth/authService.ts';
import type { AuditLog } from '../services/auditLog.ts';
import { AuditQuery } from '../../../shared/protocol/admin.ts';
import { sendBadRequest } from './refusals.ts';
import { staffGuard, type Authed } from './staffGuard.ts';

/** The audit log for admins, newest first, a page at a time (`?before=` the previous page's `next`). */
export function mountAuditRoutes(app: Application, deps: { auth: AuthService; audit: AuditLog }): void {
  const admin = staffGuard(deps.auth)('readAuditLog');
  app.get('/api/admin/audit', admin, async (req: Authed, res: Response) => {
    const query = AuditQuery.safeParse(req.query);
    if (!query.success) return sendBadRequest(res, query.error);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await deps.audit.list(query.data));
  });
}
