import { randomBytes } from 'node:crypto';
import { janusPost } from './janusClient.ts';

const PREFIX = 'city-hall';

/**
 * Per-person access to Janus through its admin API (Janus with `token_auth = true`): each briefing
 * member gets a token of their own, good for the VideoRoom plugin only, and it is withdrawn when they
 * leave or are removed, so a PIN passed around no longer lets anyone in. Tokens carry their issue time,
 * so those a crashed process could not withdraw are swept after a day.
 */
export function createJanusAccess(adminUrl: string, adminSecret: string, timeoutMs = 5000) {
  const admin = (body: Record<string, unknown>) =>
    janusPost(adminUrl, { ...body, admin_secret: adminSecret }, timeoutMs);
  return {
    async grant(now = Date.now()): Promise<string> {
      const token = `${PREFIX}.${now.toString(36)}.${randomBytes(24).toString('base64url')}`;
      await admin({ janus: 'add_token', token, plugins: ['janus.plugin.videoroom'] });
      return token;
    },
    async revoke(token: string): Promise<void> {
      await admin({ janus: 'remove_token', token });
    },
    /** Withdraws this server's tokens older than `maxAgeMs` (left behind by a process that died). */
    async sweep(maxAgeMs: number, now = Date.now()): Promise<number> {
      const tokens = (await admin({ janus: 'list_tokens' })).data?.tokens ?? [];
      let removed = 0;
      for (const { token } of tokens) {
        const [prefix, at] = token.split('.');
        if (prefix !== PREFIX || !at || now - parseInt(at, 36) <= maxAgeMs) continue;
        await admin({ janus: 'remove_token', token });
        removed++;
      }
      return removed;
    },
  };
}
export type JanusAccess = ReturnType<typeof createJanusAccess>;

/**
 * Members' tokens on several Janus instances (one admin API each, the same admin secret): a token is
 * granted on the instance the member was sent to, and good only there.
 */
export function createStageAccess(perInstance: JanusAccess[]) {
  const where = new Map<string, JanusAccess>();
  return {
    async grant(instance: number): Promise<string> {
      const access = perInstance[instance];
      if (!access) throw new Error(`no Janus admin API for instance ${instance}`);
      const token = await access.grant();
      where.set(token, access);
      return token;
    },
    async revoke(token: string): Promise<void> {
      const access = where.get(token);
      where.delete(token);
      await access?.revoke(token);
    },
    async sweep(maxAgeMs: number): Promise<number> {
      let removed = 0;
      for (const access of perInstance) removed += await access.sweep(maxAgeMs);
      return removed;
    },
  };
}
export type StageAccess = ReturnType<typeof createStageAccess>;
