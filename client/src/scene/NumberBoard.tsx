import { useEffect, useMemo, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import type { CanvasTexture, Mesh } from 'three';
import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { Language } from '../../../shared/constants.ts';
import { secondSignLanguage } from '../../../shared/i18n/languages.ts';
import { translate } from '../i18n/translate.ts';
import { useQueueStore } from '../store/queueStore.ts';
import { TEXT_SCALE, useDisplayStore } from '../store/displayStore.ts';
import { reportBoard } from '../app/testHook.ts';
import { createTextTexture, loadFontsFor } from './textTexture.ts';
import { SIGN_TILT } from './CounterDesk.tsx';
import {
  BOARD_H,
  BOARD_W,
  SLOT_COLOUR,
  boardLines,
  drawNumberBoard,
  slotRect,
  type BoardContent,
} from './numberBoardTexture.ts';

/** The counter's hanging sign (CounterDesk.tsx): the board hangs just above it, in the same tilt. */
const SIGN_CENTRE_Y = 3.6;
const SIGN_HEIGHT = 1.25;
/** Board height in metres where counters are far apart; closer ones get smaller boards (boardHeights). */
const BOARD_HEIGHT = 1.3;
const MIN_BOARD_HEIGHT = 0.6;
const ABOVE_SIGN = 0.12;
/** A newly called number blinks this long (under 5 s and 3 flashes a second: no pause control needed). */
const BLINK_MS = 4500;
const BLINK_PERIOD_MS = 450;

const NONE: readonly number[] = [];
/** Label texts whose glyphs the web font has loaded: drawing them again would change nothing. */
const fontsLoaded = new Set<string>();

/**
 * The board's texture: one per board, drawn again (into the same storage: the canvas size never changes)
 * only when `key`, which stands for the content, changes.
 */
function useBoardTexture(key: string, content: BoardContent): CanvasTexture {
  const canvas = useMemo(() => document.createElement('canvas'), []);
  const [texture] = useState(() => {
    drawNumberBoard(canvas, content);
    return createTextTexture(canvas);
  });
  const invalidate = useThree((s) => s.invalidate);
  const drawn = useRef(key);
  useEffect(() => {
    let live = true;
    const redraw = () => {
      drawNumberBoard(canvas, content);
      texture.needsUpdate = true;
      invalidate();
    };
    if (drawn.current !== key) redraw();
    drawn.current = key;
    const labels = `${content.callingLabel.join('|')}|${content.waitingLabel.join('|')}`;
    if (!fontsLoaded.has(labels)) {
      void loadFontsFor(boardLines(content)).then(() => {
        fontsLoaded.add(labels);
        if (live) redraw();
      });
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` summarises the content
  }, [key, canvas, texture, invalidate]);
  useEffect(() => () => texture.dispose(), [texture]);
  return texture;
}

/**
 * The number that should blink: the latest call, from when it reaches the top of the board until
 * BLINK_MS later. Numbers already on the board when it appears (entering the hall) do not blink.
 */
function useBlinkingNumber(calling: readonly number[]): number | null {
  const [blinkFor, setBlinkFor] = useState<number | null>(null);
  const previous = useRef<readonly number[] | null>(null);
  const newest = calling[0];
  const key = calling.join(',');
  useEffect(() => {
    const before = previous.current;
    previous.current = calling;
    if (before && newest !== before[0])
      setBlinkFor(newest !== undefined && !before.includes(newest) ? newest : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is `calling` by value
  }, [key]);
  useEffect(() => {
    if (blinkFor === null) return;
    const timer = setTimeout(() => setBlinkFor(null), BLINK_MS);
    return () => clearTimeout(timer);
  }, [blinkFor]);
  return blinkFor !== null && blinkFor === newest ? blinkFor : null;
}

export function NumberBoard({ counter, lang, height }: { counter: Counter; lang: Language; height: number }) {
  const calling = useQueueStore((s) => s.counters[counter.id]?.calling ?? NONE);
  const waiting = useQueueStore((s) => s.counters[counter.id]?.waiting ?? 0);
  const other = secondSignLanguage(lang);
  const content: BoardContent = {
    calling,
    callingLabel: [translate(lang, 'board.calling'), translate(other, 'board.calling')],
    waitingLabel: [
      translate(lang, 'board.waiting', { count: waiting }),
      translate(other, 'board.waiting', { count: waiting }),
    ],
  };
  const texture = useBoardTexture(`${lang}|${calling.join(',')}|${waiting}`, content);
  const blinking = useBlinkingNumber(calling);
  const mask = useRef<Mesh>(null);
  const invalidate = useThree((s) => s.invalidate);

  // The blink hides the latest number behind a patch of its well's colour, every half period: one small
  // mesh shown or not, a frame asked for at each change, and the texture left alone.
  useEffect(() => {
    const patch = mask.current;
    if (blinking === null || !patch) return;
    const timer = setInterval(() => {
      patch.visible = !patch.visible;
      invalidate();
    }, BLINK_PERIOD_MS);
    return () => {
      clearInterval(timer);
      patch.visible = false;
      invalidate();
    };
  }, [blinking, invalidate]);

  useEffect(() => {
    reportBoard(counter.id, { calling: [...calling], waiting, blinking: blinking !== null });
  }, [counter.id, calling, waiting, blinking]);
  useEffect(() => () => reportBoard(counter.id, null), [counter.id]);

  // Boards grow with the chosen text size as the signs do.
  const scale = 1 + (TEXT_SCALE[useDisplayStore((s) => s.textSize)] - 1) * 0.6;
  const h = height * scale;
  const w = (h * BOARD_W) / BOARD_H;
  const slot = slotRect(0);
  const d = counter.desk;
  const cz = (d.minZ + d.maxZ) / 2;
  const x = ((d.minX + d.maxX) / 2 + counter.staffSpot[0]) / 2;
  return (
    <group position={[x, SIGN_CENTRE_Y, cz]} rotation={SIGN_TILT}>
      <mesh position={[0, (SIGN_HEIGHT * scale) / 2 + ABOVE_SIGN + h / 2, 0]}>
        <planeGeometry args={[w, h]} />
        <meshBasicMaterial map={texture} alphaTest={0.5} toneMapped={false} />
        <mesh
          ref={mask}
          visible={false}
          position={[
            ((slot.x + slot.w / 2) / BOARD_W - 0.5) * w,
            (0.5 - (slot.y + slot.h / 2) / BOARD_H) * h,
            0.01,
          ]}
        >
          <planeGeometry args={[(slot.w / BOARD_W) * w, (slot.h / BOARD_H) * h]} />
          <meshBasicMaterial color={SLOT_COLOUR} toneMapped={false} />
        </mesh>
      </mesh>
    </group>
  );
}

/**
 * A called-number board above every counter. Information rather than decoration, so the light view keeps
 * it: one textured plane each (culled with its counter when out of view), the blink patch drawn only
 * while it blinks.
 */
export function NumberBoards({ hall, lang }: { hall: Hall; lang: Language }) {
  const heights = useMemo(() => boardHeights(hall.layout.counters), [hall.layout.counters]);
  return (
    <>
      {hall.layout.counters.map((c) => (
        <NumberBoard key={c.id} counter={c} lang={lang} height={heights.get(c.id) ?? BOARD_HEIGHT} />
      ))}
    </>
  );
}

/**
 * Each board's height from the distance to the next counter along the same wall: seen from the camera
 * (south, above), a board stacked on its sign reaches up towards the sign of the counter north of it, so
 * a row of counters 4 m apart gets smaller boards than one 7 m apart, and no board covers another's sign.
 */
function boardHeights(counters: readonly Counter[]): Map<string, number> {
  const centre = (c: Counter) => [(c.desk.minX + c.desk.maxX) / 2, (c.desk.minZ + c.desk.maxZ) / 2] as const;
  const heights = new Map<string, number>();
  for (const c of counters) {
    const [x, z] = centre(c);
    let gap = Infinity;
    for (const o of counters) {
      const [ox, oz] = centre(o);
      if (o !== c && Math.abs(ox - x) < 2) gap = Math.min(gap, Math.abs(z - oz));
    }
    heights.set(c.id, Math.min(BOARD_HEIGHT, Math.max(MIN_BOARD_HEIGHT, 0.3 * gap - 0.5)));
  }
  return heights;
}
