import { CounterState, type HallState } from '../../../../shared/state/hallState.ts';
import type { CounterView } from '../../desk/deskTypes.ts';
import { callingText } from '../../../../shared/state/numberBoard.ts';

/** Writes the desk's counter states into this room's state, field by field, only what changed. */
export function mirrorCounters(state: HallState, changed: ReadonlyMap<string, CounterView>): void {
  for (const [id, v] of changed) {
    let s = state.counters.get(id);
    if (!s) {
      s = new CounterState();
      state.counters.set(id, s);
    }
    if (s.status !== v.status) s.status = v.status;
    if (s.staffOnDuty !== v.staffOnDuty) s.staffOnDuty = v.staffOnDuty;
    if (s.waiting !== v.waiting) s.waiting = v.waiting;
    const calling = callingText(v.calling);
    if (s.calling !== calling) s.calling = calling;
    if (s.withinHours !== v.withinHours) s.withinHours = v.withinHours;
    if (s.opensAt !== v.opensAt) s.opensAt = v.opensAt;
  }
}
