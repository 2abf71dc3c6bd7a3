import { bookingApi, type BookResult } from '../net/bookingApi.ts';
import { forgetVisitorToken, visitorToken as tabVisitorToken } from '../net/visitorToken.ts';
import { sendToHall } from '../net/hallConnection.ts';
import type { BookingView } from '../../../shared/protocol/index.ts';

const MINE = 'city-hall.bookings';

/** Codes of this browser's bookings, so the resident finds them again (kept on this device only). */
function myCodes(): string[] {
  try {
    return JSON.parse(localStorage.getItem(MINE) ?? '[]') as string[];
  } catch {
    return [];
  }
}
function remember(codes: string[]): void {
  try {
    localStorage.setItem(MINE, JSON.stringify(codes.slice(-20)));
  } catch {
    // Without storage the code is still shown once; the resident can note it down.
  }
}

export const bookingActions = {
  slots: bookingApi.slots,
  calendarUrl: bookingApi.calendarUrl,
  async book(
    slotId: number,
    nickname: string,
    procedureId: string | null,
    contact: string | null,
  ): Promise<BookResult> {
    const attempt = async () => {
      const visitorToken = await tabVisitorToken();
      if (!visitorToken) return { ok: false as const, error: 'network' };
      return bookingApi.book({ slotId, nickname, procedureId, contact, visitorToken });
    };
    let result = await attempt();
    // A token the server no longer accepts is replaced once, without the resident noticing.
    if (!result.ok && result.error === 'visitorTokenInvalid') {
      forgetVisitorToken();
      result = await attempt();
    }
    if (result.ok) remember([...myCodes(), result.booking.code]);
    return result;
  },
  async mine(): Promise<BookingView[]> {
    const all = await Promise.all(myCodes().map((c) => bookingApi.get(c)));
    return all.filter((b): b is BookingView => b !== null && b.status === 'booked');
  },
  async cancel(code: string): Promise<boolean> {
    const ok = await bookingApi.cancel(code);
    if (ok) remember(myCodes().filter((c) => c !== code));
    return ok;
  },
  checkIn: (code: string, nickname?: string) =>
    sendToHall('checkIn', nickname ? { code, nickname } : { code }),
  publish: bookingApi.publish,
};
