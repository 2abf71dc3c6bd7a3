import { describe, expect, it } from 'vitest';
import { JanusError, ROOM_EXISTS, type JanusClient } from '../../server/src/media/janusClient.ts';
import { createStageRooms } from '../../server/src/media/stageRooms.ts';
import type { StageKeys, StageKeyStore } from '../../server/src/media/stageTypes.ts';
import { briefingLifecycle } from '../../server/src/rooms/briefing/briefingLifecycle.ts';
import type { Logger } from '../../server/src/logger.ts';
import type { EventView } from '../../shared/protocol/index.ts';

/** A Janus that keeps rooms in memory: `taken` holds rooms of someone else (another secret). */
function fakeJanus(opts: { taken?: number[]; takenFirst?: number; down?: boolean; refuses?: boolean } = {}) {
  const rooms = new Map<number, string>(opts.taken?.map((r) => [r, 'someone else']) ?? []);
  let collisions = opts.takenFirst ?? 0;
  const unreachable = () => new JanusError('Janus did not answer', false);
  const client = {
    rooms,
    async createRoom(room: number, _d: string, _p: number, keys: { secret: string }) {
      if (opts.down) throw unreachable();
      if (opts.refuses)
        throw new JanusError('Unauthorized request (wrong or missing secret/token)', true, 403);
      if (collisions > 0 || rooms.has(room)) {
        collisions--;
        throw new JanusError(`Room ${room} already exists`, true, ROOM_EXISTS);
      }
      rooms.set(room, keys.secret);
    },
    async exists(room: number) {
      if (opts.down) throw unreachable();
      return rooms.has(room);
    },
    async owns(room: number, secret: string) {
      return rooms.get(room) === secret;
    },
    async destroyRoom(room: number, secret: string) {
      if (rooms.get(room) !== secret) throw new JanusError('Unauthorized (wrong secret)', true, 433);
      rooms.delete(room);
    },
  };
  return client;
}

function memoryStore(): StageKeyStore & { saved: Map<number, StageKeys> } {
  const saved = new Map<number, StageKeys>();
  return {
    saved,
    async save(eventId, keys) {
      if (keys) saved.set(eventId, keys);
      else saved.delete(eventId);
    },
    async live() {
      return [...saved].map(([eventId, keys]) => ({ eventId, keys }));
    },
  };
}

const instance = (janus: ReturnType<typeof fakeJanus>, i: number) => ({
  janus: janus as unknown as JanusClient,
  url: `http://janus${i}/janus`,
  publicUrl: `https://janus${i}.example/janus`,
  forwardHost: `janus${i}`,
});

describe('stage rooms on one or several Janus instances', () => {
  it('a room id that is taken is drawn again; five taken in a row is Janus refusing', async () => {
    const janus = fakeJanus({ takenFirst: 2 });
    const store = memoryStore();
    const stages = createStageRooms([instance(janus, 0)], store, { viewersPerInstance: 10 });
    await stages.open(1, 'Tax');
    const keys = store.saved.get(1)!;
    expect(janus.rooms.get(keys.room)).toBe(keys.secret);
    expect((await stages.info(1))?.room).toBe(keys.room);

    const crowded = createStageRooms([instance(fakeJanus({ takenFirst: 5 }), 0)], memoryStore(), {
      viewersPerInstance: 10,
    });
    await expect(crowded.open(2, 'Tax')).rejects.toMatchObject({ reachable: true, code: ROOM_EXISTS });
  });

  it('a new stage opens on the instance that is origin to the fewest live stages', async () => {
    const store = memoryStore();
    const stages = createStageRooms([instance(fakeJanus(), 0), instance(fakeJanus(), 1)], store, {
      viewersPerInstance: 10,
    });
    await stages.open(1, 'a');
    await stages.open(2, 'b');
    await stages.open(3, 'c');
    expect([1, 2, 3].map((id) => store.saved.get(id)!.origin)).toEqual([
      'http://janus0/janus',
      'http://janus1/janus',
      'http://janus0/janus',
    ]);
  });

  it('members fill the origin up to its share, then the next instance, where the room is made then', async () => {
    const janus = [fakeJanus(), fakeJanus()];
    const stages = createStageRooms(janus.map(instance), memoryStore(), { viewersPerInstance: 2 });
    await stages.open(1, 'Tax');
    const room = (await stages.info(1))!.room;
    expect(janus[1]!.rooms.has(room)).toBe(false);
    const places = [];
    for (const sid of ['host', 'a', 'b', 'c']) places.push(await stages.place(1, sid, sid === 'host'));
    expect(places.map((p) => p?.instance)).toEqual([0, 0, 1, 1]);
    expect(places[2]).toMatchObject({ url: 'https://janus1.example/janus', room });
    expect(janus[1]!.rooms.has(room)).toBe(true);
    // Both full: the least loaded. Staff always go to the origin (publishers publish there).
    expect((await stages.place(1, 'd', false))?.instance).toBe(0);
    expect((await stages.place(1, 'interpreter', true))?.instance).toBe(0);
    // Someone leaves the second: the next attendee takes the place.
    stages.left(1, 'b');
    expect((await stages.place(1, 'e', false))?.instance).toBe(1);
  });

  it('an instance where someone else holds the id, or that is down, is passed over', async () => {
    const store = memoryStore();
    const janus = [fakeJanus(), fakeJanus(), fakeJanus({ down: true })];
    const stages = createStageRooms(janus.map(instance), store, { viewersPerInstance: 1 });
    await stages.open(1, 'Tax');
    const { room } = store.saved.get(1)!;
    janus[1]!.rooms.set(room, 'someone else');
    expect((await stages.place(1, 'host', true))?.instance).toBe(0);
    // The second holds a room with this id that is not ours, the third does not answer: back to the origin.
    expect((await stages.place(1, 'a', false))?.instance).toBe(0);
    // Ending destroys ours and leaves theirs.
    await stages.close(1);
    expect(janus[0]!.rooms.has(room)).toBe(false);
    expect(janus[1]!.rooms.get(room)).toBe('someone else');
    expect(store.saved.has(1)).toBe(false);
  });

  it('a room of ours left on an instance (a restart) is used again', async () => {
    const store = memoryStore();
    const janus = [fakeJanus(), fakeJanus()];
    await createStageRooms(janus.map(instance), store, { viewersPerInstance: 1 }).open(1, 'Tax');
    const { room, secret } = store.saved.get(1)!;
    janus[1]!.rooms.set(room, secret);
    const restarted = createStageRooms(janus.map(instance), store, { viewersPerInstance: 1 });
    await restarted.restore(async () => 'Tax');
    await restarted.place(1, 'host', true);
    expect((await restarted.place(1, 'a', false))?.instance).toBe(1);
  });
});

describe('starting a briefing when Janus fails', () => {
  const log = { error() {}, warn() {}, info() {}, debug() {} } as unknown as Logger;
  const event = { id: 7, title: { ja: '説明会', en: 'Briefing' } } as EventView;
  const lifecycle = (janus: ReturnType<typeof fakeJanus>, store: StageKeyStore = memoryStore()) =>
    briefingLifecycle(createStageRooms([instance(janus, 0)], store, { viewersPerInstance: 10 }), log);

  it('says the video server cannot be reached only when it cannot', async () => {
    await expect(lifecycle(fakeJanus({ down: true })).beforeLive(event)).rejects.toMatchObject({
      code: 'stageUnavailable',
    });
    await expect(lifecycle(fakeJanus({ refuses: true })).beforeLive(event)).rejects.toMatchObject({
      code: 'stageRefused',
      message: expect.stringMatching(/Unauthorized/),
    });
  });

  it('a failure that is not Janus’s is not blamed on it, and the room it made is not left behind', async () => {
    const janus = fakeJanus();
    const broken: StageKeyStore = {
      save: async () => {
        throw new Error('database is locked');
      },
      live: async () => [],
    };
    await expect(lifecycle(janus, broken).beforeLive(event)).rejects.toThrow('database is locked');
    expect(janus.rooms.size).toBe(0);
  });
});
