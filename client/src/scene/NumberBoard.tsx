import { useEffect, useMemo, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import type { CanvasTexture, Group } from 'three';
import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import type { Language } from '../../../shared/constants.ts';
import { secondSignLanguage } from '../../../shared/i18n/languages.ts';
import { translate } from '../i18n/translate.ts';
import { useQueueStore } from '../store/queueStore.ts';
import { reportBoard } from '../app/testHook.ts';
import { createTextTexture, loadFontsFor } from './textTexture.ts';
import { SIGN_TILT } from './counterSignLayout.ts';
import { signGeometry } from './signGeometry.ts';
import {
  BOARD_H,
  BOARD_W,
  SLOT_COLOUR,
  boardLines,
  drawNumberBoard,
  slotRect,
  type BoardContent,
} from './numberBoardTexture.ts';

/** Width over height of a board, as its texture is drawn. */
export const BOARD_ASPECT = BOARD_W / BOARD_H;
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

/**
 * A counter's called-number board, hung by CounterDesk beside its sign. Information rather than decoration,
 * so the light view keeps it: one textured plane, the blink patch drawn only while it blinks.
 */
export function NumberBoard({
  counter,
  lang,
  position,
  height,
}: {
  counter: Counter;
  lang: Language;
  /** Centre of the board, beside the counter's sign (counterSignLayout). */
  position: [number, number, number];
  /** In metres, text size included. */
  height: number;
}) {
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
  const mask = useRef<Group>(null);
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

  const w = height * BOARD_ASPECT;
  const slot = slotRect(0);
  const board = useMemo(() => signGeometry(w, height), [w, height]);
  useEffect(() => () => board.dispose(), [board]);
  const [mx, my] = [
    ((slot.x + slot.w / 2) / BOARD_W - 0.5) * w,
    (0.5 - (slot.y + slot.h / 2) / BOARD_H) * height,
  ];
  const patch = <planeGeometry args={[(slot.w / BOARD_W) * w, (slot.h / BOARD_H) * height]} />;
  const dark = <meshBasicMaterial color={SLOT_COLOUR} toneMapped={false} />;
  // Printed on both faces like the sign beside it; the back's number well is mirrored, so is its patch.
  return (
    <mesh position={position} rotation={SIGN_TILT} geometry={board}>
      <meshBasicMaterial map={texture} alphaTest={0.5} toneMapped={false} />
      <group ref={mask} visible={false}>
        <mesh position={[mx, my, 0.01]}>
          {patch}
          {dark}
        </mesh>
        <mesh position={[-mx, my, -0.01]} rotation={[0, Math.PI, 0]}>
          {patch}
          {dark}
        </mesh>
      </group>
    </mesh>
  );
}
