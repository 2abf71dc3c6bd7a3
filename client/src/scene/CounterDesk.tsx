import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import type { Language } from '../../../shared/constants.ts';
import { useMemo } from 'react';
import { SignPlane, useSignScale } from './SignBoard.tsx';
import { useTextTexture } from './useTextTexture.ts';
import type { TextLine } from './textTexture.ts';
import { SIGN_TILT, counterSignPlace } from './counterSignLayout.ts';
import { NumberBoard, BOARD_ASPECT } from './NumberBoard.tsx';
import { openPanel } from '../app/catalogActions.ts';
import { useQueueStore } from '../store/queueStore.ts';
import { useDisasterStore } from '../store/disasterStore.ts';
import { translate } from '../i18n/translate.ts';
import type { CounterStatus } from '../../../shared/protocol/index.ts';
import { localized } from '../../../shared/i18n/localized.ts';
import { secondSignLanguage } from '../../../shared/i18n/languages.ts';

/** Lamp colours follow the usual traffic-light reading; closed is a dim grey. */
const LAMP: Record<CounterStatus, { color: string; emissive: string }> = {
  open: { color: '#2f9e44', emissive: '#2f9e44' },
  busy: { color: '#f08c00', emissive: '#e67700' },
  away: { color: '#fab005', emissive: '#a07000' },
  closed: { color: '#9aa0a6', emissive: '#30343a' },
};

export interface CounterDeskProps {
  counter: Counter;
  lang: Language;
}

const SIGN_HEIGHT = 1.25;
/** The called-number board hangs beside the sign, a little taller (its numbers are the point). */
const BOARD_HEIGHT = 1.3;

/**
 * A service counter: the desk, a status lamp (green open, orange busy, yellow away, grey closed), a hanging
 * sign with the counter number and department name in the resident's language with Japanese (or English)
 * beneath, facing the camera, and the called-number board beside it.
 */
export function CounterDesk({ counter, lang }: CounterDeskProps) {
  const d = counter.desk;
  const cx = (d.minX + d.maxX) / 2;
  const cz = (d.minZ + d.maxZ) / 2;
  const other = secondSignLanguage(lang);
  const status = useQueueStore((s) => s.counters[counter.id]?.status ?? 'closed');
  // Relabelled in disaster mode: a red sign that says so first.
  const relabelled = useDisasterStore((s) => s.view.on && s.view.counters.includes(counter.id));
  const lamp = LAMP[status];
  const name = localized(lang, counter.name);
  const otherName = localized(other, counter.name);
  const disasterLabel = relabelled ? translate(lang, 'disaster.counterLabel') : '';
  const lines: TextLine[] = useMemo(
    () => [
      ...(disasterLabel ? [{ text: disasterLabel, size: 44, bold: true, color: '#ffffff' }] : []),
      { text: name, size: 64, bold: true, color: '#ffffff' },
      { text: otherName, size: 40, color: '#e3edf7' },
    ],
    [disasterLabel, name, otherName],
  );
  const sign = useTextTexture(`counter-${counter.id}:${disasterLabel}|${name}|${otherName}`, lines, {
    background: relabelled ? '#c92a2a' : '#1c4e80',
    maxTextWidth: 620,
    badge: { text: String(counter.number), background: '#ffffff', color: '#1c4e80' },
  });
  const scale = useSignScale();
  const [signH, boardH] = [SIGN_HEIGHT * scale, BOARD_HEIGHT * scale];
  const signW = signH * sign.aspect;
  const place = counterSignPlace(
    counter,
    { width: signW, height: signH },
    { width: boardH * BOARD_ASPECT, height: boardH },
  );
  return (
    <group>
      {/* Clicking the desk opens the counter's panel, like walking up to it. */}
      <mesh
        position={[cx, 0.5, cz]}
        onClick={(e) => {
          e.stopPropagation();
          openPanel({ kind: 'counter', counterId: counter.id });
        }}
      >
        <boxGeometry args={[d.maxX - d.minX, 1, d.maxZ - d.minZ]} />
        <meshLambertMaterial color="#c89f74" />
      </mesh>
      <mesh position={[cx, 1.02, cz]}>
        <boxGeometry args={[d.maxX - d.minX + 0.1, 0.05, d.maxZ - d.minZ + 0.1]} />
        <meshLambertMaterial color="#f3ece0" />
      </mesh>
      <mesh position={[cx, 1.12, cz + (d.maxZ - d.minZ) / 2 - 0.25]}>
        <sphereGeometry args={[0.12, 12, 10]} />
        <meshLambertMaterial color={lamp.color} emissive={lamp.emissive} />
      </mesh>
      <SignPlane
        texture={sign.texture}
        width={signW}
        height={signH}
        position={place.sign}
        rotation={SIGN_TILT}
      />
      <NumberBoard counter={counter} lang={lang} position={place.board} height={boardH} />
    </group>
  );
}
