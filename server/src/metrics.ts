import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { matchMaker } from '@colyseus/core';

/**
 * What an operator watches, in Prometheus format (`GET /metrics`): connected clients per room kind,
 * queue lengths and the longest wait per counter, refused messages by room and reason, database query
 * time, and Node's own (event-loop lag, memory, GC). One registry per server, so tests can run several.
 */
export function createMetrics(queue: () => { counterId: string; waiting: number; longestWaitS: number }[]) {
  const registry = new Registry();
  const process = String(globalThis.process.pid);
  registry.setDefaultLabels({ process });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

  new Gauge({
    name: 'city_hall_clients',
    help: 'Clients connected to rooms of this process, by room kind.',
    labelNames: ['room'],
    registers: [registry],
    async collect() {
      this.reset();
      const rooms = await matchMaker.query({});
      const byKind = new Map<string, number>();
      for (const r of rooms) byKind.set(r.name, (byKind.get(r.name) ?? 0) + r.clients);
      for (const [room, n] of byKind) this.set({ room }, n);
    },
  });
  new Gauge({
    name: 'city_hall_queue_waiting',
    help: 'Residents waiting at each counter.',
    labelNames: ['counter'],
    registers: [registry],
    collect() {
      this.reset();
      for (const q of queue()) this.set({ counter: q.counterId }, q.waiting);
    },
  });
  new Gauge({
    name: 'city_hall_queue_longest_wait_seconds',
    help: 'How long the first resident in line at each counter has waited.',
    labelNames: ['counter'],
    registers: [registry],
    collect() {
      this.reset();
      for (const q of queue()) this.set({ counter: q.counterId }, q.longestWaitS);
    },
  });
  const refused = new Counter({
    name: 'city_hall_messages_refused_total',
    help: 'Client messages refused, by room and reason (the refusal code).',
    labelNames: ['room', 'code'],
    registers: [registry],
  });
  const queries = new Histogram({
    name: 'city_hall_db_query_seconds',
    help: 'Database query time.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });

  return {
    registry,
    refused: (room: string, code: string) => refused.inc({ room, code }),
    query: (ms: number) => queries.observe(ms / 1000),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
