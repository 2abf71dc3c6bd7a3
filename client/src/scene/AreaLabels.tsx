import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { Language } from '../../../shared/constants.ts';
import { SignBoard } from './SignBoard.tsx';
import { localized } from '../../../shared/i18n/localized.ts';
import { secondSignLanguage } from '../../../shared/i18n/languages.ts';

/** Area names painted on the floor, as wayfinding markings in a real hall. */
export function AreaLabels({ hall, lang }: { hall: Hall; lang: Language }) {
  const other = secondSignLanguage(lang);
  return (
    <group>
      {hall.layout.areas.map((a) => {
        const cx = (a.rect.minX + a.rect.maxX) / 2;
        // Counter halls are long; label them near their south end where residents walk in.
        const z =
          a.kind === 'counters'
            ? a.rect.maxZ - 2.5
            : a.kind === 'lobby'
              ? a.rect.minZ + 3.2
              : (a.rect.minZ + a.rect.maxZ) / 2;
        const size = a.kind === 'consultation' ? 0.9 : 1.4;
        return (
          <SignBoard
            key={a.id}
            id={`area-${a.id}-${lang}`}
            position={[cx, 0.03, z]}
            rotation={[-Math.PI / 2, 0, 0]}
            height={size}
            lines={[
              { text: localized(lang, a.name), size: 64, bold: true, color: 'rgba(40, 60, 80, 0.78)' },
              { text: localized(other, a.name), size: 32, color: 'rgba(40, 60, 80, 0.6)' },
            ]}
            options={{ padding: 8 }}
          />
        );
      })}
    </group>
  );
}
