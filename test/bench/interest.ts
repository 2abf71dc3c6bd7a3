/**
 * Interest management: what one resident downloads per second as the crowd grows, with the configured
 * interest radius and with an effectively unlimited one. Bots spread over the hall first (walking real
 * paths), then bytes are counted on an observer standing in the lobby. Prints numbers; asserts nothing.
 * Usage: npm run bench:interest
 */
import { startTestServer } from '../support/testServer.ts';
import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';
import { DEFAULT_INTEREST_RADIUS } from '../../shared/constants.ts';
import { areaDestination } from '../../shared/layout/destinations.ts';
import { mulberry32, startBot, type Bot } from './bots.ts';

const SPREAD_SECONDS = 14;
const MEASURE_SECONDS = 5;
const CROWDS = [20, 60, 120];

async function measure(
  radius: number,
  crowd: number,
): Promise<{ observer: number; avg: number; cpuMs: number }> {
  const server = await startTestServer({ INTEREST_RADIUS: String(radius), HALL_MAX_CLIENTS: '1000' });
  const rand = mulberry32(crowd);
  const hall = hallFromFile();
  const targets = hall.layout.areas.map((a) => areaDestination(hall, a));
  const bots: Bot[] = [];
  try {
    const observer = await startBot(server.endpoint, 9999, rand, { idle: true });
    for (let i = 0; i < crowd; i++) {
      bots.push(await startBot(server.endpoint, i, rand, { destination: targets[i % targets.length] }));
    }
    await new Promise((r) => setTimeout(r, SPREAD_SECONDS * 1000));
    const before = [observer, ...bots].map((b) => b.bytesIn());
    const cpu0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, MEASURE_SECONDS * 1000));
    const cpu = process.cpuUsage(cpu0);
    const after = [observer, ...bots].map((b) => b.bytesIn());
    const rates = after.map((a, i) => (a - before[i]!) / MEASURE_SECONDS);
    await observer.stop();
    return {
      observer: rates[0]!,
      avg: rates.reduce((x, y) => x + y, 0) / rates.length,
      cpuMs: (cpu.user + cpu.system) / 1000 / MEASURE_SECONDS,
    };
  } finally {
    for (const b of bots) await b.stop();
    await server.stop();
  }
}

console.log('bytes received per client per second (state patches), bots wandering at 12 Hz');
console.log('process CPU includes the bots themselves (same process): compare runs, not absolutes');
for (const crowd of CROWDS) {
  for (const radius of [DEFAULT_INTEREST_RADIUS, 500]) {
    const r = await measure(radius, crowd);
    console.log(
      `  crowd ${String(crowd).padStart(3)} · radius ${String(radius).padStart(4)} m: ` +
        `observer ${(r.observer / 1024).toFixed(1)} KiB/s, mean ${(r.avg / 1024).toFixed(1)} KiB/s, ` +
        `process CPU ${r.cpuMs.toFixed(0)} ms/s`,
    );
  }
}
process.exit(0);
