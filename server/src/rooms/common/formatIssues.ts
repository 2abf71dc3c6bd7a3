import type { z } from 'zod';

/** One line per problem, naming the field: "nickname: tooLong; color: Invalid option". */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(message)'}: ${i.message}`)
    .join('; ');
}
