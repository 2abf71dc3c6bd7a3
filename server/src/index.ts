import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './app.ts';
import { createLogger } from './logger.ts';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
// Node turns a promise rejection nobody handled into an uncaught exception, and Colyseus shuts the
// whole process down on those: one forgotten `.catch` in a handler would end every visit. Such a
// rejection belongs to one request or message; it is logged, and the process goes on. (A synchronous
// uncaught exception still shuts down gracefully: the state may be broken.)
const faults = createLogger(config.LOG_LEVEL);
process.on('unhandledRejection', (reason) => faults.error('a promise rejection nobody handled', reason));
await startServer(config);
