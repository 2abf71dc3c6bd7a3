/**
 * A browser-side Janus session over its HTTP API: requests by POST, events by long polling. Enough for
 * the VideoRoom plugin: a few publishers (the presenter, invited speakers) and many subscribers.
 */
export type JanusMessage = {
  janus: string;
  transaction?: string;
  sender?: number;
  data?: { id: number };
  plugindata?: { data: Record<string, unknown> };
  jsep?: RTCSessionDescriptionInit;
  error?: { reason: string };
};

const tx = () => Math.random().toString(36).slice(2);

export class JanusHandle {
  private listeners = new Set<(m: JanusMessage) => void>();
  /** What Janus says on its own (no request of ours): a hangup, a slow link, the feed gone. */
  onEvent: ((m: JanusMessage) => void) | null = null;
  constructor(
    private readonly session: JanusSession,
    readonly id: number,
  ) {}

  deliver(m: JanusMessage): void {
    if (m.transaction === undefined) this.onEvent?.(m);
    for (const l of this.listeners) l(m);
  }

  /** Sends a plugin message and resolves with the plugin's answer (sync reply or the async event). */
  async send(body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit): Promise<JanusMessage> {
    const transaction = tx();
    let listener: (m: JanusMessage) => void = () => {};
    const event = new Promise<JanusMessage>((resolve, reject) => {
      listener = (m) => {
        if (m.transaction !== transaction || m.janus === 'ack') return;
        this.listeners.delete(listener);
        if (m.plugindata?.data.error) reject(new Error(String(m.plugindata.data.error)));
        else resolve(m);
      };
      this.listeners.add(listener);
    });
    // An error event may come before the synchronous reply is read: it is handled (returned) below.
    event.catch(() => {});
    const reply = await this.session
      .post(`/${this.id}`, { janus: 'message', body, jsep, transaction })
      .catch((err: unknown) => {
        this.listeners.delete(listener);
        throw err;
      });
    if (reply.janus !== 'success') return event;
    this.listeners.delete(listener);
    if (reply.plugindata?.data.error) throw new Error(String(reply.plugindata.data.error));
    return reply;
  }

  detach(): void {
    void this.session.post(`/${this.id}`, { janus: 'detach', transaction: tx() }).catch(() => {});
  }

  trickle(candidate: RTCIceCandidateInit | null): void {
    void this.session.post(`/${this.id}`, {
      janus: 'trickle',
      transaction: tx(),
      candidate: candidate ?? { completed: true },
    });
  }
}

export class JanusSession {
  private handles = new Map<number, JanusHandle>();
  private alive = true;

  private constructor(
    private readonly base: string,
    private readonly id: number,
    /** This person's access token, when Janus requires one: it goes with every request and poll. */
    private readonly token: string | undefined,
  ) {
    void this.poll();
  }

  static async create(url: string, token?: string): Promise<JanusSession> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ janus: 'create', transaction: tx(), ...(token ? { token } : {}) }),
    });
    const m = (await res.json()) as JanusMessage;
    if (!m.data) throw new Error(m.error?.reason ?? 'Janus refused the session');
    return new JanusSession(url.replace(/\/$/, ''), m.data.id, token);
  }

  async post(path: string, body: Record<string, unknown>): Promise<JanusMessage> {
    const res = await fetch(`${this.base}/${this.id}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.token ? { ...body, token: this.token } : body),
    });
    const m = (await res.json()) as JanusMessage;
    if (m.janus === 'error') throw new Error(m.error?.reason ?? 'Janus error');
    return m;
  }

  async attach(): Promise<JanusHandle> {
    const m = await this.post('', { janus: 'attach', plugin: 'janus.plugin.videoroom', transaction: tx() });
    const handle = new JanusHandle(this, m.data!.id);
    this.handles.set(handle.id, handle);
    return handle;
  }

  /** Long polling doubles as the keep-alive Janus needs to keep the session. */
  private async poll(): Promise<void> {
    while (this.alive) {
      try {
        const auth = this.token ? `&token=${encodeURIComponent(this.token)}` : '';
        const res = await fetch(`${this.base}/${this.id}?maxev=10&rid=${Date.now()}${auth}`);
        const body = (await res.json()) as JanusMessage | JanusMessage[];
        for (const m of Array.isArray(body) ? body : [body]) {
          if (m.sender !== undefined) this.handles.get(m.sender)?.deliver(m);
        }
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  destroy(): void {
    this.alive = false;
    void this.post('', { janus: 'destroy', transaction: tx() }).catch(() => {});
  }
}
