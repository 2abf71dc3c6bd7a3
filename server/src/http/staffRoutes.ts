import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import { LoginRequest, NewStaffAccount } from '../../../shared/auth/roles.ts';
import { StaffDepartment } from '../../../shared/protocol/callups.ts';
import { readCookie, SESSION_COOKIE, staffGuard, type Authed } from './staffGuard.ts';
import type { AuthService } from '../auth/authService.ts';
import { sendRefusal } from './refusals.ts';
import { formatIssues } from '../rooms/common/formatIssues.ts';
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

  app.post('/api/staff/login', json, async (req: Request, res: Response) => {
    const body = LoginRequest.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'badRequest', message: formatIssues(body.error) });
      return;
    }
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

  app.get('/api/staff/accounts', signedIn('manageStaff'), async (_req: Request, res: Response) => {
    res.json(await auth.listAccounts());
  });

  const AccountParam = z.object({ id: z.coerce.number().int().positive() });
  /** Admins act on other accounts; their own stays usable, so a city is never left without an admin. */
  const onAccount =
    (act: (id: number) => Promise<unknown>) =>
    async (req: Authed, res: Response): Promise<void> => {
      const p = AccountParam.safeParse(req.params);
      if (!p.success)
        return void res.status(400).json({ error: 'badRequest', message: formatIssues(p.error) });
      if (p.data.id === req.staff!.id) {
        return void res
          .status(409)
          .json({ error: 'ownAccount', message: 'Ask another admin to do this to your own account' });
      }
      await act(p.data.id).then(
        (r) => res.json(r),
        (e: unknown) => sendRefusal(res, e),
      );
    };
  app.post(
    '/api/staff/accounts/:id/disable',
    json,
    signedIn('manageStaff'),
    onAccount((id) => auth.setDisabled(id, true)),
  );
  app.post(
    '/api/staff/accounts/:id/enable',
    json,
    signedIn('manageStaff'),
    onAccount((id) => auth.setDisabled(id, false)),
  );
  app.post(
    '/api/staff/accounts/:id/sign-out',
    json,
    signedIn('manageStaff'),
    onAccount(async (id) => ({ sessionsEnded: await auth.signOutEverywhere(id) })),
  );

  // Which department's call-ups reach an account (an admin may set their own, too).
  app.post(
    '/api/staff/accounts/:id/department',
    json,
    signedIn('manageStaff'),
    async (req: Request, res: Response) => {
      const p = AccountParam.safeParse(req.params);
      const body = StaffDepartment.safeParse(req.body);
      if (!p.success || !body.success) {
        const error = !p.success ? p.error : body.error!;
        return void res.status(400).json({ error: 'badRequest', message: formatIssues(error) });
      }
      const { department } = body.data;
      if (department && !deps.departmentExists(department)) {
        return void res
          .status(404)
          .json({ error: 'noSuchDepartment', message: `no department "${department}"` });
      }
      await auth.setDepartment(p.data.id, department).then(
        (r) => res.json(r),
        (e: unknown) => sendRefusal(res, e),
      );
    },
  );

  app.post('/api/staff/accounts', json, signedIn('manageStaff'), async (req: Request, res: Response) => {
    const body = NewStaffAccount.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'badRequest', message: formatIssues(body.error) });
      return;
    }
    if (body.data.department && !deps.departmentExists(body.data.department)) {
      res.status(404).json({ error: 'noSuchDepartment', message: `no department "${body.data.department}"` });
      return;
    }
    try {
      res.status(201).json(await auth.createAccount(body.data));
    } catch (err) {
      sendRefusal(res, err);
    }
  });
}
