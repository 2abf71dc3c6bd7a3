import { describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '../../server/src/db/database.ts';
import { createQueueService } from '../../server/src/services/queueService.ts';
import { BOARD_NUMBERS, callingNumbers, callingText } from '../../shared/state/numberBoard.ts';
import { testDatabase } from '../support/testDatabase.ts';

const T0 = Date.parse('2026-11-25T01:00:00Z');

describe('number board', () => {
  it('shows the numbers called or served at the counter, latest call first, at most three', async () => {
    const db = openDatabase(await testDatabase(':memory:'));
    await migrateToLatest(db);
    const queue = createQueueService(db, { dayOf: (at) => new Date(at).toISOString().slice(0, 10) });
    await queue.load(T0);
    const numbers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = await queue.take({ counterId: 'shimin', procedureId: null, residentKey: `r${i}` }, T0 + i);
      numbers.push(t.number);
    }
    await queue.take({ counterId: 'shiminzei', procedureId: null, residentKey: 'other' }, T0 + 9);
    expect(queue.calling('shimin', BOARD_NUMBERS)).toEqual([]);

    // Four staff call one after another; the first one's resident answers (served, still shown).
    for (let staff = 1; staff <= 4; staff++) await queue.callNext('shimin', staff, T0 + 100 * staff);
    await queue.answer('r0', T0 + 500);
    expect(queue.calling('shimin', BOARD_NUMBERS)).toEqual([numbers[3], numbers[2], numbers[1]]);
    expect(queue.calling('shimin', 10)).toEqual([numbers[3], numbers[2], numbers[1], numbers[0]]);
    expect(queue.calling('shiminzei', BOARD_NUMBERS)).toEqual([]);

    // Finished or no-show: gone; the older ones come back into view.
    const third = queue.staffTicket(4)!;
    await queue.noShow(third.id, 4, T0 + 600);
    await queue.done(queue.staffTicket(1)!.id, 1, T0 + 700);
    expect(queue.calling('shimin', BOARD_NUMBERS)).toEqual([numbers[2], numbers[1]]);
    await db.destroy();
  });

  it('travels as text and is read back as numbers only', () => {
    expect(callingText([15, 12])).toBe('15,12');
    expect(callingNumbers('15,12')).toEqual([15, 12]);
    expect(callingNumbers('')).toEqual([]);
    expect(callingNumbers('1,2,3,4')).toEqual([1, 2, 3]);
    expect(callingNumbers('7,<b>x</b>,-1,1e3,8')).toEqual([7, 8]);
  });
});
