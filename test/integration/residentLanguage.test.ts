import { describe, expect, it } from 'vitest';
import { ClientMessage } from '../../shared/protocol/index.ts';
import { waitFor } from '../support/waitFor.ts';
import { restartableHall } from '../support/restartableHall.ts';

/** Staff see the language each resident uses the hall in, next to the number, and still after a restart. */
describe("the resident's language on the staff queue", () => {
  const hall = restartableHall();
  const staffAtCounter = async () => {
    const staff = await hall.staff();
    staff.room.send(ClientMessage.takeCounter, { counterId: 'shimin' });
    return staff;
  };

  it('an English-speaking and a Japanese-speaking resident, one after the other', async () => {
    await hall.start();
    const staff = await staffAtCounter();
    const ben = await hall.join({ nickname: 'Ben', lang: 'en' });
    const aki = await hall.join({ nickname: 'あき', lang: 'ja' });
    ben.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => ben.ticket(), 5000, 'Ben has a number');
    aki.room.send(ClientMessage.takeTicket, { counterId: 'shimin' });
    await waitFor(() => staff.queue()?.entries.length === 2, 5000, 'two in the queue');
    expect(staff.queue()!.entries.map((e) => [e.number, e.lang])).toEqual([
      [ben.ticket()!.number, 'en'],
      [aki.ticket()!.number, 'ja'],
    ]);
    // Still no names in the staff queue.
    expect(JSON.stringify(staff.queue())).not.toMatch(/Ben|あき/);

    await hall.start();
    const again = await staffAtCounter();
    await waitFor(() => again.queue()?.entries.length === 2, 5000, 'the queue after a restart');
    expect(again.queue()!.entries.map((e) => e.lang)).toEqual(['en', 'ja']);
  });

  it('the language chosen when taking the number counts, not the one the resident entered with; a made-up one is refused', async () => {
    await hall.start();
    const staff = await staffAtCounter();
    const lan = await hall.join({ nickname: 'Lan', lang: 'ko' });
    // A language the hall does not speak: refused as a bad message, no number taken.
    const refused = lan.refusal('takeTicket');
    lan.room.send(ClientMessage.takeTicket, { counterId: 'shimin', lang: 'xx-klingon' });
    expect(await refused).toBe('invalidMessage');
    expect(lan.ticket() ?? null).toBeNull();
    // She switched to Vietnamese in the hall before taking a number.
    lan.room.send(ClientMessage.takeTicket, { counterId: 'shimin', lang: 'vi' });
    const mine = await waitFor(() => lan.ticket(), 5000, 'Lan has a number');
    const entry = await waitFor(
      () => staff.queue()?.entries.find((e) => e.number === mine.number),
      5000,
      'her number in the staff queue',
    );
    expect(entry.lang).toBe('vi');
  });
});
