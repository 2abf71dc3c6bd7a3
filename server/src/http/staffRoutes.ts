import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { DomainError } from '../domainError.ts';
import { z } from 'zod';
import { LoginRequest, NewStaffAccount } from '../../../shared/auth/roles.ts';
import { StaffDepartment } from '../../../shared/protocol/callups.ts';
import { readCookie, SESSION_COOKIE, staffGuard, type Authed } from './staffGuard.ts';
import type { AuthService } from '../auth/authService.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { RoleChange } from '../../../shared/protocol/admin.ts';
import { recordChange, type AuditLog } from '../services/auditLog.ts';
import type { Logger } from '../logger.ts';
import { requestAddress } from './clientAddress.ts';

/**
 * Staff sign-in and accounts. The session lives in an httpOnly, SameSite=Strict cookie (scripts cannot
 * read it, other sites cannot send it); state-changing routes also require a JSON body, which a plain
 * cross-site form cannot send.
 */
export function mountStaffRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    secureCookie: boolean;
    sessionHours: number;
    /** Whether a department id is one of the catalogue's (for accounts' call-up departments). */
    departmentExists: (id: string) => boolean;
    /** Account changes are written to the audit log with the admin who made them. */
    audit: AuditLog;
    log: Logger;
  },
): void {
  const { auth } = deps;
  const json = express.json({ limit: '4kb' });
  const cookie = (token: string, maxAgeS: number) =>
    [
      `${SESSION_COOKIE}=${token}`,
      'HttpOnly',
      'SameSite=Strict',
      'Path=/',
      `Max-Age=${maxAgeS}`,
      ...(deps.secureCookie ? ['Secure'] : []),
    ].join('; ');

  const signedIn = staffGuard(auth);
  const noSuchDepartment = (id: string) => new DomainError('noSuchDepartment', `no department "${id}"`);

  app.post('/api/staff/login', json, async (req: Request, res: Response) => {
    const body = LoginRequest.safeParse(req.body);
    if (!body.success) return sendBadRequest(res, body.error);
    const result = await auth.login(body.data.username, body.data.password, requestAddress(req));
    if (result.ok) {
      res.setHeader('Set-Cookie', cookie(result.token, deps.sessionHours * 3600));
      res.json(result.profile);
    } else if (result.reason === 'locked') {
      res.setHeader('Retry-After', String(result.retryAfterS));
      res.status(429).json({
        error: 'locked',
        message: 'Too many failed sign-ins: try again later',
        retryAfterS: result.retryAfterS,
      });
    } else {
      res.status(401).json({ error: 'invalidCredentials', message: 'Wrong username or password' });
    }
  });

  app.post('/api/staff/logout', signedIn(), async (req: Authed, res: Response) => {
    await auth.logout(req.sessionToken!);
    res.setHeader('Set-Cookie', cookie('', 0));
    res.status(204).end();
  });

  app.get('/api/staff/me', signedIn(), (req: Authed, res: Response) => {
    res.json(req.staff);
  });

  /** For the sign-in page: who is signed in, or null (200 either way, so a signed-out visit logs no error). */
  app.get('/api/staff/session', async (req: Request, res: Response) => {
    const token = readCookie(req, SESSION_COOKIE);
    res.json(token ? await auth.sessionProfile(token) : null);
  });

  app.post('/api/staff/hall-pass', signedIn(), async (req: Authed, res: Response) => {
    res.json({ pass: await auth.issueHallPass(req.staff!.id) });
  });

  /** Every account, disabled ones included, with its department (admins only). */
  app.get('/api/staff/accounts', signedIn('manageStaff'), async (_req: Request, res: Response) => {
    res.json(await auth.listAccounts({ includeDisabled: true }));
  });

  const audited = (req: Authed, action: string, subject: string, detail?: unknown) =>
    recordChange(deps.audit, deps.log, { actor: req.staff!.username, action, subject, detail });

  const AccountParam = z.object({ id: z.coerce.number().int().positive() });
  /**
   * Admins act on other accounts; their own stays usable (no admin locks themselves out by a slip), and
   * the service refuses to take away the last enabled admin.
   */
  const onAccount =
    <B, R extends { username: string }>(
      body: z.ZodType<B>,
      act: (id: number, body: B) => Promise<R>,
      audit: (result: R, body: B) => [action: string, detail?: unknown],
    ) =>
    async (req: Authed, res: Response): Promise<void> => {
      const p = AccountParam.safeParse(req.params);
      if (!p.success) return sendBadRequest(res, p.error);
      const b = body.safeParse(req.body ?? {});
      if (!b.success) return sendBadRequest(res, b.error);
      if (p.data.id === req.staff!.id) {
        return sendRefusal(
          res,
          new DomainError('ownAccount', 'Ask another admin to do this to your own account'),
        );
      }
      try {
        const result = await act(p.data.id, b.data);
        const [action, detail] = audit(result, b.data);
        await audited(req, action, result.username, detail);
        res.json(result);
      } catch (err) {
        sendRefusal(res, err);
      }
    };
  const NoBody = z.strictObject({});
  app.post(
    '/api/staff/accounts/:id/disable',
    json,
    signedIn('manageStaff'),
    onAccount(
      NoBody,
      (id) => auth.setDisabled(id, true),
      () => ['staff.disable'],
    ),
  );
  app.post(
    '/api/staff/accounts/:id/enable',
    json,
    signedIn('manageStaff'),
    onAccount(
      NoBody,
      (id) => auth.setDisabled(id, false),
      () => ['staff.enable'],
    ),
  );
  app.post(
    '/api/staff/accounts/:id/sign-out',
    json,
    signedIn('manageStaff'),
    onAccount(
      NoBody,
      async (id) => ({ ...(await auth.account(id)), sessionsEnded: await auth.signOutEverywhere(id) }),
      (r) => ['staff.signOut', { sessionsEnded: r.sessionsEnded }],
    ),
  );
  app.post(
    '/api/staff/accounts/:id/role',
    json,
    signedIn('manageStaff'),
    onAccount(
      RoleChange,
      (id, { role }) => auth.setRole(id, role),
      (r) => ['staff.role', { role: r.role }],
    ),
  );
  // The new password is in this answer only: never stored in clear, logged or cached.
  app.post(
    '/api/staff/accounts/:id/password',
    json,
    signedIn('manageStaff'),
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    onAccount(
      NoBody,
      (id) => auth.resetPassword(id),
      (r) => ['staff.resetPassword', { sessionsEnded: r.sessionsEnded }],
    ),
  );

  // Which department's call-ups reach an account (an admin may set their own, too).
  app.post(
    '/api/staff/accounts/:id/department',
    json,
    signedIn('manageStaff'),
    async (req: Authed, res: Response) => {
      const p = AccountParam.safeParse(req.params);
      const body = StaffDepartment.safeParse(req.body);
      if (!p.success || !body.success) return sendBadRequest(res, !p.success ? p.error : body.error!);
      const { department } = body.data;
      if (department && !deps.departmentExists(department))
        return sendRefusal(res, noSuchDepartment(department));
      try {
        const changed = await auth.setDepartment(p.data.id, department);
        await audited(req, 'staff.department', changed.username, { department });
        res.json({ id: changed.id, department: changed.department });
      } catch (err) {
        sendRefusal(res, err);
      }
    },
  );

  app.post('/api/staff/accounts', json, signedIn('manageStaff'), async (req: Authed, res: Response) => {
    const body = NewStaffAccount.safeParse(req.body);
    if (!body.success) return sendBadRequest(res, body.error);
    if (body.data.department && !deps.departmentExists(body.data.department)) {
      return sendRefusal(res, noSuchDepartment(body.data.department));
    }
    try {
      const made = await auth.createAccount(body.data);
      const { role, department = null, displayName } = body.data;
      await audited(req, 'staff.create', made.username, { displayName, role, department });
      res.status(201).json(made);
    } catch (err) {
      sendRefusal(res, err);
    }
  });
}
