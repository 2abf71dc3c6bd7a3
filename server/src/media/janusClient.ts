import { randomUUID } from 'node:crypto';

/** A failure reported by Janus (or an unreachable Janus), with its message. */
export class JanusError extends Error {}

interface JanusReply {
  janus: string;
  data?: { id: number; tokens?: { token: string }[] };
  plugindata?: { data: Record<string, unknown> & { error?: string; videoroom?: string } };
  error?: { code: number; reason: string };
}

/** One request to a Janus HTTP endpoint (API or admin API); a Janus error becomes a JanusError. */
export async function janusPost(
  url: string,
  body: Record<string, unknown>,
  timeoutMs: number,
): Promise<JanusReply> {
  // A Janus that hangs must not pile up requests (the stage sweep runs every 2 s).
  const signal = AbortSignal.timeout(timeoutMs);
  const fail = (err: unknown): never => {
    throw new JanusError(`Janus at ${url} did not answer: ${String(err)}`);
  };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, transaction: randomUUID() }),
    signal,
  }).catch(fail);
  const reply = (await res.json().catch(fail)) as JanusReply;
  if (reply.janus === 'error') throw new JanusError(reply.error?.reason ?? 'Janus error');
  return reply;
}

/**
 * The few Janus HTTP API calls the server needs to manage VideoRoom rooms (create, exists, destroy, and
 * removing publishers it did not allow).
 * Media never passes through here: browsers talk to Janus themselves.
 */
export function createJanusClient(baseUrl: string, apiSecret?: string, timeoutMs = 5000) {
  const base = baseUrl.replace(/\/$/, '');
  const call = (path: string, body: Record<string, unknown>) =>
    janusPost(`${base}${path}`, apiSecret ? { ...body, apisecret: apiSecret } : body, timeoutMs);

  /** Runs one synchronous VideoRoom request in a short-lived session. */
  async function videoroom(request: Record<string, unknown>): Promise<Record<string, unknown>> {
    const session = (await call('', { janus: 'create' })).data!.id;
    try {
      const handle = (await call(`/${session}`, { janus: 'attach', plugin: 'janus.plugin.videoroom' })).data!
        .id;
      const reply = await call(`/${session}/${handle}`, { janus: 'message', body: request });
      const data = reply.plugindata?.data ?? {};
      if (data.error) throw new JanusError(String(data.error));
      return data;
    } finally {
      await call(`/${session}`, { janus: 'destroy' }).catch(() => {});
    }
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
        pin: keys.pin,
        secret: keys.secret,
      });
    },
    async exists(room: number): Promise<boolean> {
      return (await videoroom({ request: 'exists', room })).exists === true;
    },
    async destroyRoom(room: number, secret: string): Promise<void> {
      await videoroom({ request: 'destroy', room, secret });
    },
    /** Everyone who joined as a publisher (sending media or not). */
    async participants(room: number): Promise<{ id: number; publisher: boolean }[]> {
      const data = await videoroom({ request: 'listparticipants', room });
      return (data.participants ?? []) as { id: number; publisher: boolean }[];
    },
    async kick(room: number, secret: string, id: number): Promise<void> {
      await videoroom({ request: 'kick', room, secret, id });
    },
  };
}
export type JanusClient = ReturnType<typeof createJanusClient>;

/** VideoRoom ids for briefings: a fixed offset keeps them apart from rooms other tools may create. */
export const janusRoomOf = (eventId: number) => 100_000 + eventId;
