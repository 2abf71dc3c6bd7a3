/**
 * Preloaded into the server process by bench:crowd (`--import`): measures event-loop lag and answers the
 * benchmark over IPC ('lag:reset', 'lag:read'). Not part of the product.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
process.on('message', (m) => {
  if (m === 'lag:reset') h.reset();
  if (m === 'exit') process.exit(0);
  // A CPU profile of the measured window only (CROWD_PROFILE): written where the benchmark asks.
  if (typeof m === 'object' && m && 'profile' in m) void profile((m as { profile: string }).profile);
  if (m === 'lag:read') {
    const ms = (ns: number) => ns / 1e6;
    process.send?.({ lag: { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) } });
  }
});

let session: Session | null = null;
async function profile(command: string): Promise<void> {
  if (command === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  } else if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(command, JSON.stringify(profile));
    session.disconnect();
    session = null;
  }
}
