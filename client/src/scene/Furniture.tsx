import type { Furniture as FurnitureItem } from '../../../shared/layout/layoutSchema.ts';
import type { Language } from '../../../shared/constants.ts';
import { SignBoard } from './SignBoard.tsx';
import { SIGN_TILT } from './CounterDesk.tsx';
import { localized } from '../../../shared/i18n/localized.ts';
import { secondSignLanguage } from '../../../shared/i18n/languages.ts';
import { useBriefingStore } from '../store/briefingStore.ts';

const COLORS: Record<FurnitureItem['kind'], string> = {
  infoDesk: '#2f6fa8',
  stage: '#b98a5a',
  bench: '#8a6a4a',
  plant: '#7b5b3b',
  table: '#d9c3a5',
};

/** Furniture from the layout; the information desk and stage carry their own signs. */
export function Furniture({ item, lang }: { item: FurnitureItem; lang: Language }) {
  // In a briefing the stage's screen hangs where its name does (StageScreen).
  const screenUp = useBriefingStore((s) => s.event !== null);
  const r = item.rect;
  const cx = (r.minX + r.maxX) / 2;
  const cz = (r.minZ + r.maxZ) / 2;
  const w = r.maxX - r.minX;
  const d = r.maxZ - r.minZ;
  if (item.kind === 'plant') {
    return (
      <group position={[cx, 0, cz]}>
        <mesh position={[0, 0.25, 0]}>
          <cylinderGeometry args={[w * 0.35, w * 0.28, 0.5, 10]} />
          <meshLambertMaterial color={COLORS.plant} />
        </mesh>
        <mesh position={[0, 0.95, 0]}>
          <sphereGeometry args={[w * 0.55, 10, 8]} />
          <meshLambertMaterial color="#4f9a5b" />
        </mesh>
      </group>
    );
  }
  const other = secondSignLanguage(lang);
  return (
    <group>
      <mesh position={[cx, item.height / 2, cz]}>
        <boxGeometry args={[w, item.height, d]} />
        <meshLambertMaterial color={COLORS[item.kind]} />
      </mesh>
      {item.name && item.kind === 'infoDesk' && (
        <SignBoard
          id={`furniture-${item.id}-${lang}`}
          position={[cx, 2.7, cz]}
          rotation={SIGN_TILT}
          height={1.2}
          lines={[
            { text: localized(lang, item.name), size: 64, bold: true, color: '#ffffff' },
            { text: localized(other, item.name), size: 40, color: '#e3f0fb' },
          ]}
          options={{ background: '#2f6fa8', badge: { text: 'i', background: '#ffffff', color: '#2f6fa8' } }}
        />
      )}
      {item.name && item.kind === 'stage' && !screenUp && (
        <SignBoard
          id={`furniture-${item.id}-${lang}`}
          position={[cx, 3.4, r.minZ + 0.2]}
          height={1.1}
          lines={[
            { text: localized(lang, item.name), size: 60, bold: true, color: '#5a3b1c' },
            { text: localized(other, item.name), size: 30, color: '#7a5a3a' },
          ]}
          options={{ background: '#f6ead8' }}
        />
      )}
    </group>
  );
}
