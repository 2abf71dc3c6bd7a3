import { create } from 'zustand';
import { WAVE_MS } from '../../../shared/protocol/wave.ts';
import { keepDrawing } from './motion.ts';

interface WaveState {
  /** Session ids of the people waving now (ourselves included), until when (performance.now()). */
  waving: Record<string, number>;
  /** Someone started to wave: shown for WAVE_MS, in the 3D hall and in the list of people. */
  started(id: string): void;
  reset(): void;
}

/** Frames drawn after a wave ends, for the arm to be seen down. */
const ARM_DOWN_MS = 300;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Who is waving. Changes only twice per wave, so React may read it (the list of people says so); the
 * scene reads it in its frame loop with getState. A wave keeps the hall drawing while it lasts, and a
 * little after it ends.
 */
export const useWaveStore = create<WaveState>((set) => ({
  waving: {},
  started: (id) => {
    clearTimeout(timers.get(id));
    set((s) => ({ waving: { ...s.waving, [id]: performance.now() + WAVE_MS } }));
    keepDrawing(WAVE_MS);
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        // The arm comes down in the picture too, however late the last frame of the wave was drawn.
        keepDrawing(ARM_DOWN_MS);
        set((s) => {
          const { [id]: _done, ...rest } = s.waving;
          return { waving: rest };
        });
      }, WAVE_MS),
    );
  },
  reset: () => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    set({ waving: {} });
  },
}));
