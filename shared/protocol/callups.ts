import { z } from 'zod';
import { plainText } from '../plainText.ts';

const DepartmentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a department id');

/** An admin calls staff in: to every account, or to one department's. */
export const NewCallUp = z.strictObject({
  message: plainText({ label: 'the message', max: 300, required: true, lines: true }),
  department: DepartmentId.nullable().default(null),
});
export type NewCallUp = z.infer<typeof NewCallUp>;
export type NewCallUpInput = z.input<typeof NewCallUp>;

export const CallUpStatus = z.enum(['coming', 'cannotCome', 'needHelp']);
export type CallUpStatus = z.infer<typeof CallUpStatus>;

/** "Safe, can come in N minutes", "safe, cannot come", "need help". */
export const CallUpAnswer = z
  .strictObject({
    status: CallUpStatus,
    minutes: z.number().int().min(0).max(1440).nullable().default(null),
  })
  .refine((a) => a.status !== 'coming' || a.minutes !== null, {
    message: 'say in how many minutes you can come',
    path: ['minutes'],
  })
  .transform((a) => ({ ...a, minutes: a.status === 'coming' ? a.minutes : null }));
export type CallUpAnswer = z.output<typeof CallUpAnswer>;

export const StaffDepartment = z.strictObject({ department: DepartmentId.nullable() });

export interface CallUpView {
  id: number;
  message: string;
  department: string | null;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
}

/** What a staff member sees: the call-up and their own answer, if any. */
export interface MyCallUp extends CallUpView {
  answer: { status: CallUpStatus; minutes: number | null; answeredAt: string } | null;
}

export interface TallyRow {
  department: string | null;
  addressed: number;
  coming: number;
  cannotCome: number;
  needHelp: number;
  noAnswer: number;
}

/** What the admin sees live: counts in all and by department, and each answer. */
export interface CallUpTally {
  callUp: CallUpView;
  total: TallyRow;
  byDepartment: TallyRow[];
  answers: {
    staffId: number;
    displayName: string;
    department: string | null;
    status: CallUpStatus | null;
    minutes: number | null;
    answeredAt: string | null;
  }[];
}
