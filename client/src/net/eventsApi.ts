import type { EventView, NewEventInput, SlideDeckUpload, SlideView } from '../../../shared/protocol/index.ts';

export const eventsApi = {
  async list(): Promise<EventView[]> {
    const res = await fetch('/api/events').catch(() => null);
    return res?.ok ? ((await res.json()) as EventView[]) : [];
  },
  calendarUrl: (id: number, lang: string) =>
    `/api/events/${id}/calendar.ics?lang=${encodeURIComponent(lang)}`,
  async create(e: NewEventInput): Promise<{ ok: boolean; message?: string }> {
    const res = await fetch('/api/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(e),
    }).catch(() => null);
    if (!res) return { ok: false };
    return res.ok
      ? { ok: true }
      : { ok: false, message: ((await res.json()) as { message?: string }).message };
  },
  /** `ok`, or the server's error code (`stageUnavailable`, `badTransition`…; `network` when unreachable). */
  async setLive(id: number, live: boolean): Promise<string> {
    const res = await fetch(`/api/events/${id}/${live ? 'start' : 'end'}`, { method: 'POST' }).catch(
      () => null,
    );
    if (!res) return 'network';
    if (res.ok) return 'ok';
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : 'failed';
  },
  async slides(id: number): Promise<SlideView[]> {
    const res = await fetch(`/api/events/${id}/slides`).catch(() => null);
    return res?.ok ? ((await res.json()) as SlideView[]) : [];
  },
  /** Replaces the whole deck; on refusal the server's reason (the deck already saved stays). */
  async uploadSlides(id: number, deck: SlideDeckUpload): Promise<{ ok: boolean; message?: string }> {
    const res = await fetch(`/api/events/${id}/slides`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(deck),
    }).catch(() => null);
    if (!res) return { ok: false };
    if (res.ok) return { ok: true };
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    return { ok: false, message: body.message ?? `HTTP ${res.status}` };
  },
};
