import type { EventView, NewEvent } from '../../../shared/protocol/index.ts';

export const eventsApi = {
  async list(): Promise<EventView[]> {
    const res = await fetch('/api/events').catch(() => null);
    return res?.ok ? ((await res.json()) as EventView[]) : [];
  },
  calendarUrl: (id: number) => `/api/events/${id}/calendar.ics`,
  async create(e: NewEvent): Promise<{ ok: boolean; message?: string }> {
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
  async setLive(id: number, live: boolean): Promise<boolean> {
    const res = await fetch(`/api/events/${id}/${live ? 'start' : 'end'}`, { method: 'POST' }).catch(
      () => null,
    );
    return res?.ok ?? false;
  },
};
