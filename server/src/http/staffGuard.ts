import type { NextFunction, Request, Response } from 'express';
import { can, type Permission, type StaffProfile } from '../../../shared/auth/roles.ts';
import type { AuthService } from '../auth/authService.ts';

export const SESSION_COOKIE = 'cityhall_staff';

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export interface Authed extends Request {
  staff?: StaffProfile;
  sessionToken?: string;
}

/** Express middleware: a signed-in staff member (401 otherwise) with `permission` if given (403 otherwise). */
export function staffGuard(auth: AuthService) {
  return (permission?: Permission) => async (req: Authed, res: Response, next: NextFunction) => {
    const token = readCookie(req, SESSION_COOKIE);
    const profile = token ? await auth.sessionProfile(token) : null;
    if (!token || !profile) {
      res.status(401).json({ error: 'signedOut', message: 'Sign in as staff first' });
      return;
    }
    if (permission && !can(profile.role, permission)) {
      res.status(403).json({ error: 'forbidden', message: `Your role (${profile.role}) may not do this` });
      return;
    }
    req.staff = profile;
    req.sessionToken = token;
    next();
  };
}
