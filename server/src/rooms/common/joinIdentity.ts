import { ServerError } from '@colyseus/core';
import type { AuthService } from '../../auth/authService.ts';
import type { StaffProfile } from '../../../../shared/auth/roles.ts';

/** The staff member a one-use hall pass stands for; a join with a bad pass is refused. */
export async function staffFromPass(auth: AuthService, pass: string): Promise<StaffProfile> {
  const staff = await auth.redeemHallPass(pass);
  if (!staff) throw new ServerError(403, 'staffPassInvalid: the hall pass is unknown, used or expired');
  return staff;
}
