/** A step is this long: the cycle turns by π per step, so the feet keep pace with the ground. */
const STEP_M = 0.65;
/** Walking briskly (m/s): a full stride. */
const BRISK_MPS = 1.4;
/** Slower than this counts as standing (the interpolated pose creeps the last few centimetres). */
const WALKING_MPS = 0.25;
/** A jump further than this in one frame is a teleport (placed by the server), not a walk. */
const JUMP_M = 1.5;
/** How fast the measured speed follows the real one (per second): smooths the 10 Hz pose stream. */
const FOLLOW = 8;

/**
 * The walk of one person, from where they were drawn frame after frame (the interpolated pose stream
 * for others, the local pose for ourselves): speed, stride and the walk-cycle phase.
 */
export class WalkTracker {
  /** The person's own idle-motion seed (figurePose seedOf), worked out once rather than every frame. */
  constructor(readonly seed = 0) {}

  phase = 0;
  speed = 0;
  private x = NaN;
  private z = NaN;

  /** Called once per drawn frame with where the person is drawn and the frame's seconds. */
  update(x: number, z: number, dt: number): void {
    const d = Math.hypot(x - this.x, z - this.z);
    this.x = x;
    this.z = z;
    if (!(d < JUMP_M) || dt <= 0) {
      this.speed = 0;
      return;
    }
    // A first frame after a still spell comes seconds after the one before: no speed from that.
    const step = Math.min(dt, 0.1);
    const k = Math.min(1, step * FOLLOW);
    this.speed += (Math.min(d / Math.max(dt, 1 / 120), 3) - this.speed) * k;
    this.phase = (this.phase + (d / STEP_M) * Math.PI) % (Math.PI * 200);
  }

  get walking(): boolean {
    return this.speed > WALKING_MPS;
  }

  /** 0 standing … 1 a brisk walk. */
  get stride(): number {
    return this.walking ? Math.min(1, this.speed / BRISK_MPS) : 0;
  }
}
