import { Redis } from 'ioredis';
import type { CounterStatus } from '../../../shared/protocol/index.ts';
import type { DeskBus, RemoteAction, RemoteMember } from '../desk/deskBus.ts';
import type { Logger } from '../logger.ts';

/** A process that has not announced its people for this long is taken for gone (with them). */
export const PRESENCE_TTL_MS = 3000;

const CHANNEL = {
  presence: 'city-hall:desk:presence',
  changed: 'city-hall:desk:changed',
  to: (processId: string) => `city-hall:desk:to:${processId}`,
} as const;
const CHOSEN = 'city-hall:desk:chosen';

/**
 * The desk bus over Redis: each process announces its people on a channel (and again every tick, so a
 * dead process's people lapse within PRESENCE_TTL_MS), sends actions to a process's own channel, keeps
 * the counters' chosen statuses in a hash, and says "changed" so the others read the queue again.
 */
export async function createRedisDeskBus(url: string, processId: string, log: Logger): Promise<DeskBus> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await Promise.all([pub.connect(), sub.connect()]);
  const remote = new Map<string, { members: RemoteMember[]; at: number }>();
  const chosen = new Map<string, CounterStatus>();
  const actionHandlers: ((a: RemoteAction) => void)[] = [];
  const changedHandlers: (() => void)[] = [];
  const goneHandlers: ((processId: string) => void)[] = [];

  async function readChosen(): Promise<void> {
    const all = await pub.hgetall(CHOSEN);
    chosen.clear();
    for (const [id, status] of Object.entries(all)) chosen.set(id, status as CounterStatus);
  }
  await readChosen();

  await sub.subscribe(CHANNEL.presence, CHANNEL.changed, CHANNEL.to(processId));
  sub.on('message', (channel: string, text: string) => {
    try {
      if (channel === CHANNEL.presence) {
        const m = JSON.parse(text) as { processId: string; members: RemoteMember[] };
        if (m.processId !== processId) remote.set(m.processId, { members: m.members, at: Date.now() });
      } else if (channel === CHANNEL.changed) {
        if (text === processId) return;
        void readChosen()
          .then(() => changedHandlers.forEach((h) => h()))
          .catch((err: unknown) => log.warn('reading the counters from Redis failed', err));
      } else {
        const action = JSON.parse(text) as RemoteAction;
        actionHandlers.forEach((h) => h(action));
      }
    } catch (err) {
      log.warn('a desk message from another process could not be read', err);
    }
  });

  // Many changes in one moment (a join storm) make one "changed", not hundreds.
  let changePending = false;
  const fail = (what: string) => (err: unknown) => log.warn(`${what} failed`, err);

  return {
    processId,
    remoteMembers() {
      const now = Date.now();
      const out: RemoteMember[] = [];
      for (const [pid, r] of remote) {
        if (now - r.at > PRESENCE_TTL_MS) {
          remote.delete(pid);
          log.warn('a process stopped announcing its people; taking it for gone', { processId: pid });
          goneHandlers.forEach((h) => h(pid));
        } else out.push(...r.members);
      }
      return out;
    },
    announce(members) {
      pub.publish(CHANNEL.presence, JSON.stringify({ processId, members })).catch(fail('announcing people'));
    },
    send(target, action) {
      pub.publish(CHANNEL.to(target), JSON.stringify(action)).catch(fail('sending to another process'));
    },
    onAction: (h) => void actionHandlers.push(h),
    chosen,
    setChosen(counterId, status) {
      if (status) {
        chosen.set(counterId, status);
        pub.hset(CHOSEN, counterId, status).catch(fail('saving a counter status'));
      } else {
        chosen.delete(counterId);
        pub.hdel(CHOSEN, counterId).catch(fail('clearing a counter status'));
      }
    },
    changed() {
      if (changePending) return;
      changePending = true;
      setTimeout(() => {
        changePending = false;
        pub.publish(CHANNEL.changed, processId).catch(fail('telling of a change'));
      }, 10);
    },
    onChanged: (h) => void changedHandlers.push(h),
    onProcessGone: (h) => void goneHandlers.push(h),
    async claim(key, ttlMs) {
      return (await pub.set(`city-hall:claim:${key}`, processId, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async close() {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
