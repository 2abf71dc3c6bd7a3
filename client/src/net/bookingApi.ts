import type { BookingView, SlotView } from '../../../shared/protocol/index.ts';

export type BookResult = { ok: true; booking: BookingView } | { ok: false; error: string };

/** Reservations over HTTP. The booking code is the only key; staff routes use the session cookie. */
export const bookingApi = {
  async slots(counterId: string): Promise<SlotView[]> {
    const res = await fetch(`/api/slots?counter=${encodeURIComponent(counterId)}`).catch(() => null);
    return res?.ok ? ((await res.json()) as SlotView[]) : [];
  },
  async book(body: {
    slotId: number;
    nickname: string;
    procedureId: string | null;
    contact: string | null;
    visitorToken: string;
  }): Promise<BookResult> {
    const res = await fetch('/api/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!res) return { ok: false, error: 'network' };
    const data = (await res.json().catch(() => ({}))) as BookingView & { error?: string };
    return res.ok ? { ok: true, booking: data } : { ok: false, error: data.error ?? 'badRequest' };
  },
  async get(code: string): Promise<BookingView | null> {
    const res = await fetch(`/api/bookings/${encodeURIComponent(code)}`).catch(() => null);
    return res?.ok ? ((await res.json()) as BookingView) : null;
  },
  async cancel(code: string): Promise<boolean> {
    const res = await fetch(`/api/bookings/${encodeURIComponent(code)}`, { method: 'DELETE' }).catch(
      () => null,
    );
    return res?.status === 204;
  },
  calendarUrl: (code: string, lang: string) =>
    `/api/bookings/${encodeURIComponent(code)}/calendar.ics?lang=${encodeURIComponent(lang)}`,
  async publish(body: {
    counterId: string;
    procedureId: string | null;
    startsAt: string;
    minutes: number;
    capacity: number;
  }): Promise<{ ok: boolean; error?: string }> {
    const res = await fetch('/api/slots', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!res) return { ok: false, error: 'network' };
    if (res.ok) return { ok: true };
    return { ok: false, error: ((await res.json().catch(() => ({}))) as { error?: string }).error };
  },
};
