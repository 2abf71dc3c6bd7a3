import type { Counter } from '../../../shared/layout/layoutSchema.ts';
import type { Language } from '../../../shared/constants.ts';
import { SignBoard } from './SignBoard.tsx';
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
/** Hanging signs tilt towards the camera, which looks down on the hall from the south. */
export const SIGN_TILT: [number, number, number] = [-0.45, 0, 0];

/**
 * A service counter: the desk, a status lamp (green open, orange busy, yellow away, grey closed), and a hanging sign
 * with the counter number and department name in Japanese and English, facing the camera.
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
      <SignBoard
        id={`counter-${counter.id}-${lang}${relabelled ? '-disaster' : ''}`}
        // Above and behind the desk (over the staff side), so it never covers the resident being served.
        position={[(cx + counter.staffSpot[0]) / 2, 3.6, cz]}
        rotation={SIGN_TILT}
        height={SIGN_HEIGHT}
        lines={[
          ...(relabelled
            ? [{ text: translate(lang, 'disaster.counterLabel'), size: 44, bold: true, color: '#ffffff' }]
            : []),
          { text: localized(lang, counter.name), size: 64, bold: true, color: '#ffffff' },
          { text: localized(other, counter.name), size: 40, color: '#e3edf7' },
        ]}
        options={{
          background: relabelled ? '#c92a2a' : '#1c4e80',
          maxTextWidth: 620,
          badge: { text: String(counter.number), background: '#ffffff', color: '#1c4e80' },
        }}
      />
    </group>
  );
}
