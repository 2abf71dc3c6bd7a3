import type { StateView } from '@colyseus/schema';
import { STAFF_UNIFORM_COLOR } from '../../../../shared/constants.ts';
import type { Hall } from '../../../../shared/layout/hallLayout.ts';
import { AvatarState, type HallState } from '../../../../shared/state/hallState.ts';
import type { StaffOnDuty } from '../../desk/deskTypes.ts';
import type { PoseChannel } from './poseChannel.ts';

/** Key of a mirrored staff avatar: never a session id (those are short random strings without a colon). */
const mirrorKey = (staffId: number) => `staff:${staffId}`;

/**
 * Staff on duty in other hall rooms, shown in this one at their counters: whichever hall room a resident
 * is in, they see who serves each counter. The staff member's own room has their real avatar.
 */
export function createStaffMirror(hall: Hall, state: HallState, roomId: string, poses: PoseChannel) {
  const mirrored = new Map<string, AvatarState>();
  return {
    /** Brings the mirrored avatars in line with the desk's list; returns the ones added. */
    sync(list: readonly StaffOnDuty[]): AvatarState[] {
      const wanted = new Map(list.filter((s) => s.roomId !== roomId).map((s) => [mirrorKey(s.staffId), s]));
      for (const key of [...mirrored.keys()]) {
        if (wanted.has(key)) continue;
        mirrored.delete(key);
        state.avatars.delete(key);
        poses.remove(key);
      }
      const added: AvatarState[] = [];
      for (const [key, s] of wanted) {
        const counter = hall.serviceDesks.find((c) => c.id === s.counterId);
        const [x, z] = counter?.staffSpot ?? [0, 0];
        let a = mirrored.get(key);
        if (!a) {
          a = new AvatarState();
          a.role = 'staff';
          a.color = STAFF_UNIFORM_COLOR;
          a.n = poses.add(key, x, z, 0).n;
          mirrored.set(key, a);
          state.avatars.set(key, a);
          added.push(a);
        }
        poses.move(key, x, z, 0);
        a.nickname = s.name;
        a.counterId = s.counterId;
        a.consulting = s.consulting;
        a.area = hall.areaAt(x, z)?.id ?? '';
      }
      return added;
    },
    /** Everyone sees every staff member on duty. */
    showTo(view: StateView): void {
      for (const a of mirrored.values()) view.add(a);
    },
    keys: () => mirrored.keys(),
  };
}
