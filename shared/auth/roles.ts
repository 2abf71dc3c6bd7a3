import { z } from 'zod';

export const StaffRole = z.enum(['staff', 'host', 'admin', 'guide']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * What each role may do, in one table so the server's checks and the console's buttons agree.
 * Hosts run briefings and do not work counters; guides work the information desk and nothing else.
 */
const PERMISSIONS = {
  workCounter: ['staff', 'admin'],
  workInfoDesk: ['guide', 'admin'],
  manageStaff: ['admin'],
  hostEvents: ['host', 'admin'],
  announce: ['host', 'admin'],
  disasterMode: ['admin'],
  /** Upload a hall layout and put it live. */
  manageHall: ['admin'],
  callUpStaff: ['admin'],
  viewFigures: ['admin'],
  manageCatalog: ['admin'],
  readAuditLog: ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: string | null | undefined, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role ?? '');
}

export const Username = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,31}$/,
    'usernames are 3–32 lower-case letters, digits, dots, dashes or underscores',
  );

/** Long passphrases beat complexity rules; the upper bound keeps hashing cost bounded. */
export const Password = z
  .string()
  .min(10, 'passwords are at least 10 characters')
  .max(200, 'passwords are at most 200 characters');

export const DisplayName = z.string().trim().min(1).max(40);

export const LoginRequest = z.strictObject({
  username: z.string().trim().max(64),
  password: z.string().max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const NewStaffAccount = z.strictObject({
  username: Username,
  displayName: DisplayName,
  role: StaffRole,
  password: Password,
  /** The department (a catalogue id) whose call-ups reach this account. */
  department: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a department id')
    .nullable()
    .optional(),
});
export type NewStaffAccount = z.infer<typeof NewStaffAccount>;

/** What the server tells a signed-in staff member about themselves. */
export const StaffProfile = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
});
export type StaffProfile = z.infer<typeof StaffProfile>;
