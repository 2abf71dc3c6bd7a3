/**
 * Staff accounts from the command line; the first admin is created this way.
 *   npm run staff:add -- --username sato --name "佐藤" --role admin
 * The password is read from the STAFF_PASSWORD environment variable, or else from the first line of
 * standard input (so it never appears in the shell history or the process list).
 * Uses DATABASE_FILE like the server.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { createAuthService } from '../server/src/auth/authService.ts';
import { DomainError } from '../server/src/domainError.ts';
import { NewStaffAccount } from '../shared/auth/roles.ts';
import { formatIssues } from '../server/src/rooms/common/formatIssues.ts';

async function readPassword(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  if (process.stdin.isTTY)
    process.stdout.write('Password (input is shown; prefer STAFF_PASSWORD or a pipe): ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'staff' },
    department: { type: 'string' },
  },
});
const config = loadConfig();
const input = NewStaffAccount.safeParse({
  username: values.username,
  displayName: values.name ?? values.username,
  role: values.role,
  department: values.department ?? null,
  password: await readPassword(),
});
if (!input.success) {
  console.error(`Not created: ${formatIssues(input.error)}`);
  console.error(
    'usage: npm run staff:add -- --username NAME [--name "表示名"] [--role staff|host|admin|guide] [--department shimin-ka]',
  );
  process.exit(2);
}
const db = openDatabase(config.DATABASE_URL ?? config.DATABASE_FILE);
try {
  await migrateToLatest(db);
  const auth = createAuthService(db, {
    sessionHours: config.STAFF_SESSION_HOURS,
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
  });
  const profile = await auth.createAccount(input.data);
  console.log(
    `created ${profile.role} "${profile.username}" (${profile.displayName}) in ${config.DATABASE_FILE}`,
  );
} catch (err) {
  if (!(err instanceof DomainError)) throw err;
  console.error(`Not created: ${err.message}`);
  process.exitCode = 2;
} finally {
  await db.destroy();
}
