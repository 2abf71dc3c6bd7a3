import { randomUUID } from 'node:crypto';

/**
 * A failure of Janus: either it could not be reached (no answer, a timeout, not JSON) or it answered
 * with an error (`refused`: a wrong secret, an unknown room…), with Janus's code when it gave one.
 * The two are told apart because they mean different things to whoever runs the hall.
 */
export class JanusError extends Error {
  constructor(
    message: string,
    readonly reachable: boolean,
    readonly code?: number,
  ) {
    super(message);
  }
}

/** VideoRoom's error code for a room id that is taken. */
export const ROOM_EXISTS = 427;
/** VideoRoom's error code for an id (publisher) that is taken in the room. */
export const ID_EXISTS = 436;

interface JanusReply {
  janus: string;
  transaction?: string;
  sender?: number;
  data?: { id: number; tokens?: { token: string }[] };
  plugindata?: { data: Record<string, unknown> & { error?: string; error_code?: number } };
  error?: { code: number; reason: string };
}

/** One stream of a publisher as VideoRoom describes it (what a remote copy of it needs to know). */
export type PublishedStream = Record<string, unknown> & { type: string; mid: string };

/** One request to a Janus HTTP endpoint (API or admin API); a Janus error becomes a JanusError. */
export async function janusPost(
  url: string,
  body: Record<string, unknown>,
  timeoutMs: number,
): Promise<JanusReply> {
  // A Janus that hangs must not pile up requests (the stage sweep runs every 2 s).
  const signal = AbortSignal.timeout(timeoutMs);
  const fail = (err: unknown): never => {
    throw new JanusError(`Janus at ${url} did not answer: ${String(err)}`, false);
  };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ transaction: randomUUID(), ...body }),
    signal,
  }).catch(fail);
  const reply = (await res.json().catch(fail)) as JanusReply;
  if (reply.janus === 'error')
    throw new JanusError(reply.error?.reason ?? 'Janus error', true, reply.error?.code);
  return reply;
}

const pluginFailure = (data: Record<string, unknown>) =>
  data.error ? new JanusError(String(data.error), true, Number(data.error_code) || undefined) : null;

/**
 * The Janus HTTP API calls the server needs: VideoRoom rooms (create, exists, destroy, removing
 * publishers it did not allow) and copying a publisher to the same room on another Janus.
 * Media never passes through here: browsers talk to Janus themselves.
 */
export function createJanusClient(baseUrl: string, apiSecret?: string, timeoutMs = 5000) {
  const base = baseUrl.replace(/\/$/, '');
  const call = (path: string, body: Record<string, unknown>) =>
    janusPost(`${base}${path}`, apiSecret ? { ...body, apisecret: apiSecret } : body, timeoutMs);

  /** Runs VideoRoom requests in a short-lived session (leaving it leaves the room too). */
  async function inSession<T>(run: (session: number, handle: number) => Promise<T>): Promise<T> {
    const session = (await call('', { janus: 'create' })).data!.id;
    try {
      const handle = (await call(`/${session}`, { janus: 'attach', plugin: 'janus.plugin.videoroom' })).data!
        .id;
      return await run(session, handle);
    } finally {
      await call(`/${session}`, { janus: 'destroy' }).catch(() => {});
    }
  }

  /** One synchronous VideoRoom request. */
  const videoroom = (request: Record<string, unknown>): Promise<Record<string, unknown>> =>
    inSession(async (session, handle) => {
      const data = (await call(`/${session}/${handle}`, { janus: 'message', body: request })).plugindata
        ?.data;
      const failure = pluginFailure(data ?? {});
      if (failure) throw failure;
      return data ?? {};
    });

  /** An asynchronous VideoRoom request: acknowledged at once, answered as an event on the session. */
  async function videoroomEvent(
    session: number,
    handle: number,
    request: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const transaction = randomUUID();
    await call(`/${session}/${handle}`, { janus: 'message', body: request, transaction });
    const until = Date.now() + timeoutMs;
    const secret = apiSecret ? `&apisecret=${encodeURIComponent(apiSecret)}` : '';
    while (Date.now() < until) {
      const res = await fetch(`${base}/${session}?maxev=5&rid=${Date.now()}${secret}`, {
        signal: AbortSignal.timeout(timeoutMs),
      }).catch((err: unknown) => {
        throw new JanusError(`Janus at ${base} did not answer: ${String(err)}`, false);
      });
      const body = (await res.json()) as JanusReply | JanusReply[];
      for (const m of Array.isArray(body) ? body : [body]) {
        if (m.transaction !== transaction || !m.plugindata) continue;
        const failure = pluginFailure(m.plugindata.data);
        if (failure) throw failure;
        return m.plugindata.data;
      }
    }
    throw new JanusError(`Janus at ${base} did not answer ${String(request.request)} in time`, false);
  }

  return {
    /** `secret` guards destroy and kick: only the server knows it; `pin` lets briefing members in. */
    async createRoom(
      room: number,
      description: string,
      publishers: number,
      keys: { pin: string; secret: string },
    ): Promise<void> {
      await videoroom({
        request: 'create',
        room,
        description,
        publishers,
        is_private: true,
        bitrate: 1_000_000,
        // Simulcast layers are VP8 (H.264 simulcast depends on the browser's encoder).
        videocodec: 'vp8',
        audiocodec: 'opus',
        pin: keys.pin,
        secret: keys.secret,
      });
    },
    async exists(room: number): Promise<boolean> {
      return (await videoroom({ request: 'exists', room })).exists === true;
    },
    /** Whether `secret` is the room's: a room with our id left from before is ours to reuse. */
    async owns(room: number, secret: string): Promise<boolean> {
      return videoroom({ request: 'edit', room, secret }).then(
        () => true,
        (err: unknown) => {
          if (err instanceof JanusError && err.reachable) return false;
          throw err;
        },
      );
    },
    async destroyRoom(room: number, secret: string): Promise<void> {
      await videoroom({ request: 'destroy', room, secret });
    },
    /** Everyone who joined as a publisher (sending media or not); `remote` ones are copies from another Janus. */
    async participants(
      room: number,
    ): Promise<{ id: number; publisher: boolean; remote?: boolean; display?: string }[]> {
      const data = await videoroom({ request: 'listparticipants', room });
      return (data.participants ?? []) as { id: number; publisher: boolean; remote?: boolean }[];
    },
    async kick(room: number, secret: string, id: number): Promise<void> {
      await videoroom({ request: 'kick', room, secret, id });
    },
    /**
     * What an active publisher sends (its streams with mids, codecs, simulcast), as a passive participant
     * joining the room learns it; null when the publisher is not (yet) sending. `listparticipants` does
     * not tell streams.
     */
    publishedStreams(
      room: number,
      pin: string,
      feed: number,
      lookerId: number,
    ): Promise<PublishedStream[] | null> {
      return inSession(async (session, handle) => {
        const joined = await videoroomEvent(session, handle, {
          request: 'join',
          ptype: 'publisher',
          room,
          pin,
          id: lookerId,
        });
        const publishers = (joined.publishers ?? []) as { id: number; streams?: PublishedStream[] }[];
        return publishers.find((p) => p.id === feed)?.streams ?? null;
      });
    },
    /** Announces a publisher of another Janus in this room; its media is to be sent to the port returned. */
    async addRemotePublisher(
      room: number,
      secret: string,
      id: number,
      display: string,
      streams: PublishedStream[],
    ): Promise<{ port: number; rtcpPort: number }> {
      const data = await videoroom({ request: 'add_remote_publisher', room, secret, id, display, streams });
      return { port: Number(data.port), rtcpPort: Number(data.rtcp_port) };
    },
    async removeRemotePublisher(room: number, secret: string, id: number): Promise<void> {
      await videoroom({ request: 'remove_remote_publisher', room, secret, id });
    },
    /** Sends a local publisher's media to a remote publisher announced on another Janus. */
    async publishRemotely(
      room: number,
      secret: string,
      feed: number,
      remoteId: string,
      target: { host: string; port: number; rtcpPort: number },
    ): Promise<void> {
      await videoroom({
        request: 'publish_remotely',
        room,
        secret,
        publisher_id: feed,
        remote_id: remoteId,
        host: target.host,
        port: target.port,
        rtcp_port: target.rtcpPort,
      });
    },
    async unpublishRemotely(room: number, secret: string, feed: number, remoteId: string): Promise<void> {
      await videoroom({
        request: 'unpublish_remotely',
        room,
        secret,
        publisher_id: feed,
        remote_id: remoteId,
      });
    },
  };
}
export type JanusClient = ReturnType<typeof createJanusClient>;
