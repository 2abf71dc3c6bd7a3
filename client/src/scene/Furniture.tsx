import type { Furniture as FurnitureItem } from '../../../shared/layout/layoutSchema.ts';
import type { Language } from '../../../shared/constants.ts';
import { SignBoard } from './SignBoard.tsx';
import { SIGN_TILT } from './counterSignLayout.ts';
import { localized } from '../../../shared/i18n/localized.ts';
import { secondSignLanguage } from '../../../shared/i18n/languages.ts';
import { useBriefingStore } from '../store/briefingStore.ts';

/** The signs of the layout's furniture: the information desk's and the stage's. */
export function Furniture({ item, lang }: { item: FurnitureItem; lang: Language }) {
  // In a briefing the stage's screen hangs where its name does (StageScreen).
  const screenUp = useBriefingStore((s) => s.event !== null);
  const r = item.rect;
  const cx = (r.minX + r.maxX) / 2;
  const cz = (r.minZ + r.maxZ) / 2;
  const other = secondSignLanguage(lang);
  return (
    <group>
      {/* The furniture itself is FurnitureBatch's and Stage's merged meshes; here are its signs. */}
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
          options={{ background: '#1c4e80', pictogram: { kind: 'information' } }}
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
