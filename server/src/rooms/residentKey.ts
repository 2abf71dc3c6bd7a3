import { createHash } from 'node:crypto';

/** What the server keeps of a tab's resume token: its hash, so a leaked database cannot impersonate. */
export const residentKeyOf = (token: string) => createHash('sha256').update(token).digest('base64url');
