import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../server/src/logger.ts';

/** A log that writes into an array, one parsed JSON object per line. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

describe('structured logs', () => {
  it('writes one JSON line per event, with the level, the message and an error under err', async () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info('server started', { port: 2567 });
    log.error('queue tick failed', new Error('database is locked'));
    log.debug('not at info level');
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'server started', detail: { port: 2567 } });
    expect(lines[1]).toMatchObject({
      level: 50,
      msg: 'queue tick failed',
      err: { message: 'database is locked' },
    });
    expect(String((lines[1]!.err as { stack: string }).stack)).toMatch(/Error: database is locked/);
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('is quiet when silent', async () => {
    const { lines, stream } = capture();
    createLogger('silent', stream).error('nothing');
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([]);
  });
});
